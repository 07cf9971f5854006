import {
  Alert,
  Card,
  CloseButton,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { InspectionStepSchema, inspectionStepProblems, todayInVietnam } from '@quyche/core';
import type { InspectionFacts, InspectionState } from '@quyche/core';
import { api } from '../../app/api';
import { chooseLead, SupervisorSelect } from '../task/task.fields';
import { FormDate } from '../../app/ui/date-field';
import { AddRowButton } from '../../app/ui/add-row-button';
import { TitledCard } from '../../app/ui/shared-section-card';
import { useTr } from '../../app/ui/i18n';
import { useTaskOrg } from '../task/task.parts';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import { FormProblem } from '../../app/ui/form-problem';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import type { Inspection } from './program.parts';
import { StepButton, StepForm } from '../../app/ui/workflow-step';

const OPEN = ['draft', 'assigned', 'in_progress', 'reported'];

/** The steps of an inspection, by the state they lead to. */
const STEP_LABELS: Record<string, { vi: string; en: string }> = {
  decided: { vi: 'Quyết định kiểm tra, giám sát', en: 'Decide' },
  in_progress: { vi: 'Bắt đầu tiến hành', en: 'Start' },
  concluded: { vi: 'Kết luận', en: 'Conclude' },
  verified: { vi: 'Kiểm tra việc khắc phục', en: 'Verify the remedies' },
  cancelled: { vi: 'Hủy cuộc kiểm tra, giám sát', en: 'Cancel' },
};

export const factsOf = (i: Inspection): InspectionFacts => ({
  state: i.state,
  team: i.team.map((m) => ({ personId: m.personId, role: m.role })),
  targets: i.targets,
  windowFrom: i.windowFrom,
  windowTo: i.windowTo,
  decidedOn: i.decidedOn,
  findings: i.findings,
  conclusionText: i.conclusionText,
  concludedOn: i.concludedOn,
  openRemedies: i.remedies.filter((t) => OPEN.includes(t.state)).map((t) => t.title),
});

/**
 * The facts as the step's own form will state them (its date and text): what the form supplies is not a reason to
 * refuse.
 */
function withForm(i: Inspection, to: string): InspectionFacts {
  const f = factsOf(i);
  const day = i.windowFrom ?? todayInVietnam();
  if (to === 'decided') return { ...f, decidedOn: day };
  if (to === 'concluded') return { ...f, concludedOn: day, conclusionText: '…' };
  return f;
}

/**
 * What stops a step, from the server's `nextSteps`, without the problems its form answers: the server judges the
 * inspection as it stands (no decision date before the decision), the form brings the date and the text.
 */
export function blockingProblems(i: Inspection, step: Inspection['nextSteps'][number]): string[] {
  const to = step.to as InspectionState;
  const now = inspectionStepProblems(factsOf(i), to);
  const filled = new Set(inspectionStepProblems(withForm(i, to), to));
  const supplied = new Set(now.filter((p) => !filled.has(p)));
  return step.problems.filter((p) => !supplied.has(p));
}

interface Remedy {
  title: string;
  /** The one lead unit's id ('' until chosen); sent as `leads`. */
  leads: string;
  dueDate: string;
  supervisorPersonId: string;
}

/** The step form's inputs, named as the step's body names them (so each refusal shows beside its input). */
const BLANK = {
  decidedOn: '',
  decisionSymbol: '',
  concludedOn: '',
  conclusionText: '',
  conclusionSymbol: '',
  remedies: [] as Remedy[],
  verifiedOn: '',
  verificationText: '',
  note: '',
};
type Values = typeof BLANK;

/** The next steps as buttons, each disabled with its reasons when not possible yet; the step's small form. */
export function InspectionSteps({ i, onInspection }: { i: Inspection; onInspection: (i: Inspection) => void }) {
  const [l, tr] = useTr();
  const { leads, members } = useTaskOrg(i.orgId);
  const today = todayInVietnam();
  const [active, setActive] = useState<string | null>(null);
  const leadOf = (id: string) => ({ kind: 'unit' as const, id, name: leads.find((x) => x.value === id)?.label ?? '' });
  const bodyOf = (x: Values) => {
    const version = i.version;
    switch (active) {
      case 'decided':
        return {
          version,
          to: 'decided' as const,
          decidedOn: x.decidedOn,
          decisionSymbol: blankAs(x.decisionSymbol, null),
        };
      case 'concluded':
        return {
          version,
          to: 'concluded' as const,
          concludedOn: x.concludedOn,
          conclusionText: x.conclusionText.trim(),
          conclusionSymbol: blankAs(x.conclusionSymbol, null),
          remedies: x.remedies.map((r) => ({
            title: r.title.trim(),
            leads: r.leads ? [leadOf(r.leads)] : [],
            dueDate: r.dueDate,
            supervisorPersonId: r.supervisorPersonId || null,
          })),
        };
      case 'verified':
        return {
          version,
          to: 'verified' as const,
          verifiedOn: x.verifiedOn,
          verificationText: x.verificationText.trim(),
        };
      case 'cancelled':
        return { version, to: 'cancelled' as const, note: x.note.trim() };
      default:
        return { version, to: 'in_progress' as const };
    }
  };
  const form = useSchemaForm(InspectionStepSchema, BLANK, bodyOf);
  const v = form.values;
  const a = useRun<Inspection>((x) => {
    onInspection(x);
    setActive(null);
  });
  if (i.nextSteps.length === 0) return null;
  const open = (to: string) => {
    a.setError(null);
    setActive(active === to ? null : to);
    const decidedOn = i.windowFrom && i.windowFrom < today ? i.windowFrom : today;
    const concludedOn = i.windowTo && i.windowTo > today ? i.windowTo : today;
    form.setValues({ ...BLANK, decidedOn, concludedOn, verifiedOn: today });
    form.clearErrors();
  };
  const remedies = v.remedies;
  const setRemedies = (f: (xs: Remedy[]) => Remedy[]) => form.setFieldValue('remedies', f(form.values.remedies));
  const submit = form.submitBody(
    (body) => void a.run(() => api<Inspection>('POST', `/inspections/${i.id}/transition`, body)),
  );
  // The form's own values, checked with the same rule as the server's.
  const live =
    active === 'decided'
      ? inspectionStepProblems({ ...factsOf(i), decidedOn: v.decidedOn || null }, 'decided')
      : active === 'concluded'
        ? inspectionStepProblems(
            { ...factsOf(i), concludedOn: v.concludedOn || null, conclusionText: v.conclusionText },
            'concluded',
          )
        : [];
  const dateKey = active === 'decided' ? 'decidedOn' : active === 'concluded' ? 'concludedOn' : 'verifiedOn';
  const symbolKey = active === 'decided' ? 'decisionSymbol' : 'conclusionSymbol';
  const textKey = active === 'concluded' ? 'conclusionText' : active === 'verified' ? 'verificationText' : 'note';
  return (
    <TitledCard title={tr('Các bước tiếp theo', 'Next steps')} testid="inspection-steps">
      <Stack gap="xs">
        {i.nextSteps.map((s) => {
          const problems = blockingProblems(i, s);
          return (
            <Stack
              key={s.to}
              gap={2}
              data-testid="inspection-step"
              data-to={s.to}
              data-possible={String(problems.length === 0)}
            >
              <Group gap="xs">
                <StepButton
                  label={STEP_LABELS[s.to]?.[l] ?? s.to}
                  open={active === s.to}
                  tone={s.to === 'cancelled' ? 'end' : s.to === 'verified' ? 'complete' : undefined}
                  disabled={problems.length > 0}
                  onClick={() => open(s.to)}
                  testid={`inspection-step-${s.to}`}
                />
              </Group>
              {problems.length > 0 && (
                <List size="sm" c="red.8" data-testid={`inspection-step-${s.to}-problems`}>
                  {problems.map((p) => (
                    <List.Item key={p}>{p}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          );
        })}
      </Stack>
      {active && (
        <StepForm
          step={active}
          testid="inspection-step-form"
          submitLabel={STEP_LABELS[active]?.[l] ?? active}
          submitTestid="inspection-step-submit"
          onSubmit={() => submit()}
          busy={a.busy}
          ends={active === 'cancelled'}
          onCancel={() => setActive(null)}
        >
          {active === 'in_progress' && (
            <Text size="sm">
              {tr(
                'Đoàn bắt đầu làm việc với các đối tượng; kết quả được ghi khi đang tiến hành.',
                'The team starts its work; findings are recorded while in progress.',
              )}
            </Text>
          )}
          {(active === 'decided' || active === 'concluded' || active === 'verified') && (
            <FormDate form={form} path={dateKey} testid="inspection-step-date" required>
              {active === 'decided'
                ? tr('Ngày quyết định', 'Decided on')
                : active === 'concluded'
                  ? tr('Ngày kết luận', 'Concluded on')
                  : tr('Ngày kiểm tra việc khắc phục', 'Verified on')}
            </FormDate>
          )}
          {(active === 'decided' || active === 'concluded') && (
            <TextInput
              label={
                active === 'decided'
                  ? tr('Số quyết định', 'Decision no.')
                  : tr('Số thông báo kết luận', 'Conclusion no.')
              }
              description={
                i.decidingBody === 'UBKT'
                  ? tr('Ủy ban Kiểm tra ghi số văn bản của mình', 'The commission writes its own number')
                  : tr('Để trống: hệ thống cấp số', 'Empty: numbered by the system')
              }
              {...form.getInputProps(symbolKey)}
              data-testid="inspection-step-symbol"
              w={260}
              maw="100%"
            />
          )}
          {(active === 'concluded' || active === 'verified' || active === 'cancelled') && (
            <Textarea
              label={
                active === 'concluded'
                  ? tr('Nội dung kết luận', 'Conclusion')
                  : active === 'verified'
                    ? tr('Kết quả kiểm tra việc khắc phục', 'Verification')
                    : tr('Lý do hủy', 'Reason')
              }
              {...form.getInputProps(textKey)}
              autosize
              minRows={3}
              required
              data-testid="inspection-step-text"
            />
          )}
          {active === 'concluded' && (
            <Stack gap="xs" data-testid="remedies-form">
              <Text size="sm" fw={600}>
                {tr('Nhiệm vụ khắc phục (mỗi nhiệm vụ một đơn vị chủ trì)', 'Remedies (one lead each)')}
              </Text>
              {remedies.map((_, k) => (
                <Card key={k} withBorder p="xs" data-testid="remedy">
                  <Group justify="space-between" wrap="nowrap" align="start">
                    <Text fw={700} size="sm">
                      {k + 1}.
                    </Text>
                    <CloseButton
                      aria-label={tr('Bỏ nhiệm vụ này', 'Remove')}
                      onClick={() => setRemedies((xs) => xs.filter((_, j) => j !== k))}
                      data-testid="remedy-remove"
                    />
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <TextInput
                      label={tr('Nhiệm vụ khắc phục', 'Remedy')}
                      {...form.getInputProps(`remedies.${k}.title`)}
                      required
                      data-testid="remedy-title"
                    />
                    <NativeSelect
                      label={tr('Đơn vị chủ trì', 'Lead unit')}
                      {...form.getInputProps(`remedies.${k}.leads`)}
                      data={chooseLead(leads, l)}
                      data-testid="remedy-lead"
                    />
                    <FormDate form={form} path={`remedies.${k}.dueDate`} testid="remedy-due" required>
                      {tr('Hạn hoàn thành', 'Due')}
                    </FormDate>
                    <SupervisorSelect
                      label={tr('Ủy viên theo dõi', 'Supervisor')}
                      {...form.getInputProps(`remedies.${k}.supervisorPersonId`)}
                      members={members}
                      testid="remedy-supervisor"
                    />
                  </SimpleGrid>
                </Card>
              ))}
              <AddRowButton
                onClick={() =>
                  setRemedies((xs) => [...xs, { title: '', leads: '', dueDate: '', supervisorPersonId: '' }])
                }
                testid="remedy-add"
              >
                {tr('Thêm nhiệm vụ khắc phục', 'Add a remedy')}
              </AddRowButton>
            </Stack>
          )}
          {live.length > 0 && (
            <Alert color="orange" data-testid="inspection-step-live">
              <List size="sm">
                {live.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <FormProblem errors={form.errors} testid="inspection-step-problem" />
          <WriteError error={a.error} testid="inspection-step-error" onClose={() => a.setError(null)} />
        </StepForm>
      )}
    </TitledCard>
  );
}

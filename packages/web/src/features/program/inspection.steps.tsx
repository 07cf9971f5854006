import {
  Alert,
  Button,
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
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { inspectionStepProblems, todayInVietnam } from '@quyche/core';
import type { InspectionFacts, InspectionState } from '@quyche/core';
import { api } from '../../app/api';
import { DateField } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { groupedLeads, useTaskOrg } from '../task/task.parts';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
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
  lead: string;
  dueDate: string;
  supervisor: string;
}

/** The next steps as buttons, each disabled with its reasons when not possible yet; the step's small form. */
export function InspectionSteps({ i, onInspection }: { i: Inspection; onInspection: (i: Inspection) => void }) {
  const [l, tr] = useTr();
  const { leads, members } = useTaskOrg(i.orgId);
  const today = todayInVietnam();
  const [active, setActive] = useState<string | null>(null);
  const [on, setOn] = useState('');
  const [symbol, setSymbol] = useState('');
  const [text, setText] = useState('');
  const [remedies, setRemedies] = useState<Remedy[]>([]);
  const a = useRun<Inspection>((x) => {
    onInspection(x);
    setActive(null);
  });
  if (i.nextSteps.length === 0) return null;
  const open = (to: string) => {
    a.setError(null);
    setActive(active === to ? null : to);
    setSymbol('');
    setText('');
    setRemedies([]);
    if (to === 'decided') setOn(i.windowFrom && i.windowFrom < today ? i.windowFrom : today);
    else if (to === 'concluded') setOn(i.windowTo && i.windowTo > today ? i.windowTo : today);
    else setOn(today);
  };
  const setRemedy = (k: number, p: Partial<Remedy>) =>
    setRemedies((xs) => xs.map((x, j) => (j === k ? { ...x, ...p } : x)));
  const leadOf = (id: string) => ({ kind: 'unit' as const, id, name: leads.find((x) => x.value === id)?.label ?? '' });
  const submit = () => {
    const v = { version: i.version };
    const url = `/inspections/${i.id}/transition`;
    if (active === 'decided')
      return a.run(() =>
        api<Inspection>('POST', url, { ...v, to: 'decided', decidedOn: on, decisionSymbol: symbol.trim() || null }),
      );
    if (active === 'in_progress') return a.run(() => api<Inspection>('POST', url, { ...v, to: 'in_progress' }));
    if (active === 'concluded')
      return a.run(() =>
        api<Inspection>('POST', url, {
          ...v,
          to: 'concluded',
          concludedOn: on,
          conclusionText: text.trim(),
          conclusionSymbol: symbol.trim() || null,
          remedies: remedies.map((r) => ({
            title: r.title.trim(),
            leads: r.lead ? [leadOf(r.lead)] : [],
            dueDate: r.dueDate,
            supervisorPersonId: r.supervisor || null,
          })),
        }),
      );
    if (active === 'verified')
      return a.run(() =>
        api<Inspection>('POST', url, { ...v, to: 'verified', verifiedOn: on, verificationText: text.trim() }),
      );
    if (active === 'cancelled')
      return a.run(() => api<Inspection>('POST', url, { ...v, to: 'cancelled', note: text.trim() }));
  };
  // The form's own values, checked with the same rule as the server's.
  const live =
    active === 'decided'
      ? inspectionStepProblems({ ...factsOf(i), decidedOn: on || null }, 'decided')
      : active === 'concluded'
        ? inspectionStepProblems({ ...factsOf(i), concludedOn: on || null, conclusionText: text }, 'concluded')
        : [];
  const remediesOk = remedies.every((r) => r.title.trim() && r.lead && r.dueDate);
  const ready =
    active === 'in_progress' ||
    (active === 'decided' && !!on) ||
    (active === 'concluded' && !!on && !!text.trim() && remediesOk) ||
    (active === 'verified' && !!on && !!text.trim()) ||
    (active === 'cancelled' && !!text.trim());
  return (
    <Card withBorder data-testid="inspection-steps">
      <Title order={2} size="h4" mb="xs">
        {tr('Các bước tiếp theo', 'Next steps')}
      </Title>
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
          onSubmit={() => void submit()}
          busy={a.busy}
          ready={ready}
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
            <DateField
              label={
                active === 'decided'
                  ? tr('Ngày quyết định', 'Decided on')
                  : active === 'concluded'
                    ? tr('Ngày kết luận', 'Concluded on')
                    : tr('Ngày kiểm tra việc khắc phục', 'Verified on')
              }
              value={on}
              onChange={setOn}
              testid="inspection-step-date"
              required
            />
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
              value={symbol}
              onChange={(e) => setSymbol(e.currentTarget.value)}
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
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
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
              {remedies.map((r, k) => (
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
                      value={r.title}
                      onChange={(e) => setRemedy(k, { title: e.currentTarget.value })}
                      required
                      data-testid="remedy-title"
                    />
                    <NativeSelect
                      label={tr('Đơn vị chủ trì', 'Lead unit')}
                      value={r.lead}
                      onChange={(e) => setRemedy(k, { lead: e.currentTarget.value })}
                      data={[{ value: '', label: tr('(chọn một đơn vị)', '(choose one)') }, ...groupedLeads(leads, l)]}
                      data-testid="remedy-lead"
                    />
                    <DateField
                      label={tr('Hạn hoàn thành', 'Due')}
                      value={r.dueDate}
                      onChange={(v) => setRemedy(k, { dueDate: v })}
                      testid="remedy-due"
                      required
                    />
                    <NativeSelect
                      label={tr('Ủy viên theo dõi', 'Supervisor')}
                      value={r.supervisor}
                      onChange={(e) => setRemedy(k, { supervisor: e.currentTarget.value })}
                      data={[{ value: '', label: tr('(chọn Ủy viên)', '(choose a member)') }, ...members]}
                      data-testid="remedy-supervisor"
                    />
                  </SimpleGrid>
                </Card>
              ))}
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => setRemedies((xs) => [...xs, { title: '', lead: '', dueDate: '', supervisor: '' }])}
                data-testid="remedy-add"
                style={{ alignSelf: 'flex-start' }}
              >
                + {tr('Thêm nhiệm vụ khắc phục', 'Add a remedy')}
              </Button>
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
          <WriteError error={a.error} testid="inspection-step-error" onClose={() => a.setError(null)} />
        </StepForm>
      )}
    </Card>
  );
}

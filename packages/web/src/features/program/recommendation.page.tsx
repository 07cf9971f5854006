import { Anchor, Badge, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { RecommendationStepSchema, todayInVietnam } from '@quyche/core';
import { api } from '../../app/api';
import { chooseLead, SupervisorSelect } from '../task/task.fields';
import { ErrorView } from '../../app/ui/error-view';
import { RecordHead } from '../../app/ui/record-head';
import { TitledCard } from '../../app/ui/shared-section-card';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link } from '../../app/router';
import { FormDate } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import { dueText, PercentBar, StatusBadges, useTaskAccess, useTaskOrg } from '../task/task.parts';
import { recSourceLabel, RecStateBadge } from './program.parts';
import { useRun } from '../../app/ui/use-run';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import type { SchemaForm } from '../../app/ui/schema-form';
import { StepForm, StepText } from '../task/step-form';
import type { Recommendation } from './program.parts';
import { StepButton } from '../../app/ui/workflow-step';
import { useRecord } from '../../app/record';
import { TypedText } from '../../app/ui/typed-text';

function useRecommendation(id: string) {
  const { data: r, setData: setR, error } = useRecord<Recommendation>(`/recommendations/${encodeURIComponent(id)}`);
  return { r, setR, error };
}

const OPEN = ['received', 'assigned'];

/** A recommendation: its deadline and basis, the advisory task, the answer; assign, answer or withdraw it. */
export function RecommendationPage({ id }: { id: string }) {
  const [l, tr] = useTr();
  const { r, setR, error } = useRecommendation(id);
  const noLead = tr('chưa có', 'none');
  const access = useTaskAccess();
  const [active, setActive] = useState<'assigned' | 'answered' | 'withdrawn' | null>(null);
  useTitle(r?.title);
  if (error && !r) return <ErrorView error={error} />;
  if (!r) return <Loading />;
  const open = OPEN.includes(r.state);
  // The sender's staff may withdraw what their unit sent; the receiving organization assigns and answers.
  const canWithdraw = open && (r.canAnswer || (!!r.fromOrgId && access.canAssign({ orgId: r.fromOrgId })));
  const steps = [
    ...(r.canAnswer && r.state === 'received' ? (['assigned'] as const) : []),
    ...(r.canAnswer && open ? (['answered'] as const) : []),
    ...(canWithdraw ? (['withdrawn'] as const) : []),
  ];
  const label = {
    assigned: tr('Giao tham mưu', 'Assign for advice'),
    answered: tr('Trả lời kiến nghị', 'Answer'),
    withdrawn: tr('Rút kiến nghị', 'Withdraw'),
  };
  const done = (x: Recommendation) => {
    setR(x);
    setActive(null);
  };
  return (
    <Stack
      data-testid="recommendation-page"
      data-state={r.state}
      data-version={r.version}
      data-overdue={String(r.status.overdue)}
    >
      <RecordHead
        back="/recommendations"
        backLabel={tr('Kiến nghị, đề xuất', 'Recommendations')}
        badges={
          <>
            <RecStateBadge state={r.state} overdue={r.status.overdue} size="lg" />
            <Badge variant="light">{recSourceLabel(r.source, l)}</Badge>
          </>
        }
        title={r.title}
        titleTestid="rec-title"
        status={r.status.label_vi}
        statusTestid="rec-status-line"
        overdue={r.status.overdue}
      >
        <Text size="sm" data-testid="rec-parties">
          {tr('Nơi gửi', 'From')}: <b>{r.fromLabel}</b> · {tr('Gửi đến', 'To')}: <b>{r.orgName}</b>
          {r.toBodyName ? ` (${r.toBodyName})` : ''} · {tr('nhận ngày', 'received on')} {fmt(r.receivedOn)}
        </Text>
        <Text size="sm" data-testid="rec-due-line">
          {tr('Hạn trả lời', 'Answer due')}:{' '}
          <b className={r.status.overdue ? 'qc-red' : undefined}>
            {r.dueOn ? fmt(r.dueOn) : tr('quy chế không quy định', 'none in the regulation')}
          </b>
          {r.dueBasis && (
            <Text span size="xs" c="dimmed" data-testid="rec-due-basis">
              {' '}
              — {r.dueBasis.reason_vi}
            </Text>
          )}
        </Text>
        {r.inspectionId && (
          <Anchor component={Link} to={`/inspections/${r.inspectionId}`} size="sm" data-testid="rec-inspection">
            {tr('Cuộc kiểm tra, giám sát đề xuất', 'The inspection it comes from')}
          </Anchor>
        )}
        <TypedText testid="rec-text">{r.text}</TypedText>
        {!r.canAnswer && !canWithdraw && (
          <Text size="xs" c="dimmed" data-testid="read-only">
            {tr('Tài khoản của bạn chỉ được xem kiến nghị này.', 'Your account may view this recommendation only.')}
          </Text>
        )}
      </RecordHead>
      {r.tasks.length > 0 && (
        <TitledCard title={tr('Nhiệm vụ tham mưu trả lời', 'Advisory task')} testid="rec-tasks">
          <Stack gap="xs">
            {r.tasks.map((t) => (
              <Stack key={t.id} gap={2} data-testid="rec-task" data-state={t.state}>
                <Anchor component={Link} to={`/tasks/${t.id}`} size="sm" fw={600} data-testid="rec-task-link">
                  {t.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {tr('Chủ trì', 'Lead')}: <span data-testid="rec-task-lead">{t.lead?.name ?? noLead}</span> ·{' '}
                  {tr('Hạn', 'Due')}: {dueText(t, l)}
                </Text>
                <Group gap="xs" wrap="wrap">
                  <StatusBadges t={t} size="xs" />
                  <div style={{ flex: '1 1 120px', minWidth: 100 }}>
                    <PercentBar percent={t.percent} overdue={t.status.overdue} />
                  </div>
                </Group>
              </Stack>
            ))}
          </Stack>
        </TitledCard>
      )}
      {r.state === 'answered' && (
        <TitledCard title={tr('Trả lời', 'Answer')} testid="rec-answer">
          <Text size="sm" fw={600}>
            {r.answerSymbol ? `${tr('Văn bản số', 'Document no.')} ${r.answerSymbol} ` : ''}
            {tr('ngày', 'on')} {fmt(r.answeredOn)}
            {r.status.late ? ` — ${tr('chậm so với hạn', 'late')}` : ''}
          </Text>
          <TypedText>{r.answerText}</TypedText>
        </TitledCard>
      )}
      {steps.length > 0 && (
        <Card withBorder data-testid="rec-steps">
          <Group gap="xs" wrap="wrap">
            {steps.map((s) => (
              <StepButton
                key={s}
                label={label[s]}
                open={active === s}
                tone={s === 'withdrawn' ? 'end' : s === 'answered' ? 'complete' : undefined}
                onClick={() => setActive(active === s ? null : s)}
                testid={`rec-step-${s}`}
              />
            ))}
          </Group>
          {active === 'assigned' && <AssignForm r={r} onDone={done} />}
          {active === 'answered' && <AnswerForm r={r} onDone={done} />}
          {active === 'withdrawn' && <WithdrawForm r={r} onDone={done} />}
        </Card>
      )}
    </Stack>
  );
}

/**
 * The form of a step of the recommendation under its page (`rec-<name>-form`, `-error`, `-submit`): it sends the step
 * (POST …/transition) and hands the recommendation as it then stands to `onDone`.
 */
function RecStepForm({
  name,
  r,
  form,
  onDone,
  color,
  submit,
  children,
}: {
  name: string;
  r: Recommendation;
  form: Pick<SchemaForm<unknown, typeof RecommendationStepSchema>, 'errors' | 'submitBody'>;
  onDone: (r: Recommendation) => void;
  color?: string;
  submit: ReactNode;
  children: ReactNode;
}) {
  const a = useRun<Recommendation>(onDone);
  const send = form.submitBody(
    (body) => void a.run(() => api<Recommendation>('POST', `/recommendations/${r.id}/transition`, body)),
  );
  return (
    <StepForm
      testid={`rec-${name}-form`}
      mt="sm"
      onSubmit={send}
      form={form}
      run={a}
      errorTestid={`rec-${name}-error`}
      color={color}
      submitTestid={`rec-${name}-submit`}
      submitLabel={submit}
    >
      {children}
    </StepForm>
  );
}

/** "Giao tham mưu": a task for one lead to prepare the answer, due by the answer's deadline. */
function AssignForm({ r, onDone }: { r: Recommendation; onDone: (r: Recommendation) => void }) {
  const [l, tr] = useTr();
  const { leads, members } = useTaskOrg(r.orgId);
  const form = useSchemaForm(
    RecommendationStepSchema,
    { lead: '', dueDate: r.dueOn ?? '', supervisorPersonId: '' },
    (v) => ({
      version: r.version,
      to: 'assigned' as const,
      // None chosen: the schema names the missing lead ("Thiếu Đơn vị chủ trì tham mưu").
      lead: (v.lead
        ? { kind: 'unit' as const, id: v.lead, name: leads.find((x) => x.value === v.lead)?.label ?? '' }
        : undefined) as { kind: 'unit'; id: string; name: string },
      ...(v.dueDate ? { dueDate: v.dueDate } : {}),
      supervisorPersonId: v.supervisorPersonId || null,
    }),
  );
  return (
    <RecStepForm name="assign" r={r} form={form} onDone={onDone} submit={tr('Giao tham mưu', 'Assign')}>
      <NativeSelect
        label={tr('Đơn vị chủ trì tham mưu', 'Advising unit')}
        {...form.getInputProps('lead')}
        error={form.errors['lead'] ?? form.errors['lead.id'] ?? form.errors['lead.name']}
        data={chooseLead(leads, l)}
        required
        data-testid="rec-assign-lead"
      />
      <Group gap="xs" align="end" wrap="wrap">
        <FormDate form={form} path="dueDate" testid="rec-assign-due">
          {tr('Hạn tham mưu', 'Due')}
        </FormDate>
        <SupervisorSelect
          label={tr('Ủy viên theo dõi', 'Supervisor')}
          {...form.getInputProps('supervisorPersonId')}
          members={members}
          testid="rec-assign-supervisor"
          style={{ flex: '1 1 200px', minWidth: 0 }}
        />
      </Group>
    </RecStepForm>
  );
}

function AnswerForm({ r, onDone }: { r: Recommendation; onDone: (r: Recommendation) => void }) {
  const [, tr] = useTr();
  const form = useSchemaForm(
    RecommendationStepSchema,
    { answeredOn: todayInVietnam(), answerText: '', answerSymbol: '' },
    (v) => ({
      version: r.version,
      to: 'answered' as const,
      answeredOn: v.answeredOn,
      answerText: v.answerText.trim(),
      answerSymbol: blankAs(v.answerSymbol, null),
    }),
  );
  return (
    <RecStepForm name="answer" r={r} form={form} onDone={onDone} color="green" submit={tr('Trả lời', 'Answer')}>
      <Group gap="xs" align="end" wrap="wrap">
        <FormDate form={form} path="answeredOn" testid="rec-answer-date" required>
          {tr('Ngày trả lời', 'Answered on')}
        </FormDate>
        <FormText form={form} path="answerSymbol" testid="rec-answer-symbol" w={200}>
          {tr('Số văn bản trả lời', 'Document no.')}
        </FormText>
      </Group>
      <StepText form={form} path="answerText" testid="rec-answer-text" minRows={3}>
        {tr('Nội dung trả lời', 'Answer')}
      </StepText>
    </RecStepForm>
  );
}

function WithdrawForm({ r, onDone }: { r: Recommendation; onDone: (r: Recommendation) => void }) {
  const [, tr] = useTr();
  const form = useSchemaForm(RecommendationStepSchema, { note: '' }, (v) => ({
    version: r.version,
    to: 'withdrawn' as const,
    note: v.note.trim(),
  }));
  return (
    <RecStepForm name="withdraw" r={r} form={form} onDone={onDone} color="red" submit={tr('Rút kiến nghị', 'Withdraw')}>
      <StepText form={form} path="note" testid="rec-withdraw-note">
        {tr('Lý do rút', 'Reason')}
      </StepText>
    </RecStepForm>
  );
}

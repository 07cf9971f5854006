import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { describeDue, SIX_CLEAR, TaskTransitionSchema, todayInVietnam } from '@quyche/core';
import type { SixClear } from '@quyche/core';
import { api } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { RecordHead } from '../../app/ui/record-head';
import { TitledCard } from '../../app/ui/shared-section-card';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link } from '../../app/router';
import { FormDate } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { SIX_NAMES, TaskForm } from './task-form';
import { ExtensionsSection, ProgressSection } from './task-progress.section';
import { TaskNav } from './task.nav';
import {
  decidingName,
  needsNote,
  PercentBar,
  sourceKindLabel,
  StatusBadges,
  stepLabel,
  taskStateLabel,
  useTaskAction,
  useTaskOrg,
} from './task.parts';
import type { Task } from './task.parts';
import type { TaskSectionProps } from './task.types';
import type { OrgDetail } from '../../app/types';
import { StepButton, StepForm } from '../../app/ui/workflow-step';
import { WriteError } from '../../app/ui/write-error';
import { FormProblem } from '../../app/ui/form-problem';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { useRecord } from '../../app/record';

/** A task loaded once and replaced by every write's answer (each write returns the whole task). */
function useTask(id: string) {
  const { data: t, setData: setT, error, reload } = useRecord<Task>(`/tasks/${encodeURIComponent(id)}`);
  return { t, setT, error, reload };
}

/** What the account may do on a task when it may not assign it, said under the task's head; more than one may show. */
const ACCESS_HINTS: {
  testid: string;
  shown: (a: { canAssign: boolean; canLead: boolean; canDecide: boolean }) => boolean;
  vi: string;
  en: string;
}[] = [
  {
    testid: 'decide-only',
    shown: (a) => a.canDecide && !a.canAssign,
    vi:
      'Tài khoản lãnh đạo: quyết định gia hạn, nhận kết quả hoặc trả lại nhiệm vụ này; việc giao, sửa do ' +
      'văn phòng thực hiện.',
    en: 'Leader account: you decide extensions and accept or return the result; the office assigns and edits.',
  },
  {
    testid: 'read-only',
    shown: (a) => !a.canAssign && !a.canLead && !a.canDecide,
    vi: 'Tài khoản của bạn chỉ được xem nhiệm vụ này, không báo cáo, sửa hay quyết định.',
    en: 'Your account may view this task but not report on, change or decide it.',
  },
  {
    testid: 'lead-only',
    shown: (a) => a.canLead && !a.canAssign,
    vi:
      'Đơn vị của bạn chủ trì nhiệm vụ này: báo cáo tiến độ và đề nghị gia hạn; cấp đã giao nhận kết quả ' +
      'và quyết định gia hạn.',
    en: 'Your unit leads this task: it reports and asks for extensions; the assigning level accepts and decides.',
  },
];

export function TaskPage({ id }: { id: string }) {
  const [l, tr] = useTr();
  const { t, setT, error, reload } = useTask(id);
  // The assigning organization's bodies serve its writers (editing, deciding); a unit leading a task assigned from
  // above may not read the organization above, and has no need to.
  const { org } = useTaskOrg(t?.can.readOrg ? t.orgId : null);
  const [editing, setEditing] = useState(false);
  useTitle(t?.title);
  if (error && !t)
    return (
      <Stack>
        <TaskNav />
        <ErrorView error={error} />
      </Stack>
    );
  if (!t) return <Loading />;
  // The server says what the user may do: edit and move it (the assigning organization), report on it (also the
  // lead's).
  const canAssign = t.can.write;
  const canLead = t.can.report;
  const canDecide = t.can.decide;
  const props: TaskSectionProps = { t, onTask: setT, reload: () => void reload(), canAssign, canLead, canDecide, org };
  const editable = canAssign && ['draft', 'assigned', 'in_progress'].includes(t.state);
  return (
    <Stack>
      <TaskNav />
      <Stack data-testid="task-page" data-state={t.state} data-version={t.version} data-id={t.id}>
        <RecordHead
          back="/tasks"
          backLabel={tr('Danh sách nhiệm vụ', 'All tasks')}
          badges={<StatusBadges t={t} size="lg" />}
          title={t.title}
          titleTestid="task-title"
          status={
            l === 'vi'
              ? t.status.label_vi
              : `${taskStateLabel(t.state, l)}${t.status.extended ? `, extended to ${fmt(t.extendedTo)}` : ''}` +
                `${t.status.overdue ? `, overdue since ${fmt(t.status.due)}` : ''}`
          }
          statusTestid="task-status"
          overdue={t.status.overdue}
        >
          <PercentBar percent={t.percent} overdue={t.status.overdue} />
          <Text size="sm" data-testid="task-source-line">
            {tr('Nguồn', 'Source')}:{' '}
            {t.sourceKind === 'conclusion_item' ? (
              <>
                {tr('Thông báo kết luận', 'Conclusion')}{' '}
                {t.sourceMeetingId ? (
                  <Anchor
                    component={Link}
                    to={`/meetings/${t.sourceMeetingId}`}
                    size="sm"
                    data-testid="task-source-meeting"
                  >
                    {t.sourceLabel ?? tr('của hội nghị', 'of the meeting')}
                  </Anchor>
                ) : (
                  <b>{t.sourceLabel}</b>
                )}
                {t.sourceBodyName ? ` (${t.sourceBodyName})` : ''}
              </>
            ) : (
              <>
                {sourceKindLabel(t.sourceKind, l)}
                {t.sourceLabel ? ': ' : ''}
                {t.sourceLabel && t.sourceProgramId ? (
                  <Anchor
                    component={Link}
                    to={`/programs/${t.sourceProgramId}`}
                    size="sm"
                    data-testid="task-source-program"
                  >
                    {t.sourceLabel}
                  </Anchor>
                ) : (
                  t.sourceLabel
                )}
                {t.sourceBodyName ? ` (${tr('giao bởi', 'assigned by')} ${t.sourceBodyName})` : ''}
              </>
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {t.assignedOn
              ? `${tr('Giao ngày', 'Assigned on')} ${fmt(t.assignedOn)}`
              : tr('Chưa giao', 'Not assigned yet')}
            {t.doneOn ? ` · ${tr('Hoàn thành ngày', 'Done on')} ${fmt(t.doneOn)}` : ''}
            {t.confidentiality > 0 ? ` · ${tr('Độ mật', 'Confidentiality')} ${t.confidentiality}` : ''}
          </Text>
          {t.exceeded && (
            <Text size="sm" c="green.8" data-testid="task-exceeded">
              {tr('Hoàn thành vượt mức yêu cầu', 'Done beyond what was asked')}: {t.exceeded}
            </Text>
          )}
          {ACCESS_HINTS.filter((h) => h.shown({ canAssign, canLead, canDecide })).map((h) => (
            <Text key={h.testid} size="xs" c="dimmed" data-testid={h.testid}>
              {tr(h.vi, h.en)}
            </Text>
          ))}
        </RecordHead>
        <SixCards
          t={t}
          org={org}
          action={
            editable && !editing ? (
              <Button variant="light" size="xs" onClick={() => setEditing(true)} data-testid="task-edit">
                {t.state === 'draft'
                  ? tr('Bổ sung "6 rõ"', 'Complete the 6 points')
                  : tr('Sửa nhiệm vụ', 'Edit the task')}
              </Button>
            ) : null
          }
        />
        {editable && editing && (
          <TitledCard title={tr('Sửa nội dung giao', 'Edit the assignment')} testid="task-edit-card">
            <TaskForm
              orgId={t.orgId}
              task={t}
              onSaved={(x) => {
                setT(x);
                setEditing(false);
              }}
              onCancel={() => setEditing(false)}
            />
          </TitledCard>
        )}
        <CompetenceCard t={t} />
        <StepsCard {...props} />
        <MilestonesCard t={t} />
        <ProgressSection {...props} />
        <ExtensionsSection {...props} />
      </Stack>
    </Stack>
  );
}

/** The six "rõ" of the task, a card each: green when stated, red (with what is missing) when not. */
function SixCards({ t, org, action }: { t: Task; org: OrgDetail | undefined; action: ReactNode }) {
  const [l, tr] = useTr();
  const missing = (c: SixClear) => t.sixClear.missing.filter((m) => m.code === c);
  const value: Record<SixClear, ReactNode> = {
    ro_nguoi: t.lead ? (
      <>
        <b>{t.lead.name}</b>
        {t.supporting.length > 0 && (
          <Text size="xs" c="dimmed">
            {tr('Phối hợp', 'Supporting')}: {t.supporting.map((s) => s.name).join(', ')}
          </Text>
        )}
      </>
    ) : null,
    ro_viec: t.title,
    ro_thoi_gian:
      t.dueDate || t.dueMeetingId ? (
        <>
          {t.dueMeetingId && !t.dueDate ? (
            <Anchor component={Link} to={`/meetings/${t.dueMeetingId}`} size="sm">
              {describeDue({ date: null, meetingId: t.dueMeetingId, label: t.dueLabel })}
            </Anchor>
          ) : (
            <span style={t.extendedTo ? { textDecoration: 'line-through' } : undefined}>{fmt(t.dueDate)}</span>
          )}
          {t.extendedTo && (
            <Text size="sm" c="orange.8" fw={600} span data-testid="six-extended">
              {' '}
              {tr('gia hạn đến', 'extended to')} {fmt(t.extendedTo)}
            </Text>
          )}
        </>
      ) : null,
    ro_trach_nhiem: t.supervisorName ? (
      t.supervisorPersonId ? (
        <Anchor component={Link} to={`/person/${t.supervisorPersonId}`} size="sm">
          {t.supervisorName}
        </Anchor>
      ) : (
        t.supervisorName
      )
    ) : null,
    // The deciding level by its name in the organization's regulation.
    ro_tham_quyen: t.decidingBody ? (t.decidingBodyName ?? decidingName(t.decidingBody, org)) : null,
    ro_san_pham: t.product,
  };
  const hint: Record<SixClear, string> = {
    ro_nguoi: tr('Đơn vị chủ trì', 'Lead'),
    ro_viec: tr('Nội dung', 'Task'),
    ro_thoi_gian: tr('Thời hạn', 'Deadline'),
    ro_trach_nhiem: tr('Ủy viên BTV theo dõi', 'Supervising member'),
    ro_tham_quyen: tr('Cấp quyết định', 'Deciding level'),
    ro_san_pham: tr('Sản phẩm', 'Product'),
  };
  return (
    <Stack gap="xs" data-testid="six-cards" data-complete={String(t.sixClear.complete)}>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Title order={2} size="h4">
            {tr('"6 rõ" của nhiệm vụ', 'The 6 clear points')}
          </Title>
          <Badge color={t.sixClear.complete ? 'green' : 'red'} data-testid="six-summary">
            {t.sixClear.complete
              ? tr('Đủ 6 rõ', 'All 6 stated')
              : tr(
                  `Thiếu ${new Set(t.sixClear.missing.map((m) => m.code)).size} rõ`,
                  `${new Set(t.sixClear.missing.map((m) => m.code)).size} missing`,
                )}
          </Badge>
        </Group>
        {action}
      </Group>
      {t.sixClear.refused && (
        <Alert color="red" data-testid="six-refused">
          {t.sixClear.refused.message_vi}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
        {SIX_CLEAR.map((c) => {
          const m = missing(c);
          const ok = m.length === 0;
          return (
            <Card
              key={c}
              withBorder
              p="sm"
              className={`qc-six ${ok ? 'qc-six-ok' : 'qc-six-missing'}`}
              data-testid="six-card"
              data-code={c}
              data-ok={String(ok)}
            >
              <Group gap={6} wrap="nowrap" mb={4}>
                <Badge color={ok ? 'green' : 'red'} size="sm" variant="filled">
                  {ok ? '✓' : '✗'}
                </Badge>
                <Text fw={700} size="sm">
                  {SIX_NAMES[c][l]}
                </Text>
                <Text size="xs" c="dimmed">
                  {hint[c]}
                </Text>
              </Group>
              <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }} data-testid="six-value">
                {value[c] ?? <i>{tr('Chưa xác định', 'Not stated')}</i>}
              </Text>
              {m.map((x, i) => (
                <Text key={i} size="xs" c="red.8">
                  {x.message_vi}
                </Text>
              ))}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

/** R9: the deciding level against the regulation's competence for the matter; the warning cites the clause. */
function CompetenceCard({ t }: { t: Task }) {
  const [, tr] = useTr();
  if (!t.competence) return null;
  const c = t.competence;
  return (
    <Alert
      color={c.ok ? 'green' : 'orange'}
      title={c.ok ? tr('Đúng thẩm quyền', 'Within competence') : tr('Cảnh báo thẩm quyền', 'Competence warning')}
      data-testid="competence"
      data-ok={String(c.ok)}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {c.reason_vi}
      </Text>
    </Alert>
  );
}

/** The steps allowed now (Giao, Nhận kết quả, Trả lại, Hủy …), each with its small form; a report finishes a task. */
function StepsCard({ t, onTask, reload, canAssign, canDecide }: TaskSectionProps) {
  const [l, tr] = useTr();
  const [active, setActive] = useState<string | null>(null);
  // Accepting a result may say it went beyond what was asked (the year's assessment counts it), and what.
  const [beyond, setBeyond] = useState(false);
  const form = useSchemaForm(TaskTransitionSchema, { on: '', note: '', exceeded: '' }, (v) => ({
    version: t.version,
    to: (active ?? '') as (typeof TaskTransitionSchema)['shape']['to']['options'][number],
    ...(v.on ? { on: v.on } : {}),
    note: blankAs(v.note, null),
    ...(active === 'done' && beyond ? { exceeded: blankAs(v.exceeded, null) } : {}),
  }));
  const a = useTaskAction((x) => {
    onTask(x);
    setActive(null);
  }, reload);
  // Reporting finished goes through the progress report (with its text and evidence), not a bare step.
  // A leader who does not assign still decides a reported result: accept it, or send it back.
  const decisions = t.state === 'reported' ? ['done', 'in_progress'] : [];
  const steps = t.allowedSteps.filter((s) => s !== 'reported' && (canAssign || (canDecide && decisions.includes(s))));
  if (steps.length === 0) return null;
  const today = todayInVietnam();
  const open = (s: string) => {
    a.setError(null);
    setActive(active === s ? null : s);
    form.setValues({ on: today, note: '', exceeded: '' });
    setBeyond(false);
    form.clearErrors();
  };
  const noteLabel =
    active === 'cancelled'
      ? tr('Lý do hủy', 'Reason')
      : active === 'transferred'
        ? tr('Lý do, nơi chuyển giao', 'Reason, transferred to')
        : active === 'in_progress' && t.state === 'reported'
          ? tr('Ý kiến khi trả lại', 'Why it is sent back')
          : tr('Ghi chú', 'Note');
  // The schema takes a step without a note; cancelling and transferring need one (the rule), named like the schema's.
  const submit = form.submitBody((body) => {
    if (active && needsNote(active) && !body.note) form.setFieldError('note', `${noteLabel} không được để trống`);
    else if (active === 'done' && beyond && !body.exceeded)
      form.setFieldError('exceeded', 'Vượt mức ở điểm nào không được để trống');
    else void a.run(() => api<Task>('POST', `/tasks/${t.id}/transition`, body));
  });
  const dateLabel =
    active === 'done'
      ? tr('Ngày nhận kết quả', 'Accepted on')
      : active === 'assigned'
        ? tr('Ngày giao', 'Assigned on')
        : tr('Ngày', 'Date');
  return (
    <TitledCard title={tr('Xử lý nhiệm vụ', 'Steps')} testid="task-steps">
      {t.state === 'reported' && (
        <Text size="sm" mb="xs" data-testid="awaiting-acceptance">
          {tr(
            'Đơn vị chủ trì đã báo cáo hoàn thành: nhận kết quả hoặc trả lại để tiếp tục thực hiện.',
            'The lead reported the task finished: accept it or send it back.',
          )}
        </Text>
      )}
      <Group gap="xs" wrap="wrap">
        {steps.map((s) => (
          <StepButton
            key={s}
            label={stepLabel(t.state, s, l)}
            open={active === s}
            tone={s === 'cancelled' ? 'end' : s === 'done' ? 'complete' : undefined}
            onClick={() => open(s)}
            testid={`step-${s}`}
          />
        ))}
      </Group>
      {active && (
        <StepForm
          step={active}
          testid="step-form"
          submitLabel={stepLabel(t.state, active, l)}
          submitTestid="step-submit"
          onSubmit={() => submit()}
          busy={a.busy}
          ends={active === 'cancelled'}
          onCancel={() => setActive(null)}
        >
          <FormDate form={form} path="on" testid="step-date">
            {dateLabel}
          </FormDate>
          <Textarea
            label={noteLabel}
            {...form.getInputProps('note')}
            required={needsNote(active)}
            autosize
            minRows={2}
            data-testid="step-note"
          />
          {active === 'done' && (
            <>
              <Checkbox
                label={tr(
                  'Kết quả vượt mức yêu cầu (tính khi đánh giá, xếp loại cuối năm)',
                  'Beyond what was asked (counted in the annual assessment)',
                )}
                checked={beyond}
                onChange={(e) => setBeyond(e.currentTarget.checked)}
                data-testid="step-exceeded"
              />
              {beyond && (
                <Textarea
                  label={tr('Vượt mức ở điểm nào', 'What went beyond')}
                  {...form.getInputProps('exceeded')}
                  required
                  autosize
                  minRows={2}
                  data-testid="step-exceeded-note"
                />
              )}
            </>
          )}
          <FormProblem errors={form.errors} testid="step-problem" />
        </StepForm>
      )}
      <WriteError error={a.error} testid="step-error" onClose={() => a.setError(null)} />
    </TitledCard>
  );
}

function MilestonesCard({ t }: { t: Task }) {
  const [, tr] = useTr();
  if (t.milestones.length === 0) return null;
  const today = todayInVietnam();
  return (
    <TitledCard title={tr('Mốc tiến độ', 'Milestones')} testid="task-milestones-view">
      <Stack gap={4}>
        {t.milestones.map((m) => (
          <Group key={m.id} gap="xs" wrap="nowrap" align="start" data-testid="milestone">
            <Badge color={m.doneOn ? 'green' : m.dueDate < today ? 'red' : 'gray'} variant="light" miw={96}>
              {fmt(m.dueDate)}
            </Badge>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {m.title}
              {m.doneOn ? ` — ${tr('xong ngày', 'done on')} ${fmt(m.doneOn)}` : ''}
            </Text>
          </Group>
        ))}
      </Stack>
    </TitledCard>
  );
}

import {
  Badge,
  Card,
  Checkbox,
  CloseButton,
  Group,
  List,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import {
  addDays,
  checkSixClear,
  CreateTaskSchema,
  SIX_CLEAR,
  SIX_CLEAR_LABELS,
  TASK_SOURCE_KINDS,
  todayInVietnam,
  UpdateTaskSchema,
} from '@quyche/core';
import type { SixClear, SixClearCheck } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { chooseLead, DecidingSelect, SupervisorSelect, SupportingInput } from './task.fields';
import { nextTwelveMonths } from '../../app/ui/dates';
import { StepText } from './step-form';
import { AddRowButton } from '../../app/ui/add-row-button';
import { navigate } from '../../app/router';
import { DateField, FormDate } from '../../app/ui/date-field';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import type { MeetingListItem } from '../../app/types';
import { sourceKindLabel, useTaskAction, useTaskOrg } from './task.parts';
import type { LeadOption, Task } from './task.parts';
import { MeetingSelect } from '../../app/ui/meeting-select';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { FormEnd } from '../../app/ui/shared-form-end';

/** The six "rõ" as the form asks them, each with its short name. */
export const SIX_NAMES: Record<SixClear, { vi: string; en: string }> = {
  ro_nguoi: { vi: 'Rõ người', en: 'Who' },
  ro_viec: { vi: 'Rõ việc', en: 'What' },
  ro_thoi_gian: { vi: 'Rõ thời gian', en: 'When' },
  ro_trach_nhiem: { vi: 'Rõ trách nhiệm', en: 'Accountable' },
  ro_tham_quyen: { vi: 'Rõ thẩm quyền', en: 'Competence' },
  ro_san_pham: { vi: 'Rõ sản phẩm', en: 'Product' },
};

type Draft = {
  title: string;
  /** Normally one lead; a second can be added, and the 6 rõ rule then refuses the task. */
  leads: string[];
  supporting: string;
  dueMode: 'date' | 'meeting';
  dueDate: string;
  dueMeetingId: string;
  supervisorPersonId: string;
  decidingBody: string;
  product: string;
  sourceKind: string;
  sourceLabel: string;
  /** null: the default (the BTV), until the user chooses. */
  sourceBodyId: string | null;
  milestones: { title: string; dueDate: string }[];
  assign: boolean;
};

const draftOf = (t: Task | undefined): Draft => ({
  title: t?.title ?? '',
  leads: t?.lead ? [t.lead.id] : [''],
  supporting: (t?.supporting ?? []).map((s) => s.name).join(', '),
  dueMode: t && !t.dueDate && t.dueMeetingId ? 'meeting' : 'date',
  dueDate: t?.dueDate ?? '',
  dueMeetingId: t?.dueMeetingId ?? '',
  supervisorPersonId: t?.supervisorPersonId ?? '',
  decidingBody: t?.decidingBody ?? '',
  product: t?.product ?? '',
  sourceKind: t?.sourceKind ?? 'program_item',
  sourceLabel: t?.sourceLabel ?? '',
  sourceBodyId: t ? t.sourceBodyId : null,
  milestones: (t?.milestones ?? []).map((m) => ({ title: m.title, dueDate: m.dueDate })),
  assign: true,
});

/**
 * "Giao nhiệm vụ": the 6 rõ as six labelled fields, checked live with the same rule the server applies
 * (`checkSixClear`); a task missing one is kept as a draft, one with two leads is refused (the server's reason shown).
 * With `task`, the same form edits a draft or an open task (PATCH).
 */
export function TaskForm({
  orgId,
  task,
  onSaved,
  onCancel,
}: {
  orgId: string;
  task?: Task;
  onSaved?: (t: Task) => void;
  onCancel?: () => void;
}) {
  const [l, tr] = useTr();
  const today = todayInVietnam();
  const { org, members, leads, deciding } = useTaskOrg(orgId);
  const span = nextTwelveMonths(addDays(today, -1));
  const { data: later } = useApi<MeetingListItem[]>(
    `/meetings?orgId=${encodeURIComponent(orgId)}&from=${span.from}&to=${span.to}`,
  );
  const dueMeetings = (later ?? []).filter((m) => m.state !== 'cancelled');
  const assigningBodies = (org?.bodies ?? []).filter((b) => ['BCH', 'BTV', 'TT'].includes(b.kind));
  const defaultSourceBody = assigningBodies.find((b) => b.kind === 'BTV')?.id ?? '';
  // A lead the options do not list (a person, another organization's unit) stays selectable when editing.
  const options: LeadOption[] =
    task?.lead && !leads.some((x) => x.value === task.lead!.id)
      ? [{ value: task.lead.id, label: task.lead.name, group: 'body' }, ...leads]
      : leads;
  const leadName = (id: string) => options.find((x) => x.value === id)?.label ?? '';
  /** What the inputs state: the leads as units, the supporting ones by name, the due date or meeting. */
  const stated = (d: Draft) => {
    // A person leading the task (set elsewhere) keeps its kind; the form itself offers units.
    const chosenLeads = d.leads
      .filter(Boolean)
      .map((id) => (task?.lead && task.lead.id === id ? task.lead : { kind: 'unit' as const, id, name: leadName(id) }));
    const supporting = d.supporting
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => ({ kind: 'unit' as const, id: options.find((x) => x.label === name)?.value ?? null, name }));
    const at = d.dueMode === 'meeting' ? dueMeetings.find((m) => m.id === d.dueMeetingId) : undefined;
    const keptLabel = task && d.dueMeetingId === task.dueMeetingId ? task.dueLabel : null;
    const due =
      d.dueMode === 'meeting'
        ? { date: null, meetingId: d.dueMeetingId || null, label: at?.title ?? keptLabel }
        : { date: d.dueDate || null, meetingId: null, label: null };
    return { chosenLeads, supporting, due };
  };
  const fieldsOf = (d: Draft) => {
    const { chosenLeads, supporting, due } = stated(d);
    return {
      title: d.title.trim(),
      leads: chosenLeads,
      supporting,
      dueDate: due.date,
      dueMeetingId: due.meetingId,
      dueLabel: due.label,
      supervisorPersonId: d.supervisorPersonId || null,
      decidingBody: d.decidingBody || null,
      product: blankAs(d.product, null),
      // Every row of milestones is sent: one half filled is refused beside its inputs, not dropped.
      milestones: d.milestones.map((m) => ({ title: m.title.trim(), dueDate: m.dueDate })),
    };
  };
  const form = useSchemaForm<Draft, typeof CreateTaskSchema | typeof UpdateTaskSchema>(
    task ? UpdateTaskSchema : CreateTaskSchema,
    draftOf(task),
    (d) =>
      task
        ? { version: task.version, ...fieldsOf(d) }
        : {
            orgId,
            ...fieldsOf(d),
            sourceKind: d.sourceKind as (typeof TASK_SOURCE_KINDS)[number],
            sourceLabel: blankAs(d.sourceLabel, null),
            sourceBodyId: (d.sourceBodyId ?? defaultSourceBody) || null,
            assign: d.assign,
          },
  );
  const d = form.values;
  const set = (p: Partial<Draft>) => form.setValues(p);
  const sourceBodyId = d.sourceBodyId ?? defaultSourceBody;
  const a = useTaskAction(
    (t) => {
      onSaved?.(t);
      if (!task) navigate(`/tasks/${t.id}`);
    },
    () => undefined,
  );
  const { chosenLeads, supporting, due } = stated(d);
  const six = checkSixClear({
    title: d.title,
    leads: chosenLeads,
    supporting,
    due,
    supervisorId: d.supervisorPersonId || null,
    decidingBody: d.decidingBody || null,
    product: d.product || null,
  });
  const missing = new Set(six.missing.map((m) => m.code));
  if (six.refused) missing.add('ro_nguoi');

  const submit = form.submitBody((body) => {
    if (task) void a.run(() => api<Task>('PATCH', `/tasks/${task.id}`, body));
    else void a.run(() => api<Task>('POST', '/tasks', body));
  });
  const submitLabel = task
    ? tr('Lưu thay đổi', 'Save changes')
    : d.assign && six.complete
      ? tr('Giao nhiệm vụ', 'Assign the task')
      : tr('Lưu dự thảo', 'Save as draft');

  return (
    <form onSubmit={submit} noValidate data-testid={task ? 'task-edit-form' : 'task-form'}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <SixField code="ro_nguoi" ok={!missing.has('ro_nguoi')}>
            {d.leads.map((id, i) => (
              <Group key={i} gap={4} wrap="nowrap" align="end">
                <NativeSelect
                  label={
                    i === 0
                      ? tr('Đơn vị chủ trì (một đầu mối)', 'Lead unit (exactly one)')
                      : tr('Đơn vị chủ trì thứ hai', 'Second lead unit')
                  }
                  value={id}
                  onChange={(e) => set({ leads: d.leads.map((x, j) => (j === i ? e.currentTarget.value : x)) })}
                  error={i === 0 ? form.errors['leads'] : undefined}
                  data={chooseLead(options, l)}
                  data-testid={`task-lead-${i}`}
                  style={{ flex: 1, minWidth: 0 }}
                />
                {i > 0 && (
                  <CloseButton
                    aria-label={tr('Bỏ đơn vị này', 'Remove')}
                    onClick={() => set({ leads: d.leads.filter((_, j) => j !== i) })}
                    data-testid="task-lead-remove"
                    mb={6}
                  />
                )}
              </Group>
            ))}
            {d.leads.length < 3 && (
              <AddRowButton onClick={() => set({ leads: [...d.leads, ''] })} testid="task-lead-add">
                {tr('Thêm đơn vị chủ trì', 'Add a lead unit')}
              </AddRowButton>
            )}
            <SupportingInput {...form.getInputProps('supporting')} testid="task-supporting" />
          </SixField>
          <SixField code="ro_viec" ok={!missing.has('ro_viec')}>
            <StepText form={form} path="title" testid="task-title" required={false}>
              {tr('Nội dung nhiệm vụ', 'The task')}
            </StepText>
          </SixField>
          <SixField code="ro_thoi_gian" ok={!missing.has('ro_thoi_gian')}>
            <SegmentedControl
              size="xs"
              value={d.dueMode}
              onChange={(v) => set({ dueMode: v as Draft['dueMode'] })}
              data={[
                { value: 'date', label: tr('Hạn là một ngày', 'A date') },
                { value: 'meeting', label: tr('Tại kỳ họp', 'At a meeting') },
              ]}
              data-testid="task-due-mode"
              style={{ alignSelf: 'flex-start' }}
            />
            {d.dueMode === 'date' ? (
              <FormDate form={form} path="dueDate" testid="task-due-date">
                {tr('Hạn hoàn thành', 'Due date')}
              </FormDate>
            ) : (
              <MeetingSelect
                label={tr('Trình tại kỳ họp', 'Due at the meeting')}
                meetings={dueMeetings}
                value={d.dueMeetingId}
                onChange={(id) => set({ dueMeetingId: id })}
                none={tr('(chọn kỳ họp)', '(choose a meeting)')}
                extra={
                  task?.dueMeetingId && !dueMeetings.some((m) => m.id === task.dueMeetingId)
                    ? [{ value: task.dueMeetingId, label: task.dueLabel ?? tr('Kỳ họp đã chọn', 'The chosen meeting') }]
                    : []
                }
                testid="task-due-meeting"
              />
            )}
          </SixField>
          <SixField code="ro_trach_nhiem" ok={!missing.has('ro_trach_nhiem')}>
            <SupervisorSelect
              {...form.getInputProps('supervisorPersonId')}
              members={members}
              kept={
                task?.supervisorPersonId ? { value: task.supervisorPersonId, label: task.supervisorName ?? '' } : null
              }
              testid="task-supervisor"
            />
          </SixField>
          <SixField code="ro_tham_quyen" ok={!missing.has('ro_tham_quyen')}>
            <DecidingSelect {...form.getInputProps('decidingBody')} deciding={deciding} testid="task-deciding" />
          </SixField>
          <SixField code="ro_san_pham" ok={!missing.has('ro_san_pham')}>
            <FormText
              form={form}
              path="product"
              testid="task-product"
              placeholder={tr('Ví dụ: Báo cáo tổng kết trình Ban Thường vụ', 'e.g. a report to the BTV')}
            >
              {tr('Sản phẩm phải có', 'Expected product')}
            </FormText>
          </SixField>
        </SimpleGrid>
        <SixCheck six={six} testid="task-six-preview" />
        {!task && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={tr('Nguồn nhiệm vụ', 'Source')}
              {...form.getInputProps('sourceKind')}
              data={TASK_SOURCE_KINDS.filter((k) => k !== 'conclusion_item').map((k) => ({
                value: k,
                label: sourceKindLabel(k, l),
              }))}
              data-testid="task-source-kind"
            />
            <FormText
              form={form}
              path="sourceLabel"
              testid="task-source-label"
              placeholder={tr('Ví dụ: Chương trình làm việc năm 2027', 'e.g. Work program 2027')}
            >
              {tr('Văn bản, chương trình', 'Document, program')}
            </FormText>
            <NativeSelect
              label={tr('Cơ quan giao nhiệm vụ', 'Assigning body')}
              description={tr('Cấp này quyết định gia hạn', 'This level decides extensions')}
              value={sourceBodyId}
              onChange={(e) => set({ sourceBodyId: e.currentTarget.value })}
              error={form.errors['sourceBodyId']}
              data={[
                { value: '', label: tr('(không ghi)', '(none)') },
                ...assigningBodies.map((b) => ({ value: b.id, label: b.name })),
              ]}
              data-testid="task-source-body"
            />
          </SimpleGrid>
        )}
        <Milestones value={d.milestones} onChange={(milestones) => set({ milestones })} errors={form.errors} />
        {!task && (
          <Checkbox
            label={tr(
              'Giao ngay khi đủ 6 rõ (nếu chưa đủ, lưu là dự thảo)',
              'Assign at once when the 6 are stated (else keep a draft)',
            )}
            {...form.getInputProps('assign', { type: 'checkbox' })}
            data-testid="task-assign"
          />
        )}
        <FormEnd name="task-form" form={form} write={a} submitTestid="task-submit" closable onCancel={onCancel}>
          {submitLabel}
        </FormEnd>
      </Stack>
    </form>
  );
}

/** One "rõ": its name, green when stated and red when missing, and the fields that state it. */
function SixField({ code, ok, children }: { code: SixClear; ok: boolean; children: ReactNode }) {
  const [l, tr] = useTr();
  return (
    <Card
      withBorder
      p="sm"
      className={`qc-six ${ok ? 'qc-six-ok' : 'qc-six-missing'}`}
      data-testid="six-field"
      data-code={code}
      data-ok={String(ok)}
    >
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap">
          <Badge color={ok ? 'green' : 'red'} size="sm" variant="filled" miw={72}>
            {ok ? tr('Đã rõ', 'Stated') : tr('Còn thiếu', 'Missing')}
          </Badge>
          <Text fw={700} size="sm">
            {SIX_NAMES[code][l]}
          </Text>
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * The live "6 rõ" check: complete, or what is missing by name; two leads refused with the rule (Kết luận 226-KL/TW).
 */
export function SixCheck({ six, testid }: { six: SixClearCheck; testid: string }) {
  const [l, tr] = useTr();
  return (
    <Card
      withBorder
      p="sm"
      bg={six.complete ? 'green.0' : 'red.0'}
      data-testid={testid}
      data-complete={String(six.complete)}
      data-refused={six.refused ? 'true' : 'false'}
    >
      <Group gap="xs" mb={six.complete ? 0 : 4} wrap="wrap">
        <Badge color={six.complete ? 'green' : 'red'}>
          {six.complete ? tr('Đủ 6 rõ', 'All 6 stated') : tr('Chưa đủ 6 rõ', 'Not all 6 stated')}
        </Badge>
        <Group gap={4} wrap="wrap">
          {SIX_CLEAR.map((c) => {
            const bad = six.missing.some((m) => m.code === c) || (c === 'ro_nguoi' && !!six.refused);
            return (
              <Badge
                key={c}
                size="xs"
                variant={bad ? 'filled' : 'light'}
                color={bad ? 'red' : 'green'}
                title={SIX_CLEAR_LABELS[c][l]}
              >
                {bad ? '✗' : '✓'} {SIX_NAMES[c][l]}
              </Badge>
            );
          })}
        </Group>
      </Group>
      {six.refused && (
        <Text size="sm" c="red.9" fw={600} data-testid={`${testid}-refused`}>
          {six.refused.message_vi}
        </Text>
      )}
      {six.missing.length > 0 && (
        <List size="sm" data-testid={`${testid}-missing`}>
          {six.missing.map((m, i) => (
            <List.Item key={i}>{m.message_vi}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** Milestones of the task (mốc tiến độ): none, or some with a title and a date not after the due date. */
function Milestones({
  value,
  onChange,
  errors,
}: {
  value: Draft['milestones'];
  onChange: (v: Draft['milestones']) => void;
  /** The form's errors, by path (`milestones.1.dueDate`). */
  errors: Record<string, ReactNode>;
}) {
  const [, tr] = useTr();
  return (
    <Stack gap={4} data-testid="task-milestones">
      <Title order={3} size="h6">
        {tr('Mốc tiến độ', 'Milestones')}
      </Title>
      {value.map((m, i) => (
        <Group key={i} gap="xs" align="end" wrap="wrap">
          <TextInput
            label={tr('Mốc', 'Milestone')}
            value={m.title}
            onChange={(e) => onChange(value.map((x, j) => (j === i ? { ...x, title: e.currentTarget.value } : x)))}
            error={errors[`milestones.${i}.title`]}
            style={{ flex: '1 1 200px' }}
            data-testid="milestone-title"
          />
          <DateField
            label={tr('Ngày', 'Date')}
            value={m.dueDate}
            onChange={(v) => onChange(value.map((x, j) => (j === i ? { ...x, dueDate: v } : x)))}
            error={errors[`milestones.${i}.dueDate`]}
            testid="milestone-date"
          />
          <CloseButton
            aria-label={tr('Bỏ mốc này', 'Remove')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            mb={6}
          />
        </Group>
      ))}
      <AddRowButton onClick={() => onChange([...value, { title: '', dueDate: '' }])} testid="milestone-add">
        {tr('Thêm mốc', 'Add a milestone')}
      </AddRowButton>
    </Stack>
  );
}

import { Card, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  checkSixClear,
  CreateProgramItemSchema,
  INSPECTION_KINDS,
  PERIOD_KINDS,
  todayInVietnam,
  UpdateProgramItemSchema,
} from '@quyche/core';
import { api, useApi } from '../../app/api';
import { chooseLead, DecidingSelect, SupervisorSelect, SupportingInput } from '../task/task.fields';
import { FormDate } from '../../app/ui/date-field';
import { StepText } from '../task/step-form';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import type { MeetingListItem } from '../../app/types';
import { SixCheck } from '../task/task-form';
import { useTaskOrg } from '../task/task.parts';
import { TargetsField } from './program.fields';
import type { Target } from './program.fields';
import { ganttRange } from './program.gantt';
import { inspectionKindLabel, names } from './program.parts';
import { useRun } from '../../app/ui/use-run';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import type { Program, ProgramItem } from './program.parts';
import { MeetingSelect } from '../../app/ui/meeting-select';
import { FormEnd } from '../../app/ui/shared-form-end';

type PeriodKind = (typeof PERIOD_KINDS)[number];
const PERIOD_LABELS: Record<PeriodKind, { vi: string; en: string }> = {
  month: { vi: 'Tháng', en: 'Month' },
  quarter: { vi: 'Quý', en: 'Quarter' },
  half: { vi: '6 tháng', en: 'Half-year' },
  meeting: { vi: 'Kỳ họp', en: 'Meeting' },
  date: { vi: 'Ngày', en: 'Date' },
};
const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');

type Draft = {
  title: string;
  kind: PeriodKind;
  year: number;
  n: number;
  date: string;
  meetingId: string;
  lead: string;
  supporting: string;
  supervisorPersonId: string;
  decidingBody: string;
  product: string;
  weight: string;
  inspectionKind: string;
  targets: Target[];
};

function draftOf(p: Program, it: ProgramItem | undefined): Draft {
  const r = ganttRange(p);
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const year = p.year ?? Math.max(Number(r.from.slice(0, 4)), Math.min(Number(r.to.slice(0, 4)), thisYear));
  const v = it?.period.value ?? '';
  const n = it
    ? it.period.kind === 'month'
      ? Number(v.slice(5, 7))
      : it.period.kind === 'quarter' || it.period.kind === 'half'
        ? Number(v.slice(6))
        : 1
    : 1;
  return {
    title: it?.title ?? '',
    kind: it?.period.kind ?? 'month',
    year: it && v ? Number(v.slice(0, 4)) : year,
    n: n || 1,
    date: it?.period.kind === 'date' ? (v ?? '') : '',
    meetingId: it?.period.meetingId ?? '',
    lead: it?.lead?.id ?? '',
    supporting: (it?.supporting ?? []).map((s) => s.name).join(', '),
    supervisorPersonId: it?.supervisorPersonId ?? '',
    decidingBody: it?.decidingBody ?? '',
    product: it?.product ?? '',
    weight: String(it?.weight ?? 1),
    inspectionKind: it?.inspectionKind ?? (p.kind === 'inspection' ? 'thematic_inspection' : ''),
    targets: it?.targets ?? [],
  };
}

/** A program's item: its place in time (month, quarter, half-year, meeting or date) and the 6 rõ its tasks inherit. */
export function ProgramItemForm({
  p,
  item,
  onSaved,
  onCancel,
}: {
  p: Program;
  item?: ProgramItem;
  onSaved: (p: Program) => void;
  onCancel: () => void;
}) {
  const [l, tr] = useTr();
  const { org, members, leads, deciding } = useTaskOrg(p.orgId);
  const range = ganttRange(p);
  const { data: meetings } = useApi<MeetingListItem[]>(
    `/meetings?orgId=${encodeURIComponent(p.orgId)}&from=${range.from}&to=${range.to}`,
  );
  const atMeetings = (meetings ?? []).filter(
    (m) => m.state !== 'cancelled' && (m.bodyKind === 'BCH' || m.bodyKind === 'BTV'),
  );
  const a = useRun<Program>((x) => onSaved(x));
  const years: number[] = [];
  for (let y = Number(range.from.slice(0, 4)); y <= Number(range.to.slice(0, 4)); y++) years.push(y);

  const periodOf = (d: Draft) =>
    d.kind === 'month'
      ? `${d.year}-${pad(d.n)}`
      : d.kind === 'quarter'
        ? `${d.year}-Q${d.n}`
        : d.kind === 'half'
          ? `${d.year}-H${d.n}`
          : d.kind === 'date'
            ? d.date
            : null;
  const leadsOf = (d: Draft) => {
    const leadName = leads.find((x) => x.value === d.lead)?.label ?? item?.lead?.name ?? '';
    return d.lead
      ? [{ kind: item?.lead?.id === d.lead ? item.lead.kind : ('unit' as const), id: d.lead, name: leadName }]
      : [];
  };
  const supportingOf = (d: Draft) =>
    names(d.supporting).map((name) => ({
      kind: 'unit' as const,
      id: leads.find((x) => x.label === name)?.value ?? null,
      name,
    }));
  const fieldsOf = (d: Draft) => ({
    title: d.title.trim(),
    period: d.kind === 'meeting' ? { kind: d.kind, meetingId: d.meetingId } : { kind: d.kind, value: periodOf(d) },
    leads: leadsOf(d),
    supporting: supportingOf(d),
    supervisorPersonId: d.supervisorPersonId || null,
    decidingBody: d.decidingBody || null,
    product: blankAs(d.product, null),
    // A weight out of 1–100 is brought within it, as before.
    weight: Math.max(1, Math.min(100, Math.round(Number(d.weight) || 1))),
    ...(p.kind === 'inspection'
      ? { inspectionKind: (d.inspectionKind || null) as (typeof INSPECTION_KINDS)[number] | null, targets: d.targets }
      : {}),
  });
  const form = useSchemaForm<Draft, typeof CreateProgramItemSchema | typeof UpdateProgramItemSchema>(
    item ? UpdateProgramItemSchema : CreateProgramItemSchema,
    draftOf(p, item),
    (d) => (item ? { version: item.version, ...fieldsOf(d) } : fieldsOf(d)),
  );
  const d = form.values;
  const set = (x: Partial<Draft>) => form.setValues(x);
  const leadsInput = leadsOf(d);
  const supporting = supportingOf(d);
  const six = checkSixClear({
    title: d.title,
    leads: leadsInput,
    supporting,
    due:
      d.kind === 'meeting'
        ? { date: null, meetingId: d.meetingId || null }
        : { date: d.kind === 'date' ? d.date || null : `${d.year}-01-01` },
    supervisorId: d.supervisorPersonId || null,
    decidingBody: d.decidingBody || null,
    product: d.product || null,
  });

  const submit = form.submitBody((body) => {
    void a.run(() =>
      item
        ? api<Program>('PATCH', `/program-items/${item.id}`, body)
        : api<Program>('POST', `/programs/${p.id}/items`, body),
    );
  });

  const numbers =
    d.kind === 'month'
      ? Array.from({ length: 12 }, (_, i) => ({
          value: String(i + 1),
          label: l === 'vi' ? `Tháng ${i + 1}` : `Month ${i + 1}`,
        }))
      : d.kind === 'quarter'
        ? ROMAN.map((r, i) => ({ value: String(i + 1), label: l === 'vi' ? `Quý ${r}` : `Q${i + 1}` }))
        : [
            { value: '1', label: tr('6 tháng đầu năm', 'First half') },
            { value: '2', label: tr('6 tháng cuối năm', 'Second half') },
          ];
  return (
    <Card withBorder p="sm" bg="gray.0" data-testid="item-form" data-mode={item ? 'edit' : 'add'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <StepText form={form} path="title" testid="item-title">
            {tr('Nội dung (rõ việc)', 'Item (the task)')}
          </StepText>
          <Group gap="xs" align="end" wrap="wrap">
            <NativeSelect
              label={tr('Thời gian theo', 'Scheduled by')}
              value={d.kind}
              onChange={(e) => set({ kind: e.currentTarget.value as PeriodKind, n: 1 })}
              data={PERIOD_KINDS.map((k) => ({ value: k, label: PERIOD_LABELS[k][l] }))}
              data-testid="item-period-kind"
              w={130}
            />
            {(d.kind === 'month' || d.kind === 'quarter' || d.kind === 'half') && (
              <>
                <NativeSelect
                  label={PERIOD_LABELS[d.kind][l]}
                  value={String(d.n)}
                  onChange={(e) => set({ n: Number(e.currentTarget.value) })}
                  data={numbers}
                  data-testid="item-period-n"
                  w={170}
                />
                <NativeSelect
                  label={tr('Năm', 'Year')}
                  value={String(d.year)}
                  onChange={(e) => set({ year: Number(e.currentTarget.value) })}
                  data={years.map((y) => String(y))}
                  disabled={p.span === 'year'}
                  data-testid="item-period-year"
                  w={100}
                />
              </>
            )}
            {d.kind === 'date' && (
              <FormDate form={form} path="date" testid="item-period-date">
                {tr('Ngày', 'Date')}
              </FormDate>
            )}
            {d.kind === 'meeting' && (
              <MeetingSelect
                label={tr('Trình tại kỳ họp', 'At the meeting')}
                meetings={atMeetings}
                value={d.meetingId}
                onChange={(id) => set({ meetingId: id })}
                none={tr('(chọn kỳ họp)', '(choose a meeting)')}
                testid="item-period-meeting"
                style={{ flex: '1 1 260px', minWidth: 0 }}
              />
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <NativeSelect
              label={tr('Đơn vị chủ trì (một đầu mối)', 'Lead unit (exactly one)')}
              value={d.lead}
              onChange={(e) => set({ lead: e.currentTarget.value })}
              data={chooseLead(
                item?.lead && !leads.some((x) => x.value === item.lead!.id)
                  ? [{ value: item.lead.id, label: item.lead.name, group: 'body' as const }, ...leads]
                  : leads,
                l,
              )}
              data-testid="item-lead"
            />
            <SupportingInput {...form.getInputProps('supporting')} testid="item-supporting" />
            <SupervisorSelect
              {...form.getInputProps('supervisorPersonId')}
              members={members}
              kept={
                item?.supervisorPersonId ? { value: item.supervisorPersonId, label: item.supervisorName ?? '' } : null
              }
              testid="item-supervisor"
            />
            <DecidingSelect {...form.getInputProps('decidingBody')} deciding={deciding} testid="item-deciding" />
            <FormText
              form={form}
              path="product"
              testid="item-product"
              placeholder={tr('Ví dụ: Báo cáo sơ kết', 'e.g. a review report')}
            >
              {tr('Sản phẩm', 'Product')}
            </FormText>
            <TextInput
              label={tr('Trọng số', 'Weight')}
              description={tr(
                'Mục nặng hơn tính nhiều hơn vào tiến độ chương trình (1–100)',
                'Heavier items count more in the program’s progress (1–100)',
              )}
              type="number"
              min={1}
              max={100}
              {...form.getInputProps('weight')}
              data-testid="item-weight"
            />
            {p.kind === 'inspection' && (
              <NativeSelect
                label={tr('Loại kiểm tra, giám sát', 'Inspection kind')}
                {...form.getInputProps('inspectionKind')}
                data={INSPECTION_KINDS.map((k) => ({ value: k, label: inspectionKindLabel(k, l) }))}
                data-testid="item-inspection-kind"
              />
            )}
          </SimpleGrid>
          {p.kind === 'inspection' && (
            <TargetsField value={d.targets} onChange={(targets) => set({ targets })} org={org} testid="item-targets" />
          )}
          <SixCheck six={six} testid="item-six" />
          <FormEnd name="item" form={form} write={a} closable onCancel={onCancel}>
            {item ? tr('Lưu mục', 'Save the item') : tr('Thêm mục', 'Add the item')}
          </FormEnd>
        </Stack>
      </form>
    </Card>
  );
}

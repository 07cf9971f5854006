import {
  Anchor,
  Badge,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Text,
  TextInput,
} from '@mantine/core';
import { useRef, useState } from 'react';
import {
  effectiveDue,
  ExtensionDecisionSchema,
  ExtensionRequestSchema,
  TaskReportSchema,
  todayInVietnam,
} from '@quyche/core';
import { api } from '../../app/api';
import { fmt, maxDate } from '../../app/ui/dates';
import { DatePair } from '../../app/ui/shared-date-pair';
import { SectionCard } from '../../app/ui/shared-section-card';
import { FormDate } from '../../app/ui/date-field';
import { fileToBase64, fmtSize } from '../../app/ui/file';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import type { TaskSectionProps } from './task.types';
import { decidingName, decidingOptions, useTaskAction } from './task.parts';
import type { Task } from './task.parts';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { StepForm, StepText } from './step-form';
import { TypedText } from '../../app/ui/typed-text';

const MAX_FILE = 8 * 1024 * 1024;

/** Progress reports with their evidence files, and the lead's "Báo cáo tiến độ" form (a finished one at 100 %). */
export function ProgressSection(props: TaskSectionProps) {
  const { t } = props;
  const [, tr] = useTr();
  const canReport = props.canLead && ['assigned', 'in_progress'].includes(t.state);
  return (
    <SectionCard
      title={`${tr('Báo cáo tiến độ', 'Progress reports')} (${t.reports.length})`}
      testid="task-reports"
      empty={t.reports.length === 0 && tr('Chưa có báo cáo', 'No reports yet')}
    >
      {[...t.reports].reverse().map((r) => (
        <Card key={r.id} withBorder p="xs" data-testid="report" data-percent={r.percent}>
          <Group gap="xs" wrap="wrap" mb={2}>
            <Badge variant="light">{fmt(r.reportedOn)}</Badge>
            <Badge color={r.percent >= 100 ? 'green' : 'blue'} data-testid="report-percent-badge">
              {r.percent}%
            </Badge>
          </Group>
          <TypedText>{r.text}</TypedText>
          {r.files.length > 0 && (
            <Group gap="xs" mt={4} wrap="wrap">
              {r.files.map((f) => (
                <Anchor
                  key={f.id}
                  href={`/api/v1/tasks/${t.id}/files/${f.id}`}
                  download={f.fileName}
                  size="sm"
                  data-testid="report-file"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {f.fileName} ({fmtSize(f.size)})
                </Anchor>
              ))}
            </Group>
          )}
        </Card>
      ))}
      {canReport && <ReportForm {...props} />}
    </SectionCard>
  );
}

/** The percent as typed ('' or "40,5" from the input): a figure that is none is NaN, refused in words by the schema. */
const percentOf = (p: number | string) =>
  typeof p === 'number' ? p : p.trim() === '' ? Number.NaN : Number(p.replace(',', '.'));

function ReportForm({ t, onTask, reload }: TaskSectionProps) {
  const [, tr] = useTr();
  const today = todayInVietnam();
  // What was typed, kept as typed: a figure out of 0–100 is refused in words, never turned into 0 % behind the clerk's
  // back. The files are read when sending (the schema checks the rest first).
  const form = useSchemaForm(
    TaskReportSchema,
    {
      reportedOn: maxDate(today, t.reports.at(-1)?.reportedOn),
      percent: t.percent as number | string,
      text: '',
      finished: false,
    },
    (v) => ({
      reportedOn: v.reportedOn,
      percent: v.finished ? 100 : percentOf(v.percent),
      text: v.text.trim(),
      ...(v.finished ? { finished: true } : {}),
    }),
  );
  const { finished } = form.values;
  const [files, setFiles] = useState<File[]>([]);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const a = useTaskAction((x) => {
    onTask(x);
    form.setValues({ text: '', finished: false, percent: x.percent });
    setFiles([]);
    if (fileRef.current) fileRef.current.value = '';
  }, reload);
  const submit = form.submitBody((body) => {
    void (async () => {
      const encoded = await Promise.all(
        files.map(async (f) => ({
          fileName: f.name,
          mediaType: f.type || 'application/octet-stream',
          contentBase64: await fileToBase64(f),
        })),
      );
      void a.run(() =>
        api<Task>('POST', `/tasks/${t.id}/reports`, { ...body, ...(encoded.length ? { files: encoded } : {}) }),
      );
    })();
  });
  const percent = form.getInputProps('percent');
  return (
    <StepForm
      testid="report-form"
      onSubmit={submit}
      title={tr('Báo cáo tiến độ mới', 'New progress report')}
      form={form}
      run={a}
      errorTestid="report-error"
      closable
      submitTestid="report-submit"
      submitLabel={
        finished ? tr('Gửi báo cáo hoàn thành', 'Send the final report') : tr('Gửi báo cáo tiến độ', 'Send the report')
      }
    >
      <Group gap="sm" align="end" wrap="wrap">
        <FormDate form={form} path="reportedOn" testid="report-date" required>
          {tr('Ngày báo cáo', 'Reported on')}
        </FormDate>
        <NumberInput
          label={tr('Tiến độ (%)', 'Progress (%)')}
          {...percent}
          value={finished ? 100 : (percent.value as number | string)}
          min={0}
          max={100}
          step={5}
          clampBehavior="none"
          allowNegative={false}
          disabled={finished}
          w={percent.error ? 260 : 120}
          suffix="%"
          data-testid="report-percent"
        />
      </Group>
      <StepText form={form} path="text" testid="report-text">
        {tr('Kết quả đã làm', 'What was done')}
      </StepText>
      <div>
        <Text size="sm" fw={500} mb={2}>
          {tr('Tệp minh chứng (tối đa 10 tệp, mỗi tệp đến 8 MB)', 'Evidence files (up to 10, 8 MB each)')}
        </Text>
        <input
          ref={fileRef}
          type="file"
          multiple
          onChange={(e) => {
            const list = Array.from(e.currentTarget.files ?? []);
            const big = list.find((f) => f.size > MAX_FILE);
            setTooBig(big ? big.name : null);
            setFiles(list.filter((f) => f.size <= MAX_FILE).slice(0, 10));
          }}
          aria-label={tr('Chọn tệp minh chứng', 'Choose evidence files')}
          data-testid="report-files"
          style={{ maxWidth: '100%' }}
        />
        {tooBig && (
          <Text size="xs" c="red.8">
            {tr(`Tệp ${tooBig} vượt quá 8 MB, không gửi.`, `${tooBig} is over 8 MB and is left out.`)}
          </Text>
        )}
      </div>
      <Checkbox
        label={tr(
          'Báo cáo hoàn thành (100%): chuyển cấp đã giao nhận kết quả',
          'Report finished (100%): for the assigning level to accept',
        )}
        {...form.getInputProps('finished', { type: 'checkbox' })}
        data-testid="report-finished"
      />
    </StepForm>
  );
}

const EXT_STATES: Record<string, { vi: string; en: string; color: string }> = {
  requested: { vi: 'Chờ quyết định', en: 'Awaiting decision', color: 'yellow' },
  approved: { vi: 'Đồng ý gia hạn', en: 'Approved', color: 'green' },
  refused: { vi: 'Không đồng ý', en: 'Refused', color: 'red' },
};

/** Extensions: the history, the lead's request, and the decision of the level that assigned the task. */
export function ExtensionsSection(props: TaskSectionProps) {
  const { t, org } = props;
  const [l, tr] = useTr();
  const pending = t.extensions.find((e) => e.state === 'requested');
  const due = effectiveDue(t);
  const canRequest = props.canLead && ['assigned', 'in_progress', 'reported'].includes(t.state) && !pending && !!due;
  const authority = t.extensionAuthority;
  const decider = (code: string) => decidingName(code, org) || (authority?.code === code ? authority.name : code);
  if (t.extensions.length === 0 && !canRequest) return null;
  return (
    <SectionCard title={`${tr('Gia hạn', 'Extensions')} (${t.extensions.length})`} testid="task-extensions">
      {authority && (
        <Text size="sm" data-testid="extension-authority" data-code={authority.code}>
          {tr('Thẩm quyền quyết định gia hạn', 'Extensions are decided by')}: <b>{authority.name}</b>{' '}
          {tr('(cấp đã giao nhiệm vụ)', '(the level that assigned the task)')}
        </Text>
      )}
      {t.extensions.map((e) => {
        const s = EXT_STATES[e.state] ?? { vi: e.state, en: e.state, color: 'gray' };
        return (
          <Card key={e.id} withBorder p="xs" data-testid="extension" data-state={e.state}>
            <Group gap="xs" wrap="wrap" mb={2}>
              <Badge color={s.color}>{s[l]}</Badge>
              <Text size="sm" fw={600} data-testid="extension-to">
                {tr('Gia hạn đến', 'Extend to')} {fmt(e.requestedTo)}
              </Text>
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {tr('Đề nghị ngày', 'Requested on')} {fmt(e.requestedOn)}: {e.reason}
            </Text>
            {e.decidedOn && (
              <Text size="xs" c="dimmed" data-testid="extension-decision">
                {tr('Quyết định ngày', 'Decided on')} {fmt(e.decidedOn)}
                {e.decidedBy ? ` — ${decider(e.decidedBy)}` : ''}
                {e.decisionRef ? ` · ${e.decisionRef}` : ''}
                {e.note ? ` · ${e.note}` : ''}
              </Text>
            )}
            {e.state === 'requested' && props.canDecide && <DecisionForm {...props} ext={e} />}
          </Card>
        );
      })}
      {canRequest && <RequestForm {...props} due={due!} />}
    </SectionCard>
  );
}

function RequestForm({ t, onTask, reload, due }: TaskSectionProps & { due: string }) {
  const [, tr] = useTr();
  const form = useSchemaForm(
    ExtensionRequestSchema,
    { requestedOn: todayInVietnam(), requestedTo: '', reason: '' },
    (v) => ({ ...v, reason: v.reason.trim() }),
  );
  const a = useTaskAction(onTask, reload);
  return (
    <StepForm
      testid="extension-request-form"
      onSubmit={form.submitBody((body) => void a.run(() => api<Task>('POST', `/tasks/${t.id}/extensions`, body)))}
      title={tr('Đề nghị gia hạn', 'Ask for an extension')}
      form={form}
      run={a}
      errorTestid="ext-error"
      closable
      submitTestid="ext-submit"
      submitLabel={tr('Gửi đề nghị gia hạn', 'Send the request')}
    >
      <Text size="xs" c="dimmed">
        {tr('Hạn hiện tại', 'Due date in force')}: {fmt(due)}
      </Text>
      <DatePair
        form={form}
        dates={[
          { path: 'requestedOn', label: tr('Ngày đề nghị', 'Requested on'), testid: 'ext-on' },
          { path: 'requestedTo', label: tr('Xin gia hạn đến', 'Extend to'), testid: 'ext-to' },
        ]}
      />
      <StepText form={form} path="reason" testid="ext-reason">
        {tr('Lý do', 'Reason')}
      </StepText>
    </StepForm>
  );
}

function DecisionForm({ t, onTask, reload, org, ext }: TaskSectionProps & { ext: Task['extensions'][number] }) {
  const [l, tr] = useTr();
  const authority = t.extensionAuthority;
  const form = useSchemaForm(
    ExtensionDecisionSchema,
    {
      approved: 'yes' as 'yes' | 'no',
      decidedOn: maxDate(todayInVietnam(), ext.requestedOn),
      decidedBy: authority?.code ?? '',
      decisionRef: '',
      note: '',
    },
    (v) => ({
      version: ext.version,
      approved: v.approved === 'yes',
      decidedOn: v.decidedOn,
      decidedBy: v.decidedBy,
      decisionRef: blankAs(v.decisionRef, null),
      note: blankAs(v.note, null),
    }),
  );
  const approved = form.values.approved;
  const a = useTaskAction(onTask, reload);
  const options = decidingOptions(org);
  const data =
    authority && !options.some((o) => o.value === authority.code)
      ? [{ value: authority.code, label: authority.name }, ...options]
      : options;
  const send = form.submitBody(
    (body) => void a.run(() => api<Task>('POST', `/tasks/${t.id}/extensions/${ext.id}/decision`, body)),
  );
  return (
    <StepForm
      testid="extension-decision-form"
      onSubmit={send}
      mt="xs"
      title={
        <>
          {tr('Quyết định gia hạn', 'Decision')}
          {authority && (
            <Text span size="sm" fw={400}>
              {' '}
              — {l === 'vi' ? `do ${authority.name} quyết định` : `decided by ${authority.name}`}
            </Text>
          )}
        </>
      }
      form={form}
      run={a}
      errorTestid="decision-error"
      closable
      color={approved === 'yes' ? 'green' : 'red'}
      submitTestid="decision-submit"
      submitLabel={
        approved === 'yes'
          ? tr('Đồng ý gia hạn', 'Approve the extension')
          : tr('Không đồng ý gia hạn', 'Refuse the extension')
      }
    >
      <SegmentedControl
        value={approved}
        onChange={(v) => form.setFieldValue('approved', v as 'yes' | 'no')}
        data={[
          { value: 'yes', label: tr('Đồng ý gia hạn', 'Approve') },
          { value: 'no', label: tr('Không đồng ý', 'Refuse') },
        ]}
        data-testid="decision-approved"
        size="xs"
        style={{ alignSelf: 'flex-start' }}
      />
      <Group gap="sm" align="end" wrap="wrap">
        <FormDate form={form} path="decidedOn" testid="decision-on" required>
          {tr('Ngày quyết định', 'Decided on')}
        </FormDate>
        <NativeSelect
          label={tr('Cấp quyết định', 'Decided by')}
          {...form.getInputProps('decidedBy')}
          data={[{ value: '', label: tr('(chọn)', '(choose)') }, ...data]}
          data-testid="decision-by"
          w={240}
          maw="100%"
        />
      </Group>
      <FormText form={form} path="decisionRef" testid="decision-ref">
        {tr('Văn bản, phiên họp quyết định', 'Decision reference')}
      </FormText>
      <TextInput label={tr('Ghi chú', 'Note')} {...form.getInputProps('note')} data-testid="decision-note" />
    </StepForm>
  );
}

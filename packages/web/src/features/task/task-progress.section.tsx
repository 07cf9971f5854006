import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { effectiveDue, todayInVietnam } from '@quyche/core';
import { api } from '../../app/api';
import { fmt, maxDate } from '../../app/ui/dates';
import { DateField } from '../../app/ui/date-field';
import { fileToBase64, fmtSize } from '../../app/ui/file';
import { useTr } from '../../app/ui/i18n';
import type { TaskSectionProps } from './task.types';
import { decidingName, decidingOptions, useTaskAction } from './task.parts';
import type { Task } from './task.parts';
import { WriteError } from '../../app/ui/write-error';

const MAX_FILE = 8 * 1024 * 1024;

/** Progress reports with their evidence files, and the lead's "Báo cáo tiến độ" form (a finished one at 100 %). */
export function ProgressSection(props: TaskSectionProps) {
  const { t } = props;
  const [, tr] = useTr();
  const canReport = props.canLead && ['assigned', 'in_progress'].includes(t.state);
  return (
    <Card withBorder data-testid="task-reports">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {tr('Báo cáo tiến độ', 'Progress reports')} ({t.reports.length})
        </Title>
        {t.reports.length === 0 && (
          <Text size="sm" c="dimmed">
            {tr('Chưa có báo cáo', 'No reports yet')}
          </Text>
        )}
        {[...t.reports].reverse().map((r) => (
          <Card key={r.id} withBorder p="xs" data-testid="report" data-percent={r.percent}>
            <Group gap="xs" wrap="wrap" mb={2}>
              <Badge variant="light">{fmt(r.reportedOn)}</Badge>
              <Badge color={r.percent >= 100 ? 'green' : 'blue'} data-testid="report-percent-badge">
                {r.percent}%
              </Badge>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {r.text}
            </Text>
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
      </Stack>
    </Card>
  );
}

function ReportForm({ t, onTask, reload }: TaskSectionProps) {
  const [, tr] = useTr();
  const today = todayInVietnam();
  const [on, setOn] = useState(maxDate(today, t.reports.at(-1)?.reportedOn));
  const [text, setText] = useState('');
  const [finished, setFinished] = useState(false);
  // What was typed, kept as typed: a figure out of 0–100 is refused in words, never turned into 0 % behind the clerk's
  // back.
  const [percent, setPercent] = useState<number | string>(t.percent);
  const pct = typeof percent === 'number' ? percent : Number(String(percent).replace(',', '.'));
  const percentError =
    finished || (percent !== '' && Number.isFinite(pct) && pct >= 0 && pct <= 100)
      ? null
      : tr('Tiến độ phải là một số từ 0 đến 100%', 'Progress must be a number from 0 to 100%');
  const [files, setFiles] = useState<File[]>([]);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const a = useTaskAction((x) => {
    onTask(x);
    setText('');
    setFinished(false);
    setFiles([]);
    setPercent(x.percent);
    if (fileRef.current) fileRef.current.value = '';
  }, reload);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const encoded = await Promise.all(
      files.map(async (f) => ({
        fileName: f.name,
        mediaType: f.type || 'application/octet-stream',
        contentBase64: await fileToBase64(f),
      })),
    );
    if (percentError) return;
    void a.run(() =>
      api<Task>('POST', `/tasks/${t.id}/reports`, {
        reportedOn: on,
        percent: finished ? 100 : pct,
        text: text.trim(),
        ...(encoded.length ? { files: encoded } : {}),
        ...(finished ? { finished: true } : {}),
      }),
    );
  };
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="report-form">
      <Card withBorder p="sm" bg="gray.0">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {tr('Báo cáo tiến độ mới', 'New progress report')}
          </Title>
          <Group gap="sm" align="end" wrap="wrap">
            <DateField
              label={tr('Ngày báo cáo', 'Reported on')}
              value={on}
              onChange={setOn}
              testid="report-date"
              required
            />
            <NumberInput
              label={tr('Tiến độ (%)', 'Progress (%)')}
              value={finished ? 100 : percent}
              onChange={setPercent}
              min={0}
              max={100}
              step={5}
              clampBehavior="none"
              allowNegative={false}
              error={percentError}
              disabled={finished}
              w={percentError ? 260 : 120}
              suffix="%"
              data-testid="report-percent"
            />
          </Group>
          <Textarea
            label={tr('Kết quả đã làm', 'What was done')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            required
            data-testid="report-text"
          />
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
            checked={finished}
            onChange={(e) => setFinished(e.currentTarget.checked)}
            data-testid="report-finished"
          />
          <WriteError error={a.error} testid="report-error" onClose={() => a.setError(null)} />
          <Group>
            <Button
              type="submit"
              loading={a.busy}
              disabled={!text.trim() || !on || !!percentError}
              data-testid="report-submit"
            >
              {finished
                ? tr('Gửi báo cáo hoàn thành', 'Send the final report')
                : tr('Gửi báo cáo tiến độ', 'Send the report')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
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
    <Card withBorder data-testid="task-extensions">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {tr('Gia hạn', 'Extensions')} ({t.extensions.length})
        </Title>
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
      </Stack>
    </Card>
  );
}

function RequestForm({ t, onTask, reload, due }: TaskSectionProps & { due: string }) {
  const [, tr] = useTr();
  const [on, setOn] = useState(todayInVietnam());
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const a = useTaskAction(onTask, reload);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void a.run(() =>
          api<Task>('POST', `/tasks/${t.id}/extensions`, { requestedOn: on, requestedTo: to, reason: reason.trim() }),
        );
      }}
      data-testid="extension-request-form"
    >
      <Card withBorder p="sm" bg="gray.0">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {tr('Đề nghị gia hạn', 'Ask for an extension')}
          </Title>
          <Text size="xs" c="dimmed">
            {tr('Hạn hiện tại', 'Due date in force')}: {fmt(due)}
          </Text>
          <Group gap="sm" align="end" wrap="wrap">
            <DateField
              label={tr('Ngày đề nghị', 'Requested on')}
              value={on}
              onChange={setOn}
              testid="ext-on"
              required
            />
            <DateField
              label={tr('Xin gia hạn đến', 'Extend to')}
              value={to}
              onChange={setTo}
              testid="ext-to"
              required
            />
          </Group>
          <Textarea
            label={tr('Lý do', 'Reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            required
            data-testid="ext-reason"
          />
          <WriteError error={a.error} testid="ext-error" onClose={() => a.setError(null)} />
          <Group>
            <Button type="submit" loading={a.busy} disabled={!to || !on || !reason.trim()} data-testid="ext-submit">
              {tr('Gửi đề nghị gia hạn', 'Send the request')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}

function DecisionForm({ t, onTask, reload, org, ext }: TaskSectionProps & { ext: Task['extensions'][number] }) {
  const [l, tr] = useTr();
  const authority = t.extensionAuthority;
  const [approved, setApproved] = useState<'yes' | 'no'>('yes');
  const [on, setOn] = useState(maxDate(todayInVietnam(), ext.requestedOn));
  const [by, setBy] = useState(authority?.code ?? '');
  const [ref, setRef] = useState('');
  const [note, setNote] = useState('');
  const a = useTaskAction(onTask, reload);
  const options = decidingOptions(org);
  const data =
    authority && !options.some((o) => o.value === authority.code)
      ? [{ value: authority.code, label: authority.name }, ...options]
      : options;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void a.run(() =>
          api<Task>('POST', `/tasks/${t.id}/extensions/${ext.id}/decision`, {
            version: ext.version,
            approved: approved === 'yes',
            decidedOn: on,
            decidedBy: by,
            decisionRef: ref.trim() || null,
            note: note.trim() || null,
          }),
        );
      }}
      data-testid="extension-decision-form"
    >
      <Stack gap="xs" mt="xs" p="xs" className="qc-decision">
        <Text size="sm" fw={600}>
          {tr('Quyết định gia hạn', 'Decision')}
          {authority && (
            <Text span size="sm" fw={400}>
              {' '}
              — {l === 'vi' ? `do ${authority.name} quyết định` : `decided by ${authority.name}`}
            </Text>
          )}
        </Text>
        <SegmentedControl
          value={approved}
          onChange={(v) => setApproved(v as 'yes' | 'no')}
          data={[
            { value: 'yes', label: tr('Đồng ý gia hạn', 'Approve') },
            { value: 'no', label: tr('Không đồng ý', 'Refuse') },
          ]}
          data-testid="decision-approved"
          size="xs"
          style={{ alignSelf: 'flex-start' }}
        />
        <Group gap="sm" align="end" wrap="wrap">
          <DateField
            label={tr('Ngày quyết định', 'Decided on')}
            value={on}
            onChange={setOn}
            testid="decision-on"
            required
          />
          <NativeSelect
            label={tr('Cấp quyết định', 'Decided by')}
            value={by}
            onChange={(e) => setBy(e.currentTarget.value)}
            data={[{ value: '', label: tr('(chọn)', '(choose)') }, ...data]}
            data-testid="decision-by"
            w={240}
            maw="100%"
          />
        </Group>
        <TextInput
          label={tr('Văn bản, phiên họp quyết định', 'Decision reference')}
          value={ref}
          onChange={(e) => setRef(e.currentTarget.value)}
          data-testid="decision-ref"
        />
        <TextInput
          label={tr('Ghi chú', 'Note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="decision-note"
        />
        <WriteError error={a.error} testid="decision-error" onClose={() => a.setError(null)} />
        <Group>
          <Button
            type="submit"
            loading={a.busy}
            disabled={!by || !on}
            color={approved === 'yes' ? 'green' : 'red'}
            data-testid="decision-submit"
          >
            {approved === 'yes'
              ? tr('Đồng ý gia hạn', 'Approve the extension')
              : tr('Không đồng ý gia hạn', 'Refuse the extension')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

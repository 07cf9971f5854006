import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { RecipientStepSchema, todayInVietnam } from '@quyche/core';
import type { z } from 'zod';
import { api } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { useTr } from '../../app/ui/i18n';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import { FormProblem } from '../../app/ui/form-problem';
import { useSchemaForm } from '../../app/ui/schema-form';
import { RecipientStatusBadge } from './consultation.parts';
import type { Consultation, Recipient } from './consultation.parts';
import type { SectionProps } from './consultation-comments';
import { Row, RowKey, RowMain, RowTable } from '../../app/ui/row-table';

/**
 * "Nơi nhận": every recipient with its status (late in red), a reminder to the late ones, and "xác định không góp
 * ý" with its reason so that a silent unit no longer blocks the submission.
 */
export function RecipientsSection({
  c,
  onConsultation,
  reload,
  onAnswerFor,
}: SectionProps & { onAnswerFor: (recipientId: string) => void }) {
  const [l, tr] = useTr();
  const [reminded, setReminded] = useState<string[] | null>(null);
  const remind = useRun<{ reminded: string[] }>((r) => {
    setReminded(r.reminded);
    reload();
  });
  const late = c.recipients.filter((r) => r.status === 'late').length;
  const past = c.deadline < todayInVietnam();
  return (
    <Stack gap="sm" data-testid="recipients">
      <Group justify="space-between" align="end" wrap="wrap">
        <Title order={2} size="h4">
          {tr('Nơi nhận dự thảo', 'Recipients')} ({c.recipients.length})
        </Title>
        {c.can.manage && c.state === 'open' && (
          <Button
            size="xs"
            color="red"
            variant="light"
            loading={remind.busy}
            disabled={past && late === 0}
            onClick={() => void remind.run(() => api<{ reminded: string[] }>('POST', `/consultations/${c.id}/remind`))}
            data-testid="remind"
          >
            {tr(`Nhắc nơi quá hạn (${late})`, `Remind the late ones (${late})`)}
          </Button>
        )}
      </Group>
      <WriteError error={remind.error} testid="remind-error" onClose={() => remind.setError(null)} />
      {reminded && (
        <Alert
          color={reminded.length ? 'green' : 'gray'}
          withCloseButton
          onClose={() => setReminded(null)}
          data-testid="reminded"
          data-count={reminded.length}
        >
          {reminded.length
            ? tr(
                `Đã nhắc (trong ứng dụng và qua thư): ${reminded.join(', ')}.`,
                `Reminded (in the app and by e-mail): ${reminded.join(', ')}.`,
              )
            : tr(
                'Không có nơi nào phải nhắc thêm hôm nay (mỗi nơi được nhắc một lần một ngày).',
                'Nobody to remind again today (once a day each).',
              )}
        </Alert>
      )}
      <RowTable
        columns="minmax(0, 1.6fr) minmax(0, 1.8fr) minmax(0, 0.5fr) minmax(0, 1.6fr)"
        head={[tr('Nơi nhận', 'Recipient'), tr('Tình trạng', 'Status'), tr('Ý kiến', 'Comments'), '']}
      >
        {c.recipients.map((r) => (
          <RecipientRow key={r.id} c={c} r={r} onConsultation={onConsultation} onAnswerFor={onAnswerFor} />
        ))}
      </RowTable>
      <Text size="xs" c="dimmed">
        {l === 'vi'
          ? `Hạn góp ý ${fmt(c.deadline)}. Nơi quá hạn được nhắc mỗi ngày một lần; nơi đã nhắc mà không trả lời có ` +
            `thể được xác định không góp ý.`
          : `Deadline ${fmt(c.deadline)}. Late recipients are reminded once a day; one that still does not answer ` +
            `may be marked as not answering.`}
      </Text>
    </Stack>
  );
}

function RecipientRow({
  c,
  r,
  onConsultation,
  onAnswerFor,
}: {
  c: Consultation;
  r: Recipient;
  onConsultation: (c: Consultation) => void;
  onAnswerFor: (id: string) => void;
}) {
  const [l, tr] = useTr();
  const [marking, setMarking] = useState(false);
  // Marking needs its reason (the server refuses it without): sent as typed, so that a blank one is named.
  const form = useSchemaForm(
    RecipientStepSchema,
    { note: tr('Đã nhắc, quá hạn không trả lời', 'Reminded, no answer past the deadline') },
    (v) => ({ version: r.version, notAnswering: true, note: v.note.trim() }),
  );
  const a = useRun<Consultation>((x) => {
    onConsultation(x);
    setMarking(false);
  });
  const send = (body: z.input<typeof RecipientStepSchema>) =>
    void a.run(() => api<Consultation>('POST', `/consultations/${c.id}/recipients/${r.id}`, body));
  const mark = form.submitBody(send);
  const silent = r.status === 'late' || r.status === 'pending';
  const open = c.state === 'open';
  return (
    <Row overdue={r.status === 'late'} data-testid="recipient" data-id={r.id} data-name={r.name} data-status={r.status}>
      <RowMain>
        <Text size="sm" fw={600}>
          {r.name}
        </Text>
        {r.mine && !c.can.manage && (
          <Text size="xs" c="dimmed">
            {tr('Đơn vị của bạn', 'Your unit')}
          </Text>
        )}
      </RowMain>
      <div>
        <RecipientStatusBadge state={r.status} size="xs" />
        <Text
          size="xs"
          className={r.status === 'late' ? 'qc-c-red' : undefined}
          c={r.status === 'late' ? undefined : 'dimmed'}
          data-testid="recipient-line"
        >
          {l === 'vi' ? r.statusLine : r.status}
        </Text>
        {r.lastRemindedOn && (
          <Text size="xs" c="dimmed" data-testid="recipient-reminded">
            {tr('Đã nhắc ngày', 'Reminded on')} {fmt(r.lastRemindedOn)}
          </Text>
        )}
        {r.note && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="recipient-note">
            {tr('Ghi chú', 'Note')}: {r.note}
          </Text>
        )}
      </div>
      <div>
        <RowKey>{tr('Ý kiến', 'Comments')}: </RowKey>
        <Text span size="sm" data-testid="recipient-comments">
          {r.comments}
        </Text>
      </div>
      <div>
        <Group gap={4} wrap="wrap">
          {open && r.mine && (c.can.manage ? silent : true) && (
            <Button size="compact-xs" variant="light" onClick={() => onAnswerFor(r.id)} data-testid="recipient-answer">
              {c.can.manage ? tr('Ghi ý kiến thay', 'Record its answer') : tr('Góp ý', 'Comment')}
            </Button>
          )}
          {c.can.manage && open && silent && (
            <Button
              size="compact-xs"
              variant={marking ? 'filled' : 'subtle'}
              color="gray"
              onClick={() => setMarking((m) => !m)}
              data-testid="recipient-mark-open"
            >
              {tr('Xác định không góp ý', 'Mark as not answering')}
            </Button>
          )}
          {c.can.manage && open && r.status === 'not_answering' && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              loading={a.busy}
              onClick={() => send({ version: r.version, notAnswering: false, note: null })}
              data-testid="recipient-unmark"
            >
              {tr('Bỏ xác định', 'Undo')}
            </Button>
          )}
        </Group>
        {marking && (
          <form onSubmit={mark} noValidate>
            <Stack gap={4} mt={4} data-testid="recipient-mark-form">
              <Textarea
                label={tr('Lý do', 'Reason')}
                {...form.getInputProps('note')}
                autosize
                minRows={1}
                size="xs"
                required
                data-testid="recipient-mark-note"
              />
              <Group gap={4}>
                <Button
                  type="submit"
                  size="compact-xs"
                  color="gray"
                  loading={a.busy}
                  data-testid="recipient-mark-submit"
                >
                  {tr('Xác định không góp ý', 'Mark')}
                </Button>
              </Group>
              <FormProblem errors={form.errors} testid="recipient-mark-problem" />
            </Stack>
          </form>
        )}
        <WriteError error={a.error} testid="recipient-error" onClose={() => a.setError(null)} />
      </div>
    </Row>
  );
}

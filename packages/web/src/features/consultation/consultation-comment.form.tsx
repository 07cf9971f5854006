import { Alert, Button, Card, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ElementView } from '@quyche/core';
import { ConsultationAnswerSchema, todayInVietnam } from '@quyche/core';
import { api } from '../../app/api';
import { DateField } from '../../app/ui/date-field';
import { FormProblem } from '../../app/ui/form-problem';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { useTr } from '../../app/ui/i18n';
import { useRun } from '../../app/ui/use-run';
import { WriteError } from '../../app/ui/write-error';
import { cite } from './consultation.parts';
import type { Consultation } from './consultation.parts';
import { useOnChange } from '../../app/ui/use-on-change';

type Kind = 'clause' | 'proposal' | 'general' | 'no_comment';

/**
 * A recipient's comment: on the provision chosen in the draft (a comment, or a proposed wording for a clause or a
 * point), on the whole draft, or "nhất trí, không có ý kiến". The consulting organization's writers record a unit's
 * written answer for it (with the date it came in).
 */
export function CommentForm({
  c,
  target,
  as,
  onAnswered,
}: {
  c: Consultation;
  target: ElementView | null;
  as: string | null;
  onAnswered: (c: Consultation) => void;
}) {
  const [l, tr] = useTr();
  const mine = c.recipients.filter((r) => r.mine);
  const first = mine.find((r) => r.status === 'late' || r.status === 'pending') ?? mine[0];
  const canPropose = !!target && (target.kind === 'clause' || target.kind === 'point');
  // One comment a time, sent as the list the route takes: its errors are at `comments.0.…`.
  const form = useSchemaForm(
    ConsultationAnswerSchema,
    {
      recipientId: as && mine.some((r) => r.id === as) ? as : (first?.id ?? ''),
      answeredOn: todayInVietnam(),
      comments: [{ kind: (target ? 'clause' : 'general') as Kind, text: '', proposedText: '' }],
    },
    (v) => {
      const { kind, text, proposedText } = v.comments[0]!;
      const comment =
        kind === 'no_comment'
          ? { kind }
          : kind === 'general' || !target
            ? { kind, text: text.trim() }
            : {
                kind,
                eId: target.eId,
                ...(kind === 'clause' || text.trim() ? { text: text.trim() } : {}),
                ...(kind === 'proposal' ? { proposedText: proposedText.trim() } : {}),
              };
      return {
        recipientId: blankAs(v.recipientId, undefined) as string,
        ...(c.can.manage ? { answeredOn: v.answeredOn } : {}),
        comments: [comment],
      };
    },
  );
  const kind = form.values.comments[0]!.kind;
  const setKind = (k: Kind) => form.setFieldValue('comments.0.kind', k);
  const setProposed = (t: string) => form.setFieldValue('comments.0.proposedText', t);
  useOnChange(as, (x) => {
    if (x && mine.some((r) => r.id === x)) form.setFieldValue('recipientId', x);
  });
  const [done, setDone] = useState<string | null>(null);
  useOnChange(target?.eId, () => {
    setKind(
      target
        ? kind === 'general'
          ? 'clause'
          : kind === 'proposal' && !canPropose
            ? 'clause'
            : kind
        : kind === 'no_comment'
          ? kind
          : 'general',
    );
    setProposed(target && canPropose ? target.text : '');
    form.clearErrors();
  });
  const who = mine.find((r) => r.id === form.values.recipientId);
  const a = useRun<Consultation>((x) => {
    onAnswered(x);
    setDone(who?.name ?? '');
    // Ready for the next comment: nothing left to send twice by mistake.
    form.setFieldValue('comments', [
      { kind: target ? 'clause' : 'general', text: '', proposedText: target && canPropose ? target.text : '' },
    ]);
  });
  const kinds: { value: Kind; label: string; disabled?: boolean }[] = [
    ...(target
      ? [
          {
            value: 'clause' as const,
            label: tr(`Góp ý vào ${cite(target.eId, l)}`, `Comment on ${cite(target.eId, l)}`),
          },
        ]
      : []),
    ...(target
      ? [{ value: 'proposal' as const, label: tr('Đề xuất sửa nội dung', 'Propose a wording'), disabled: !canPropose }]
      : []),
    { value: 'general', label: tr('Ý kiến chung về dự thảo', 'General comment on the draft') },
    { value: 'no_comment', label: tr('Nhất trí, không có ý kiến', 'Agree, no comment') },
  ];
  const submit = form.submitBody((body) => {
    setDone(null);
    void a.run(() => api<Consultation>('POST', `/consultations/${c.id}/answers`, body));
  });
  return (
    <Card withBorder p="sm" bg="gray.0" data-testid="comment-form" data-target={target?.eId ?? ''}>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Text size="sm" fw={700}>
            {target
              ? tr(`Ghi ý kiến về ${cite(target.eId, l)}`, `Comment on ${cite(target.eId, l)}`)
              : tr('Ghi ý kiến về dự thảo', 'Comment on the draft')}
          </Text>
          {mine.length > 1 ? (
            <NativeSelect
              label={tr('Ý kiến của', 'On behalf of')}
              {...form.getInputProps('recipientId')}
              data={mine.map((r) => ({
                value: r.id,
                label: `${r.name}${r.status === 'answered' ? ` (${tr('đã góp ý', 'answered')})` : ''}`,
              }))}
              data-testid="comment-as"
            />
          ) : (
            <Text size="xs" c="dimmed" data-testid="comment-as-name">
              {tr('Ý kiến của', 'On behalf of')}: {who?.name}
            </Text>
          )}
          <NativeSelect
            label={tr('Loại ý kiến', 'Kind')}
            {...form.getInputProps('comments.0.kind')}
            data={kinds}
            data-testid="comment-kind"
          />
          {!target && (
            <Text size="xs" c="dimmed">
              {tr(
                'Muốn góp ý vào một điều, khoản: bấm vào điều, khoản đó trong dự thảo.',
                'To comment on a provision, click it in the draft.',
              )}
            </Text>
          )}
          {target && kind !== 'no_comment' && kind !== 'general' && (
            <div className="qc-c-quote">
              {target.kind === 'article' ? `Điều ${target.num}. ${target.heading}` : target.text}
            </div>
          )}
          {kind === 'proposal' && (
            <Textarea
              label={tr('Nội dung đề xuất thay thế', 'Proposed wording')}
              {...form.getInputProps('comments.0.proposedText')}
              autosize
              minRows={2}
              required
              data-testid="comment-proposed"
            />
          )}
          {kind !== 'no_comment' && (
            <Textarea
              label={kind === 'proposal' ? tr('Lý do đề xuất', 'Reason') : tr('Nội dung góp ý', 'Comment')}
              {...form.getInputProps('comments.0.text')}
              autosize
              minRows={2}
              required={kind !== 'proposal'}
              data-testid="comment-text"
            />
          )}
          {c.can.manage && (
            <DateField
              label={tr('Ngày góp ý', 'Answered on')}
              {...form.valueProps('answeredOn')}
              testid="comment-date"
            />
          )}
          <FormProblem errors={form.errors} testid="comment-problem" />
          <WriteError error={a.error} testid="comment-error" onClose={() => a.setError(null)} />
          {done !== null && (
            <Alert color="green" p="xs" data-testid="comment-done" withCloseButton onClose={() => setDone(null)}>
              {tr(`Đã ghi ý kiến của ${done}.`, `Comment of ${done} recorded.`)}
            </Alert>
          )}
          <Group gap="xs">
            <Button type="submit" size="xs" loading={a.busy} data-testid="comment-submit">
              {kind === 'no_comment'
                ? tr('Gửi: nhất trí, không có ý kiến', 'Send: no comment')
                : tr('Gửi ý kiến', 'Send the comment')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

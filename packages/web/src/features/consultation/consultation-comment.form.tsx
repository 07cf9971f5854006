import { Alert, Button, Card, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ElementView } from '@quyche/core';
import { todayInVietnam } from '@quyche/core';
import { api } from '../../app/api';
import { DateField } from '../../app/ui/date-field';
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
  const [rid, setRid] = useState(as && mine.some((r) => r.id === as) ? as : (first?.id ?? ''));
  useOnChange(as, (x) => {
    if (x && mine.some((r) => r.id === x)) setRid(x);
  });
  const canPropose = !!target && (target.kind === 'clause' || target.kind === 'point');
  const [kind, setKind] = useState<Kind>(target ? 'clause' : 'general');
  const [text, setText] = useState('');
  const [proposed, setProposed] = useState('');
  const [on, setOn] = useState(todayInVietnam());
  const [done, setDone] = useState<string | null>(null);
  useOnChange(target?.eId, () => {
    setKind((k) =>
      target
        ? k === 'general'
          ? 'clause'
          : k === 'proposal' && !canPropose
            ? 'clause'
            : k
        : k === 'no_comment'
          ? k
          : 'general',
    );
    setProposed(target && canPropose ? target.text : '');
  });
  const who = mine.find((r) => r.id === rid);
  const a = useRun<Consultation>((x) => {
    onAnswered(x);
    setDone(who?.name ?? '');
    setText('');
    // Ready for the next comment: nothing left to send twice by mistake.
    setKind(target ? 'clause' : 'general');
    setProposed(target && canPropose ? target.text : '');
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
  const submit = () => {
    const comment =
      kind === 'no_comment'
        ? { kind }
        : kind === 'general'
          ? { kind, text: text.trim() }
          : {
              kind,
              eId: target!.eId,
              ...(text.trim() ? { text: text.trim() } : {}),
              ...(kind === 'proposal' ? { proposedText: proposed.trim() } : {}),
            };
    setDone(null);
    void a.run(() =>
      api<Consultation>('POST', `/consultations/${c.id}/answers`, {
        recipientId: rid,
        ...(c.can.manage ? { answeredOn: on } : {}),
        comments: [comment],
      }),
    );
  };
  const ready = !!rid && (kind === 'no_comment' || (kind === 'proposal' ? !!proposed.trim() : !!text.trim()));
  return (
    <Card withBorder p="sm" bg="gray.0" data-testid="comment-form" data-target={target?.eId ?? ''}>
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {target
            ? tr(`Ghi ý kiến về ${cite(target.eId, l)}`, `Comment on ${cite(target.eId, l)}`)
            : tr('Ghi ý kiến về dự thảo', 'Comment on the draft')}
        </Text>
        {mine.length > 1 ? (
          <NativeSelect
            label={tr('Ý kiến của', 'On behalf of')}
            value={rid}
            onChange={(e) => setRid(e.currentTarget.value)}
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
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as Kind)}
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
            value={proposed}
            onChange={(e) => setProposed(e.currentTarget.value)}
            autosize
            minRows={2}
            required
            data-testid="comment-proposed"
          />
        )}
        {kind !== 'no_comment' && (
          <Textarea
            label={kind === 'proposal' ? tr('Lý do đề xuất', 'Reason') : tr('Nội dung góp ý', 'Comment')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            required={kind !== 'proposal'}
            data-testid="comment-text"
          />
        )}
        {c.can.manage && (
          <DateField label={tr('Ngày góp ý', 'Answered on')} value={on} onChange={setOn} testid="comment-date" />
        )}
        <WriteError error={a.error} testid="comment-error" onClose={() => a.setError(null)} />
        {done !== null && (
          <Alert color="green" p="xs" data-testid="comment-done" withCloseButton onClose={() => setDone(null)}>
            {tr(`Đã ghi ý kiến của ${done}.`, `Comment of ${done} recorded.`)}
          </Alert>
        )}
        <Group gap="xs">
          <Button size="xs" onClick={submit} loading={a.busy} disabled={!ready} data-testid="comment-submit">
            {kind === 'no_comment'
              ? tr('Gửi: nhất trí, không có ý kiến', 'Send: no comment')
              : tr('Gửi ý kiến', 'Send the comment')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

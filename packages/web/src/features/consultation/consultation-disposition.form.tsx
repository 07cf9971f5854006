import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../app/api';
import type { ApiError } from '../../app/api';
import { DisposeCommentSchema } from '@quyche/core';
import type { z } from 'zod';
import { FormEnd } from '../../app/ui/shared-form-end';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { useTr } from '../../app/ui/i18n';
import { apiError, commentKindLabel, DispositionBadge, dispositionLabel, Passage } from './consultation.parts';
import type { Comment, Consultation } from './consultation.parts';
import { TypedText } from '../../app/ui/typed-text';

type Disposition = 'accepted' | 'partly_accepted' | 'not_accepted';
const CHOICES: { value: Disposition; vi: string; en: string; color: string }[] = [
  { value: 'accepted', vi: 'Tiếp thu', en: 'Accept', color: 'green' },
  { value: 'partly_accepted', vi: 'Tiếp thu một phần', en: 'Partly accept', color: 'teal' },
  { value: 'not_accepted', vi: 'Không tiếp thu', en: 'Do not accept', color: 'orange' },
];

/**
 * One comment: who, on which provision, what, the wording proposed, and how it was disposed of (tiếp thu, giải trình).
 */
export function CommentCard({
  c,
  x,
  onSelect,
  onReplaced,
  onChanged,
}: {
  c: Consultation;
  x: Comment;
  onSelect: (eId: string) => void;
  onReplaced: (x: Comment) => void;
  onChanged: () => void;
}) {
  const [l, tr] = useTr();
  const [open, setOpen] = useState(false);
  const canDispose = c.can.manage && ['open', 'revised'].includes(c.state) && x.kind !== 'no_comment';
  return (
    <Card
      withBorder
      p="sm"
      data-testid="comment"
      data-id={x.id}
      data-kind={x.kind}
      data-eid={x.at.eId ?? ''}
      data-disposition={x.disposition ?? 'none'}
      data-version={x.version}
    >
      <Stack gap={4}>
        <Group gap={6} wrap="wrap" justify="space-between">
          <Text size="sm" fw={700} data-testid="comment-from">
            {x.recipientName}
          </Text>
          <Group gap={4} wrap="wrap">
            {x.at.eId ? (
              <Anchor
                component="button"
                type="button"
                size="xs"
                onClick={() => onSelect(x.at.eId!)}
                data-testid="comment-cite"
              >
                {x.at.cite}
              </Anchor>
            ) : (
              <Text size="xs" c="dimmed" data-testid="comment-cite">
                {x.kind === 'no_comment' ? '' : x.at.cite}
              </Text>
            )}
            <Badge
              size="xs"
              variant="outline"
              color={x.kind === 'proposal' ? 'blue' : 'gray'}
              style={{ textTransform: 'none' }}
            >
              {commentKindLabel(x.kind, l)}
            </Badge>
          </Group>
        </Group>
        {!x.at.exact && x.anchor.eId && (
          <Text size="xs" c="orange.8">
            {tr(
              `Điều khoản góp ý (${x.anchor.eId}) không còn nguyên trong văn bản này; ý kiến được đặt vào ` +
                `${x.at.cite}.`,
              `The provision commented on (${x.anchor.eId}) is no longer as it was; the comment is placed at ` +
                `${x.at.cite}.`,
            )}
          </Text>
        )}
        <TypedText testid="comment-body">{x.text}</TypedText>
        {x.proposedText && (
          <div className="qc-c-proposal" data-testid="comment-proposal">
            <b>{tr('Đề xuất sửa', 'Proposed wording')}:</b> {x.proposedText}
          </div>
        )}
        {x.kind !== 'no_comment' && (
          <Group gap={6} wrap="wrap" align="start">
            <DispositionBadge d={x.disposition} />
            {x.disposedBy && (
              <Text size="xs" c="dimmed">
                {x.disposedBy}
              </Text>
            )}
          </Group>
        )}
        {x.explanation && (
          <Passage label={tr('Giải trình', 'Explanation')} testid="comment-explanation">
            {x.explanation}
          </Passage>
        )}
        {x.adoptedText && (
          <Passage label={tr('Nội dung tiếp thu vào dự thảo', 'Wording taken into the draft')} testid="comment-adopted">
            {x.adoptedText}
          </Passage>
        )}
        {canDispose && (
          <Group gap="xs">
            <Button
              size="compact-xs"
              variant={open ? 'filled' : 'light'}
              onClick={() => setOpen((o) => !o)}
              data-testid="dispose-open"
            >
              {x.disposition
                ? tr('Sửa việc tiếp thu, giải trình', 'Change the disposition')
                : tr('Tiếp thu, giải trình', 'Dispose of it')}
            </Button>
          </Group>
        )}
        {canDispose && open && (
          <DispositionForm
            c={c}
            x={x}
            onSaved={(y) => {
              onReplaced(y);
              setOpen(false);
              onChanged();
            }}
            onReloaded={onReplaced}
          />
        )}
        {!canDispose && x.kind !== 'no_comment' && !x.disposition && c.can.manage && (
          <Text size="xs" c="dimmed">
            {dispositionLabel(null, l)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/**
 * Tiếp thu / tiếp thu một phần / không tiếp thu, with the explanation (the server requires it unless fully accepted)
 * and the wording taken into the next version. Someone else's disposition meanwhile (409) reloads the comment.
 */
function DispositionForm({
  c,
  x,
  onSaved,
  onReloaded,
}: {
  c: Consultation;
  x: Comment;
  onSaved: (x: Comment) => void;
  onReloaded: (x: Comment) => void;
}) {
  const [l, tr] = useTr();
  const anchored = /^(para|point)_/.test(x.anchor.eId?.split('__').at(-1) ?? '');
  const form = useSchemaForm(
    DisposeCommentSchema,
    {
      disposition: (x.disposition ?? '') as Disposition | '',
      explanation: x.explanation ?? '',
      adoptedText: x.adoptedText ?? x.proposedText ?? '',
    },
    (v) => ({
      version: x.version,
      disposition: (v.disposition || undefined) as Disposition,
      explanation: blankAs(v.explanation, null),
      ...(v.disposition !== 'not_accepted' && anchored ? { adoptedText: blankAs(v.adoptedText, null) } : {}),
    }),
  );
  const choice = form.values.disposition || null;
  const explanation = form.values.explanation;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Wording can be taken in only for a clause or a point (an article's comment is explained, its text edited at
  // revision).
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error)
      box.current
        ?.querySelector('[data-testid="dispose-error"]')
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  const save = async (body: z.input<typeof DisposeCommentSchema>) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<Pick<Comment, 'id' | 'disposition' | 'explanation' | 'adoptedText' | 'version'>>(
        'PATCH',
        `/consultations/${c.id}/comments/${x.id}`,
        body,
      );
      onSaved({ ...x, ...r });
    } catch (e) {
      const err = apiError(e);
      setError(err);
      if (err.status === 409) {
        // Someone else disposed of it: show theirs, and let the user decide again on the latest version.
        const q = x.at.eId ? `?eId=${encodeURIComponent(x.at.eId)}` : '';
        const fresh = (await api<Comment[]>('GET', `/consultations/${c.id}/comments${q}`).catch(() => [])).find(
          (y) => y.id === x.id,
        );
        if (fresh) onReloaded(fresh);
      }
    } finally {
      setBusy(false);
    }
  };
  const needsExplanation = choice !== null && choice !== 'accepted';
  const explanationError = error?.status === 400 && needsExplanation && !explanation.trim() ? error.detail : undefined;
  return (
    <form onSubmit={form.submitBody((body) => void save(body))} noValidate>
      <Stack ref={box} gap="xs" p="xs" bg="gray.0" style={{ borderRadius: 4 }} data-testid="dispose-form">
        <Group gap={4} wrap="wrap" role="radiogroup" aria-label={tr('Tiếp thu, giải trình', 'Disposition')}>
          {CHOICES.map((d) => (
            <Button
              key={d.value}
              size="xs"
              color={d.color}
              variant={choice === d.value ? 'filled' : 'light'}
              role="radio"
              aria-checked={choice === d.value}
              onClick={() => form.setFieldValue('disposition', d.value)}
              data-testid={`dispose-${d.value}`}
            >
              {l === 'vi' ? d.vi : d.en}
            </Button>
          ))}
        </Group>
        {form.errors.disposition && (
          <Text size="sm" c="red" data-testid="dispose-choice-error">
            {form.errors.disposition}
          </Text>
        )}
        <Textarea
          label={tr('Giải trình', 'Explanation')}
          description={tr('Bắt buộc khi không tiếp thu hoặc chỉ tiếp thu một phần', 'Required unless fully accepted')}
          {...form.getInputProps('explanation')}
          autosize
          minRows={2}
          required={needsExplanation}
          error={form.errors.explanation ?? explanationError}
          data-testid="dispose-explanation"
        />
        {choice !== 'not_accepted' && anchored && (
          <Textarea
            label={tr('Nội dung tiếp thu vào bản chỉnh lý', 'Wording taken into the revision')}
            description={tr(
              'Thay nội dung khoản, điểm được góp ý; để trống nếu không sửa câu chữ',
              'Replaces the text of the clause or point; leave empty to keep the wording',
            )}
            {...form.getInputProps('adoptedText')}
            autosize
            minRows={2}
            data-testid="dispose-adopted"
          />
        )}
        <FormEnd name="dispose" form={form} write={{ error, busy, setError }} closable size="xs">
          {tr('Lưu', 'Save')}
        </FormEnd>
      </Stack>
    </form>
  );
}

import { versionLabelVi } from '@quyche/core';
import { Badge, Button, CloseButton, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ElementView } from '@quyche/core';
import { api, useApi } from '../../app/api';
import type { ApiError } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { Loading } from '../../app/ui/loading';
import { useLive } from '../../app/ui/use-live';
import { useTr } from '../../app/ui/i18n';
import { CommentForm } from './consultation-comment.form';
import { CommentCard } from './consultation-disposition.form';
import {
  apiError,
  articleOf,
  articlesOf,
  cite,
  DISPOSITION_COLORS,
  dispositionLabel,
  provisionsOf,
  under,
} from './consultation.parts';
import type { Comment, Consultation, Draft } from './consultation.parts';
import { LoadState } from '../../app/ui/load-state';

export interface SectionProps {
  c: Consultation;
  onConsultation: (c: Consultation) => void;
  reload: () => void;
}

const WHOLE = '__whole';

/**
 * "Dự thảo và ý kiến": the draft circulated on the left, each provision with the number of its comments, and the
 * comments on the right (stacked on a phone). Clicking a provision filters the comments to it and aims the comment
 * form at it; managers dispose of each comment in place.
 */
export function DraftAndComments({
  c,
  onConsultation,
  reload,
  readAll,
  as,
}: SectionProps & { readAll: boolean; as: string | null }) {
  const [l, tr] = useTr();
  const { data: draft, error: draftError } = useApi<Draft>(`/consultations/${c.id}/draft`);
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [where, setWhere] = useState('');
  const [unit, setUnit] = useState('');
  const [disp, setDisp] = useState('');
  // A recipient's user comes to comment; the consulting organization's writers come to dispose, and record an answer
  // now and then.
  const [writing, setWriting] = useState(!c.can.manage || !!as);
  useEffect(() => {
    if (as) setWriting(true);
  }, [as]);
  const side = useRef<HTMLDivElement>(null);
  const load = useCallback(async () => {
    try {
      setComments(await api<Comment[]>('GET', `/consultations/${c.id}/comments`));
      setError(null);
    } catch (e) {
      setError(apiError(e));
    }
  }, [c.id]);
  useEffect(() => {
    void load();
  }, [load]);
  // Comments given elsewhere (another clerk, a connection point of an online conference) arrive without reloading.
  // Another clerk's disposition does not reload the list under an open form: it surfaces as a 409 on saving.
  const seen = useRef<string | null>(null);
  useLive<{ lastPosition: number; counts: { comments: number } }>(
    `/api/v1/consultations/${encodeURIComponent(c.id)}/events`,
    (s) => {
      const key = `${s.lastPosition}:${s.counts.comments}`;
      if (seen.current !== null && seen.current !== key) {
        void load();
        reload();
      }
      seen.current = key;
    },
  );
  const provisions = useMemo(() => provisionsOf(draft?.chapters ?? []), [draft]);
  const order = useMemo(() => new Map([...provisions.keys()].map((k, i) => [k, i])), [provisions]);
  const articles = useMemo(() => articlesOf(draft?.chapters ?? []), [draft]);
  const all = useMemo(
    () =>
      [...(comments ?? [])].sort(
        (a, b) =>
          (a.at.eId ? (order.get(a.at.eId) ?? 0) : -1) - (b.at.eId ? (order.get(b.at.eId) ?? 0) : -1) ||
          a.position - b.position,
      ),
    [comments, order],
  );
  const countOf = (eId: string) => all.filter((x) => under(x.at.eId, eId)).length;
  const shown = all
    .filter((x) => !where || (where === WHOLE ? !x.at.eId : under(x.at.eId, where)))
    .filter((x) => !unit || x.recipientId === unit)
    .filter((x) => !disp || (disp === 'none' ? !x.disposition && x.kind !== 'no_comment' : x.disposition === disp));
  const select = (eId: string) => {
    setWhere((w) => (w === eId ? '' : eId));
    if (window.matchMedia('(max-width: 991px)').matches)
      side.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const replace = (x: Comment) => setComments((cs) => cs?.map((y) => (y.id === x.id ? x : y)) ?? cs);
  const changed = () => {
    void load();
    reload();
  };
  const target = where && where !== WHOLE ? (provisions.get(where) ?? null) : null;
  return (
    <div className="qc-c-split" data-testid="draft-and-comments">
      <div className="qc-c-draft" data-testid="draft">
        <Title order={2} size="h4" mb={4}>
          {tr('Dự thảo', 'Draft')}: {versionLabelVi(draft?.expression ?? c.expression)}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          {tr(
            'Bấm vào một điều, khoản để xem và ghi ý kiến về nó; số bên phải là số ý kiến.',
            'Click a provision to see and write comments on it; the number on the right counts its comments.',
          )}
        </Text>
        {draftError && <ErrorView error={draftError} />}
        {!draft && !draftError && <Loading />}
        {draft?.chapters.map((ch) => (
          <Provision key={ch.eId} e={ch} where={where} countOf={countOf} onSelect={select} />
        ))}
      </div>
      <div className="qc-c-side" ref={side} data-testid="comments-panel">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {tr('Ý kiến góp ý', 'Comments')}{' '}
            <Text span c="dimmed" size="sm" data-testid="comments-shown" data-count={shown.length}>
              ({shown.length}/{all.length})
            </Text>
          </Title>
          <Group gap="xs" align="end" wrap="wrap">
            {readAll && (
              <NativeSelect
                label={tr('Đơn vị', 'Unit')}
                value={unit}
                onChange={(e) => setUnit(e.currentTarget.value)}
                data={[
                  { value: '', label: tr('Tất cả đơn vị', 'All units') },
                  ...c.recipients.map((r) => ({ value: r.id, label: `${r.name} (${r.comments})` })),
                ]}
                data-testid="filter-unit"
                style={{ flex: '1 1 160px', minWidth: 0 }}
              />
            )}
            <NativeSelect
              label={tr('Điều', 'Article')}
              value={where === WHOLE ? WHOLE : (articleOf(where) ?? '')}
              onChange={(e) => setWhere(e.currentTarget.value)}
              data={[
                { value: '', label: tr('Tất cả điều, khoản', 'All provisions') },
                { value: WHOLE, label: tr('Ý kiến chung (toàn văn)', 'General (whole draft)') },
                ...articles.map((a) => ({
                  value: a.eId,
                  label: `${l === 'vi' ? 'Điều' : 'Art.'} ${a.num}. ${a.heading} (${countOf(a.eId)})`,
                })),
              ]}
              data-testid="filter-article"
              style={{ flex: '1 1 160px', minWidth: 0 }}
            />
            {readAll && (
              <NativeSelect
                label={tr('Xử lý', 'Disposition')}
                value={disp}
                onChange={(e) => setDisp(e.currentTarget.value)}
                data={[
                  { value: '', label: tr('Tất cả', 'All') },
                  { value: 'none', label: tr('Chưa xử lý', 'Not disposed') },
                  ...Object.keys(DISPOSITION_COLORS).map((d) => ({ value: d, label: dispositionLabel(d, l) })),
                ]}
                data-testid="filter-disposition"
                style={{ flex: '1 1 130px', minWidth: 0 }}
              />
            )}
          </Group>
          {where && (
            <Group gap={4} wrap="nowrap">
              <Badge
                variant="light"
                color="orange"
                size="lg"
                style={{ textTransform: 'none', maxWidth: '100%' }}
                data-testid="filter-where"
                data-eid={where}
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={tr('Bỏ lọc', 'Clear')}
                    onClick={() => setWhere('')}
                    data-testid="filter-where-clear"
                  />
                }
              >
                {where === WHOLE ? tr('Ý kiến chung', 'General comments') : cite(where, l)}
              </Badge>
            </Group>
          )}
          {c.can.answer && c.can.manage && (
            <Group gap="xs">
              <Button
                size="xs"
                variant={writing ? 'filled' : 'light'}
                onClick={() => setWriting((w) => !w)}
                data-testid="comment-form-open"
              >
                {tr('Ghi ý kiến của đơn vị (văn bản góp ý gửi về)', 'Record a unit’s written answer')}
              </Button>
            </Group>
          )}
          {c.can.answer && writing && (
            <CommentForm c={c} target={target} as={as} onAnswered={(x) => (onConsultation(x), void load())} />
          )}
          <LoadState
            error={error}
            loading={!comments && !error}
            empty={!!comments && shown.length === 0}
            emptyTestid="comments-none"
            size="sm"
          >
            {all.length === 0
              ? tr('Chưa có ý kiến nào.', 'No comment yet.')
              : tr('Không có ý kiến nào phù hợp bộ lọc.', 'No comment matches the filters.')}
          </LoadState>
          {shown.map((x) => (
            <CommentCard
              key={x.id}
              c={c}
              x={x}
              onSelect={(eId) => setWhere(eId)}
              onReplaced={replace}
              onChanged={changed}
            />
          ))}
        </Stack>
      </div>
    </div>
  );
}

/** A provision of the draft: its number and text, a badge with its comments, and its children. */
function Provision({
  e,
  where,
  countOf,
  onSelect,
}: {
  e: ElementView;
  where: string;
  countOf: (eId: string) => number;
  onSelect: (eId: string) => void;
}) {
  const [l] = useTr();
  if (e.kind === 'chapter')
    return (
      <div data-eid={e.eId}>
        <div className="qc-c-chapter">{`${l === 'vi' ? 'Chương' : 'Chapter'} ${e.num}. ${e.heading}`}</div>
        {e.children.map((x) => (
          <Provision key={x.eId} e={x} where={where} countOf={countOf} onSelect={onSelect} />
        ))}
      </div>
    );
  const n = countOf(e.eId);
  const selected = where === e.eId;
  const key = (ev: KeyboardEvent) => (ev.key === 'Enter' || ev.key === ' ') && (ev.preventDefault(), onSelect(e.eId));
  const label =
    e.kind === 'article'
      ? `Điều ${e.num}. ${e.heading}`
      : e.kind === 'clause'
        ? `${e.num}. ${e.text}`
        : `${e.num}) ${e.text}`;
  return (
    <div style={{ marginTop: e.kind === 'article' ? 8 : 0 }}>
      {/* biome-ignore lint/a11y/useSemanticElements: it holds block content (the provision's text, its count),
          which a <button> may not */}
      <div
        className={
          `qc-c-prov${e.kind === 'point' ? ' qc-c-point' : ''}${n > 0 ? ' qc-c-has' : ''}` +
          `${selected ? ' qc-c-selected' : ''}`
        }
        role="button"
        tabIndex={0}
        aria-pressed={selected}
        onClick={() => onSelect(e.eId)}
        onKeyDown={key}
        data-testid="provision"
        data-eid={e.eId}
        data-kind={e.kind}
        data-count={n}
        title={cite(e.eId, l)}
      >
        <div className={`qc-c-prov-text${e.kind === 'article' ? ' qc-c-article' : ''}`}>{label}</div>
        {n > 0 && (
          <Badge
            size="sm"
            circle={n < 10}
            color={e.kind === 'article' ? 'gray' : 'red'}
            variant={e.kind === 'article' ? 'light' : 'filled'}
            data-testid="provision-count"
          >
            {n}
          </Badge>
        )}
      </div>
      {e.kind === 'article' && e.text && (
        <div className="qc-c-prov-text" style={{ padding: '0 9px' }}>
          {e.text}
        </div>
      )}
      {e.children.map((x) => (
        <Provision key={x.eId} e={x} where={where} countOf={countOf} onSelect={onSelect} />
      ))}
    </div>
  );
}

import { Badge, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { citeVi, COMMENT_KIND_LABELS, DISPOSITION_LABELS, RECIPIENT_STATUS_LABELS, todayInVietnam } from '@quyche/core';
import type { ComparisonSchema, ElementView, ImpactSchema } from '@quyche/core';
import { ApiError, useApi } from '../../app/api';
import type { Lang } from '../../app/ui/i18n';
import { labelOf } from '../../app/ui/labels';
import { useTr } from '../../app/ui/i18n';
import type { Consultation, ConsultationListItem, Me } from '../../app/types';
import './consultation.css';
import { useSubtrees } from '../../app/subtrees';
import type { Labels } from '../../app/ui/labels';
import { StateBadge } from '../../app/ui/state-badge';
import type { StateBadgeProps } from '../../app/ui/state-badge';
import { useRecord } from '../../app/record';
import { TypedText } from '../../app/ui/typed-text';

export type { Comment, Consultation, ConsultationListItem, Synthesis } from '../../app/types';
export type Recipient = Consultation['recipients'][number];
export type ComparisonRow = z.infer<typeof ComparisonSchema>['rows'][number];
export type ImpactLine = z.infer<typeof ImpactSchema>['subordinates'][number];
export interface Draft {
  versionId: string | null;
  expression: string;
  text: string;
  title: string;
  chapters: ElementView[];
}
export interface NextVersionResult {
  consultation: Consultation;
  versionId: string | null;
  expression: string;
  applied: { commentId: string; eId: string; cite: string }[];
  comparison: ComparisonRow[];
  /** Findings against the superior's regulation the draft is based on (absent from older servers). */
  consistency?: { code: string; severity: string; message: string; eId: string | null }[];
  /** Provisions whose wording changed and that carry rules: the rules are not edited with the wording. */
  rulesToReview?: { cite: string; eId: string; ruleIds: string[] }[];
}

export const CONSULTATION_STATE_LABELS: Labels = {
  open: { vi: 'Đang lấy ý kiến', en: 'Open for comments' },
  revised: { vi: 'Đã có bản chỉnh lý', en: 'Revised' },
  submitted: { vi: 'Đã trình hội nghị', en: 'Submitted' },
  adopted: { vi: 'Đã thông qua', en: 'Adopted' },
  rejected: { vi: 'Không được thông qua', en: 'Rejected' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};
export const CONSULTATION_STATE_COLORS: Record<string, string> = {
  open: 'blue',
  revised: 'cyan',
  submitted: 'orange',
  adopted: 'green',
  rejected: 'red',
  cancelled: 'dark',
};
export const RECIPIENT_STATUS_COLORS: Record<string, string> = {
  answered: 'green',
  pending: 'blue',
  late: 'red',
  not_answering: 'gray',
};
export const DISPOSITION_COLORS: Record<string, string> = {
  accepted: 'green',
  partly_accepted: 'teal',
  not_accepted: 'orange',
};

export const consultationStateLabel = (s: string, l: Lang) => labelOf(CONSULTATION_STATE_LABELS, s, l);
export const recipientStatusLabel = (s: string, l: Lang) => labelOf(RECIPIENT_STATUS_LABELS as Labels, s, l);
export const dispositionLabel = (s: string | null, l: Lang) =>
  s ? labelOf(DISPOSITION_LABELS as Labels, s, l) : l === 'vi' ? 'Chưa xử lý' : 'Not disposed';
export const commentKindLabel = (s: string, l: Lang) => labelOf(COMMENT_KIND_LABELS as Labels, s, l);

/** Past its deadline with recipients still silent: the deadline is shown in red. */
export const isOverdue = (c: { deadline: string; state: string; counts: { late: number } }) =>
  c.state === 'open' && c.counts.late > 0 && c.deadline < todayInVietnam();

/** "khoản 3 Điều 12" of a provision's display id (chp_3__art_12__para_3). */
export const cite = (eId: string | null | undefined, l: Lang) =>
  eId ? citeVi(eId) : l === 'vi' ? 'Toàn văn dự thảo' : 'The whole draft';
/** A comment on a provision counts for it and for its parents (a point's comment counts for its clause and article). */
export const under = (at: string | null, eId: string) => !!at && (at === eId || at.startsWith(`${eId}__`));

export const ConsultationStateBadge = (p: StateBadgeProps) => (
  <StateBadge {...p} colors={CONSULTATION_STATE_COLORS} label={consultationStateLabel} testid="consultation-state" />
);
export const RecipientStatusBadge = (p: StateBadgeProps) => (
  <StateBadge
    {...p}
    colors={RECIPIENT_STATUS_COLORS}
    label={recipientStatusLabel}
    testid="recipient-status"
    filledOn="late"
    attr="status"
  />
);

export function DispositionBadge({ d, size = 'sm' }: { d: string | null; size?: 'xs' | 'sm' | 'md' }) {
  const [l] = useTr();
  return (
    <Badge
      color={d ? (DISPOSITION_COLORS[d] ?? 'gray') : 'red'}
      variant={d ? 'light' : 'outline'}
      size={size}
      data-testid="disposition"
      data-disposition={d ?? 'none'}
    >
      {dispositionLabel(d, l)}
    </Badge>
  );
}

/** The counts of a consultation on one line: answered of all, late in red, comments not yet disposed of. */
export function CountBadges({ c, testid = 'counts' }: { c: Pick<ConsultationListItem, 'counts'>; testid?: string }) {
  const [l, tr] = useTr();
  const n = c.counts;
  return (
    <Group
      gap={4}
      wrap="wrap"
      data-testid={testid}
      data-answered={n.answered}
      data-late={n.late}
      data-open={n.open}
      data-comments={n.comments}
    >
      <Badge variant="light" color="green" size="sm" style={{ textTransform: 'none' }}>
        {l === 'vi' ? `Đã góp ý ${n.answered}/${n.recipients}` : `Answered ${n.answered}/${n.recipients}`}
      </Badge>
      {n.late > 0 && (
        <Badge variant="filled" color="red" size="sm" style={{ textTransform: 'none' }} data-testid={`${testid}-late`}>
          {l === 'vi' ? `Quá hạn ${n.late}` : `Late ${n.late}`}
        </Badge>
      )}
      {n.pending > 0 && (
        <Badge variant="light" color="blue" size="sm" style={{ textTransform: 'none' }}>
          {l === 'vi' ? `Còn hạn ${n.pending}` : `Within deadline ${n.pending}`}
        </Badge>
      )}
      {n.notAnswering > 0 && (
        <Badge variant="light" color="gray" size="sm" style={{ textTransform: 'none' }}>
          {l === 'vi' ? `Không góp ý ${n.notAnswering}` : `Not answering ${n.notAnswering}`}
        </Badge>
      )}
      <Badge variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
        {l === 'vi' ? `${n.comments} ý kiến` : `${n.comments} comments`}
      </Badge>
      {n.open > 0 && (
        <Badge variant="outline" color="red" size="sm" style={{ textTransform: 'none' }} data-testid={`${testid}-open`}>
          {tr(`${n.open} chưa tiếp thu, giải trình`, `${n.open} not disposed of`)}
        </Badge>
      )}
    </Group>
  );
}

/** The headings of the first two columns of a consultation's tables: the row's number, the provision (or paragraph). */
export const leadColumns = (kind: string, tr: (vi: string, en: string) => string) => ({
  no: tr('STT', 'No.'),
  cite: kind === 'document' ? tr('Đoạn', 'Paragraph') : tr('Điều, khoản', 'Provision'),
});

/** A long text under its label ("Giải trình: …"), its lines and paragraphs kept as typed. */
export function Passage({ label, testid, children }: { label: string; testid: string; children: ReactNode }) {
  return (
    <TypedText testid={testid}>
      <b>{label}:</b> {children}
    </TypedText>
  );
}

export function apiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'Lỗi', String(e), 'ERROR');
}

/** A consultation loaded once and replaced by every write that returns it. */
export function useConsultation(id: string) {
  const { data: c, setData: setC, error, reload } = useRecord<Consultation>(`/consultations/${encodeURIComponent(id)}`);
  return { c, setC, error, reload };
}

/**
 * The organizations the user works in (every grant, with everything below): a consultation of one of them is one
 * the user's side runs; the others reach the list because they were sent to the user's unit.
 */
export function useCoveredOrgs() {
  const { data: me } = useApi<Me>('/auth/me');
  const covered = useSubtrees([...new Set((me?.grants ?? []).map((g) => g.orgId))]);
  return { me, covered };
}

/** Articles of the draft in order, for the filter by article. */
export function articlesOf(chapters: ElementView[]): ElementView[] {
  const out: ElementView[] = [];
  const walk = (e: ElementView) => (e.kind === 'article' ? out.push(e) : e.children.forEach(walk));
  chapters.forEach(walk);
  return out;
}
/** Every provision by its display id (articles, clauses, points). */
export function provisionsOf(chapters: ElementView[]): Map<string, ElementView> {
  const m = new Map<string, ElementView>();
  const walk = (e: ElementView) => {
    if (e.kind !== 'chapter') m.set(e.eId, e);
    e.children.forEach(walk);
  };
  chapters.forEach(walk);
  return m;
}
/** The article a provision belongs to (chp_3__art_12__para_3 → chp_3__art_12). */
export function articleOf(eId: string | null): string | null {
  if (!eId) return null;
  const parts = eId.split('__');
  const i = parts.findIndex((p) => p.startsWith('art_'));
  return i < 0 ? eId : parts.slice(0, i + 1).join('__');
}

import {
  formatDateVi,
  INSPECTION_KIND_LABELS,
  INSPECTION_STATE_LABELS,
  MEETING_STATE_LABELS,
  PROGRAM_STATE_LABELS,
  RECOMMENDATION_STATE_LABELS,
  symbolPattern,
  TASK_STATE_LABELS,
} from '@quyche/core';
import type { ParsedSearch, SearchCandidate, SearchKind } from '@quyche/core';
import {
  searchConclusionRows,
  searchConsultationRows,
  searchInspectionRows,
  searchMeetingRows,
  searchProgramRows,
  searchRecommendationRows,
  searchReportRows,
  searchTaskRows,
} from '@quyche/db';
import type { SearchQuery, Sql } from '@quyche/db';
import type { Scope } from './search.scope.js';

/** A record the search may show; `check` names the load function that decides whether the user sees it. */
export interface Found extends SearchCandidate {
  kind: SearchKind;
  id: string;
  /** What the ranking reads instead of the title shown, when they differ. */
  rankTitle?: string;
  subtitle: string;
  href: string;
  /** Among results that rank alike, the newer first (ISO date). */
  date: string;
  check: {
    kind: 'meeting' | 'task' | 'program' | 'inspection' | 'recommendation' | 'consultation' | 'regulation' | 'report';
    id: string;
  } | null;
}

/** Candidates read per kind before ranking: plenty for a demo of thousands of rows, bounded for a broad word. */
export const CANDIDATES = 200;

/** What the database matches: the folded words, and the symbol asked for as a pattern on symbol keys. */
const asQuery = (q: ParsedSearch): SearchQuery => ({
  terms: q.terms,
  words: q.words,
  symbolPattern: q.symbol ? symbolPattern(q.symbol) : null,
});

const dated = (label: string, d: string | null) => (d ? `${label} ${formatDateVi(d)}` : '');
const line = (...parts: (string | null | undefined)[]) => parts.filter((x) => x?.trim()).join(' · ');

type Shown = Omit<Found, 'kind' | 'id' | 'check'>;
type Rows<R> = (sql: Sql, s: Scope, q: SearchQuery, limit: number) => Promise<R[]>;

/** A kind of record opened on its own page: its rows read, each shown; the kind, id and access check added once. */
const finder =
  <R extends { id: string }>(
    kind: SearchKind & NonNullable<Found['check']>['kind'],
    rows: Rows<R>,
    show: (r: R) => Shown,
  ) =>
  async (sql: Sql, s: Scope, q: ParsedSearch): Promise<Found[]> =>
    (await rows(sql, s, asQuery(q), CANDIDATES)).map((r) => ({
      kind,
      id: r.id,
      ...show(r),
      check: { kind, id: r.id },
    }));

export const findMeetings = finder('meeting', searchMeetingRows, (r) => ({
  title: r.title,
  text: r.location ?? '',
  subtitle: line(
    r.body_name,
    formatDateVi(r.meeting_date),
    MEETING_STATE_LABELS[r.state as keyof typeof MEETING_STATE_LABELS]?.vi,
  ),
  href: `/meetings/${r.id}`,
  date: r.meeting_date,
}));

/** Conclusion notices by number and symbol, or by their meeting's title; read on the meeting's page. */
export async function findConclusions(sql: Sql, s: Scope, q: ParsedSearch): Promise<Found[]> {
  const found = await searchConclusionRows(sql, s, asQuery(q), CANDIDATES);
  return found.map((r) => ({
    kind: 'conclusion',
    id: r.id,
    title: r.doc_title ?? `${r.doc_type === 'KL' ? 'Kết luận' : 'Thông báo kết luận'} ${r.meeting_title}`,
    symbols: [{ value: r.symbol, primary: true }],
    subtitle: line(`Số ${r.symbol}`, dated('ban hành ngày', r.issued_on)),
    href: `/meetings/${r.meeting_id}`,
    date: r.issued_on,
    check: { kind: 'meeting', id: r.meeting_id },
  }));
}

export const findTasks = finder('task', searchTaskRows, (r) => ({
  title: r.title,
  text: line(r.lead_name, r.source_label, r.product),
  subtitle: line(
    r.lead_name,
    dated('hạn', r.due_effective),
    TASK_STATE_LABELS[r.state as keyof typeof TASK_STATE_LABELS]?.vi,
  ),
  href: `/tasks/${r.id}`,
  date: r.assigned_on ?? r.due_effective ?? '',
}));

export const findPrograms = finder('program', searchProgramRows, (r) => ({
  title: r.title,
  symbols: [{ value: r.symbol, primary: true }],
  subtitle: line(
    r.symbol ? `Số ${r.symbol}` : null,
    PROGRAM_STATE_LABELS[r.state as keyof typeof PROGRAM_STATE_LABELS]?.vi,
    r.org_name,
  ),
  href: `/programs/${r.id}`,
  date: r.adopted_on ?? '',
}));

export const findInspections = finder('inspection', searchInspectionRows, (r) => ({
  title: r.title,
  symbols: [
    { value: r.decision_symbol, primary: true },
    { value: r.conclusion_symbol, primary: true },
  ],
  subtitle: line(
    INSPECTION_KIND_LABELS[r.kind as keyof typeof INSPECTION_KIND_LABELS]?.vi,
    INSPECTION_STATE_LABELS[r.state as keyof typeof INSPECTION_STATE_LABELS]?.vi,
    r.decision_symbol ? `Quyết định ${r.decision_symbol}` : null,
  ),
  href: `/inspections/${r.id}`,
  date: r.window_from ?? r.decided_on ?? '',
}));

export const findRecommendations = finder('recommendation', searchRecommendationRows, (r) => ({
  title: r.title,
  text: r.from_label,
  // The answer's notice is another record's number: it ranks below that record's own.
  symbols: [{ value: r.answer_symbol, primary: false }],
  subtitle: line(
    r.from_label,
    dated('nhận ngày', r.received_on),
    RECOMMENDATION_STATE_LABELS[r.state as keyof typeof RECOMMENDATION_STATE_LABELS]?.vi,
  ),
  href: `/recommendations/${r.id}`,
  date: r.received_on,
}));

const CONSULTATION_STATES: Record<string, string> = {
  open: 'Đang lấy ý kiến',
  revised: 'Đã có bản chỉnh lý',
  submitted: 'Đã trình hội nghị',
  adopted: 'Đã thông qua',
  rejected: 'Không được thông qua',
  cancelled: 'Đã hủy',
};

export const findConsultations = finder('consultation', searchConsultationRows, (r) => ({
  title: r.title,
  subtitle: line(r.org_name, dated('hạn góp ý', r.deadline), CONSULTATION_STATES[r.state]),
  href: `/consultations/${r.id}`,
  date: r.sent_on,
}));

const REPORT_STATES: Record<string, string> = {
  draft: 'Dự thảo',
  circulated: 'Đang lấy ý kiến',
  adopted: 'Đã thông qua',
  cancelled: 'Đã hủy',
};

/** Review reports have no folded column: the few the user sees are ranked in memory. */
export const findReports = finder('report', searchReportRows, (r) => ({
  title: r.title,
  text: r.org_name,
  symbols: [{ value: r.symbol, primary: true }],
  subtitle: line(r.symbol ? `Số ${r.symbol}` : null, r.org_name, REPORT_STATES[r.state]),
  href: `/review-reports/${r.id}`,
  date: r.period_to,
}));

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
import type { Sql } from '@quyche/db';
import { Params, scopeSql } from './search.scope.js';
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

/** symbolKey (core) in SQL: folded, letters and digits only, no leading zeros ("01-QC/ĐU" → "1qcdu"). */
const symbolKeySql = (col: string) =>
  `regexp_replace(regexp_replace(lower(translate(${col}, 'Đđ', 'dd')), '[^a-z0-9]', '', 'g'), '^0+([0-9])', '\\1')`;

/**
 * The folded text holds every word of the query, or one of the symbol columns names the symbol asked for; `first`
 * orders the likeliest before the candidate limit: a symbol, then the folded text beginning with the query.
 */
function match(p: Params, q: ParsedSearch, text: string, symbols: string[] = []) {
  const words = `${text} like all (${p.add(q.terms.map((t) => `%${t}%`))}::text[])`;
  const prefix = `${text} like ${p.add(`${q.words}%`)}`;
  if (!q.symbol || symbols.length === 0) return { where: `(${words})`, first: `(${prefix}) desc` };
  const pattern = p.add(symbolPattern(q.symbol));
  const symbol = symbols.map((c) => `coalesce(${symbolKeySql(c)} ~ ${pattern}, false)`).join(' or ');
  return { where: `(${words} or ${symbol})`, first: `(${symbol}) desc, (${prefix}) desc` };
}

const dated = (label: string, d: string | null) => (d ? `${label} ${formatDateVi(d)}` : '');
const line = (...parts: (string | null | undefined)[]) => parts.filter((x) => x?.trim()).join(' · ');

async function rows<T>(sql: Sql, p: Params, text: string) {
  return (await sql.query<T>(text, p.values)).rows;
}

export async function findMeetings(sql: Sql, s: Scope, q: ParsedSearch): Promise<Found[]> {
  const p = new Params();
  const m = match(p, q, 'm.search_text');
  const found = await rows<{
    id: string;
    title: string;
    meeting_date: string;
    state: keyof typeof MEETING_STATE_LABELS;
    body_name: string;
    location: string | null;
  }>(
    sql,
    p,
    `select m.id, m.title, m.meeting_date, m.state, b.name as body_name, m.location from meeting m join body b on b.id = m.body_id
      where ${scopeSql.meeting(p, s)} and ${m.where} order by ${m.first}, m.meeting_date desc, m.id limit ${CANDIDATES}`,
  );
  return found.map((r) => ({
    kind: 'meeting',
    id: r.id,
    title: r.title,
    text: r.location ?? '',
    subtitle: line(r.body_name, formatDateVi(r.meeting_date), MEETING_STATE_LABELS[r.state]?.vi),
    href: `/meetings/${r.id}`,
    date: r.meeting_date,
    check: { kind: 'meeting', id: r.id },
  }));
}

/** Conclusion notices by number and symbol, or by their meeting's title; read on the meeting's page. */
export async function findConclusions(sql: Sql, s: Scope, q: ParsedSearch): Promise<Found[]> {
  const p = new Params();
  const text = `(case when d.doc_type = 'KL' then 'ket luan ' else 'thong bao ket luan ' end) || m.search_text || ' ' || lower(translate(c.symbol, 'Đđ', 'dd'))`;
  const m = match(p, q, text, ['c.symbol']);
  const found = await rows<{
    id: string;
    symbol: string;
    issued_on: string;
    meeting_id: string;
    meeting_title: string;
    doc_title: string | null;
    doc_type: string | null;
  }>(
    sql,
    p,
    `select c.id, c.symbol, c.issued_on, c.meeting_id, m.title as meeting_title, d.title as doc_title, d.doc_type
       from conclusion c join meeting m on m.id = c.meeting_id left join issued_document d on d.id = c.issued_document_id
      where ${scopeSql.meeting(p, s)} and ${m.where} order by ${m.first}, c.issued_on desc, c.id limit ${CANDIDATES}`,
  );
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

export async function findTasks(sql: Sql, s: Scope, q: ParsedSearch): Promise<Found[]> {
  const p = new Params();
  const m = match(p, q, 't.search_text');
  const found = await rows<{
    id: string;
    title: string;
    state: keyof typeof TASK_STATE_LABELS;
    lead_name: string | null;
    due_effective: string | null;
    source_label: string | null;
    product: string | null;
    assigned_on: string | null;
  }>(
    sql,
    p,
    `select t.id, t.title, t.state, t.lead_name, t.due_effective, t.source_label, t.product, t.assigned_on from task t
      where ${scopeSql.task(p, s)} and ${m.where} order by ${m.first}, t.updated_at desc, t.id limit ${CANDIDATES}`,
  );
  return found.map((r) => ({
    kind: 'task',
    id: r.id,
    title: r.title,
    text: line(r.lead_name, r.source_label, r.product),
    subtitle: line(r.lead_name, dated('hạn', r.due_effective), TASK_STATE_LABELS[r.state]?.vi),
    href: `/tasks/${r.id}`,
    date: r.assigned_on ?? r.due_effective ?? '',
    check: { kind: 'task', id: r.id },
  }));
}

export async function findPrograms(sql: Sql, s: Scope, q: ParsedSearch): Promise<Found[]> {
  const p = new Params();
  const m = match(p, q, 'p.search_text', ['p.symbol']);
  const found = await rows<{
    id: string;
    title: string;
    symbol: string | null;
    state: keyof typeof PROGRAM_STATE_LABELS;
    adopted_on: string | null;
    org_name: string;
  }>(
    sql,
    p,
    `select p.id, p.title, p.symbol, p.state, p.adopted_on, coalesce(o.short_name, o.name) as org_name from program p join organization o on o.id = p.org_id
      where ${scopeSql.program(p, s)} and ${m.where} order by ${m.first}, p.adopted_on desc nulls last, p.id limit ${CANDIDATES}`,
  );
  return found.map((r) => ({
    kind: 'program',
    id: r.id,
    title: r.title,
    symbols: [{ value: r.symbol, primary: true }],
    subtitle: line(r.symbol ? `Số ${r.symbol}` : null, PROGRAM_STATE_LABELS[r.state]?.vi, r.org_name),
    href: `/programs/${r.id}`,
    date: r.adopted_on ?? '',
    check: { kind: 'program', id: r.id },
  }));
}

export async function findInspections(sql: Sql, s: Scope, q: ParsedSearch): Promise<Found[]> {
  const p = new Params();
  const m = match(p, q, 'i.search_text', ['i.decision_symbol', 'i.conclusion_symbol']);
  const found = await rows<{
    id: string;
    title: string;
    kind: keyof typeof INSPECTION_KIND_LABELS;
    state: keyof typeof INSPECTION_STATE_LABELS;
    decision_symbol: string | null;
    conclusion_symbol: string | null;
    decided_on: string | null;
    window_from: string | null;
  }>(
    sql,
    p,
    `select i.id, i.title, i.kind, i.state, i.decision_symbol, i.conclusion_symbol, i.decided_on, i.window_from from inspection i
      where ${scopeSql.inspection(p, s)} and ${m.where} order by ${m.first}, coalesce(i.window_from, i.decided_on) desc nulls last, i.id limit ${CANDIDATES}`,
  );
  return found.map((r) => ({
    kind: 'inspection',
    id: r.id,
    title: r.title,
    symbols: [
      { value: r.decision_symbol, primary: true },
      { value: r.conclusion_symbol, primary: true },
    ],
    subtitle: line(
      INSPECTION_KIND_LABELS[r.kind]?.vi,
      INSPECTION_STATE_LABELS[r.state]?.vi,
      r.decision_symbol ? `Quyết định ${r.decision_symbol}` : null,
    ),
    href: `/inspections/${r.id}`,
    date: r.window_from ?? r.decided_on ?? '',
    check: { kind: 'inspection', id: r.id },
  }));
}

export async function findRecommendations(sql: Sql, s: Scope, q: ParsedSearch): Promise<Found[]> {
  const p = new Params();
  const m = match(p, q, 'r.search_text', ['r.answer_symbol']);
  const found = await rows<{
    id: string;
    title: string;
    from_label: string;
    received_on: string;
    state: keyof typeof RECOMMENDATION_STATE_LABELS;
    answer_symbol: string | null;
  }>(
    sql,
    p,
    `select r.id, r.title, r.from_label, r.received_on, r.state, r.answer_symbol from recommendation r
      where ${scopeSql.recommendation(p, s)} and ${m.where} order by ${m.first}, r.received_on desc, r.id limit ${CANDIDATES}`,
  );
  return found.map((r) => ({
    kind: 'recommendation',
    id: r.id,
    title: r.title,
    text: r.from_label,
    // The answer's notice is another record's number: it ranks below that record's own.
    symbols: [{ value: r.answer_symbol, primary: false }],
    subtitle: line(r.from_label, dated('nhận ngày', r.received_on), RECOMMENDATION_STATE_LABELS[r.state]?.vi),
    href: `/recommendations/${r.id}`,
    date: r.received_on,
    check: { kind: 'recommendation', id: r.id },
  }));
}

const CONSULTATION_STATES: Record<string, string> = {
  open: 'Đang lấy ý kiến',
  revised: 'Đã có bản chỉnh lý',
  submitted: 'Đã trình hội nghị',
  adopted: 'Đã thông qua',
  rejected: 'Không được thông qua',
  cancelled: 'Đã hủy',
};

export async function findConsultations(sql: Sql, s: Scope, q: ParsedSearch): Promise<Found[]> {
  const p = new Params();
  const m = match(p, q, 'c.search_text');
  const found = await rows<{
    id: string;
    title: string;
    sent_on: string;
    deadline: string;
    state: string;
    org_name: string;
  }>(
    sql,
    p,
    `select c.id, c.title, c.sent_on, c.deadline, c.state, coalesce(o.short_name, o.name) as org_name from consultation c join organization o on o.id = c.org_id
      where ${scopeSql.consultation(p, s)} and ${m.where} order by ${m.first}, c.sent_on desc, c.id limit ${CANDIDATES}`,
  );
  return found.map((r) => ({
    kind: 'consultation',
    id: r.id,
    title: r.title,
    subtitle: line(r.org_name, dated('hạn góp ý', r.deadline), CONSULTATION_STATES[r.state]),
    href: `/consultations/${r.id}`,
    date: r.sent_on,
    check: { kind: 'consultation', id: r.id },
  }));
}

const REPORT_STATES: Record<string, string> = {
  draft: 'Dự thảo',
  circulated: 'Đang lấy ý kiến',
  adopted: 'Đã thông qua',
  cancelled: 'Đã hủy',
};

/** Review reports have no folded column: the few the user sees are ranked in memory. */
export async function findReports(sql: Sql, s: Scope): Promise<Found[]> {
  const p = new Params();
  const found = await rows<{
    id: string;
    title: string;
    symbol: string | null;
    state: string;
    period_to: string;
    org_name: string;
  }>(
    sql,
    p,
    `select r.id, r.title, r.symbol, r.state, r.period_to, coalesce(o.short_name, o.name) as org_name from review_report r join organization o on o.id = r.org_id
      where ${scopeSql.report(p, s)} order by r.period_to desc, r.id limit 5000`,
  );
  return found.map((r) => ({
    kind: 'report',
    id: r.id,
    title: r.title,
    text: r.org_name,
    symbols: [{ value: r.symbol, primary: true }],
    subtitle: line(r.symbol ? `Số ${r.symbol}` : null, r.org_name, REPORT_STATES[r.state]),
    href: `/review-reports/${r.id}`,
    date: r.period_to,
    check: { kind: 'report', id: r.id },
  }));
}

import { sql as q } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import type { RecommendationHeading } from './recommendation.repo.js';
import { searchScope } from './search.scope.js';
import type { SearchScope } from './search.scope.js';

/**
 * The candidates of a search, kind by kind: the rows the user may see whose folded text holds every word asked
 * (or whose symbol is the one asked), the likeliest first, at most `limit`; the server ranks them.
 */
export interface SearchQuery {
  /** Folded words, each to be found in the text. */
  terms: string[];
  /** The folded query: a text beginning with it comes first. */
  words: string;
  /** The symbol asked for, as a pattern on symbol keys (core's symbolPattern), if the query names one. */
  symbolPattern: string | null;
}

/** symbolKey (core) in SQL: folded, letters and digits only, no leading zeros ("01-QC/ĐU" → "1qcdu"). */
const symbolKey = (col: RawBuilder<unknown>) =>
  q`regexp_replace(regexp_replace(lower(translate(${col}, 'Đđ', 'dd')), '[^a-z0-9]', '', 'g'), '^0+([0-9])', '\\1')`;

/** The condition on the text (and symbols), and the order that puts the likeliest before the limit. */
function match(s: SearchQuery, text: RawBuilder<unknown>, symbols: RawBuilder<unknown>[] = []) {
  const words = q`${text} like all (${s.terms.map((t) => `%${t}%`)}::text[])`;
  const prefix = () => q`${text} like ${`${s.words}%`}`;
  if (!s.symbolPattern || symbols.length === 0) return { where: q`(${words})`, first: q`(${prefix()}) desc` };
  const pattern = s.symbolPattern;
  const symbol = () =>
    q.join(
      symbols.map((c) => q`coalesce(${symbolKey(c)} ~ ${pattern}, false)`),
      q` or `,
    );
  return { where: q`(${words} or ${symbol()})`, first: q`(${symbol()}) desc, (${prefix()}) desc` };
}

const rowsOf = async <T>(sql: Sql, query: RawBuilder<T>) => (await query.execute(qb(sql))).rows;

export async function searchMeetingRows(sql: Sql, scope: SearchScope, s: SearchQuery, limit: number) {
  const m = match(s, q.ref('m.search_text'));
  return rowsOf(
    sql,
    q<{ id: string; title: string; meeting_date: string; state: string; body_name: string; location: string | null }>`
      select m.id, m.title, m.meeting_date, m.state, b.name as body_name, m.location from meeting m join body b
        on b.id = m.body_id
       where ${searchScope.meeting(scope)} and ${m.where} order by ${m.first}, m.meeting_date desc, m.id
         limit ${q.lit(limit)}`,
  );
}

/** Conclusion notices by number and symbol, or by their meeting's title. */
export async function searchConclusionRows(sql: Sql, scope: SearchScope, s: SearchQuery, limit: number) {
  const text = q`(case when d.doc_type = 'KL' then 'ket luan ' else 'thong bao ket luan ' end)
    || m.search_text || ' ' || lower(translate(c.symbol, 'Đđ', 'dd'))`;
  const m = match(s, text, [q.ref('c.symbol')]);
  return rowsOf(
    sql,
    q<{
      id: string;
      symbol: string;
      issued_on: string;
      meeting_id: string;
      meeting_title: string;
      doc_title: string | null;
      doc_type: string | null;
    }>`select c.id, c.symbol, c.issued_on, c.meeting_id, m.title as meeting_title, d.title as doc_title, d.doc_type
         from conclusion c join meeting m on m.id = c.meeting_id left join issued_document d
           on d.id = c.issued_document_id
        where ${searchScope.meeting(scope)} and ${m.where} order by ${m.first}, c.issued_on desc, c.id
          limit ${q.lit(limit)}`,
  );
}

export async function searchTaskRows(sql: Sql, scope: SearchScope, s: SearchQuery, limit: number) {
  const m = match(s, q.ref('t.search_text'));
  return rowsOf(
    sql,
    q<{
      id: string;
      title: string;
      state: string;
      lead_name: string | null;
      due_effective: string | null;
      source_label: string | null;
      product: string | null;
      assigned_on: string | null;
    }>`select t.id, t.title, t.state, t.lead_name, t.due_effective, t.source_label, t.product, t.assigned_on from task t
        where ${searchScope.task(scope)} and ${m.where} order by ${m.first}, t.updated_at desc, t.id
          limit ${q.lit(limit)}`,
  );
}

export async function searchProgramRows(sql: Sql, scope: SearchScope, s: SearchQuery, limit: number) {
  const m = match(s, q.ref('p.search_text'), [q.ref('p.symbol')]);
  return rowsOf(
    sql,
    q<{ id: string; title: string; symbol: string | null; state: string; adopted_on: string | null; org_name: string }>`
      select p.id, p.title, p.symbol, p.state, p.adopted_on, coalesce(o.short_name, o.name) as org_name
        from program p join organization o on o.id = p.org_id
       where ${searchScope.program(scope)} and ${m.where} order by ${m.first}, p.adopted_on desc nulls last, p.id
         limit ${q.lit(limit)}`,
  );
}

export async function searchInspectionRows(sql: Sql, scope: SearchScope, s: SearchQuery, limit: number) {
  const m = match(s, q.ref('i.search_text'), [q.ref('i.decision_symbol'), q.ref('i.conclusion_symbol')]);
  return rowsOf(
    sql,
    q<{
      id: string;
      title: string;
      kind: string;
      state: string;
      decision_symbol: string | null;
      conclusion_symbol: string | null;
      decided_on: string | null;
      window_from: string | null;
    }>`select i.id, i.title, i.kind, i.state, i.decision_symbol, i.conclusion_symbol, i.decided_on, i.window_from
      from inspection i
        where ${searchScope.inspection(scope)} and ${m.where}
        order by ${m.first}, coalesce(i.window_from, i.decided_on) desc nulls last, i.id limit ${q.lit(limit)}`,
  );
}

export async function searchRecommendationRows(sql: Sql, scope: SearchScope, s: SearchQuery, limit: number) {
  const m = match(s, q.ref('r.search_text'), [q.ref('r.answer_symbol')]);
  return rowsOf(
    sql,
    q<
      RecommendationHeading & { state: string; answer_symbol: string | null }
    >`select r.id, r.title, r.from_label, r.received_on, r.state, r.answer_symbol from recommendation r
        where ${searchScope.recommendation(scope)} and ${m.where} order by ${m.first}, r.received_on desc, r.id
          limit ${q.lit(limit)}`,
  );
}

export async function searchConsultationRows(sql: Sql, scope: SearchScope, s: SearchQuery, limit: number) {
  const m = match(s, q.ref('c.search_text'));
  return rowsOf(
    sql,
    q<{ id: string; title: string; sent_on: string; deadline: string; state: string; org_name: string }>`
      select c.id, c.title, c.sent_on, c.deadline, c.state, coalesce(o.short_name, o.name) as org_name
        from consultation c join organization o on o.id = c.org_id
       where ${searchScope.consultation(scope)} and ${m.where} order by ${m.first}, c.sent_on desc, c.id
         limit ${q.lit(limit)}`,
  );
}

/** Review reports have no folded column: all the user sees (a few) are returned, to be ranked in memory. */
export async function searchReportRows(sql: Sql, scope: SearchScope) {
  return rowsOf(
    sql,
    q<{ id: string; title: string; symbol: string | null; state: string; period_to: string; org_name: string }>`
      select r.id, r.title, r.symbol, r.state, r.period_to, coalesce(o.short_name, o.name) as org_name
        from review_report r join organization o on o.id = r.org_id
       where ${searchScope.report(scope)} order by r.period_to desc, r.id limit 5000`,
  );
}

/**
 * The regulations the user reads, each with the version searched: the one in force on `today`, else the newest
 * (a draft not yet adopted), and that version's number.
 */
export async function searchRegulationRows(sql: Sql, scope: SearchScope, today: string) {
  return rowsOf(
    sql,
    q<{
      id: string;
      title: string;
      work: string;
      org_name: string;
      version_id: string;
      sha256: string;
      number: string | null;
    }>`select r.id, r.title, r.work, coalesce(o.short_name, o.name) as org_name, v.id as version_id, v.sha256, v.number
         from regulation r join organization o on o.id = r.org_id
         join lateral (select v.id, v.sha256, v.parsed->'frontMatter'->>'number' as number from regulation_version v
                        where v.regulation_id = r.id
                        order by (v.status in ('adopted', 'consolidated') and v.in_force_from <= ${today}::date) desc,
                                 v.in_force_from desc nulls last, v.created_at desc limit 1) v on true
        where ${searchScope.regulation(scope)} order by r.title, r.id`,
  );
}

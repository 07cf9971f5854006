import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

export interface ConclusionListFilter {
  clearance: number;
  orgIds: string[];
  /** Overdue is judged on this date. */
  today: string;
  year?: number | undefined;
  /** Folded search terms, each matched in the meeting's text or the notice's symbol. */
  terms: string[];
}

/**
 * Conclusion notices newest first, each with its follow-up: an action item counts by its task's progress (done =
 * 100 %), an item without a task as 0 %. One aggregate over the items and their tasks: a `sql` query, clearer so.
 */
export async function listConclusionsWithProgress(s: Sql, f: ConclusionListFilter) {
  const where = [sql`m.confidentiality <= ${f.clearance}`, sql`m.org_id = any(${f.orgIds}::uuid[])`];
  if (f.year) where.push(sql`extract(year from c.issued_on) = ${f.year}`);
  for (const term of f.terms) {
    const like = `%${term}%`;
    where.push(sql`(m.search_text like ${like} or lower(c.symbol) like ${like})`);
  }
  const r = await sql<{
    id: string;
    symbol: string;
    issued_on: string;
    meeting_id: string;
    title: string;
    body_name: string;
    org_name: string;
    items: number;
    followed: number;
    done: number;
    overdue: number;
    percent: number | null;
  }>`with items as (
       select i.conclusion_id, i.id,
              (select max(case when t.state = 'done' then 100 else t.percent end) from task t
                where t.source_kind = 'conclusion_item' and t.source_id = i.id and t.state <> 'cancelled') as progress,
              exists (select 1 from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id) as followed,
              exists (select 1 from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id
                and t.state = 'done') as done,
              exists (select 1 from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id
                and t.state in ('assigned', 'in_progress') and t.due_effective < ${f.today}::date) as overdue
         from conclusion_item i where i.kind = 'action')
     select c.id, c.symbol, c.issued_on, m.id as meeting_id, m.title, b.name as body_name, o.name as org_name,
            count(i.id)::int as items, count(i.id) filter (where i.followed)::int as followed,
              count(i.id) filter (where i.done)::int as done,
            count(i.id) filter (where i.overdue)::int as overdue, avg(coalesce(i.progress, 0)) as percent
       from conclusion c join meeting m on m.id = c.meeting_id join body b on b.id = m.body_id join organization o
         on o.id = m.org_id
       left join items i on i.conclusion_id = c.id
      where ${sql.join(where, sql` and `)}
      group by c.id, m.id, b.name, o.name
      order by c.issued_on desc, c.symbol limit 1000`.execute(qb(s));
  return r.rows;
}

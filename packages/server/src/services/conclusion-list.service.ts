import { foldVietnamese } from '@quyche/core';
import type { ConclusionListQuerySchema } from '@quyche/core';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';

type Row = {
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
  percent: string | number | null;
};

/**
 * The conclusion notices of the user's organizations (or one of them), newest first, each with its follow-up:
 * an action item counts by its task's progress (done = 100 %), an item without a task as 0 %.
 */
export async function listConclusions(ctx: RequestContext, q: z.output<typeof ConclusionListQuerySchema>) {
  if (q.orgId) await ctx.assertOrg(q.orgId, 'read');
  const params: unknown[] = [ctx.user.clearance, q.orgId ? [q.orgId] : await ctx.coveredOrgs('read'), ctx.today()];
  const where = ['m.confidentiality <= $1', 'm.org_id = any($2::uuid[])'];
  if (q.year) {
    params.push(q.year);
    where.push(`extract(year from c.issued_on) = $${params.length}`);
  }
  for (const term of foldVietnamese(q.q ?? '')
    .split(/\s+/)
    .filter(Boolean)) {
    params.push(`%${term}%`);
    where.push(`(m.search_text like $${params.length} or lower(c.symbol) like $${params.length})`);
  }
  const rows = (
    await ctx.db.query<Row>(
      `with items as (
         select i.conclusion_id, i.id,
                (select max(case when t.state = 'done' then 100 else t.percent end) from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id and t.state <> 'cancelled') as progress,
                exists (select 1 from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id) as followed,
                exists (select 1 from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id and t.state = 'done') as done,
                exists (select 1 from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id and t.state in ('assigned', 'in_progress') and t.due_effective < $3::date) as overdue
           from conclusion_item i where i.kind = 'action')
       select c.id, c.symbol, c.issued_on, m.id as meeting_id, m.title, b.name as body_name, o.name as org_name,
              count(i.id)::int as items, count(i.id) filter (where i.followed)::int as followed, count(i.id) filter (where i.done)::int as done,
              count(i.id) filter (where i.overdue)::int as overdue, avg(coalesce(i.progress, 0)) as percent
         from conclusion c join meeting m on m.id = c.meeting_id join body b on b.id = m.body_id join organization o on o.id = m.org_id
         left join items i on i.conclusion_id = c.id
        where ${where.join(' and ')}
        group by c.id, m.id, b.name, o.name
        order by c.issued_on desc, c.symbol limit 1000`,
      params,
    )
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    symbol: r.symbol,
    issuedOn: String(r.issued_on).slice(0, 10),
    meetingId: r.meeting_id,
    meetingTitle: r.title,
    bodyName: r.body_name,
    orgName: r.org_name,
    items: r.items,
    followed: r.followed,
    done: r.done,
    overdue: r.overdue,
    pending: r.items - r.followed,
    percent: r.percent === null ? 0 : Math.round(Number(r.percent) * 10) / 10,
  }));
}

import { addWorkingDays, VIETNAM_CALENDAR } from '@quyche/core';
import { orgsCovered } from '@quyche/db';
import type { Db, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/**
 * The follow-up dashboard of an organization and everything below it, as of a date: open, overdue and due-soon
 * counts, overdue by leading unit and by supervising member, completion by month (on time or late), and the
 * bottlenecks — most extended, longest overdue. Each panel is one indexed query on (org_id, state, due_effective).
 */
// The scope is a list of organizations: joined as a set (hash semi-join), not scanned as an array per row. A task is
// in it when one of them assigned it or leads it — the very rule of the task list, so that both count the same.
const SCOPE = '(org_id in (select unnest($1::uuid[])) or lead_org_id in (select unnest($1::uuid[])))';
const OVERDUE = `${SCOPE} and state in ('assigned', 'in_progress') and due_effective < $2 and confidentiality <= $3`;

export const DASHBOARD_SQL = {
  overdueCount: `select count(*)::int as n from task where ${OVERDUE}`,
  /** By leading unit, with the total over all units (the window runs before the limit). */
  overdueByUnit: `select lead_id, n, oldest, total from (
                    select lead_id, count(*)::int as n, min(due_effective) as oldest, (sum(count(*)) over ())::int as total
                      from task where ${OVERDUE} group by lead_id) x
                   order by n desc, oldest, lead_id limit 20`,
  leadNames: `select id, name from body where id = any($1::uuid[])
              union all select id, coalesce(short_name, name) from organization where id = any($1::uuid[])
              union all select id, full_name from person where id = any($1::uuid[])`,
  overdueBySupervisor: `select x.person_id, p.full_name, x.n from (
                          select supervisor_person_id as person_id, count(*)::int as n from task where ${OVERDUE} and supervisor_person_id is not null
                           group by supervisor_person_id order by n desc, supervisor_person_id limit 20) x
                          join person p on p.id = x.person_id order by x.n desc, p.full_name`,
  // In due-date order the index stops at the tenth row: the array test per row is cheap here.
  longestOverdue: `select id, title, lead_name, due_effective from task
                    where ${SCOPE} and state in ('assigned', 'in_progress') and due_effective < $2 and confidentiality <= $3
                    order by due_effective, id limit 10`,
  totals: `select count(*) filter (where state in ('assigned', 'in_progress', 'reported'))::int as open,
                  count(*) filter (where state in ('assigned', 'in_progress') and due_effective < $2)::int as overdue,
                  count(*) filter (where state in ('assigned', 'in_progress') and due_effective between $2 and $3)::int as due_soon,
                  count(*) filter (where state = 'draft')::int as draft,
                  count(*) filter (where state = 'done' and done_on between $4 and $2)::int as done_this_year
             from task where ${SCOPE} and confidentiality <= $5`,
  completionByMonth: `select to_char(done_on, 'YYYY-MM') as month, count(*)::int as done,
                             count(*) filter (where due_effective is null or done_on <= due_effective)::int as on_time
                        from task where ${SCOPE} and state = 'done' and done_on between $2 and $3 and confidentiality <= $4
                       group by 1 order by 1`,
  mostExtended: `select t.id, t.title, t.lead_name, count(e.id)::int as n
                   from task t join task_extension e on e.task_id = t.id and e.state = 'approved'
                  where (t.org_id in (select unnest($1::uuid[])) or t.lead_org_id in (select unnest($1::uuid[]))) and t.confidentiality <= $2
                  group by t.id, t.title, t.lead_name order by n desc, t.title limit 10`,
} as const;

/**
 * What is late: the overdue count, by leading unit, by supervising member, and the longest overdue. On PostgreSQL
 * the statements run without parallel workers: launching them costs more than these index-only scans (measured).
 */
export async function overdueDashboardData(db: Db | Sql, orgs: string[], today: string, clearance: number) {
  const run = async (sql: Sql) => {
    if ('driver' in db && db.driver === 'postgres') await sql.query('set local max_parallel_workers_per_gather = 0');
    const q = <T>(text: string, p: unknown[]) => sql.query<T>(text, p).then((r) => r.rows);
    const byUnit = await q<{ lead_id: string | null; n: number; oldest: string; total: number }>(DASHBOARD_SQL.overdueByUnit, [orgs, today, clearance]);
    const names = new Map((await q<{ id: string; name: string }>(DASHBOARD_SQL.leadNames, [byUnit.map((u) => u.lead_id).filter(Boolean)])).map((n) => [n.id, n.name]));
    const bySupervisor = await q<{ person_id: string; full_name: string; n: number }>(DASHBOARD_SQL.overdueBySupervisor, [orgs, today, clearance]);
    const longest = await q<{ id: string; title: string; lead_name: string | null; due_effective: string }>(DASHBOARD_SQL.longestOverdue, [orgs, today, clearance]);
    return { byUnit, names, bySupervisor, longest };
  };
  const { byUnit, names, bySupervisor, longest } = 'transaction' in db ? await db.transaction(run) : await run(db);
  const days = (from: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return {
    overdue: byUnit[0]?.total ?? 0,
    overdueByUnit: byUnit.map((u) => ({ leadId: u.lead_id, leadName: (u.lead_id && names.get(u.lead_id)) || '(chưa có đơn vị chủ trì)', count: u.n, oldestDue: u.oldest })),
    overdueBySupervisor: bySupervisor.map((s) => ({ personId: s.person_id, name: s.full_name, count: s.n })),
    longestOverdue: longest.map((l) => ({ taskId: l.id, title: l.title, leadName: l.lead_name, due: l.due_effective, daysOverdue: days(l.due_effective) })),
  };
}

export async function dashboardData(sql: Db, orgs: string[], today: string, clearance: number) {
  const year = today.slice(0, 4);
  const soon = addWorkingDays(today, 10, VIETNAM_CALENDAR);
  const q = <T>(text: string, p: unknown[]) => sql.query<T>(text, p).then((r) => r.rows);
  const [totals] = await q<{ open: number; overdue: number; due_soon: number; draft: number; done_this_year: number }>(DASHBOARD_SQL.totals, [orgs, today, soon, `${year}-01-01`, clearance]);
  const late = await overdueDashboardData(sql, orgs, today, clearance);
  const months = await q<{ month: string; done: number; on_time: number }>(DASHBOARD_SQL.completionByMonth, [orgs, `${year}-01-01`, today, clearance]);
  const extended = await q<{ id: string; title: string; lead_name: string | null; n: number }>(DASHBOARD_SQL.mostExtended, [orgs, clearance]);
  return {
    asOf: today,
    totals: { open: totals!.open, overdue: totals!.overdue, dueSoon: totals!.due_soon, draft: totals!.draft, doneThisYear: totals!.done_this_year },
    overdueByUnit: late.overdueByUnit,
    overdueBySupervisor: late.overdueBySupervisor,
    completionByMonth: Array.from({ length: 12 }, (_, i) => {
      const month = `${year}-${String(i + 1).padStart(2, '0')}`;
      const m = months.find((x) => x.month === month);
      return { month, done: m?.done ?? 0, onTime: m?.on_time ?? 0, late: (m?.done ?? 0) - (m?.on_time ?? 0) };
    }),
    bottlenecks: {
      mostExtended: extended.map((e) => ({ taskId: e.id, title: e.title, leadName: e.lead_name, extensions: e.n })),
      longestOverdue: late.longestOverdue,
    },
  };
}

/** The dashboard of an organization's subtree (its history included: the tasks of merged predecessors count). */
export async function taskDashboard(ctx: RequestContext, orgId: string, asOf?: string) {
  await ctx.assertOrg(orgId, 'read');
  const orgs = await orgsCovered(ctx.db, [orgId]);
  return { orgId, ...(await dashboardData(ctx.db, orgs, asOf ?? ctx.today(), ctx.user.clearance)) };
}

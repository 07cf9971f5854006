import { addWorkingDays, VIETNAM_CALENDAR } from '@quyche/core';
import { orgChainUp, orgsCovered } from '@quyche/db';
import type { Db, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/**
 * The follow-up dashboard of an organization and everything below it, as of a date: open, overdue and due-soon
 * counts, overdue by leading unit and by supervising member, completion by month (on time or late), and the
 * bottlenecks — most extended, longest overdue. Each panel is one indexed query on (org_id, state, due_effective).
 */
// The scope is a list of organizations: joined as a set (hash semi-join), not scanned as an array per row.
const SCOPE = 'org_id in (select unnest($1::uuid[]))';

/**
 * The panels' statements for a scope: by default the tasks the organizations of $1 assigned; `ledFrom` gives those
 * that organizations above them assigned to units in $1 (the task list shows both; the dashboard adds the second
 * set, kept apart so that the first keeps its index-only scans: an OR of the two made the 1,000,000-task bench 30 %
 * slower). The ids above are the database's own uuids, checked, written into the statement.
 */
function dashboardSql(ledFrom?: string[]) {
  if (ledFrom?.some((id) => !/^[0-9a-f-]{36}$/.test(id))) throw new Error('not a uuid');
  const scopeOf = (t = '') =>
    `${t}org_id in (${(ledFrom ?? []).map((id) => `'${id}'`).join(', ')}) and ${t}lead_org_id in (select unnest($1::uuid[]))`;
  const scope = ledFrom ? scopeOf() : SCOPE;
  const OVERDUE = `${scope} and state in ('assigned', 'in_progress') and due_effective < $2 and confidentiality <= $3`;
  return {
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
                    where ${ledFrom ? scope : 'org_id = any($1::uuid[])'} and state in ('assigned', 'in_progress') and due_effective < $2 and confidentiality <= $3
                    order by due_effective, id limit 10`,
    totals: `select count(*) filter (where state in ('assigned', 'in_progress', 'reported'))::int as open,
                  count(*) filter (where state in ('assigned', 'in_progress') and due_effective < $2)::int as overdue,
                  count(*) filter (where state in ('assigned', 'in_progress') and due_effective between $2 and $3)::int as due_soon,
                  count(*) filter (where state = 'draft')::int as draft,
                  count(*) filter (where state = 'done' and done_on between $4 and $2)::int as done_this_year
             from task where ${ledFrom ? scope : 'org_id = any($1::uuid[])'} and confidentiality <= $5`,
    completionByMonth: `select to_char(done_on, 'YYYY-MM') as month, count(*)::int as done,
                             count(*) filter (where due_effective is null or done_on <= due_effective)::int as on_time
                        from task where ${ledFrom ? scope : 'org_id = any($1::uuid[])'} and state = 'done' and done_on between $2 and $3 and confidentiality <= $4
                       group by 1 order by 1`,
    mostExtended: `select t.id, t.title, t.lead_name, count(e.id)::int as n
                   from task t join task_extension e on e.task_id = t.id and e.state = 'approved'
                  where ${ledFrom ? scopeOf('t.') : 't.org_id = any($1::uuid[])'} and t.confidentiality <= $2
                  group by t.id, t.title, t.lead_name order by n desc, t.title limit 10`,
  } as const;
}
export const DASHBOARD_SQL = dashboardSql();

/**
 * What is late: the overdue count, by leading unit, by supervising member, and the longest overdue. On PostgreSQL
 * the statements run without parallel workers: launching them costs more than these index-only scans (measured).
 */
export async function overdueDashboardData(
  db: Db | Sql,
  orgs: string[],
  today: string,
  clearance: number,
  ledFrom: string[] = [],
) {
  type Unit = { lead_id: string | null; n: number; oldest: string; total: number };
  type Supervisor = { person_id: string; full_name: string; n: number };
  type Longest = { id: string; title: string; lead_name: string | null; due_effective: string };
  const run = async (sql: Sql) => {
    if ('driver' in db && db.driver === 'postgres') await sql.query('set local max_parallel_workers_per_gather = 0');
    const q = <T>(text: string, p: unknown[]) => sql.query<T>(text, p).then((r) => r.rows);
    const panels = async (S: ReturnType<typeof dashboardSql>) => ({
      byUnit: await q<Unit>(S.overdueByUnit, [orgs, today, clearance]),
      bySupervisor: await q<Supervisor>(S.overdueBySupervisor, [orgs, today, clearance]),
      longest: await q<Longest>(S.longestOverdue, [orgs, today, clearance]),
    });
    const own = await panels(DASHBOARD_SQL);
    // The tasks organizations above assigned to units here: a second, disjoint set, merged panel by panel.
    const led = ledFrom.length ? await panels(dashboardSql(ledFrom)) : null;
    const byUnit = led ? mergeUnits(own.byUnit, led.byUnit) : own.byUnit;
    const bySupervisor = led
      ? mergeCounts(own.bySupervisor, led.bySupervisor, (x) => x.person_id)
          .sort((a, b) => b.n - a.n || a.full_name.localeCompare(b.full_name, 'vi'))
          .slice(0, 20)
      : own.bySupervisor;
    const longest = led
      ? [...own.longest, ...led.longest]
          .sort((a, b) => String(a.due_effective).localeCompare(String(b.due_effective)) || a.id.localeCompare(b.id))
          .slice(0, 10)
      : own.longest;
    const names = new Map(
      (
        await q<{ id: string; name: string }>(DASHBOARD_SQL.leadNames, [byUnit.map((u) => u.lead_id).filter(Boolean)])
      ).map((n) => [n.id, n.name]),
    );
    return { byUnit, names, bySupervisor, longest };
  };
  const { byUnit, names, bySupervisor, longest } = 'transaction' in db ? await db.transaction(run) : await run(db);
  const days = (from: string) =>
    Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return {
    overdue: byUnit[0]?.total ?? 0,
    overdueByUnit: byUnit.map((u) => ({
      leadId: u.lead_id,
      leadName: (u.lead_id && names.get(u.lead_id)) || '(chưa có đơn vị chủ trì)',
      count: u.n,
      oldestDue: u.oldest,
    })),
    overdueBySupervisor: bySupervisor.map((s) => ({ personId: s.person_id, name: s.full_name, count: s.n })),
    longestOverdue: longest.map((l) => ({
      taskId: l.id,
      title: l.title,
      leadName: l.lead_name,
      due: l.due_effective,
      daysOverdue: days(l.due_effective),
    })),
  };
}

/** Two sets of counts by key, added up. */
function mergeCounts<T extends { n: number }>(a: T[], b: T[], key: (x: T) => string | null): T[] {
  const out = new Map<string | null, T>();
  for (const x of [...a, ...b]) {
    const k = key(x);
    const prev = out.get(k);
    out.set(k, prev ? { ...prev, n: prev.n + x.n } : { ...x });
  }
  return [...out.values()];
}

/** Overdue by unit from both sets: counts added, the oldest due kept, the total over all units, the top 20. */
function mergeUnits(a: { lead_id: string | null; n: number; oldest: string; total: number }[], b: typeof a): typeof a {
  const total = (a[0]?.total ?? 0) + (b[0]?.total ?? 0);
  const byKey = new Map<string | null, (typeof a)[number]>();
  for (const x of [...a, ...b]) {
    const prev = byKey.get(x.lead_id);
    byKey.set(
      x.lead_id,
      prev
        ? { ...prev, n: prev.n + x.n, oldest: String(prev.oldest) < String(x.oldest) ? prev.oldest : x.oldest }
        : { ...x },
    );
  }
  return [...byKey.values()]
    .map((x) => ({ ...x, total }))
    .sort(
      (x, y) =>
        y.n - x.n ||
        String(x.oldest).localeCompare(String(y.oldest)) ||
        String(x.lead_id).localeCompare(String(y.lead_id)),
    )
    .slice(0, 20);
}

export async function dashboardData(sql: Db, orgs: string[], today: string, clearance: number, ledFrom: string[] = []) {
  const year = today.slice(0, 4);
  const soon = addWorkingDays(today, 10, VIETNAM_CALENDAR);
  const q = <T>(text: string, p: unknown[]) => sql.query<T>(text, p).then((r) => r.rows);
  type Totals = { open: number; overdue: number; due_soon: number; draft: number; done_this_year: number };
  type Month = { month: string; done: number; on_time: number };
  type Extended = { id: string; title: string; lead_name: string | null; n: number };
  const sets = [DASHBOARD_SQL, ...(ledFrom.length ? [dashboardSql(ledFrom)] : [])];
  const totals = (
    await Promise.all(sets.map((S) => q<Totals>(S.totals, [orgs, today, soon, `${year}-01-01`, clearance])))
  ).map((r) => r[0]!);
  const sum = (k: keyof Totals) => totals.reduce((n, t) => n + t[k], 0);
  const late = await overdueDashboardData(sql, orgs, today, clearance, ledFrom);
  const months: Month[] = [];
  for (const S of sets)
    months.push(...(await q<Month>(S.completionByMonth, [orgs, `${year}-01-01`, today, clearance])));
  const extended: Extended[] = [];
  for (const S of sets) extended.push(...(await q<Extended>(S.mostExtended, [orgs, clearance])));
  extended.sort((a, b) => b.n - a.n || a.title.localeCompare(b.title, 'vi'));
  return {
    asOf: today,
    totals: {
      open: sum('open'),
      overdue: sum('overdue'),
      dueSoon: sum('due_soon'),
      draft: sum('draft'),
      doneThisYear: sum('done_this_year'),
    },
    overdueByUnit: late.overdueByUnit,
    overdueBySupervisor: late.overdueBySupervisor,
    completionByMonth: Array.from({ length: 12 }, (_, i) => {
      const month = `${year}-${String(i + 1).padStart(2, '0')}`;
      const inMonth = months.filter((x) => x.month === month);
      const done = inMonth.reduce((n, m) => n + m.done, 0);
      const onTime = inMonth.reduce((n, m) => n + m.on_time, 0);
      return { month, done, onTime, late: done - onTime };
    }),
    bottlenecks: {
      mostExtended: extended
        .slice(0, 10)
        .map((e) => ({ taskId: e.id, title: e.title, leadName: e.lead_name, extensions: e.n })),
      longestOverdue: late.longestOverdue,
    },
  };
}

/**
 * The dashboard of an organization's subtree (its history included: the tasks of merged predecessors count), with the
 * tasks the organizations above it assigned to units in it — what the subtree's own task list shows.
 */
export async function taskDashboard(ctx: RequestContext, orgId: string, asOf?: string) {
  await ctx.assertOrg(orgId, 'read');
  const orgs = await orgsCovered(ctx.db, [orgId]);
  const above = (await orgChainUp(ctx.db, orgId)).filter((id) => !orgs.includes(id));
  const ledFrom = above.length
    ? (
        await ctx.db.query<{ org_id: string }>(
          'select distinct org_id from task where org_id = any($1::uuid[]) and lead_org_id = any($2::uuid[])',
          [above, orgs],
        )
      ).rows.map((r) => r.org_id)
    : [];
  return { orgId, ...(await dashboardData(ctx.db, orgs, asOf ?? ctx.today(), ctx.user.clearance, ledFrom)) };
}

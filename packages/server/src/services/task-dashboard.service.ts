import { addWorkingDays, VIETNAM_CALENDAR } from '@quyche/core';
import {
  orgChainUp,
  orgsCovered,
  TASK_DASHBOARD_SQL,
  taskAssignersFrom,
  taskDashboardCompletionByMonth,
  taskDashboardLeadNames,
  taskDashboardLongestOverdue,
  taskDashboardMostExtended,
  taskDashboardOverdueBySupervisor,
  taskDashboardOverdueByUnit,
  taskDashboardRows,
  taskDashboardSerialPlans,
  taskDashboardTotals,
} from '@quyche/db';
import type { Db, Sql, TaskDashboardScope } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/**
 * The follow-up dashboard of an organization and everything below it, as of a date: open, overdue and due-soon
 * counts, overdue by leading unit and by supervising member, completion by month (on time or late), and the
 * bottlenecks — most extended, longest overdue. Each panel is one indexed query (task-dashboard.query.ts), run once
 * for the tasks the organizations assigned and once more for those assigned to their units from above.
 */
// The bench sends the statements raw beside this code path.
export const DASHBOARD_SQL = TASK_DASHBOARD_SQL;

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
  const run = async (sql: Sql) => {
    if ('driver' in db && db.driver === 'postgres') await taskDashboardSerialPlans(sql);
    const panels = async (scope: TaskDashboardScope) => ({
      byUnit: await taskDashboardRows(sql, taskDashboardOverdueByUnit(scope, today, clearance)),
      bySupervisor: await taskDashboardRows(sql, taskDashboardOverdueBySupervisor(scope, today, clearance)),
      longest: await taskDashboardRows(sql, taskDashboardLongestOverdue(scope, today, clearance)),
    });
    const own = await panels({ orgs });
    // The tasks organizations above assigned to units here: a second, disjoint set, merged panel by panel.
    const led = ledFrom.length ? await panels({ orgs, ledFrom }) : null;
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
    const leadIds = byUnit.map((u) => u.lead_id).filter((id): id is string => Boolean(id));
    const names = new Map((await taskDashboardRows(sql, taskDashboardLeadNames(leadIds))).map((n) => [n.id, n.name]));
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
  const sets: TaskDashboardScope[] = [{ orgs }, ...(ledFrom.length ? [{ orgs, ledFrom }] : [])];
  const totals = (
    await Promise.all(
      sets.map((scope) => taskDashboardRows(sql, taskDashboardTotals(scope, today, soon, `${year}-01-01`, clearance))),
    )
  ).map((r) => r[0]!);
  const sum = (k: keyof (typeof totals)[number]) => totals.reduce((n, t) => n + t[k], 0);
  const late = await overdueDashboardData(sql, orgs, today, clearance, ledFrom);
  const months = [];
  for (const scope of sets)
    months.push(await taskDashboardRows(sql, taskDashboardCompletionByMonth(scope, `${year}-01-01`, today, clearance)));
  const extended = [];
  for (const scope of sets) extended.push(await taskDashboardRows(sql, taskDashboardMostExtended(scope, clearance)));
  const byMonth = months.flat();
  const mostExtended = extended.flat().sort((a, b) => b.n - a.n || a.title.localeCompare(b.title, 'vi'));
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
      const inMonth = byMonth.filter((x) => x.month === month);
      const done = inMonth.reduce((n, m) => n + m.done, 0);
      const onTime = inMonth.reduce((n, m) => n + m.on_time, 0);
      return { month, done, onTime, late: done - onTime };
    }),
    bottlenecks: {
      mostExtended: mostExtended
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
  const ledFrom = above.length ? await taskAssignersFrom(ctx.db, above, orgs) : [];
  return { orgId, ...(await dashboardData(ctx.db, orgs, asOf ?? ctx.today(), ctx.user.clearance, ledFrom)) };
}

import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/**
 * The follow-up dashboard's panels over a scope, each one indexed query on (org_id, state, due_effective). A scope
 * is by default the tasks its organizations assigned; `ledFrom` gives those that organizations above them assigned
 * to units in it (the task list shows both; the dashboard adds the second set, kept apart so that the first keeps
 * its index-only scans: an OR of the two made the 1,000,000-task bench 30 % slower). The ids of `ledFrom` are the
 * database's own uuids, checked, written into the statement.
 */
export interface TaskDashboardScope {
  orgs: string[];
  ledFrom?: string[] | undefined;
}

/** The organizations of the scope joined as a set (hash semi-join), not scanned as an array per row. */
function inScope({ orgs, ledFrom }: TaskDashboardScope, t = ''): RawBuilder<SqlBool> {
  const col = (c: string) => sql.raw(`${t}${c}`);
  if (!ledFrom) return sql`${col('org_id')} in (select unnest(${orgs}::uuid[]))`;
  if (ledFrom.some((id) => !/^[0-9a-f-]{36}$/.test(id))) throw new Error('not a uuid');
  return sql`${col('org_id')} in (${sql.join(ledFrom.map((id) => sql.lit(id)))})
    and ${col('lead_org_id')} in (select unnest(${orgs}::uuid[]))`;
}
/** In due-date order the index stops at the tenth row: the array test per row is cheap there. */
function inScopeArray(scope: TaskDashboardScope, t = ''): RawBuilder<SqlBool> {
  return scope.ledFrom ? inScope(scope, t) : sql`${sql.raw(`${t}org_id`)} = any(${scope.orgs}::uuid[])`;
}
const overdue = (scope: TaskDashboardScope, today: string, clearance: number) =>
  sql<SqlBool>`${inScope(scope)} and state in ('assigned', 'in_progress') and due_effective < ${today}
    and confidentiality <= ${clearance}`;

export const taskDashboardOverdueCount = (scope: TaskDashboardScope, today: string, clearance: number) =>
  sql<{ n: number }>`select count(*)::int as n from task where ${overdue(scope, today, clearance)}`;

/** Overdue by leading unit, with the total over all units (the window runs before the limit). */
export const taskDashboardOverdueByUnit = (scope: TaskDashboardScope, today: string, clearance: number) =>
  sql<{ lead_id: string | null; n: number; oldest: string; total: number }>`select lead_id, n, oldest, total from (
      select lead_id, count(*)::int as n, min(due_effective) as oldest, (sum(count(*)) over ())::int as total
        from task where ${overdue(scope, today, clearance)} group by lead_id) x
     order by n desc, oldest, lead_id limit 20`;

export const taskDashboardOverdueBySupervisor = (scope: TaskDashboardScope, today: string, clearance: number) =>
  sql<{ person_id: string; full_name: string; n: number }>`select x.person_id, p.full_name, x.n from (
      select supervisor_person_id as person_id, count(*)::int as n from task where ${overdue(scope, today, clearance)}
        and supervisor_person_id is not null
       group by supervisor_person_id order by n desc, supervisor_person_id limit 20) x
      join person p on p.id = x.person_id order by x.n desc, p.full_name`;

export const taskDashboardLongestOverdue = (scope: TaskDashboardScope, today: string, clearance: number) =>
  sql<{
    id: string;
    title: string;
    lead_name: string | null;
    due_effective: string;
  }>`select id, title, lead_name, due_effective from task
     where ${inScopeArray(scope)} and state in ('assigned', 'in_progress') and due_effective < ${today}
       and confidentiality <= ${clearance}
     order by due_effective, id limit 10`;

/** The names of the leading units and people (the ids given once: the statement names them thrice). */
export const taskDashboardLeadNames = (ids: string[]) =>
  sql<{ id: string; name: string }>`with x as (select unnest(${ids}::uuid[]) as id)
     select id, name from body where id in (select id from x)
     union all select id, coalesce(short_name, name) from organization where id in (select id from x)
     union all select id, full_name from person where id in (select id from x)`;

export const taskDashboardTotals = (
  scope: TaskDashboardScope,
  today: string,
  soon: string,
  yearStart: string,
  clearance: number,
) =>
  sql<{ open: number; overdue: number; due_soon: number; draft: number; done_this_year: number }>`select
      count(*) filter (where state in ('assigned', 'in_progress', 'reported'))::int as open,
      count(*) filter (where state in ('assigned', 'in_progress') and due_effective < ${today})::int as overdue,
      count(*) filter (where state in ('assigned', 'in_progress')
        and due_effective between ${today} and ${soon})::int as due_soon,
      count(*) filter (where state = 'draft')::int as draft,
      count(*) filter (where state = 'done' and done_on between ${yearStart} and ${today})::int as done_this_year
     from task where ${inScopeArray(scope)} and confidentiality <= ${clearance}`;

export const taskDashboardCompletionByMonth = (
  scope: TaskDashboardScope,
  from: string,
  to: string,
  clearance: number,
) =>
  sql<{
    month: string;
    done: number;
    on_time: number;
  }>`select to_char(done_on, 'YYYY-MM') as month, count(*)::int as done,
      count(*) filter (where due_effective is null or done_on <= due_effective)::int as on_time
     from task where ${inScopeArray(scope)} and state = 'done' and done_on between ${from} and ${to}
       and confidentiality <= ${clearance}
     group by 1 order by 1`;

export const taskDashboardMostExtended = (scope: TaskDashboardScope, clearance: number) =>
  sql<{
    id: string;
    title: string;
    lead_name: string | null;
    n: number;
  }>`select t.id, t.title, t.lead_name, count(e.id)::int as n
     from task t join task_extension e on e.task_id = t.id and e.state = 'approved'
    where ${inScopeArray(scope, 't.')} and t.confidentiality <= ${clearance}
    group by t.id, t.title, t.lead_name order by n desc, t.title limit 10`;

/** Runs one panel's statement on the database or a transaction. */
export async function taskDashboardRows<R>(s: Sql, statement: RawBuilder<R>): Promise<R[]> {
  return (await statement.execute(qb(s))).rows;
}

/** PostgreSQL only, inside a transaction: launching parallel workers costs more than these index-only scans. */
export async function taskDashboardSerialPlans(s: Sql) {
  await sql`set local max_parallel_workers_per_gather = 0`.execute(qb(s));
}

/** The organizations above that assigned tasks led by units of these organizations. */
export async function taskAssignersFrom(s: Sql, above: string[], orgs: string[]) {
  const rows = await qb(s)
    .selectFrom('task')
    .select('org_id')
    .distinct()
    .where('org_id', '=', sql<string>`any(${above}::uuid[])`)
    .where('lead_org_id', '=', sql<string>`any(${orgs}::uuid[])`)
    .execute();
  return rows.map((r) => r.org_id);
}

/**
 * The overdue panels' statements as text with their parameters in the order ($1 organizations, $2 today,
 * $3 clearance; leadNames: $1 the ids), for the bench that sends them raw beside the application's code path.
 */
const compiler: Sql = { query: () => Promise.reject(new Error('task dashboard: compile only')) };
const textOf = (statement: RawBuilder<unknown>) => statement.compile(qb(compiler)).sql;
const own: TaskDashboardScope = { orgs: [] };
export const TASK_DASHBOARD_SQL = {
  overdueCount: textOf(taskDashboardOverdueCount(own, '', 0)),
  overdueByUnit: textOf(taskDashboardOverdueByUnit(own, '', 0)),
  overdueBySupervisor: textOf(taskDashboardOverdueBySupervisor(own, '', 0)),
  longestOverdue: textOf(taskDashboardLongestOverdue(own, '', 0)),
  leadNames: textOf(taskDashboardLeadNames([])),
} as const;

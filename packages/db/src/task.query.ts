import { type ExpressionBuilder, type SqlBool, type Expression, sql } from 'kysely';
import type { Database } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { tasksWithSupervisor } from './task.base.js';
import { taskOverdueOn } from './task.asof.js';
import { type TaskRecord, type TaskRow, taskColumnsOf } from './task.repo.js';

/** The task list's filters, as the service resolved them (permissions checked there). */
export interface TaskListFilter {
  clearance: number;
  orgId?: string | undefined;
  /** No organization named: the tasks these organizations assigned, and those they lead. */
  coveredOrgs?: string[] | undefined;
  states?: readonly string[] | undefined;
  state?: string | undefined;
  /** Overdue today: from the index on (state, due). */
  overdueBefore?: string | undefined;
  /** Overdue on a past date: from the dates each task keeps. */
  overdueOn?: string | undefined;
  leadOrgId?: string | undefined;
  leadId?: string | undefined;
  supervisorPersonId?: string | undefined;
  /** Tasks this person leads, supports or supervises; null (an account with no person) matches none. */
  minePersonId?: string | null | undefined;
  sourceKind?: string | undefined;
  sourceBodyId?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  /** Folded words, each to be found in the search text. */
  words?: string[] | undefined;
}

type TaskEb = ExpressionBuilder<Database & { t: Database['task'] }, 't'>;
const anyOf = (values: readonly string[], type: 'uuid' | 'text') => sql<string>`any(${values}::${sql.raw(type)}[])`;

function listWhere(eb: TaskEb, f: TaskListFilter): Expression<SqlBool> {
  const w: Expression<SqlBool>[] = [eb('t.confidentiality', '<=', f.clearance)];
  if (f.orgId) w.push(eb('t.org_id', '=', f.orgId));
  if (f.coveredOrgs)
    w.push(
      eb.or([
        eb('t.org_id', '=', anyOf(f.coveredOrgs, 'uuid')),
        eb('t.lead_org_id', '=', anyOf(f.coveredOrgs, 'uuid')),
      ]),
    );
  if (f.states) w.push(eb('t.state', '=', anyOf(f.states, 'text')));
  if (f.overdueBefore)
    w.push(sql<SqlBool>`(t.state in ('assigned', 'in_progress') and t.due_effective < ${f.overdueBefore})`);
  if (f.overdueOn) w.push(taskOverdueOn(sql`${f.overdueOn}::date`));
  if (f.state) w.push(eb('t.state', '=', f.state));
  if (f.leadOrgId) w.push(eb('t.lead_org_id', '=', f.leadOrgId));
  if (f.leadId) w.push(eb('t.lead_id', '=', f.leadId));
  if (f.supervisorPersonId) w.push(eb('t.supervisor_person_id', '=', f.supervisorPersonId));
  if (f.minePersonId !== undefined) {
    const p = f.minePersonId;
    w.push(
      sql<SqlBool>`(t.lead_id = ${p}::uuid or t.supervisor_person_id = ${p}::uuid
        or t.supporting @> jsonb_build_array(jsonb_build_object('id', ${p}::text)))`,
    );
  }
  if (f.sourceKind) w.push(eb('t.source_kind', '=', f.sourceKind));
  if (f.sourceBodyId) w.push(eb('t.source_body_id', '=', f.sourceBodyId));
  if (f.dueFrom) w.push(eb('t.due_effective', '>=', f.dueFrom));
  if (f.dueTo) w.push(eb('t.due_effective', '<=', f.dueTo));
  for (const word of f.words ?? []) w.push(sql<SqlBool>`t.search_text like '%' || ${word} || '%'`);
  return eb.and(w);
}

/**
 * One page of the list's ids with the total, in one narrow pass (the sort carries no wide rows); the rows in full
 * come from taskListRowsByIds.
 */
export async function taskListPage(
  s: Sql,
  f: TaskListFilter,
  sort: 'due' | 'updated' | 'title',
  limit: number,
  offset: number,
) {
  let q = qb(s)
    .selectFrom('task as t')
    .select(['t.id', sql<number>`count(*) over ()`.as('total')])
    .where((eb) => listWhere(eb, f));
  q =
    sort === 'updated'
      ? q.orderBy('t.updated_at', 'desc').orderBy('t.id')
      : sort === 'title'
        ? q.orderBy('t.title').orderBy('t.id')
        : q.orderBy('t.due_effective', (o) => o.asc().nullsLast()).orderBy('t.id');
  return q.limit(limit).offset(offset).execute();
}

/** The count alone: a page past the last has no row to carry it. */
export async function taskListCount(s: Sql, f: TaskListFilter) {
  const r = await qb(s)
    .selectFrom('task as t')
    .select(sql<number>`count(*)::int`.as('n'))
    .where((eb) => listWhere(eb, f))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** What a list item shows (listItemOf): not the task's search text, milestones or attributes. */
const TASK_LIST_COLUMNS = [
  'id',
  'org_id',
  'title',
  'state',
  'lead_kind',
  'lead_id',
  'lead_name',
  'lead_org_id',
  'due_date',
  'due_label',
  'extended_to',
  'percent',
  'source_kind',
  'source_label',
  'due_meeting_id',
  'assigned_on',
  'version',
] as const;
export type TaskListRow = Pick<TaskRow, (typeof TASK_LIST_COLUMNS)[number]> & { supervisor_name?: string | null };

/** The list items with these ids, with their supervisor's name (in no particular order). */
export async function taskListRowsByIds(s: Sql, ids: string[]) {
  return tasksWithSupervisor(s)
    .select([...TASK_LIST_COLUMNS.map((c) => `t.${c}` as const), 'p.full_name as supervisor_name'])
    .where('t.id', '=', anyOf(ids, 'uuid'))
    .$castTo<TaskListRow>()
    .execute();
}

/** The tasks following these records (program items, inspections, recommendations), within clearance, by due date. */
export async function tasksBySourceIds(s: Sql, kind: string, ids: string[], clearance: number) {
  return tasksWithSupervisor(s)
    .select([...taskColumnsOf('t'), 'p.full_name as supervisor_name'])
    .where('t.source_kind', '=', kind)
    .where('t.source_id', '=', anyOf(ids, 'uuid'))
    .where('t.confidentiality', '<=', clearance)
    .orderBy('t.due_effective', (o) => o.asc().nullsLast())
    .orderBy('t.id')
    .$castTo<TaskRecord & { supervisor_name: string | null }>()
    .execute();
}

/** Whole tasks with their supervisor's name and code: the rows of an exported sheet (in no particular order). */
export async function taskSheetRowsByIds(s: Sql, ids: string[]) {
  return tasksWithSupervisor(s)
    .select([...taskColumnsOf('t'), 'p.full_name as supervisor_name', 'p.code as supervisor_code'])
    .where('t.id', '=', anyOf(ids, 'uuid'))
    .$castTo<TaskRecord & { supervisor_name: string | null; supervisor_code: string | null }>()
    .execute();
}

/** Names a sheet may use: the current bodies, organizations and people of these organizations, within clearance. */
export async function taskSheetDirectory(s: Sql, orgs: string[], clearance: number) {
  const bodies = await qb(s)
    .selectFrom('body')
    .select(['id', 'name'])
    .where('org_id', '=', anyOf(orgs, 'uuid'))
    .where('valid_until', 'is', null)
    .where('confidentiality', '<=', clearance)
    .execute();
  const organizations = await qb(s)
    .selectFrom('organization')
    .select(['id', 'name', 'short_name'])
    .where('id', '=', anyOf(orgs, 'uuid'))
    .where('valid_until', 'is', null)
    .where('confidentiality', '<=', clearance)
    .execute();
  const people = await qb(s)
    .selectFrom('person')
    .select(['id', 'full_name', 'code'])
    .where('org_id', '=', anyOf(orgs, 'uuid'))
    .where('confidentiality', '<=', clearance)
    .execute();
  return { bodies, organizations, people };
}

import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, validOn } from './query.helpers.js';
import { tasksWithSupervisor } from './task.base.js';

/** What the reminders read of tasks and people: open tasks due by a date, heads of a lead unit, addresses. */

const OPEN = ['assigned', 'in_progress'];

/** Open tasks due (as extended) on or before `cutoff`, soonest first. */
export async function tasksDueBy(s: Sql, cutoff: string) {
  return qb(s)
    .selectFrom('task')
    .select(['id', 'state', 'due_date', 'extended_to'])
    .where('state', 'in', OPEN)
    .where('due_effective', '<=', cutoff)
    .orderBy('due_effective')
    .orderBy('id')
    .execute();
}

/** A task as its reminder is worded, with its supervising member's name. */
export async function taskForReminder(s: Sql, taskId: string) {
  return tasksWithSupervisor(s)
    .select([
      't.id',
      't.org_id',
      't.title',
      't.state',
      't.due_date',
      't.extended_to',
      't.lead_kind',
      't.lead_id',
      't.lead_name',
      't.supervisor_person_id',
      'p.full_name as supervisor_name',
      't.source_label',
      't.product',
      't.percent',
    ])
    .where('t.id', '=', taskId)
    .executeTakeFirst();
}

/** The heads on `on` of a lead unit (a body, or an organization through its BCH): its chief, chair or secretary. */
export async function leadUnitHeads(s: Sql, unitId: string, on: string) {
  const rows = await qb(s)
    .selectFrom('membership as m')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select('m.person_id')
    .where((eb) => eb.or([eb('b.id', '=', unitId), eb.and([eb('b.org_id', '=', unitId), eb('b.kind', '=', 'BCH')])]))
    .where('m.role', 'in', ['TRUONG_BAN', 'CHU_NHIEM', 'BI_THU'])
    .where(validOn('m', dateParam(on)))
    .execute();
  return rows.map((r) => r.person_id);
}

/** Open tasks with a supervising member, due by `horizon`: the weekly digest's lines, by member then due date. */
export async function digestTasks(s: Sql, horizon: string) {
  return qb(s)
    .selectFrom('task')
    .select(['org_id', 'supervisor_person_id', 'title', 'due_effective', 'lead_name', 'percent'])
    .where('state', 'in', OPEN)
    .where('supervisor_person_id', 'is not', null)
    .where('due_effective', '<=', horizon)
    .orderBy('supervisor_person_id')
    .orderBy('due_effective')
    .$narrowType<{ supervisor_person_id: string; due_effective: string }>()
    .execute();
}

/** The people's e-mail addresses (null when none is recorded). */
export async function personEmails(s: Sql, personIds: string[]) {
  if (personIds.length === 0) return [];
  return qb(s).selectFrom('person').select(['id', 'email']).where('id', 'in', personIds).execute();
}

/** The enabled accounts of these people. */
export async function accountsOfPeople(s: Sql, personIds: string[]) {
  if (personIds.length === 0) return [];
  const rows = await qb(s)
    .selectFrom('app_user')
    .select('id')
    .where('person_id', 'in', personIds)
    .where('disabled', '=', false)
    .execute();
  return rows.map((r) => r.id);
}

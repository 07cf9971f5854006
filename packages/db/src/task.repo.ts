import type { TaskLead, TaskState } from '@quyche/core';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { TaskTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { GUARDED_RECORD_COLUMNS } from './query.helpers.js';
import { uuidv7 } from './uuid.js';

/** A supporting unit or person; a name from a sheet may match no unit (id null). */
export type TaskSupporting = Omit<TaskLead, 'id'> & { id: string | null };

/** A task as stored, its codes and JSON columns typed as the application writes them. */
export type TaskRecord = Omit<Selectable<TaskTable>, 'lead_kind' | 'supporting' | 'matter_attributes' | 'state'> & {
  lead_kind: 'unit' | 'person' | null;
  supporting: TaskSupporting[];
  matter_attributes: Record<string, unknown>;
  state: TaskState;
};

/** What services read and write of a task: not the generated due date, the search text, the stamps or as-of dates. */
export type TaskRow = Omit<
  TaskRecord,
  'due_effective' | 'search_text' | 'created_at' | 'updated_at' | 'reported_on' | 'closed_on'
>;

/** Every column, in the table's order: a task's audit entries record the row whole. */
export const TASK_COLUMNS = [
  'id',
  'org_id',
  'title',
  'lead_kind',
  'lead_id',
  'lead_name',
  'lead_org_id',
  'supporting',
  'due_date',
  'due_meeting_id',
  'due_label',
  'extended_to',
  'due_effective',
  'supervisor_person_id',
  'deciding_body',
  'matter',
  'matter_attributes',
  'product',
  'accountability',
  'source_kind',
  'source_id',
  'source_label',
  'source_body_id',
  'state',
  'percent',
  'weight',
  'assigned_on',
  'done_on',
  ...GUARDED_RECORD_COLUMNS,
  'reported_on',
  'closed_on',
  'exceeded_note',
] as const satisfies readonly (keyof TaskTable)[];

/** The columns prefixed by the task's alias in a join (`t.id`, …). */
export const taskColumnsOf = <A extends string>(alias: A) =>
  TASK_COLUMNS.map((c) => `${alias}.${c}` as `${A}.${(typeof TASK_COLUMNS)[number]}`);

/** `= any($n::uuid[])`: a list of ids as one array parameter, typed as the statements always were. */
const anyId = (ids: readonly string[]) => sql<string>`any(${ids}::uuid[])`;

export async function taskById(s: Sql, id: string) {
  return qb(s).selectFrom('task').select(TASK_COLUMNS).where('id', '=', id).$castTo<TaskRecord>().executeTakeFirst();
}

/** The tasks with these ids, whole (in no particular order). */
export async function tasksByIds(s: Sql, ids: string[]) {
  return qb(s).selectFrom('task').select(TASK_COLUMNS).where('id', '=', anyId(ids)).$castTo<TaskRecord>().execute();
}

/** Id, organization and version of the tasks with these ids: an imported sheet's rows naming existing tasks. */
export async function taskVersionsByIds(s: Sql, ids: string[]) {
  return qb(s).selectFrom('task').select(['id', 'org_id', 'version']).where('id', '=', anyId(ids)).execute();
}

export type NewTask = Omit<Insertable<TaskTable>, 'supporting' | 'matter_attributes'> & {
  supporting: TaskSupporting[];
  matter_attributes: Record<string, unknown>;
};

/** A new task; JSON columns written as JSON text. */
export async function insertTask(s: Sql, row: NewTask) {
  await qb(s)
    .insertInto('task')
    .values({
      ...row,
      supporting: JSON.stringify(row.supporting),
      matter_attributes: JSON.stringify(row.matter_attributes),
    })
    .execute();
}

/** A task's milestones in order (positions from 1). */
export async function insertTaskMilestones(
  s: Sql,
  orgId: string,
  taskId: string,
  milestones: { title: string; dueDate: string }[],
) {
  // One insert per milestone, in order, as before: the ids (uuidv7) follow the positions.
  for (const [i, m] of milestones.entries())
    await qb(s)
      .insertInto('task_milestone')
      .values({ id: uuidv7(), org_id: orgId, task_id: taskId, position: i + 1, title: m.title, due_date: m.dueDate })
      .execute();
}

export async function deleteTaskMilestones(s: Sql, taskId: string) {
  await qb(s).deleteFrom('task_milestone').where('task_id', '=', taskId).execute();
}

/** The folded text searched by the task list, and the time of the change. */
export async function setTaskSearchText(s: Sql, id: string, searchText: string) {
  await qb(s)
    .updateTable('task')
    .set((eb) => ({ search_text: searchText, updated_at: eb.fn<Date>('now') }))
    .where('id', '=', id)
    .execute();
}

export async function touchTask(s: Sql, id: string) {
  await qb(s)
    .updateTable('task')
    .set((eb) => ({ updated_at: eb.fn<Date>('now') }))
    .where('id', '=', id)
    .execute();
}

/** The task a conclusion's action item already became, if any. */
export async function taskIdForConclusionItem(s: Sql, itemId: string) {
  return qb(s)
    .selectFrom('task')
    .select('id')
    .where('source_kind', '=', 'conclusion_item')
    .where('source_id', '=', itemId)
    .executeTakeFirst();
}

/** The organization and confidentiality of a unit leading a task: a body's organization, or an organization itself. */
export async function taskUnitLeadScope(s: Sql, unitId: string) {
  return qb(s)
    .selectFrom('body')
    .select(['org_id', 'confidentiality'])
    .where('id', '=', unitId)
    .unionAll(qb(s).selectFrom('organization').select(['id as org_id', 'confidentiality']).where('id', '=', unitId))
    .executeTakeFirst();
}

/** The organization and confidentiality of a body a task names (its assigning body). */
export async function taskBodyScope(s: Sql, bodyId: string) {
  return qb(s).selectFrom('body').select(['org_id', 'confidentiality']).where('id', '=', bodyId).executeTakeFirst();
}

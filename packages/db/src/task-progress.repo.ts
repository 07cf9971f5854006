import { type Insertable, sql } from 'kysely';
import type { TaskExtensionTable, TaskFileTable, TaskReportTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { insertRow, rowExists, rowUnder } from './query.helpers.js';

/** A task's progress reports with their evidence files, and its extension requests and decisions. */

export const insertTaskReport = (s: Sql, row: Insertable<TaskReportTable>) => insertRow(s, 'task_report', row);

export const insertTaskFile = (s: Sql, row: Insertable<TaskFileTable>) => insertRow(s, 'task_file', row);

/**
 * A report's effect on its task: the percent and state; the date it was reported finished, kept from the first
 * such report (the as-of readings count from it).
 */
export async function updateTaskAfterReport(s: Sql, id: string, percent: number, state: string, reportedOn: string) {
  await qb(s)
    .updateTable('task')
    .set((eb) => ({
      percent,
      state,
      reported_on: sql<
        string | null
      >`case when ${state} = 'reported' and state <> 'reported' then ${reportedOn}::date else reported_on end`,
      version: eb('version', '+', 1),
      updated_at: eb.fn<Date>('now'),
    }))
    .where('id', '=', id)
    .execute();
}

/** An evidence file of a task, with its content. */
export const taskFileContent = (s: Sql, taskId: string, fileId: string) =>
  rowUnder(s, 'task_file', fileId, { task_id: taskId }, ['file_name', 'media_type', 'content']);

/** Whether a task has an extension request awaiting decision (one at a time). */
export const taskHasPendingExtension = (s: Sql, taskId: string) =>
  rowExists(s, 'task_extension', { task_id: taskId, state: 'requested' });

export const insertTaskExtension = (s: Sql, row: Insertable<TaskExtensionTable>) => insertRow(s, 'task_extension', row);

export const taskExtensionById = (s: Sql, taskId: string, extensionId: string) =>
  rowUnder(s, 'task_extension', extensionId, { task_id: taskId }, ['id', 'state', 'requested_to', 'requested_on']);

/** An approved extension moves the due date in force. */
export async function extendTask(s: Sql, id: string, extendedTo: string) {
  await qb(s)
    .updateTable('task')
    .set((eb) => ({ extended_to: extendedTo, version: eb('version', '+', 1), updated_at: eb.fn<Date>('now') }))
    .where('id', '=', id)
    .execute();
}

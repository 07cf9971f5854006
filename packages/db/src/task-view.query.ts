import type { TaskLead } from '@quyche/core';
import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { rowsUnder } from './query.helpers.js';
import type { TaskSupporting } from './task.repo.js';

/** What a task's page shows beside the task: names, milestones, reports, files, extensions, where it came from. */

export async function taskPersonName(s: Sql, personId: string) {
  return qb(s).selectFrom('person').select('full_name').where('id', '=', personId).executeTakeFirst();
}

/** The body that assigned a task: its name on the page, its kind the level deciding an extension. */
export async function taskSourceBody(s: Sql, bodyId: string) {
  return qb(s).selectFrom('body').select(['name', 'kind']).where('id', '=', bodyId).executeTakeFirst();
}

export const taskMilestonesOf = (s: Sql, taskId: string) =>
  rowsUnder(s, 'task_milestone', { task_id: taskId }, ['id', 'title', 'due_date', 'done_on'], ['position']);

const REPORT_COLUMNS = ['id', 'reported_on', 'percent', 'text'] as const;

export const taskReportsOf = (s: Sql, taskId: string) =>
  rowsUnder(s, 'task_report', { task_id: taskId }, REPORT_COLUMNS, ['reported_on', 'created_at']);

/** The evidence files of a task, without their content. */
export const taskFilesOf = (s: Sql, taskId: string) =>
  rowsUnder(s, 'task_file', { task_id: taskId }, ['id', 'report_id', 'file_name', 'size'], ['created_at']);

const EXTENSION_COLUMNS = [
  'id',
  'requested_on',
  'requested_to',
  'reason',
  'state',
  'decided_on',
  'decided_by',
  'decision_ref',
  'note',
  'version',
] as const;

export const taskExtensionsOf = (s: Sql, taskId: string) =>
  rowsUnder(s, 'task_extension', { task_id: taskId }, EXTENSION_COLUMNS, ['created_at']);

/** The meeting whose conclusion a task follows. */
export async function taskSourceMeeting(s: Sql, conclusionItemId: string) {
  return qb(s)
    .selectFrom('conclusion_item as i')
    .innerJoin('conclusion as c', 'c.id', 'i.conclusion_id')
    .select('c.meeting_id')
    .where('i.id', '=', conclusionItemId)
    .executeTakeFirst();
}

/** The program whose item a task follows. */
export async function taskSourceProgram(s: Sql, programItemId: string) {
  return qb(s).selectFrom('program_item').select('program_id').where('id', '=', programItemId).executeTakeFirst();
}

/** Conclusion items (`i`) with their notice (`c`) and the meeting it concluded (`m`). */
const conclusionItemsWithMeeting = (s: Sql) =>
  qb(s)
    .selectFrom('conclusion_item as i')
    .innerJoin('conclusion as c', 'c.id', 'i.conclusion_id')
    .innerJoin('meeting as m', 'm.id', 'c.meeting_id');

/**
 * A conclusion's item with what a task made of it carries over: its 6 rõ, the conclusion's symbol, the meeting's
 * scope.
 */
export async function conclusionItemForTask(s: Sql, itemId: string) {
  return conclusionItemsWithMeeting(s)
    .select([
      'i.id',
      'i.kind',
      'i.text',
      (eb) => eb.ref('i.leads').$castTo<TaskLead[]>().as('leads'),
      (eb) => eb.ref('i.supporting').$castTo<TaskSupporting[]>().as('supporting'),
      'i.due_date',
      'i.due_meeting_id',
      'i.due_label',
      'i.supervisor_person_id',
      'i.deciding_body',
      'i.product',
      'c.symbol',
      'm.org_id',
      'm.body_id',
      'm.confidentiality',
    ])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
}

/** A conclusion's action items that no task follows yet, newest notice first (at most 500). */
export async function pendingConclusionActionItems(s: Sql, orgId: string, clearance: number) {
  return conclusionItemsWithMeeting(s)
    .select((eb) => [
      'i.id',
      'i.text',
      eb.ref('i.leads').$castTo<TaskLead[]>().as('leads'),
      'i.due_date',
      'i.due_label',
      'c.symbol',
      'c.issued_on',
      'm.id as meeting_id',
      'm.title',
    ])
    .where('m.org_id', '=', orgId)
    .where('m.confidentiality', '<=', clearance)
    .where('i.kind', '=', 'action')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('task as t')
            .select(sql<number>`1`.as('one'))
            .where('t.source_kind', '=', 'conclusion_item')
            .whereRef('t.source_id', '=', 'i.id'),
        ),
      ),
    )
    .orderBy('c.issued_on', 'desc')
    .orderBy('i.position')
    .limit(500)
    .execute();
}

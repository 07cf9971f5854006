import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** The meeting of the agenda item a program is adopted under (it must be the adopting meeting). */
export async function programAdoptionAgendaItem(s: Sql, agendaItemId: string) {
  return qb(s).selectFrom('agenda_item').select('meeting_id').where('id', '=', agendaItemId).executeTakeFirst();
}

/** The last vote on that agenda item: a program voted down is not adopted. */
export async function programAdoptionVote(s: Sql, agendaItemId: string) {
  return qb(s)
    .selectFrom('vote')
    .select(['passed', 'yes', 'total_members'])
    .where('agenda_item_id', '=', agendaItemId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The unfinished tasks of an item carried over to the next program (they move under the new item). */
export async function programCarryOpenTasks(s: Sql, fromItemId: string) {
  return qb(s)
    .selectFrom('task')
    .select(['id', 'org_id', 'due_effective', 'extended_to'])
    .where('source_kind', '=', 'program_item')
    .where('source_id', '=', fromItemId)
    .where('state', 'in', ['draft', 'assigned', 'in_progress'])
    .execute();
}

export async function programCarryMoveTask(s: Sql, taskId: string, toItemId: string, sourceLabel: string) {
  await qb(s)
    .updateTable('task')
    .set((eb) => ({
      source_id: toItemId,
      source_label: sourceLabel,
      version: eb('version', '+', 1),
      updated_at: sql`now()`,
    }))
    .where('id', '=', taskId)
    .execute();
}

/**
 * The new deadline of a carried task, recorded as an extension the adopting body approved on adoption, so that a
 * review of the earlier period still counts the task overdue then.
 */
export async function programCarryExtendTask(
  s: Sql,
  e: {
    id: string;
    orgId: string;
    taskId: string;
    on: string;
    to: string;
    reason: string;
    decidedBy: string;
    decisionRef: string;
    createdBy: string;
  },
) {
  await qb(s)
    .insertInto('task_extension')
    .values({
      id: e.id,
      org_id: e.orgId,
      task_id: e.taskId,
      requested_on: e.on,
      requested_to: e.to,
      reason: e.reason,
      state: 'approved',
      decided_on: e.on,
      decided_by: e.decidedBy,
      decision_ref: e.decisionRef,
      created_by: e.createdBy,
    })
    .execute();
  await qb(s).updateTable('task').set({ extended_to: e.to }).where('id', '=', e.taskId).execute();
}

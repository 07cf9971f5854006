import type { TaskState } from '@quyche/core';
import { type Insertable, type NotNull, sql } from 'kysely';
import type { ConclusionItemTable, ConclusionTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { insertRow, rowExists } from './query.helpers.js';

/** Who leads or supports an item, as the conclusion keeps it (jsonb). */
type LeadJson = { kind: 'unit' | 'person'; id: string; name: string };

/** The conclusion notice of a meeting, with its signer's name. */
export async function conclusionOfMeeting(s: Sql, meetingId: string) {
  return qb(s)
    .selectFrom('conclusion as c')
    .leftJoin('person as p', 'p.id', 'c.signer_person_id')
    .select([
      'c.id',
      'c.symbol',
      'c.issued_on',
      'c.summary',
      'c.signer_person_id',
      'p.full_name as signer_name',
      'c.signer_for',
      'c.signer_position',
      sql<string[]>`c.recipients`.as('recipients'),
    ])
    .where('c.meeting_id', '=', meetingId)
    .executeTakeFirst();
}

/** Whether a meeting already has its (one) conclusion notice. */
export const conclusionExistsForMeeting = (s: Sql, meetingId: string) =>
  rowExists(s, 'conclusion', { meeting_id: meetingId });

/** The items of a conclusion in their order, with their supervisor's name. */
export async function listConclusionItems(s: Sql, conclusionId: string) {
  return qb(s)
    .selectFrom('conclusion_item as i')
    .leftJoin('person as p', 'p.id', 'i.supervisor_person_id')
    .select([
      'i.id',
      'i.position',
      'i.kind',
      'i.text',
      sql<LeadJson[]>`i.leads`.as('leads'),
      sql<LeadJson[]>`i.supporting`.as('supporting'),
      'i.due_date',
      'i.due_meeting_id',
      'i.due_label',
      'i.supervisor_person_id',
      'p.full_name as supervisor_name',
      'i.deciding_body',
      'i.product',
    ])
    .where('i.conclusion_id', '=', conclusionId)
    .orderBy('i.position')
    .execute();
}

/** The tasks that follow conclusion items up (at most one per item). */
export async function conclusionItemTasks(s: Sql, itemIds: string[]) {
  return qb(s)
    .selectFrom('task')
    .select(['id', 'source_id', 'state', 'percent', 'weight', 'due_date', 'extended_to'])
    .where('source_kind', '=', 'conclusion_item')
    .where('source_id', '=', sql<string>`any(${itemIds}::uuid[])`)
    .$narrowType<{ source_id: NotNull; state: TaskState }>()
    .execute();
}

export const insertConclusion = (tx: Sql, row: Insertable<ConclusionTable>) => insertRow(tx, 'conclusion', row);

export const insertConclusionItem = (tx: Sql, row: Insertable<ConclusionItemTable>) =>
  insertRow(tx, 'conclusion_item', row);

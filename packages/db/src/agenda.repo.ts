import { type Insertable, sql } from 'kysely';
import type { AgendaItemTable, ReservedOpinionTable, VoteTable, WrittenResponseTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** A meeting's agenda items and what is recorded on them: votes, reserved opinions, written replies. */

/** The position after the meeting's last agenda item. */
export async function nextAgendaItemPosition(tx: Sql, meetingId: string) {
  const r = await qb(tx)
    .selectFrom('agenda_item')
    .select(sql<number>`coalesce(max(position), 0)::int + 1`.as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function insertAgendaItem(tx: Sql, row: Insertable<AgendaItemTable>) {
  await qb(tx).insertInto('agenda_item').values(row).execute();
}

/** An item of a meeting's agenda, with what a vote on it is counted by. */
export async function agendaItemOfMeeting(s: Sql, itemId: string, meetingId: string) {
  return qb(s)
    .selectFrom('agenda_item')
    .select(['id', 'topic', 'matter', 'confidentiality'])
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

/** Every item of a meeting's agenda (whatever its confidentiality), in order: what a tally goes through. */
export async function listAgendaItemTopics(s: Sql, meetingId: string) {
  return qb(s)
    .selectFrom('agenda_item')
    .select(['id', 'topic', 'matter'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
}

export async function agendaItemIdsOfMeeting(s: Sql, meetingId: string) {
  const rows = await qb(s).selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).execute();
  return rows.map((r) => r.id);
}

export async function insertVote(tx: Sql, row: Insertable<VoteTable>) {
  await qb(tx).insertInto('vote').values(row).execute();
}

export async function insertReservedOpinion(tx: Sql, row: Insertable<ReservedOpinionTable>) {
  await qb(tx).insertInto('reserved_opinion').values(row).execute();
}

/** A member's reply on an item; a second reply replaces the first. */
export async function upsertWrittenResponse(tx: Sql, row: Insertable<WrittenResponseTable>) {
  await qb(tx)
    .insertInto('written_response')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['agenda_item_id', 'person_id']).doUpdateSet((eb) => ({
        choice: eb.ref('excluded.choice'),
        comment: eb.ref('excluded.comment'),
        received_on: eb.ref('excluded.received_on'),
      })),
    )
    .execute();
}

import type { Insertable } from 'kysely';
import type { AgendaItemTable, ReservedOpinionTable, VoteTable, WrittenResponseTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { fromExcluded, insertRow, lastPosition, rowsUnder, rowUnder } from './query.helpers.js';

/** A meeting's agenda items and what is recorded on them: votes, reserved opinions, written replies. */

/** The position after the meeting's last agenda item. */
export const nextAgendaItemPosition = async (s: Sql, meetingId: string) =>
  (await lastPosition(s, 'agenda_item', 'meeting_id', meetingId)) + 1;

export const insertAgendaItem = (tx: Sql, row: Insertable<AgendaItemTable>) => insertRow(tx, 'agenda_item', row);

/** An item of a meeting's agenda, with what a vote on it is counted by. */
export const agendaItemOfMeeting = (s: Sql, itemId: string, meetingId: string) =>
  rowUnder(s, 'agenda_item', itemId, { meeting_id: meetingId }, ['id', 'topic', 'matter', 'confidentiality']);

/** Every item of a meeting's agenda (whatever its confidentiality), in order: what a tally goes through. */
export const listAgendaItemTopics = (s: Sql, meetingId: string) =>
  rowsUnder(s, 'agenda_item', { meeting_id: meetingId }, ['id', 'topic', 'matter'], ['position']);

export async function agendaItemIdsOfMeeting(s: Sql, meetingId: string) {
  const rows = await qb(s).selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).execute();
  return rows.map((r) => r.id);
}

/** A vote's row but its id: the count as cast and the outcome the regulation gives it (`result` as recorded). */
export function voteRow(
  orgId: string,
  itemId: string,
  v: { method: string; yes: number; no: number; abstain: number; totalMembers: number; present: number },
  a: { result: { passed: boolean }; ruleIds: string[]; eIds: string[]; reason_vi: string },
  result: unknown = a.result,
) {
  return {
    org_id: orgId,
    agenda_item_id: itemId,
    method: v.method,
    total_members: v.totalMembers,
    present: v.present,
    yes: v.yes,
    no: v.no,
    abstain: v.abstain,
    passed: a.result.passed,
    outcome: JSON.stringify({ result, ruleIds: a.ruleIds, eIds: a.eIds, reason_vi: a.reason_vi }),
  };
}

export const insertVote = (tx: Sql, row: Insertable<VoteTable>) => insertRow(tx, 'vote', row);

export const insertReservedOpinion = (tx: Sql, row: Insertable<ReservedOpinionTable>) =>
  insertRow(tx, 'reserved_opinion', row);

/** A member's reply on an item; a second reply replaces the first. */
export async function upsertWrittenResponse(tx: Sql, row: Insertable<WrittenResponseTable>) {
  await qb(tx)
    .insertInto('written_response')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['agenda_item_id', 'person_id']).doUpdateSet(fromExcluded(['choice', 'comment', 'received_on'])),
    )
    .execute();
}

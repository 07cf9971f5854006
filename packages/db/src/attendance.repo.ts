import { type Insertable, sql } from 'kysely';
import type { MeetingAttendanceTable, MeetingSiteTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { insertRow, lastPosition, rowUnder } from './query.helpers.js';

/** A meeting's attendance (members summoned, guests) and its connection points (điểm cầu). */

export const insertMeetingAttendance = (tx: Sql, row: Insertable<MeetingAttendanceTable>) =>
  insertRow(tx, 'meeting_attendance', row);

/** Summons a member unless already on the list (convening again adds only those missing). */
export async function insertMeetingAttendanceIfAbsent(tx: Sql, row: Insertable<MeetingAttendanceTable>) {
  await qb(tx)
    .insertInto('meeting_attendance')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** One line of a meeting's attendance list. */
export const meetingAttendanceById = (s: Sql, id: string, meetingId: string) =>
  rowUnder(s, 'meeting_attendance', id, { meeting_id: meetingId }, ['id', 'role', 'status', 'reason', 'site_id']);

/** The attendance line of a member summoned to a meeting, if he is. */
export async function meetingAttendanceOfMember(s: Sql, meetingId: string, personId: string) {
  return qb(s)
    .selectFrom('meeting_attendance')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .where('role', '=', 'member')
    .executeTakeFirst();
}

/** Marks one line: its status, the reason of an absence, the connection point. */
export async function setMeetingAttendance(
  tx: Sql,
  id: string,
  v: { status: string; reason: string | null; siteId: string | null },
) {
  await qb(tx)
    .updateTable('meeting_attendance')
    .set((eb) => ({
      status: v.status,
      reason: v.reason,
      site_id: v.siteId,
      version: eb('version', '+', 1),
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .execute();
}

/** A member who replied to a written consultation counts as present (its reason, if any, is kept). */
export async function markMeetingAttendancePresent(tx: Sql, id: string) {
  await qb(tx)
    .updateTable('meeting_attendance')
    .set((eb) => ({ status: 'present', version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
    .where('id', '=', id)
    .execute();
}

/** Every member not yet marked becomes present; returns the lines marked. */
export async function markSummonedMembersPresent(tx: Sql, meetingId: string) {
  return qb(tx)
    .updateTable('meeting_attendance')
    .set((eb) => ({ status: 'present', reason: null, version: eb('version', '+', 1), updated_at: sql<Date>`now()` }))
    .where('meeting_id', '=', meetingId)
    .where('role', '=', 'member')
    .where('status', '=', 'summoned')
    .returning('id')
    .execute();
}

/** Members summoned and present: what a vote's quorum is judged on. */
export async function meetingMemberCounts(s: Sql, meetingId: string) {
  return qb(s)
    .selectFrom('meeting_attendance')
    .select((eb) => [
      eb.fn.countAll<number>().as('summoned'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'present').as('present'),
    ])
    .where('meeting_id', '=', meetingId)
    .where('role', '=', 'member')
    .executeTakeFirstOrThrow();
}

/** Members summoned and present per meeting, for many meetings at once. */
export async function meetingMemberCountsOf(s: Sql, meetingIds: string[]) {
  return qb(s)
    .selectFrom('meeting_attendance')
    .select((eb) => [
      'meeting_id',
      eb.fn.countAll<number>().as('summoned'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'present').as('present'),
    ])
    .where('meeting_id', '=', sql<string>`any(${meetingIds}::uuid[])`)
    .where('role', '=', 'member')
    .groupBy('meeting_id')
    .execute();
}

/** A connection point of a meeting, with its lead's name. */
export async function meetingSiteById(s: Sql, siteId: string, meetingId: string) {
  return qb(s)
    .selectFrom('meeting_site as s')
    .leftJoin('person as p', 'p.id', 's.lead_person_id')
    .select(['s.id', 's.name', 's.host_org_id', 'p.full_name as lead_name'])
    .where('s.id', '=', siteId)
    .where('s.meeting_id', '=', meetingId)
    .executeTakeFirst();
}

/** The position after the meeting's last connection point. */
export const nextMeetingSitePosition = async (s: Sql, meetingId: string) =>
  (await lastPosition(s, 'meeting_site', 'meeting_id', meetingId)) + 1;

export const insertMeetingSite = (tx: Sql, row: Insertable<MeetingSiteTable>) => insertRow(tx, 'meeting_site', row);

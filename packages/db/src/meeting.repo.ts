import { compareVietnamese } from '@quyche/core';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { MeetingRescheduleTable, MeetingTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { jsonList } from './json-list.js';
import { qb } from './kysely.driver.js';
import { dateParam, insertRow, rowsUnder, validOn } from './query.helpers.js';
import { MEETING_HEADING_COLUMNS, meetingsWithBody } from './meeting.base.js';
import { cellSummonedOn } from './member.query.js';
import { versionsInForceBy } from './regulation.repo.js';

/** A meeting as its use cases read it (all but its creation time and folded search text). */
export type MeetingRow = Omit<Selectable<MeetingTable>, 'created_at' | 'search_text'>;

const MEETING_COLUMNS = [
  'id',
  'org_id',
  'body_id',
  'kind',
  'state',
  'title',
  'meeting_date',
  'starts_at',
  'ends_at',
  'location',
  'format',
  'province_wide',
  'consultation_deadline',
  'convened_by',
  'convening_ref',
  'documents_sent_on',
  'opened_on',
  'closed_on',
  'minutes_text',
  'minutes_approved_on',
  'cancel_reason',
  'chair_person_id',
  'secretary_name',
  'confidentiality',
  'version',
] as const;

export async function getMeeting(s: Sql, id: string): Promise<MeetingRow | undefined> {
  return qb(s).selectFrom('meeting').select(MEETING_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export const insertMeeting = (s: Sql, row: Insertable<MeetingTable>) => insertRow(s, 'meeting', row);

/** Locks the meeting's row until the transaction ends (serializes writers of one-per-meeting records). */
export async function lockMeeting(tx: Sql, id: string) {
  return qb(tx).selectFrom('meeting').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Tells the live channel a meeting changed (delivered at commit, to every server on the database). */
export async function notifyMeetingChanged(tx: Sql, meetingId: string) {
  await sql`select pg_notify('meeting_changed', ${meetingId})`.execute(qb(tx));
}

export interface MeetingListFilter {
  clearance: number;
  bodyId?: string | undefined;
  orgId?: string | undefined;
  /** When neither a body nor an organization is named: the organizations covered. */
  orgIds?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Folded (diacritic-free) text searched in the title and place. */
  search?: string | undefined;
}

/** Meetings by body or organization and dates, in date and time order, with their body and conclusion symbol. */
export async function meetingList(s: Sql, f: MeetingListFilter) {
  let q = meetingsWithBody(s)
    .leftJoin('conclusion as c', 'c.meeting_id', 'm.id')
    .select([
      ...MEETING_HEADING_COLUMNS,
      'm.starts_at',
      'm.location',
      'm.format',
      'm.province_wide',
      'c.symbol as conclusion_symbol',
    ])
    .where('m.confidentiality', '<=', f.clearance);
  if (f.bodyId) q = q.where('m.body_id', '=', f.bodyId);
  else if (f.orgId) q = q.where('m.org_id', '=', f.orgId);
  else q = q.where('m.org_id', '=', sql<string>`any(${f.orgIds ?? []}::uuid[])`);
  if (f.from) q = q.where('m.meeting_date', '>=', f.from);
  if (f.to) q = q.where('m.meeting_date', '<=', f.to);
  if (f.search !== undefined) q = q.where('m.search_text', 'like', sql<string>`'%' || ${f.search} || '%'`);
  return q
    .orderBy('m.meeting_date')
    .orderBy('m.starts_at', (o) => o.asc().nullsFirst())
    .orderBy('m.id')
    .limit(2000)
    .execute();
}

/** The body's next regular meeting not yet held, from a date on. */
export async function nextRegularMeetingId(s: Sql, bodyId: string, from: string) {
  const r = await qb(s)
    .selectFrom('meeting')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('kind', '=', 'regular')
    .where('state', 'in', ['planned', 'convened', 'documents_sent', 'in_session'])
    .where('meeting_date', '>=', from)
    .orderBy('meeting_date')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return r?.id;
}

export const insertMeetingReschedule = (tx: Sql, row: Insertable<MeetingRescheduleTable>) =>
  insertRow(tx, 'meeting_reschedule', row);

const RESCHEDULE_COLUMNS = [
  'id',
  'state',
  'from_date',
  'to_date',
  'from_starts_at',
  'to_starts_at',
  'from_location',
  'to_location',
  'reason',
  'notice',
  'by_name',
  'created_at',
] as const;

/** The history of a meeting's dates, oldest first. */
export const listMeetingReschedules = (s: Sql, meetingId: string) =>
  rowsUnder(s, 'meeting_reschedule', { meeting_id: meetingId }, RESCHEDULE_COLUMNS, ['created_at', 'id']);

export interface AttendanceRow {
  id: string;
  person_id: string | null;
  full_name: string;
  title: string | null;
  role: string;
  status: string;
  reason: string | null;
  site_id: string | null;
  version: number;
}

/** Members first, then guests, each by name in Vietnamese order (sorted here: collation in WebAssembly is slow). */
export async function attendanceOf(s: Sql, meetingId: string): Promise<AttendanceRow[]> {
  const rows = await jsonList(
    s,
    qb(s)
      .selectFrom('meeting_attendance as a')
      .leftJoin('person as p', 'p.id', 'a.person_id')
      .select((eb) => [
        'a.id',
        'a.person_id',
        eb.fn.coalesce('p.full_name', 'a.guest_name').$notNull().as('full_name'),
        'a.guest_title as title',
        'a.role',
        'a.status',
        'a.reason',
        'a.site_id',
        'a.version',
      ])
      .where('a.meeting_id', '=', meetingId),
  );
  return rows.sort((a, b) =>
    a.role === b.role ? compareVietnamese(a.full_name, b.full_name) : a.role === 'member' ? -1 : 1,
  );
}

/** Incumbent members of a body on a date: the denominator of votes (R1) and those summoned. */
export async function bodyMembersOn(s: Sql, bodyId: string, on: string) {
  // A cell's assembly (hội nghị đảng viên) is its party members, not seats.
  const body = await qb(s).selectFrom('body').select(['kind', 'org_id']).where('id', '=', bodyId).executeTakeFirst();
  if (body?.kind === 'CHI_BO') return cellSummonedOn(s, body.org_id, on);
  const rows = await qb(s)
    .selectFrom('membership')
    .select('person_id')
    .distinct()
    .where('body_id', '=', bodyId)
    .where(validOn('membership', dateParam(on)))
    .execute();
  return rows.map((r) => r.person_id);
}

/** The version of an organization's regulation in force on a date, without its text (callers cache the parse). */
export async function regulationVersionInForce(s: Sql, orgId: string, on: string) {
  return versionsInForceBy(s, on)
    .select(['v.id', 'v.regulation_id', 'v.expression', 'v.sha256'])
    .where('r.org_id', '=', orgId)
    .where('r.applies_to', '=', 'own')
    .orderBy('v.in_force_from', 'desc')
    .orderBy('v.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function regulationSourceText(s: Sql, versionId: string) {
  const r = await qb(s)
    .selectFrom('regulation_version')
    .select('source_text')
    .where('id', '=', versionId)
    .executeTakeFirst();
  return r?.source_text;
}

/** Live counts of a meeting: members by status, guests, and per connection point. */
export async function attendanceCounts(s: Sql, meetingId: string) {
  return qb(s)
    .selectFrom('meeting_attendance')
    .select((eb) => ['site_id', 'role', 'status', eb.fn.countAll<number>().as('n')])
    .where('meeting_id', '=', meetingId)
    .groupBy(['site_id', 'role', 'status'])
    .execute();
}

/** The connection points of a meeting in their order (a national conference has hundreds). */
export async function sitesOf(s: Sql, meetingId: string) {
  const rows = await jsonList(
    s,
    qb(s)
      .selectFrom('meeting_site as s')
      .leftJoin('person as p', 'p.id', 's.lead_person_id')
      .select(['s.id', 's.name', 's.host_org_id', 's.lead_person_id', 'p.full_name as lead_name', 's.position'])
      .where('s.meeting_id', '=', meetingId),
  );
  return rows.sort((a, b) => a.position - b.position || compareVietnamese(a.name, b.name));
}

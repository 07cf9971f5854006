import { type NotNull, sql } from 'kysely';
import type { JsonValue } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { MEETING_HEADING_COLUMNS, meetingsWithBody } from './meeting.base.js';
import { dateParam, validDuring, validOn } from './query.helpers.js';

/** Read models of the calendars and the reports on a year's meetings (regime, deviations, conference quotas). */

export interface CalendarMeetingFilter {
  bodyId?: string;
  orgId?: string;
  from: string;
  to: string;
  /** Leave cancelled meetings out (a quota counts the plan, not what was called off). */
  withoutCancelled?: boolean;
  clearance: number;
}

/** A body's or an organization's meetings between two dates, with their body, in date order. */
export async function calendarMeetings(s: Sql, f: CalendarMeetingFilter) {
  let q = meetingsWithBody(s).select([
    ...MEETING_HEADING_COLUMNS,
    'm.documents_sent_on',
    'm.format',
    'm.province_wide',
  ]);
  if (f.bodyId !== undefined) q = q.where('m.body_id', '=', f.bodyId);
  if (f.orgId !== undefined) q = q.where('m.org_id', '=', f.orgId);
  q = q.where('m.meeting_date', '>=', f.from).where('m.meeting_date', '<=', f.to);
  if (f.withoutCancelled) q = q.where('m.state', '<>', 'cancelled');
  return q.where('m.confidentiality', '<=', f.clearance).orderBy('m.meeting_date').orderBy('m.id').execute();
}

/** An organization's bodies of the given kinds in being at some time between two dates, by name. */
export async function regimeBodiesOf(
  s: Sql,
  orgId: string,
  kinds: string[],
  range: { from: string; to: string },
  clearance: number,
) {
  return qb(s)
    .selectFrom('body')
    .select(['id', 'kind', 'name'])
    .where('org_id', '=', orgId)
    .where('kind', '=', sql<string>`any(${kinds}::text[])`)
    .where(validDuring('body', dateParam(range.from), dateParam(range.to)))
    .where('confidentiality', '<=', clearance)
    .orderBy('name')
    .execute();
}

/** The conclusion notices of some meetings: when each was issued. */
export async function conclusionsOfMeetings(s: Sql, meetingIds: string[]) {
  return qb(s)
    .selectFrom('conclusion')
    .select(['meeting_id', 'issued_on', 'symbol'])
    .where('meeting_id', '=', sql<string>`any(${meetingIds}::uuid[])`)
    .execute();
}

/** The agenda items of some meetings that name a matter (what competence is judged on), in meeting order. */
export async function agendaMattersOfMeetings(s: Sql, meetingIds: string[], clearance: number) {
  return qb(s)
    .selectFrom('agenda_item')
    .select(['meeting_id', 'title', 'matter', sql<Record<string, JsonValue>>`attributes`.as('attributes')])
    .where('meeting_id', '=', sql<string>`any(${meetingIds}::uuid[])`)
    .where('matter', 'is not', null)
    .where('confidentiality', '<=', clearance)
    .orderBy('meeting_id')
    .orderBy('position')
    .$narrowType<{ matter: NotNull }>()
    .execute();
}

/** The conferences an organization recorded for a year before its meetings were kept here. */
export async function conferenceBaselineOf(s: Sql, orgId: string, year: number) {
  return qb(s)
    .selectFrom('conference_baseline')
    .select(['total', 'note'])
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Meetings as a calendar feed lists them. */
const feedMeetings = (s: Sql) =>
  qb(s)
    .selectFrom('meeting as m')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select([
      'm.id',
      'm.title',
      'm.meeting_date',
      'm.starts_at',
      'm.location',
      'm.kind',
      'm.state',
      'm.format',
      'b.name as body_name',
    ]);

export async function bodyFeedMeetings(s: Sql, bodyId: string, clearance: number) {
  return feedMeetings(s)
    .where('m.body_id', '=', bodyId)
    .where('m.confidentiality', '<=', clearance)
    .orderBy('m.meeting_date')
    .execute();
}

/** A person's meetings: those he is summoned to, and those of the bodies he sits on at the meeting date. */
export async function personFeedMeetings(s: Sql, personId: string, clearance: number, orgIds: string[]) {
  return feedMeetings(s)
    .where('m.confidentiality', '<=', clearance)
    .where('m.org_id', '=', sql<string>`any(${orgIds}::uuid[])`)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('meeting_attendance as a')
            .select(sql`1`.as('one'))
            .whereRef('a.meeting_id', '=', 'm.id')
            .where('a.person_id', '=', personId),
        ),
        eb.exists(
          eb
            .selectFrom('membership as s')
            .select(sql`1`.as('one'))
            .whereRef('s.body_id', '=', 'm.body_id')
            .where('s.person_id', '=', personId)
            .where(validOn('s', sql.ref('m.meeting_date'))),
        ),
      ]),
    )
    .orderBy('m.meeting_date')
    .execute();
}

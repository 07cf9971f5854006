import { compareVietnamese } from '@quyche/core';
import type { Sql } from './db.types.js';
import { jsonRows } from './json-rows.js';

export interface MeetingRow {
  id: string;
  org_id: string;
  body_id: string;
  kind: string;
  state: string;
  title: string;
  meeting_date: string;
  starts_at: string | null;
  location: string | null;
  format: string;
  province_wide: boolean;
  consultation_deadline: string | null;
  convened_by: string | null;
  convening_ref: string | null;
  documents_sent_on: string | null;
  opened_on: string | null;
  closed_on: string | null;
  minutes_text: string | null;
  minutes_approved_on: string | null;
  cancel_reason: string | null;
  chair_person_id: string | null;
  secretary_name: string | null;
  confidentiality: number;
  version: number;
}

export async function getMeeting(sql: Sql, id: string) {
  return (await sql.query<MeetingRow>('select * from meeting where id = $1', [id])).rows[0];
}

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
export async function attendanceOf(sql: Sql, meetingId: string) {
  const rows = await jsonRows<AttendanceRow>(
    sql,
    `select a.id, a.person_id, coalesce(p.full_name, a.guest_name) as full_name, a.guest_title as title, a.role, a.status, a.reason, a.site_id, a.version
       from meeting_attendance a left join person p on p.id = a.person_id
      where a.meeting_id = $1`,
    [meetingId],
  );
  return rows.sort((a, b) =>
    a.role === b.role ? compareVietnamese(a.full_name, b.full_name) : a.role === 'member' ? -1 : 1,
  );
}

/** Incumbent members of a body on a date: the denominator of votes (R1) and those summoned. */
export async function bodyMembersOn(sql: Sql, bodyId: string, on: string) {
  return (
    await sql.query<{ person_id: string }>(
      `select distinct person_id from membership where body_id = $1 and valid_from <= $2::date and (valid_until is null or valid_until >= $2::date)`,
      [bodyId, on],
    )
  ).rows.map((r) => r.person_id);
}

/** The regulation version in force on a date for an organization (the one its meetings are held under). */
/** The version of an organization's regulation in force on a date, without its text (callers cache the parse). */
export async function regulationVersionInForce(sql: Sql, orgId: string, on: string) {
  return (
    await sql.query<{ id: string; regulation_id: string; expression: string; sha256: string }>(
      `select v.id, v.regulation_id, v.expression, v.sha256 from regulation_version v join regulation r on r.id = v.regulation_id
        where r.org_id = $1 and v.status in ('adopted', 'consolidated') and v.in_force_from <= $2::date
        order by v.in_force_from desc, v.created_at desc limit 1`,
      [orgId, on],
    )
  ).rows[0];
}

export async function regulationSourceText(sql: Sql, versionId: string) {
  return (
    await sql.query<{ source_text: string }>('select source_text from regulation_version where id = $1', [versionId])
  ).rows[0]?.source_text;
}

/** Live counts of a meeting: members by status, guests, and per connection point. */
export async function attendanceCounts(sql: Sql, meetingId: string) {
  const rows = (
    await sql.query<{ site_id: string | null; role: string; status: string; n: number }>(
      'select site_id, role, status, count(*)::int as n from meeting_attendance where meeting_id = $1 group by site_id, role, status',
      [meetingId],
    )
  ).rows;
  return rows;
}

/** The connection points of a meeting in their order (a national conference has hundreds). */
export async function sitesOf(sql: Sql, meetingId: string) {
  const rows = await jsonRows<{
    id: string;
    name: string;
    host_org_id: string | null;
    lead_person_id: string | null;
    lead_name: string | null;
    position: number;
  }>(
    sql,
    'select s.id, s.name, s.host_org_id, s.lead_person_id, p.full_name as lead_name, s.position from meeting_site s left join person p on p.id = s.lead_person_id where s.meeting_id = $1',
    [meetingId],
  );
  return rows.sort((a, b) => a.position - b.position || compareVietnamese(a.name, b.name));
}

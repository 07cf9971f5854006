import type { Sql } from './db.types.js';

export interface MeetingRow {
  id: string;
  org_id: string;
  body_id: string;
  kind: string;
  state: string;
  title: string;
  meeting_date: string;
  convened_by: string | null;
  convening_ref: string | null;
  documents_sent_on: string | null;
  confidentiality: number;
  version: number;
}

export async function getMeeting(sql: Sql, id: string) {
  return (await sql.query<MeetingRow>('select * from meeting where id = $1', [id])).rows[0];
}

export async function attendanceOf(sql: Sql, meetingId: string) {
  return (
    await sql.query<{ id: string; person_id: string; full_name: string; role: string; status: string; reason: string | null; site_id: string | null; version: number }>(
      `select a.id, a.person_id, p.full_name, a.role, a.status, a.reason, a.site_id, a.version from meeting_attendance a join person p on p.id = a.person_id
        where a.meeting_id = $1 order by p.full_name`,
      [meetingId],
    )
  ).rows;
}

/** The regulation version in force on a date for an organization (the one its meetings are held under). */
export async function regulationTextInForce(sql: Sql, orgId: string, on: string) {
  return (
    await sql.query<{ id: string; regulation_id: string; expression: string; source_text: string }>(
      `select v.id, v.regulation_id, v.expression, v.source_text from regulation_version v join regulation r on r.id = v.regulation_id
        where r.org_id = $1 and v.status in ('adopted', 'consolidated') and v.in_force_from <= $2::date
        order by v.in_force_from desc, v.created_at desc limit 1`,
      [orgId, on],
    )
  ).rows[0];
}

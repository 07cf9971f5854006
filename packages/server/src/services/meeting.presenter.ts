import type { MeetingRow } from '@quyche/db';

type When = Pick<MeetingRow, 'title' | 'meeting_date' | 'starts_at' | 'location' | 'format' | 'province_wide'>;

/** What a meeting is and when and where it sits, as every answer about a meeting names it. */
export const meetingWhen = (m: When) => ({
  title: m.title,
  meetingDate: m.meeting_date,
  startsAt: m.starts_at,
  location: m.location,
  format: m.format,
  provinceWide: m.province_wide,
});

/** One line of attendance as the meeting page and a connection point's page show it (the row's own types kept). */
export const attendanceLine = <
  A extends Record<'id' | 'full_name' | 'title' | 'role' | 'status' | 'reason' | 'site_id', unknown>,
>(
  a: A,
): {
  id: A['id'];
  fullName: A['full_name'];
  title: A['title'];
  role: A['role'];
  status: A['status'];
  reason: A['reason'];
  siteId: A['site_id'];
} => ({
  id: a.id,
  fullName: a.full_name,
  title: a.title,
  role: a.role,
  status: a.status,
  reason: a.reason,
  siteId: a.site_id,
});

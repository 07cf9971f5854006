import type { Sql } from '@quyche/db';
import type { Check } from './meeting.view.js';

/** The history of a meeting's dates, oldest first, as its page shows it. */
export async function reschedulesOf(sql: Sql, meetingId: string) {
  const rows = (
    await sql.query<{
      id: string;
      state: string;
      from_date: string;
      to_date: string;
      from_starts_at: string | null;
      to_starts_at: string | null;
      from_location: string | null;
      to_location: string | null;
      reason: string | null;
      notice: Check | string | null;
      by_name: string | null;
      created_at: Date | string;
    }>('select * from meeting_reschedule where meeting_id = $1 order by created_at, id', [meetingId])
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    fromDate: r.from_date,
    toDate: r.to_date,
    fromStartsAt: r.from_starts_at,
    toStartsAt: r.to_starts_at,
    fromLocation: r.from_location,
    toLocation: r.to_location,
    reason: r.reason,
    state: r.state,
    notice: typeof r.notice === 'string' ? (JSON.parse(r.notice) as Check) : r.notice,
    byName: r.by_name,
    at: new Date(r.created_at).toISOString(),
  }));
}

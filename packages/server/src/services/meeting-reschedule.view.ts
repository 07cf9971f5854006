import { insertMeetingReschedule, listMeetingReschedules, uuidv7 } from '@quyche/db';
import type { MeetingRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import type { Check } from './regulation-in-force.js';

/** The history of a meeting's dates, oldest first, as its page shows it. */
export async function reschedulesOf(sql: Sql, meetingId: string) {
  const rows = await listMeetingReschedules(sql, meetingId);
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
    // jsonb: the check as recorded (parsed by the driver; text from a driver that leaves it so).
    notice: (typeof r.notice === 'string' ? JSON.parse(r.notice) : r.notice) as Check | null,
    byName: r.by_name,
    at: new Date(r.created_at).toISOString(),
  }));
}

/** One row of the meeting's date history (rescheduling, or the planned date corrected before convening: no reason). */
export async function recordDateChange(
  tx: Sql,
  ctx: RequestContext,
  m: MeetingRow,
  to: { date: string; startsAt: string | null; location: string | null },
  reason: string | null,
  notice: Check | null,
) {
  await insertMeetingReschedule(tx, {
    id: uuidv7(),
    org_id: m.org_id,
    meeting_id: m.id,
    state: m.state,
    from_date: m.meeting_date,
    to_date: to.date,
    from_starts_at: m.starts_at,
    to_starts_at: to.startsAt,
    from_location: m.location,
    to_location: to.location,
    reason,
    notice: notice ? JSON.stringify(notice) : null,
    by_name: ctx.user.displayName || ctx.user.username,
  });
}

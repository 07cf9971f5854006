import { uuidv7 } from '@quyche/db';
import type { MeetingRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import type { Check } from './regulation-in-force.js';

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

/** One row of the meeting's date history (rescheduling, or the planned date corrected before convening: no reason). */
export async function recordDateChange(
  tx: Sql,
  ctx: RequestContext,
  m: MeetingRow,
  to: { date: string; startsAt: string | null; location: string | null },
  reason: string | null,
  notice: Check | null,
) {
  await tx.query(
    `insert into meeting_reschedule (id, org_id, meeting_id, state, from_date, to_date, from_starts_at, to_starts_at, from_location, to_location, reason, notice, by_name)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [
      uuidv7(),
      m.org_id,
      m.id,
      m.state,
      m.meeting_date,
      to.date,
      m.starts_at,
      to.startsAt,
      m.location,
      to.location,
      reason,
      notice ? JSON.stringify(notice) : null,
      ctx.user.displayName || ctx.user.username,
    ],
  );
}

import { insertMeetingAttendance } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { addToMeeting } from './meeting.add.js';
import { assertMeetingNotOver } from './meeting.load.js';

/** Guests are added only until the meeting is over. */
export const assertGuestsOpen = (state: string) =>
  assertMeetingNotOver(state, 'Hội nghị đã kết thúc: không thêm khách mời');

/**
 * Records an invited non-member as present (at a connection point when `siteId` is given), with the audit entry
 * `after` and the meeting's notification, in one transaction.
 */
export async function insertGuest(
  ctx: RequestContext,
  meeting: { org_id: string },
  meetingId: string,
  guest: { name: string; title: string | null; siteId: string | null },
  after: unknown,
) {
  const attendance = (tx: Sql, id: string) =>
    insertMeetingAttendance(tx, {
      id,
      org_id: meeting.org_id,
      meeting_id: meetingId,
      person_id: null,
      guest_name: guest.name,
      guest_title: guest.title,
      site_id: guest.siteId,
      role: 'guest',
      status: 'present',
    });
  await addToMeeting(ctx, { id: meetingId, org_id: meeting.org_id }, 'meeting_attendance', attendance, after);
}

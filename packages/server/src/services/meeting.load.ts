import { ProblemError, invalidField, ruleViolation } from '@quyche/core';
import { agendaItemOfMeeting, getBody, getMeeting } from '@quyche/db';
import type { MeetingRow, MeetingTable, Sql, Updateable } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { updateVersioned } from './sql-update.js';
import { accessible } from './record.access.js';

/** A meeting the user may read (or write), and a body, or the "not found" answer. */
export async function loadMeeting(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  return accessible(ctx, await getMeeting(ctx.db, id), action, 'Không tìm thấy hội nghị');
}

/**
 * A meeting of the organization `orgId` that the user may read, chosen in a request's `field` (to adopt at, to
 * submit to, to be due at); anything else is refused at that field with `detail`.
 */
export async function meetingOfOrg(
  ctx: RequestContext,
  meetingId: string,
  orgId: string,
  field = 'body.meetingId',
  detail = 'Không tìm thấy hội nghị này trong tổ chức',
) {
  const m = await getMeeting(ctx.db, meetingId);
  if (!m || m.org_id !== orgId || !(await ctx.can(m.org_id, 'read', m.confidentiality)))
    throw invalidField(field, detail);
  return m;
}

/** A meeting closed, with its minutes approved, or cancelled is over: nothing more is added to it. */
export const meetingOver = (state: string) => ['closed', 'minutes_approved', 'cancelled'].includes(state);

/** Refuses what cannot be done once a meeting is over (TRANG_THAI_HOI_NGHI), saying what in `detail`. */
export function assertMeetingNotOver(state: string, detail: string, field = 'body') {
  if (meetingOver(state)) throw ruleViolation('TRANG_THAI_HOI_NGHI', detail, field);
}

/** An item of the meeting's agenda the user is cleared for, or the "not found" answer. */
export async function loadAgendaItem(ctx: RequestContext, m: MeetingRow, itemId: string) {
  const item = await agendaItemOfMeeting(ctx.db, itemId, m.id);
  if (!item) throw new ProblemError('NOT_FOUND', { detail: 'Không có nội dung này trong chương trình hội nghị' });
  ctx.assertClearance(item.confidentiality);
  return item;
}

export async function loadBody(sql: Sql, bodyId: string) {
  const b = await getBody(sql, bodyId);
  if (!b) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy cơ quan' });
  return b;
}

/** The columns a use case writes on a meeting. */
export type MeetingFields = Omit<Updateable<MeetingTable>, 'id' | 'version'>;

/** A meeting changed at the version the client read (404 when gone, 409 when changed since). */
export async function updateMeetingVersioned(tx: Sql, id: string, version: number, fields: MeetingFields) {
  await updateVersioned(tx, 'meeting', id, version, fields);
}

import {
  fieldLabelVi,
  formatDateVi,
  POSITION_ROLE_LABELS,
  SIGNING_POSITIONS,
  UpdateMeetingSchema,
  invalidField,
} from '@quyche/core';
import type { PositionRole } from '@quyche/core';
import { bodyMembersOn, getPerson, meetingChairSeat } from '@quyche/db';
import type { MeetingRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { loadBody } from './meeting.load.js';

/**
 * The chair of a meeting: a member of the body on the meeting date. His seat in the body gives the office named in the
 * minutes ("đồng chí …, Bí thư Tỉnh ủy") and the position line of the conclusion's signing block ("BÍ THƯ").
 */
export async function chairView(sql: Sql, m: MeetingRow) {
  if (!m.chair_person_id) return null;
  const row = await meetingChairSeat(sql, m.chair_person_id, m.body_id, m.meeting_date);
  const roleLabel =
    row?.role && row.role !== 'UY_VIEN' ? (POSITION_ROLE_LABELS[row.role as PositionRole]?.vi ?? null) : null;
  return {
    personId: m.chair_person_id,
    fullName: row?.full_name ?? '',
    title: row?.title ?? roleLabel,
    signingPosition: (row?.role && SIGNING_POSITIONS[row.role]) || null,
  };
}

/** Refuses a chair who is not a member of the body on the date, naming the field as the form labels it. */
export async function assertChair(ctx: RequestContext, m: MeetingRow, personId: string, on: string) {
  if ((await bodyMembersOn(ctx.db, m.body_id, on)).includes(personId)) return;
  const body = await loadBody(ctx.db, m.body_id);
  const p = await getPerson(ctx.db, personId);
  const name =
    p && (await ctx.can(p.org_id, 'read', p.confidentiality)) ? `đồng chí ${p.full_name}` : 'người được chọn';
  const label = fieldLabelVi(['chairPersonId'], UpdateMeetingSchema, 'body');
  throw invalidField(
    'body.chairPersonId',
    `${label}: ${name} không phải ủy viên ${body.name} vào ngày họp ${formatDateVi(on)}. ` +
      'Hãy chọn người chủ trì trong danh sách ủy viên của cơ quan.',
  );
}

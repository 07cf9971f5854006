import { formatDateVi, ProblemError, invalidField, ruleViolation } from '@quyche/core';
import type { AttendanceUpdateSchema, CreateGuestSchema, CreateSiteSchema, WrittenResponseSchema } from '@quyche/core';
import {
  agendaItemIdsOfMeeting,
  getPerson,
  insertMeetingSite,
  markMeetingAttendancePresent,
  markSummonedMembersPresent,
  meetingAttendanceById,
  meetingAttendanceOfMember,
  meetingSiteById,
  nextMeetingSitePosition,
  setMeetingAttendance,
  upsertWrittenResponse,
  uuidv7,
} from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { getMeetingDetail, notifyMeeting } from './meeting.service.js';
import { assertMeetingNotOver, loadMeeting } from './meeting.load.js';
import { assertGuestsOpen, insertGuest } from './attendance.guest.js';
import { addToMeeting } from './meeting.add.js';

function assertOpenForAttendance(state: string) {
  if (state === 'planned')
    throw ruleViolation('CHUA_TRIEU_TAP', 'Hội nghị chưa triệu tập: chưa có danh sách điểm danh');
  assertMeetingNotOver(state, 'Hội nghị đã kết thúc: không sửa điểm danh');
}

async function assertSite(ctx: RequestContext, meetingId: string, siteId: string | null | undefined) {
  if (!siteId) return;
  if (!(await meetingSiteById(ctx.db, siteId, meetingId)))
    throw invalidField('body.siteId', 'Điểm cầu không thuộc hội nghị này');
}

/** Present, absent with reason, excused; at a connection point for online conferences. */
export async function updateAttendance(
  ctx: RequestContext,
  meetingId: string,
  attendanceId: string,
  input: In<typeof AttendanceUpdateSchema>,
) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  const row = await meetingAttendanceById(ctx.db, attendanceId, meetingId);
  if (!row) throw new ProblemError('NOT_FOUND', { detail: 'Không có người này trong danh sách triệu tập' });
  assertOpenForAttendance(m.state);
  if (input.status === 'absent_excused' && !input.reason)
    throw invalidField('body.reason', 'Vắng có lý do cần ghi lý do vắng');
  await assertSite(ctx, meetingId, input.siteId);
  const siteId = input.siteId === undefined ? row.site_id : input.siteId;
  await ctx.db.transaction(async (tx) => {
    await setMeetingAttendance(tx, attendanceId, {
      status: input.status,
      reason: input.status === 'present' ? null : (input.reason ?? null),
      siteId,
    });
    await ctx.auditChange(tx, 'update', ['meeting_attendance', attendanceId, m.org_id], {
      before: { status: row.status, reason: row.reason, siteId: row.site_id },
      after: { ...input, siteId },
    });
    await notifyMeeting(tx, meetingId);
  });
  return getMeetingDetail(ctx, meetingId);
}

/**
 * "Tất cả có mặt": every member not yet marked is present; those already marked absent, excused or present keep
 * their status (the exceptions are marked first, or after). One audit entry lists who was marked.
 */
export async function markAllPresent(ctx: RequestContext, meetingId: string) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  assertOpenForAttendance(m.state);
  await ctx.db.transaction(async (tx) => {
    const marked = await markSummonedMembersPresent(tx, meetingId);
    await ctx.auditChange(tx, 'mark_all_present', ['meeting', meetingId, m.org_id], {
      after: { present: marked.map((r) => r.id) },
    });
    await notifyMeeting(tx, meetingId);
  });
  return getMeetingDetail(ctx, meetingId);
}

/** Invited non-members (an expanded conference): listed and counted apart, never in the quorum. */
export async function addGuest(ctx: RequestContext, meetingId: string, input: In<typeof CreateGuestSchema>) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  assertGuestsOpen(m.state);
  await assertSite(ctx, meetingId, input.siteId);
  const guest = { name: input.name, title: input.title ?? null, siteId: input.siteId ?? null };
  await insertGuest(ctx, m, meetingId, guest, { guest: input });
  return getMeetingDetail(ctx, meetingId);
}

/** A connection point (điểm cầu) of an online conference, with its lead. */
export async function addSite(ctx: RequestContext, meetingId: string, input: In<typeof CreateSiteSchema>) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  assertMeetingNotOver(m.state, 'Hội nghị đã kết thúc: không thêm điểm cầu');
  if (m.format === 'in_person')
    throw ruleViolation(
      'KHONG_PHAI_TRUC_TUYEN',
      'Hội nghị trực tiếp không có điểm cầu: đổi hình thức sang trực tuyến trước',
    );
  if (input.hostOrgId) await ctx.assertOrg(input.hostOrgId, 'read');
  if (input.leadPersonId) {
    const p = await getPerson(ctx.db, input.leadPersonId);
    if (!p) throw invalidField('body.leadPersonId', 'Không tìm thấy người chủ trì điểm cầu');
    await ctx.assertOrg(p.org_id, 'read', p.confidentiality).catch(() => {
      throw invalidField('body.leadPersonId', 'Không tìm thấy người chủ trì điểm cầu');
    });
  }
  const site = async (tx: Sql, id: string) =>
    insertMeetingSite(tx, {
      id,
      org_id: m.org_id,
      meeting_id: meetingId,
      name: input.name,
      host_org_id: input.hostOrgId ?? null,
      lead_person_id: input.leadPersonId ?? null,
      position: await nextMeetingSitePosition(tx, meetingId),
    });
  await addToMeeting(ctx, m, 'meeting_site', site, input);
  return getMeetingDetail(ctx, meetingId);
}

/**
 * A member's reply to a written consultation (Điều 15): one choice per item, received by the deadline. The reply
 * makes the member count as answering (the consultation's quorum); replies after the deadline are refused.
 */
export async function recordWrittenResponse(
  ctx: RequestContext,
  meetingId: string,
  input: In<typeof WrittenResponseSchema>,
) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  if (m.kind !== 'written_consultation')
    throw ruleViolation('KHONG_PHAI_LAY_Y_KIEN', 'Chỉ lấy ý kiến bằng văn bản mới nhận phiếu trả lời');
  if (m.state !== 'in_session') throw ruleViolation('TRANG_THAI_HOI_NGHI', 'Phiếu chỉ được nhận khi đang lấy ý kiến');
  if (input.receivedOn < m.meeting_date) {
    throw invalidField(
      'body.receivedOn',
      `Phiếu nhận ngày ${formatDateVi(input.receivedOn)}, ` +
        `trước ngày gửi phiếu lấy ý kiến ${formatDateVi(m.meeting_date)}`,
    );
  }
  if (m.consultation_deadline && input.receivedOn > m.consultation_deadline) {
    throw ruleViolation(
      'QUA_HAN_TRA_LOI',
      `Phiếu nhận ngày ${formatDateVi(input.receivedOn)}, ` +
        `sau hạn trả lời ${formatDateVi(m.consultation_deadline)}`,
      'body.receivedOn',
    );
  }
  const att = await meetingAttendanceOfMember(ctx.db, meetingId, input.personId);
  if (!att) throw invalidField('body.personId', 'Người này không thuộc danh sách được lấy ý kiến');
  const items = new Set(await agendaItemIdsOfMeeting(ctx.db, meetingId));
  input.answers.forEach((a, i) => {
    if (!items.has(a.itemId))
      throw invalidField(`body.answers.${i}.itemId`, 'Nội dung không thuộc phiếu lấy ý kiến này');
  });
  await ctx.db.transaction(async (tx) => {
    for (const a of input.answers) {
      await upsertWrittenResponse(tx, {
        id: uuidv7(),
        org_id: m.org_id,
        meeting_id: meetingId,
        agenda_item_id: a.itemId,
        person_id: input.personId,
        choice: a.choice,
        comment: a.comment ?? null,
        received_on: input.receivedOn,
      });
    }
    await markMeetingAttendancePresent(tx, att.id);
    await ctx.auditChange(tx, 'written_response', ['meeting_attendance', att.id, m.org_id], { after: input });
    await notifyMeeting(tx, meetingId);
  });
  return getMeetingDetail(ctx, meetingId);
}

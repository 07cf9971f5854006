import { ProblemError, invalidField, ruleViolation } from '@quyche/core';
import type { SiteAttendanceSchema, SiteGuestSchema } from '@quyche/core';
import { attendanceOf, getMeeting, meetingAttendanceById, meetingSiteById, setMeetingAttendance } from '@quyche/db';
import type { MeetingRow } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { notifyMeeting } from './meeting.service.js';
import { liveSummary } from './meeting.view.js';
import { regulationFor } from './regulation-in-force.js';
import { loadBody, meetingOver } from './meeting.load.js';
import { assertGuestsOpen, insertGuest } from './attendance.guest.js';
import { attendanceLine } from './meeting.presenter.js';

/**
 * A connection point (điểm cầu) seen from where it is: the staff of the organization hosting the point — a commune
 * clerk for a province-wide online conference — see the conference's live figures and record who attends at their
 * point, without access to the rest of the meeting (its agenda, documents, votes). Those who may read the meeting
 * itself may use the site view too.
 */
export async function loadSite(
  ctx: RequestContext,
  meetingId: string,
  siteId: string,
  action: 'read' | 'write' = 'read',
) {
  const m = await getMeeting(ctx.db, meetingId);
  if (!m) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy hội nghị' });
  const forbidden = () =>
    new ProblemError('FORBIDDEN', { detail: 'Tài khoản không thuộc tổ chức của hội nghị hay của điểm cầu này' });
  const ofMeeting = await ctx.can(m.org_id, action, m.confidentiality);
  const site = await meetingSiteById(ctx.db, siteId, meetingId);
  // Out of scope, a missing point is refused like any other: nothing is revealed.
  if (!ofMeeting && (!site?.host_org_id || !(await ctx.can(site.host_org_id, action)))) throw forbidden();
  ctx.assertClearance(m.confidentiality);
  if (!site) throw new ProblemError('NOT_FOUND', { detail: 'Không có điểm cầu này trong hội nghị' });
  return { m, site };
}

export async function siteView(ctx: RequestContext, meetingId: string, siteId: string) {
  const { m, site } = await loadSite(ctx, meetingId, siteId);
  return siteViewOf(ctx, m, site);
}

async function siteViewOf(
  ctx: RequestContext,
  m: MeetingRow,
  site: { id: string; name: string; host_org_id: string | null; lead_name: string | null },
) {
  const body = await loadBody(ctx.db, m.body_id);
  const live = await liveSummary(ctx.db, m, body.kind, (await regulationFor(ctx.db, m.org_id, m.meeting_date))?.reg);
  const rows = await attendanceOf(ctx.db, m.id);
  const write =
    (await ctx.can(m.org_id, 'write', m.confidentiality)) ||
    Boolean(site.host_org_id && (await ctx.can(site.host_org_id, 'write')));
  return {
    can: { write },
    meeting: {
      id: m.id,
      title: m.title,
      bodyName: body.name,
      meetingDate: m.meeting_date,
      startsAt: m.starts_at,
      state: m.state,
      format: m.format,
    },
    site: { id: site.id, name: site.name, hostOrgId: site.host_org_id, leadName: site.lead_name },
    live,
    // Members can attend from any point: all are listed, with where they are marked; guests only of this point.
    attendance: rows
      .filter((a) => a.role === 'member' || a.site_id === site.id)
      .map((a) => ({ ...attendanceLine(a), here: a.site_id === site.id })),
  };
}

/** Marks a member present (or absent) at this point. */
export async function markAtSite(
  ctx: RequestContext,
  meetingId: string,
  siteId: string,
  attendanceId: string,
  input: In<typeof SiteAttendanceSchema>,
) {
  const { m, site } = await loadSite(ctx, meetingId, siteId, 'write');
  const row = await meetingAttendanceById(ctx.db, attendanceId, meetingId);
  if (!row) throw new ProblemError('NOT_FOUND', { detail: 'Không có người này trong danh sách triệu tập' });
  if (m.state === 'planned' || meetingOver(m.state))
    throw ruleViolation('TRANG_THAI_HOI_NGHI', 'Chỉ điểm danh khi hội nghị đã triệu tập và chưa kết thúc');
  // A point records its own: someone marked at another point is that point's to change.
  if (row.site_id && row.site_id !== site.id)
    throw ruleViolation(
      'DA_DIEM_DANH_O_DIEM_CAU_KHAC',
      'Người này đã được điểm danh ở một điểm cầu khác',
      'params.attendanceId',
    );
  if (input.status === 'absent_excused' && !input.reason)
    throw invalidField('body.reason', 'Vắng có lý do cần ghi lý do vắng');
  const siteId2 = input.status === 'present' ? site.id : null;
  await ctx.db.transaction(async (tx) => {
    await setMeetingAttendance(tx, attendanceId, {
      status: input.status,
      reason: input.status === 'present' ? null : (input.reason ?? null),
      siteId: siteId2,
    });
    await ctx.auditChange(tx, 'update', ['meeting_attendance', attendanceId, m.org_id], {
      before: { status: row.status, siteId: row.site_id },
      after: { status: input.status, siteId: siteId2, at: site.name },
    });
    await notifyMeeting(tx, meetingId);
  });
  return siteView(ctx, meetingId, siteId);
}

export async function guestAtSite(
  ctx: RequestContext,
  meetingId: string,
  siteId: string,
  input: In<typeof SiteGuestSchema>,
) {
  const { m, site } = await loadSite(ctx, meetingId, siteId, 'write');
  assertGuestsOpen(m.state);
  const guest = { name: input.name, title: input.title ?? null, siteId: site.id };
  await insertGuest(ctx, m, meetingId, guest, { guest: input.name, at: site.name });
  return siteView(ctx, meetingId, siteId);
}

import {
  canMoveMeeting,
  conveningCheck,
  foldVietnamese,
  formatDateVi,
  ProblemError,
  invalidField,
  ruleViolation,
} from '@quyche/core';
import type { MeetingState } from '@quyche/core';
import type {
  CancelMeetingSchema,
  ConveneMeetingSchema,
  CreateMeetingSchema,
  MeetingStepSchema,
  MinutesSchema,
  SendDocumentsSchema,
  UpdateMeetingSchema,
} from '@quyche/core';
import {
  bodyMembersOn,
  insertMeeting,
  insertMeetingAttendanceIfAbsent,
  notifyMeetingChanged,
  uuidv7,
} from '@quyche/db';
import type { MeetingRow, Sql } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { meetingView } from './meeting.view.js';
import { regulationRequired, tryCheck } from './regulation-in-force.js';
import { loadBody, loadMeeting, updateMeetingVersioned } from './meeting.load.js';
import type { MeetingFields } from './meeting.load.js';
import { assertChair } from './meeting-chair.js';
import { recordDateChange } from './meeting-reschedule.view.js';
import { meetingWhen } from './meeting.presenter.js';
import { createAudited } from './record.create.js';

/** Every write to a meeting tells the live channel (delivered at commit, to every server on the database). */
export async function notifyMeeting(tx: Sql, meetingId: string) {
  await notifyMeetingChanged(tx, meetingId);
}

export async function getMeetingDetail(ctx: RequestContext, id: string) {
  return meetingView(ctx, await loadMeeting(ctx, id));
}

const searchText = (title: string, location?: string | null) => foldVietnamese(`${title} ${location ?? ''}`);

export async function createMeeting(ctx: RequestContext, input: In<typeof CreateMeetingSchema>) {
  const body = await loadBody(ctx.db, input.bodyId);
  await ctx.assertOrg(body.org_id, 'write', body.confidentiality);
  const confidentiality = Math.max(body.confidentiality, input.confidentiality ?? 0);
  ctx.assertClearance(confidentiality);
  if (input.kind === 'written_consultation' && !input.consultationDeadline) {
    throw invalidField('body.consultationDeadline', 'Lấy ý kiến bằng văn bản cần hạn trả lời');
  }
  if (input.consultationDeadline && input.consultationDeadline < input.meetingDate) {
    throw invalidField('body.consultationDeadline', 'Hạn trả lời không được trước ngày gửi phiếu lấy ý kiến');
  }
  const id = await createAudited(ctx, 'meeting', body.org_id, input, (tx, id) =>
    insertMeeting(tx, {
      id,
      org_id: body.org_id,
      body_id: body.id,
      kind: input.kind,
      state: 'planned',
      title: input.title,
      meeting_date: input.meetingDate,
      starts_at: input.startsAt ?? null,
      location: input.location ?? null,
      format: input.format ?? 'in_person',
      province_wide: input.provinceWide ?? false,
      consultation_deadline: input.consultationDeadline ?? null,
      confidentiality,
      search_text: searchText(input.title, input.location),
    }),
  );
  return getMeetingDetail(ctx, id);
}

export async function updateMeeting(ctx: RequestContext, id: string, input: In<typeof UpdateMeetingSchema>) {
  const m = await loadMeeting(ctx, id, 'write');
  const { version, ...c } = input;
  // After the closing the minutes are still being written: their chair and secretary may still be named.
  const onlyPeople = Object.entries(c).every(
    ([k, v]) => v === undefined || k === 'chairPersonId' || k === 'secretaryName',
  );
  if (['minutes_approved', 'cancelled'].includes(m.state) || (m.state === 'closed' && !onlyPeople)) {
    throw ruleViolation(
      'TRANG_THAI_HOI_NGHI',
      m.state === 'closed'
        ? 'Hội nghị đã bế mạc: chỉ còn ghi được người chủ trì, thư ký cho biên bản'
        : 'Hội nghị đã kết thúc hoặc đã hủy: không sửa thông tin',
    );
  }
  const moved = c.meetingDate !== undefined && c.meetingDate !== m.meeting_date;
  if (moved && m.state !== 'planned') {
    throw ruleViolation(
      'DOI_NGAY_SAU_TRIEU_TAP',
      'Hội nghị đã triệu tập: đổi ngày họp bằng "Dời ngày họp", ' +
        'ghi rõ lý do (thời hạn gửi tài liệu được kiểm tra lại theo ngày mới)',
      'body.meetingDate',
    );
  }
  if (c.chairPersonId) await assertChair(ctx, m, c.chairPersonId, c.meetingDate ?? m.meeting_date);
  await ctx.db.transaction(async (tx) => {
    const title = c.title ?? m.title;
    const location = c.location === undefined ? m.location : c.location;
    await updateMeetingVersioned(tx, id, version, {
      title: c.title,
      meeting_date: c.meetingDate,
      starts_at: c.startsAt,
      location: c.location,
      format: c.format,
      province_wide: c.provinceWide,
      consultation_deadline: c.consultationDeadline,
      chair_person_id: c.chairPersonId,
      secretary_name: c.secretaryName,
      search_text: searchText(title, location),
    });
    // The planned date corrected before convening: kept in the date history too, without a reason (nothing went out).
    if (moved)
      await recordDateChange(
        tx,
        ctx,
        m,
        { date: c.meetingDate!, startsAt: c.startsAt === undefined ? m.starts_at : c.startsAt, location },
        null,
        null,
      );
    await ctx.auditChange(tx, 'update', ['meeting', id, m.org_id], { before: pick(m), after: c });
    await notifyMeeting(tx, id);
  });
  return getMeetingDetail(ctx, id);
}

const pick = (m: MeetingRow) => ({
  ...meetingWhen(m),
  state: m.state,
  chairPersonId: m.chair_person_id,
  secretaryName: m.secretary_name,
});

export function assertMove(from: string, to: MeetingState) {
  const c = canMoveMeeting(from as MeetingState, to);
  if (!c.ok)
    throw new ProblemError('RULE_VIOLATION', { code: 'TRANG_THAI_HOI_NGHI', detail: c.reason_vi, field: 'body' });
}

/** Convening: refused, citing the clause, when the body that convenes is not the one the regulation names (R2). */
export async function conveneMeeting(ctx: RequestContext, id: string, input: In<typeof ConveneMeetingSchema>) {
  const m = await loadMeeting(ctx, id, 'write');
  assertMove(m.state, 'convened');
  const body = await loadBody(ctx.db, m.body_id);
  const r = await regulationRequired(
    ctx.db,
    m.org_id,
    m.meeting_date,
    `Không có quy chế làm việc có hiệu lực ngày ${formatDateVi(m.meeting_date)} để triệu tập hội nghị`,
  );
  const c = tryCheck(() => conveningCheck(r.reg, body.kind, input.convenedBy, m.meeting_date));
  if (c && !c.ok) {
    throw new ProblemError('RULE_VIOLATION', {
      code: 'TRIEU_TAP_SAI_THAM_QUYEN',
      title: 'Triệu tập hội nghị không đúng thẩm quyền',
      detail: c.reason_vi,
      field: 'body.convenedBy',
      ruleIds: c.ruleIds,
      eIds: c.eIds,
    });
  }
  await ctx.db.transaction(async (tx) => {
    await updateMeetingVersioned(tx, id, input.version, {
      state: 'convened',
      convened_by: input.convenedBy,
      convening_ref: input.conveningRef ?? null,
    });
    // Those summoned: the body's members on the meeting date.
    const members = await bodyMembersOn(tx, m.body_id, m.meeting_date);
    for (const personId of members) {
      await insertMeetingAttendanceIfAbsent(tx, {
        id: uuidv7(),
        org_id: m.org_id,
        meeting_id: id,
        person_id: personId,
        role: 'member',
        status: 'summoned',
      });
    }
    await ctx.auditChange(tx, 'convene', ['meeting', id, m.org_id], {
      before: { state: m.state },
      after: {
        state: 'convened',
        convenedBy: input.convenedBy,
        conveningRef: input.conveningRef ?? null,
        summoned: members.length,
      },
    });
    await notifyMeeting(tx, id);
  });
  return getMeetingDetail(ctx, id);
}

/** Documents sent: recorded, with the notice check of the regulation as a warning when late. */
export async function sendDocuments(ctx: RequestContext, id: string, input: In<typeof SendDocumentsSchema>) {
  const m = await loadMeeting(ctx, id, 'write');
  assertMove(m.state, 'documents_sent');
  if (input.sentOn > m.meeting_date)
    throw invalidField(
      'body.sentOn',
      `Ngày gửi tài liệu (${formatDateVi(input.sentOn)}) sau ngày họp (${formatDateVi(m.meeting_date)})`,
    );
  await ctx.db.transaction(async (tx) => {
    await updateMeetingVersioned(tx, id, input.version, {
      state: 'documents_sent',
      documents_sent_on: input.sentOn,
    });
    await ctx.auditChange(tx, 'send_documents', ['meeting', id, m.org_id], {
      before: { state: m.state },
      after: { state: 'documents_sent', sentOn: input.sentOn },
    });
    await notifyMeeting(tx, id);
  });
  return getMeetingDetail(ctx, id);
}

async function step(
  ctx: RequestContext,
  id: string,
  version: number,
  to: MeetingState,
  fields: MeetingFields,
  action: string,
  check?: (m: MeetingRow) => void,
  note?: Record<string, unknown>,
) {
  const m = await loadMeeting(ctx, id, 'write');
  assertMove(m.state, to);
  check?.(m);
  await ctx.db.transaction(async (tx) => {
    await updateMeetingVersioned(tx, id, version, { state: to, ...fields });
    await ctx.auditChange(tx, action, ['meeting', id, m.org_id], {
      before: { state: m.state },
      after: { state: to, ...fields, ...note },
    });
    await notifyMeeting(tx, id);
  });
  return getMeetingDetail(ctx, id);
}

/**
 * A meeting is opened and closed on or after its date: before it, only with a written reason (a record entered
 * afterwards for another day, a rehearsal), which the audit keeps. A written consultation runs on its own dates.
 */
function assertNotBeforeDate(ctx: RequestContext, m: MeetingRow, input: In<typeof MeetingStepSchema>, what: string) {
  if (m.kind === 'written_consultation' || ctx.today() >= m.meeting_date || input.earlyReason?.trim()) return;
  throw ruleViolation(
    'TRUOC_NGAY_HOP',
    `Hội nghị họp ngày ${formatDateVi(m.meeting_date)}, hôm nay mới ngày ${formatDateVi(ctx.today())}: ` +
      `chưa ${what} được. Nếu cần ghi nhận trước ngày họp, hãy ghi rõ lý do.`,
    'body.earlyReason',
  );
}

export async function openMeeting(ctx: RequestContext, id: string, input: In<typeof MeetingStepSchema>) {
  // A meeting opens on its date; a written consultation opens when the ballots go out (today by default).
  const m = await loadMeeting(ctx, id, 'write');
  const on = input.on ?? (m.kind === 'written_consultation' ? ctx.today() : m.meeting_date);
  return step(
    ctx,
    id,
    input.version,
    'in_session',
    { opened_on: on },
    'open',
    (m) => {
      if (m.kind !== 'written_consultation' && input.on && input.on !== m.meeting_date) {
        throw invalidField('body.on', `Hội nghị khai mạc vào ngày họp ${formatDateVi(m.meeting_date)}`);
      }
      assertNotBeforeDate(ctx, m, input, 'khai mạc');
    },
    input.earlyReason ? { earlyReason: input.earlyReason } : undefined,
  );
}

export async function closeMeeting(ctx: RequestContext, id: string, input: In<typeof MeetingStepSchema>) {
  const m = await loadMeeting(ctx, id, 'write');
  return step(
    ctx,
    id,
    input.version,
    'closed',
    { closed_on: input.on ?? (m.kind === 'written_consultation' ? ctx.today() : m.meeting_date) },
    'close',
    (m) => assertNotBeforeDate(ctx, m, input, 'bế mạc'),
    input.earlyReason ? { earlyReason: input.earlyReason } : undefined,
  );
}

export const cancelMeeting = (ctx: RequestContext, id: string, input: In<typeof CancelMeetingSchema>) =>
  step(ctx, id, input.version, 'cancelled', { cancel_reason: input.reason }, 'cancel');

export async function saveMinutes(ctx: RequestContext, id: string, input: In<typeof MinutesSchema>) {
  const m = await loadMeeting(ctx, id, 'write');
  if (!['in_session', 'closed'].includes(m.state)) {
    throw ruleViolation(
      'TRANG_THAI_HOI_NGHI',
      m.state === 'minutes_approved'
        ? 'Biên bản đã được thông qua: không sửa'
        : 'Biên bản ghi khi hội nghị đang họp hoặc đã bế mạc',
    );
  }
  await ctx.db.transaction(async (tx) => {
    await updateMeetingVersioned(tx, id, input.version, { minutes_text: input.text });
    await ctx.auditChange(tx, 'minutes', ['meeting', id, m.org_id], {
      before: { minutes: m.minutes_text },
      after: { minutes: input.text },
    });
  });
  return getMeetingDetail(ctx, id);
}

export const approveMinutes = (ctx: RequestContext, id: string, input: In<typeof MeetingStepSchema>) =>
  step(
    ctx,
    id,
    input.version,
    'minutes_approved',
    { minutes_approved_on: input.on ?? ctx.today() },
    'approve_minutes',
    (m) => {
      if (!m.minutes_text) throw ruleViolation('CHUA_CO_BIEN_BAN', 'Chưa có biên bản để thông qua');
    },
  );

// Listing has its own module; re-exported where the routes and the home page find it.
export { listMeetings } from './meeting-list.service.js';

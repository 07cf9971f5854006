import {
  canReschedule,
  citeVi,
  EngineError,
  foldVietnamese,
  formatDateVi,
  noticeCheck,
  ProblemError,
} from '@quyche/core';
import type { MeetingState, NoticeRule, Regulation, RescheduleMeetingSchema } from '@quyche/core';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { getMeetingDetail, notifyMeeting } from './meeting.service.js';
import { recordDateChange } from './meeting-reschedule.view.js';
import { check, regulationFor } from './regulation-in-force.js';
import { loadBody, loadMeeting, updateMeetingVersioned } from './meeting.load.js';
import type { Check } from './regulation-in-force.js';

/**
 * Rescheduling (dời ngày họp): a planned or convened meeting, not yet opened, moves to a new date — and time and
 * place — with a written reason. Once convened, the convening notice goes out again for the new date, so the notice
 * check of the regulation is run again: documents already sent are judged against the new date (late if it came
 * closer), otherwise the new latest date for sending them is stated. Each change is kept with what the check said.
 */
export async function rescheduleMeeting(
  ctx: RequestContext,
  id: string,
  input: z.output<typeof RescheduleMeetingSchema>,
) {
  const m = await loadMeeting(ctx, id, 'write');
  const allowed = canReschedule(m.state as MeetingState);
  if (!allowed.ok)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'KHONG_DOI_NGAY_HOP',
      title: 'Không dời được ngày họp',
      field: 'body',
      detail: allowed.reason_vi,
    });
  const to = input.meetingDate;
  const bad = (detail: string) => new ProblemError('VALIDATION_FAILED', { field: 'body.meetingDate', detail });
  if (to === m.meeting_date) throw bad(`Ngày họp mới trùng ngày họp hiện tại (${formatDateVi(to)})`);
  if (to < ctx.today()) throw bad(`Ngày họp mới (${formatDateVi(to)}) đã qua: hôm nay là ${formatDateVi(ctx.today())}`);
  if (m.documents_sent_on && to < m.documents_sent_on)
    throw bad(`Ngày họp mới (${formatDateVi(to)}) trước ngày đã gửi tài liệu (${formatDateVi(m.documents_sent_on)})`);
  if (m.consultation_deadline && m.consultation_deadline < to)
    throw bad(
      `Ngày họp mới (${formatDateVi(to)}) sau hạn trả lời lấy ý kiến (${formatDateVi(m.consultation_deadline)})`,
    );
  const body = await loadBody(ctx.db, m.body_id);
  const reg = (await regulationFor(ctx.db, m.org_id, to))?.reg;
  const notice = noticeAfterMove(reg, body.kind, m.state, to, m.documents_sent_on, ctx.today());
  const startsAt = input.startsAt === undefined ? m.starts_at : input.startsAt;
  const location = input.location === undefined ? m.location : input.location;
  await ctx.db.transaction(async (tx) => {
    await updateMeetingVersioned(tx, id, input.version, {
      meeting_date: to,
      starts_at: startsAt,
      location,
      search_text: foldVietnamese(`${m.title} ${location ?? ''}`),
    });
    await recordDateChange(tx, ctx, m, { date: to, startsAt, location }, input.reason, notice);
    await ctx.auditChange(tx, 'reschedule', ['meeting', id, m.org_id], {
      before: { meetingDate: m.meeting_date, startsAt: m.starts_at, location: m.location, state: m.state },
      after: { meetingDate: to, startsAt, location, reason: input.reason, notice: notice?.reason_vi ?? null },
    });
    await notifyMeeting(tx, id);
  });
  return getMeetingDetail(ctx, id);
}

/**
 * The notice check for a meeting moved to `date`: none before convening (nothing has gone out); with documents
 * sent, the regulation's check against the new date; convened without documents, the latest date to send them.
 */
export function noticeAfterMove(
  reg: Regulation | undefined,
  bodyKind: string,
  state: string,
  date: string,
  documentsSentOn: string | null,
  today: string,
): Check | null {
  if (!reg || state === 'planned') return null;
  try {
    if (documentsSentOn) return check(noticeCheck(reg, bodyKind, date, documentsSentOn));
    const a = noticeCheck(reg, bodyKind, date, today);
    const rule = reg.rules.find((r): r is NoticeRule => r.id === a.ruleIds[0] && r.kind === 'notice');
    const p = rule?.documents_before_meeting;
    const period = p
      ? `${p.min} ${p.unit === 'working_day' ? 'ngày làm việc' : 'ngày'} trước ngày họp ${formatDateVi(date)}; `
      : '';
    const ok = today <= a.result.latest;
    return {
      ok,
      reason_vi:
        'Chưa gửi tài liệu: theo ngày họp mới, tài liệu chậm nhất phải gửi ngày ' +
        `${formatDateVi(a.result.latest)}${ok ? '' : ' (đã qua)'} (${period}${citeVi(a.eIds[0] ?? '')})`,
      ruleIds: a.ruleIds,
      eIds: a.eIds,
    };
  } catch (e) {
    if (e instanceof EngineError) return null;
    throw e;
  }
}

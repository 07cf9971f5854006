import { EngineError, invalidField, meetingScoreSheet, ProblemError, ruleViolation, scoreMeeting } from '@quyche/core';
import type { MeetingScoreCheckSchema, MeetingScoreInputSchema, ScoreLine } from '@quyche/core';
import { meetingScoreOf, saveCellScore, saveScoreCheck, superiorsOf } from '@quyche/db';
import type { MeetingRow } from '@quyche/db';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { loadBody, loadMeeting } from './meeting.load.js';
import { regulationFor } from './regulation-in-force.js';

const HELD = ['closed', 'minutes_approved'];

/** A cell's meeting, its sheet under the cell's regulation (or its superior's model), and its grassroots committee. */
async function cellMeetingSheet(ctx: RequestContext, m: MeetingRow) {
  const body = await loadBody(ctx.db, m.body_id);
  if (body.kind !== 'CHI_BO')
    throw ruleViolation('CHAM_DIEM_KHONG_HOP_LE', 'Chỉ chấm điểm chất lượng buổi sinh hoạt chi bộ');
  const r = await regulationFor(ctx.db, m.org_id, m.meeting_date);
  let sheet: ReturnType<typeof meetingScoreSheet> | null = null;
  let reason_vi = 'Quy chế của chi bộ chưa có phiếu chấm điểm chất lượng sinh hoạt';
  if (r)
    try {
      sheet = meetingScoreSheet(r.reg, 'CHI_BO', m.meeting_date);
      reason_vi = sheet.reason_vi;
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      reason_vi = e.message;
    }
  const [grassroots] = await superiorsOf(ctx.db, m.org_id, m.meeting_date);
  return { sheet, reason_vi, regulation: r ? String(r.reg.frontMatter.title ?? '') : '', grassroots };
}

/** Problems of a score sheet sent, each at its line (`body.scores.<i>.points`), or nothing. */
function scored(sheet: NonNullable<Awaited<ReturnType<typeof cellMeetingSheet>>['sheet']>, lines: ScoreLine[]) {
  const s = scoreMeeting(sheet.result, lines);
  const [first] = s.problems;
  if (first) {
    const field = first.index < lines.length ? `body.scores.${first.index}.points` : 'body.scores';
    throw invalidField(field, s.problems.map((p) => p.message_vi).join('; '));
  }
  return s;
}

/** The quality score of a cell meeting: the sheet, the cell's score, the grassroots committee's check. */
export async function getMeetingScore(ctx: RequestContext, meetingId: string) {
  const m = await loadMeeting(ctx, meetingId, 'read');
  const { sheet, reason_vi, regulation, grassroots } = await cellMeetingSheet(ctx, m);
  const row = await meetingScoreOf(ctx.db, m.id);
  const held = HELD.includes(m.state);
  const overCell = !!grassroots && (await ctx.can(grassroots, 'write', m.confidentiality));
  // The committee above checks; it is not offered the cell's own scoring (the server would still take it).
  const mayScore = held && !row?.checked_scores && !overCell && (await ctx.can(m.org_id, 'write', m.confidentiality));
  const mayCheck = !!row && overCell;
  return {
    meetingId: m.id,
    sheet: sheet ? { ...sheet.result, eIds: sheet.eIds, regulation } : null,
    reason_vi,
    scored: row
      ? {
          scores: row.scores,
          total: row.total,
          grade: row.grade,
          by: row.scored_by_name,
          on: row.scored_at,
          note: null,
        }
      : null,
    checked:
      row?.checked_scores && row.checked_total !== null
        ? {
            scores: row.checked_scores,
            total: row.checked_total,
            grade: row.checked_grade,
            by: row.checked_by_name,
            on: row.checked_at,
            note: row.check_note,
          }
        : null,
    version: row?.version ?? null,
    mayScore: !!sheet && mayScore,
    mayCheck: !!sheet && mayCheck,
  };
}

/** The cell scores its meeting once held, until the grassroots committee has checked it. */
export async function scoreCellMeeting(
  ctx: RequestContext,
  meetingId: string,
  input: z.output<typeof MeetingScoreInputSchema>,
) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  const { sheet, reason_vi } = await cellMeetingSheet(ctx, m);
  if (!sheet) throw ruleViolation('CHAM_DIEM_KHONG_HOP_LE', reason_vi);
  if (!HELD.includes(m.state))
    throw ruleViolation('CHAM_DIEM_KHONG_HOP_LE', 'Buổi sinh hoạt chưa diễn ra: chấm điểm sau khi đã họp');
  const before = await meetingScoreOf(ctx.db, m.id);
  if (before?.checked_scores)
    throw ruleViolation(
      'CHAM_DIEM_KHONG_HOP_LE',
      `Đảng ủy cơ sở đã kiểm tra phiếu chấm điểm này ngày ${before.checked_at?.split('-').reverse().join('/')}`,
    );
  const s = scored(sheet, input.scores);
  await ctx.db.transaction(async (tx) => {
    await saveCellScore(
      tx,
      {
        meeting_id: m.id,
        org_id: m.org_id,
        rule_id: sheet.ruleIds[0]!,
        scores: input.scores,
        total: s.total,
        grade: s.grade,
      },
      ctx.user.id,
    );
    await ctx.auditChange(tx, 'score_meeting', ['meeting_score', m.id, m.org_id], {
      before: before ? { total: before.total, grade: before.grade } : undefined,
      after: { total: s.total, grade: s.grade },
    });
  });
  return getMeetingScore(ctx, meetingId);
}

/** The grassroots committee checks the cell's score: its points become the meeting's official score. */
export async function checkCellMeetingScore(
  ctx: RequestContext,
  meetingId: string,
  input: z.output<typeof MeetingScoreCheckSchema>,
) {
  ctx.assertMayWriteSomewhere();
  const m = await loadMeeting(ctx, meetingId, 'read');
  const { sheet, reason_vi, grassroots } = await cellMeetingSheet(ctx, m);
  if (!sheet) throw ruleViolation('CHAM_DIEM_KHONG_HOP_LE', reason_vi);
  if (!grassroots) throw ruleViolation('CHAM_DIEM_KHONG_HOP_LE', 'Chi bộ không có đảng ủy cấp trên để kiểm tra');
  await ctx.assertOrg(grassroots, 'write', m.confidentiality);
  const before = await meetingScoreOf(ctx.db, m.id);
  if (!before) throw ruleViolation('CHAM_DIEM_KHONG_HOP_LE', 'Chi bộ chưa tự chấm điểm buổi sinh hoạt này');
  const s = scored(sheet, input.scores);
  await ctx.db.transaction(async (tx) => {
    const n = await saveScoreCheck(
      tx,
      m.id,
      input.version,
      { scores: input.scores, total: s.total, grade: s.grade, note: input.note || null },
      ctx.user.id,
    );
    if (n === 0)
      throw new ProblemError('VERSION_CONFLICT', {
        detail: 'Phiếu chấm điểm vừa được thay đổi: mở lại để xem bản mới',
      });
    await ctx.auditChange(tx, 'check_meeting_score', ['meeting_score', m.id, grassroots], {
      before: { total: before.total, grade: before.grade },
      after: { total: s.total, grade: s.grade },
    });
  });
  return getMeetingScore(ctx, meetingId);
}

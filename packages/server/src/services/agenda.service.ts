import { EngineError, isQuorate, ProblemError, voteOutcome, invalidField, ruleViolation } from '@quyche/core';
import type { Regulation } from '@quyche/core';
import type { CastVoteSchema, CreateAgendaItemSchema, MeetingStepSchema, ReservedOpinionSchema } from '@quyche/core';
import {
  insertAgendaItem,
  insertReservedOpinion,
  insertVote,
  listAgendaItemTopics,
  meetingAttendanceOfMember,
  meetingMemberCounts,
  nextAgendaItemPosition,
  uuidv7,
  voteRow,
  writtenResponseTally,
} from '@quyche/db';
import type { MeetingRow, Sql } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { assertMove, closeMeeting, getMeetingDetail, notifyMeeting } from './meeting.service.js';
import { regulationRequired, unlessNoRule } from './regulation-in-force.js';
import { addToMeeting } from './meeting.add.js';
import { createAudited } from './record.create.js';
import { assertMeetingNotOver, loadAgendaItem, loadBody, loadMeeting, updateMeetingVersioned } from './meeting.load.js';
import { voteBaseOf } from './cell-vote.js';

export async function addAgendaItem(ctx: RequestContext, meetingId: string, input: In<typeof CreateAgendaItemSchema>) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  assertMeetingNotOver(m.state, 'Hội nghị đã kết thúc: không thêm nội dung');
  const confidentiality = Math.max(m.confidentiality, input.confidentiality ?? 0);
  ctx.assertClearance(confidentiality);
  const item = async (tx: Sql, id: string) =>
    insertAgendaItem(tx, {
      id,
      org_id: m.org_id,
      meeting_id: meetingId,
      position: await nextAgendaItemPosition(tx, meetingId),
      title: input.title,
      matter: input.matter ?? null,
      attributes: JSON.stringify(input.attributes ?? {}),
      topic: input.topic ?? null,
      presenting_unit: input.presentingUnit ?? null,
      confidentiality,
      reports_back: input.reportsBack ?? false,
    });
  await addToMeeting(ctx, m, 'agenda_item', item, input);
  return getMeetingDetail(ctx, meetingId);
}

/** The topic a vote is counted under: the item's own, else the topic the regulation gives its matter (can_bo …). */
function topicOf(reg: Regulation, item: { topic: string | null; matter: string | null }) {
  return item.topic ?? (item.matter ? reg.frontMatter.matters?.[item.matter]?.topic : undefined) ?? undefined;
}

function outcomeOrProblem(f: () => ReturnType<typeof voteOutcome>) {
  try {
    return f();
  } catch (e) {
    if (e instanceof EngineError)
      throw new ProblemError('RULE_VIOLATION', {
        code: `ENGINE_${e.code}`,
        detail: e.reason_vi,
        field: 'body',
        ruleIds: e.ruleIds,
      });
    throw e;
  }
}

async function recordVote(
  tx: Sql,
  ctx: RequestContext,
  m: MeetingRow,
  itemId: string,
  v: { method: string; yes: number; no: number; abstain: number; totalMembers: number; present: number },
  a: { result: { passed: boolean }; ruleIds: string[]; eIds: string[]; reason_vi: string },
  result: Record<string, unknown>,
) {
  const id = uuidv7();
  await insertVote(tx, { id, ...voteRow(m.org_id, itemId, v, a, result) });
  await ctx.auditChange(tx, 'vote', ['vote', id, m.org_id], { after: { itemId, ...v, passed: a.result.passed } });
  return id;
}

/** What a meeting's votes are counted on: its body, the regulation in force that day, and the members counted. */
async function voteGrounds(ctx: RequestContext, m: MeetingRow, countedFor: string) {
  const body = await loadBody(ctx.db, m.body_id);
  const neededFor = `Không có quy chế làm việc có hiệu lực để ${countedFor}`;
  const r = await regulationRequired(ctx.db, m.org_id, m.meeting_date, neededFor);
  const totalMembers = (await voteBaseOf(ctx.db, m, body.kind)).total;
  return { body, r, totalMembers };
}

/**
 * A vote counted by the regulation: only in session and with a quorum (R5); the denominator is all incumbent
 * members (R1); a secret ballot is enforced where the regulation requires it (R3, R4).
 */
export async function castVote(
  ctx: RequestContext,
  meetingId: string,
  itemId: string,
  input: In<typeof CastVoteSchema>,
) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  const item = await loadAgendaItem(ctx, m, itemId);
  if (m.kind === 'written_consultation')
    throw ruleViolation(
      'LAY_Y_KIEN_TU_KIEM_PHIEU',
      'Lấy ý kiến bằng văn bản được kiểm phiếu từ các phiếu trả lời khi kết thúc',
    );
  if (m.state !== 'in_session') throw ruleViolation('TRANG_THAI_HOI_NGHI', 'Chỉ biểu quyết khi hội nghị đang họp');
  const { body, r, totalMembers } = await voteGrounds(ctx, m, 'tính kết quả biểu quyết');
  const counts = await meetingMemberCounts(ctx.db, meetingId);
  try {
    const q = isQuorate(r.reg, body.kind, counts, m.meeting_date, m.kind);
    if (!q.result.valid)
      throw new ProblemError('RULE_VIOLATION', {
        code: 'KHONG_DU_DIEU_KIEN_HOP_LE',
        title: 'Hội nghị chưa đủ điều kiện hợp lệ để biểu quyết',
        detail: q.reason_vi,
        field: 'body',
        ruleIds: q.ruleIds,
        eIds: q.eIds,
      });
  } catch (e) {
    if (!(e instanceof EngineError)) throw e; // no quorum rule for this body: nothing to enforce
  }
  const v = {
    totalMembers,
    present: counts.present,
    yes: input.yes,
    no: input.no,
    abstain: input.abstain,
    method: input.method,
  };
  const a = outcomeOrProblem(() => voteOutcome(r.reg, body.kind, topicOf(r.reg, item), v, m.meeting_date));
  if (a.result.violations.includes('SECRET_BALLOT_REQUIRED')) {
    throw new ProblemError('RULE_VIOLATION', {
      code: 'BO_PHIEU_KIN_BAT_BUOC',
      title: 'Nội dung này phải biểu quyết bằng phiếu kín',
      detail: a.reason_vi,
      field: 'body.method',
      ruleIds: a.ruleIds,
      eIds: a.eIds,
    });
  }
  if (a.result.violations.includes('COUNTS_INCONSISTENT')) {
    throw new ProblemError('VALIDATION_FAILED', {
      detail: `Số phiếu (${input.yes + input.no + input.abstain}) vượt quá số có mặt (${counts.present})`,
      field: 'body.yes',
    });
  }
  await ctx.db.transaction(async (tx) => {
    await recordVote(tx, ctx, m, itemId, v, a, a.result);
    await notifyMeeting(tx, meetingId);
  });
  return getMeetingDetail(ctx, meetingId);
}

/**
 * Closing a written consultation tallies the replies: valid only when enough members answered (the consultation's
 * quorum, Điều 15), and each item passes on the vote threshold over all incumbent members.
 */
export async function closeWithTally(ctx: RequestContext, meetingId: string, input: In<typeof MeetingStepSchema>) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  if (m.kind !== 'written_consultation') return closeMeeting(ctx, meetingId, input);
  assertMove(m.state, 'closed');
  const { body, r, totalMembers } = await voteGrounds(ctx, m, 'kiểm phiếu');
  const items = await listAgendaItemTopics(ctx.db, meetingId);
  const replies = await writtenResponseTally(ctx.db, meetingId);
  // Members who replied count as present (the reply marks them so).
  const answered = (await meetingMemberCounts(ctx.db, meetingId)).present;
  const counts = { summoned: totalMembers, present: answered, total: totalMembers };
  const q = unlessNoRule(() => isQuorate(r.reg, body.kind, counts, m.meeting_date, m.kind));
  const valid = q && { valid: q.result.valid, reason_vi: q.reason_vi, ruleIds: q.ruleIds, eIds: q.eIds };
  await ctx.db.transaction(async (tx) => {
    await updateMeetingVersioned(tx, meetingId, input.version, {
      state: 'closed',
      closed_on: input.on ?? ctx.today(),
    });
    for (const it of items) {
      const n = (c: string) => replies.find((x) => x.agenda_item_id === it.id && x.choice === c)?.n ?? 0;
      const v = {
        totalMembers,
        present: answered,
        yes: n('agree'),
        no: n('disagree'),
        abstain: n('abstain'),
        method: 'written',
      };
      const a = outcomeOrProblem(() => voteOutcome(r.reg, body.kind, topicOf(r.reg, it), v, m.meeting_date));
      const passed = a.result.passed && valid?.valid !== false;
      // The consultation's own verdict first ("Không hợp lệ: 40/61 …"), then the count of the item.
      const reason =
        valid && !valid.valid
          ? `Lấy ý kiến ${valid.reason_vi.charAt(0).toLocaleLowerCase('vi')}${valid.reason_vi.slice(1)}; ` +
            `không có kết quả biểu quyết: ${a.reason_vi}`
          : a.reason_vi;
      await recordVote(
        tx,
        ctx,
        m,
        it.id,
        v,
        {
          result: { passed },
          ruleIds: [...(valid?.ruleIds ?? []), ...a.ruleIds],
          eIds: [...(valid?.eIds ?? []), ...a.eIds],
          reason_vi: reason,
        },
        { ...a.result, passed, consultationValid: valid?.valid ?? null },
      );
    }
    await ctx.auditChange(tx, 'close', ['meeting', meetingId, m.org_id], {
      before: { state: m.state },
      after: { state: 'closed', answered, totalMembers, valid: valid?.valid ?? null },
    });
    await notifyMeeting(tx, meetingId);
  });
  return getMeetingDetail(ctx, meetingId);
}

/** R12: a dissenting member's reserved opinion on an item, recorded for those entitled to see it. */
export async function addReservedOpinion(
  ctx: RequestContext,
  meetingId: string,
  itemId: string,
  input: In<typeof ReservedOpinionSchema>,
) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  await loadAgendaItem(ctx, m, itemId);
  if (!['in_session', 'closed'].includes(m.state))
    throw ruleViolation('TRANG_THAI_HOI_NGHI', 'Ý kiến bảo lưu được ghi trong hoặc ngay sau hội nghị');
  const member = await meetingAttendanceOfMember(ctx.db, meetingId, input.personId);
  if (!member) throw invalidField('body.personId', 'Chỉ ủy viên được triệu tập mới bảo lưu ý kiến');
  // The audit keeps the fact, not the opinion: the text is shown only to those entitled.
  const after = { itemId, personId: input.personId, length: input.text.length };
  await createAudited(ctx, 'reserved_opinion', m.org_id, after, (tx, id) =>
    insertReservedOpinion(tx, {
      id,
      org_id: m.org_id,
      meeting_id: meetingId,
      agenda_item_id: itemId,
      person_id: input.personId,
      text: input.text,
      created_by: ctx.user.id,
    }),
  );
  return getMeetingDetail(ctx, meetingId);
}

// The meeting's documents have their own module; re-exported where the routes find them.
export { addMeetingDocument, meetingDocumentFile } from './meeting-document.service.js';

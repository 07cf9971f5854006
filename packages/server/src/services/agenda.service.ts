import { createHash } from 'node:crypto';
import { EngineError, isQuorate, ProblemError, voteOutcome } from '@quyche/core';
import type { Regulation } from '@quyche/core';
import type { z } from 'zod';
import type {
  CastVoteSchema,
  CreateAgendaItemSchema,
  CreateMeetingDocumentSchema,
  MeetingStepSchema,
  ReservedOpinionSchema,
} from '@quyche/core';
import { bodyMembersOn, uuidv7 } from '@quyche/db';
import type { MeetingRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { assertMove, closeMeeting, getMeetingDetail, notifyMeeting } from './meeting.service.js';
import { regulationFor } from './regulation-in-force.js';
import { loadBody, loadMeeting } from './meeting.load.js';
import { updateVersioned } from './sql-update.js';

type In<T extends z.ZodType> = z.output<T>;

export async function addAgendaItem(ctx: RequestContext, meetingId: string, input: In<typeof CreateAgendaItemSchema>) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  if (['closed', 'minutes_approved', 'cancelled'].includes(m.state)) {
    throw new ProblemError('RULE_VIOLATION', {
      code: 'TRANG_THAI_HOI_NGHI',
      detail: 'Hội nghị đã kết thúc: không thêm nội dung',
      field: 'body',
    });
  }
  const confidentiality = Math.max(m.confidentiality, input.confidentiality ?? 0);
  ctx.assertClearance(confidentiality);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const pos = (
      await tx.query<{ n: number }>(
        'select coalesce(max(position), 0)::int + 1 as n from agenda_item where meeting_id = $1',
        [meetingId],
      )
    ).rows[0]!.n;
    await tx.query(
      'insert into agenda_item (id, org_id, meeting_id, position, title, matter, attributes, topic, presenting_unit, confidentiality, reports_back) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)',
      [
        id,
        m.org_id,
        meetingId,
        pos,
        input.title,
        input.matter ?? null,
        JSON.stringify(input.attributes ?? {}),
        input.topic ?? null,
        input.presentingUnit ?? null,
        confidentiality,
        input.reportsBack ?? false,
      ],
    );
    await ctx.audit(tx, { action: 'create', entity: 'agenda_item', entityId: id, orgId: m.org_id, after: input });
    await notifyMeeting(tx, meetingId);
  });
  return getMeetingDetail(ctx, meetingId);
}

async function agendaItem(ctx: RequestContext, m: MeetingRow, itemId: string) {
  const item = (
    await ctx.db.query<{ id: string; topic: string | null; matter: string | null; confidentiality: number }>(
      'select id, topic, matter, confidentiality from agenda_item where id = $1 and meeting_id = $2',
      [itemId, m.id],
    )
  ).rows[0];
  if (!item) throw new ProblemError('NOT_FOUND', { detail: 'Không có nội dung này trong chương trình hội nghị' });
  ctx.assertClearance(item.confidentiality);
  return item;
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

async function insertVote(
  tx: Sql,
  ctx: RequestContext,
  m: MeetingRow,
  itemId: string,
  v: { method: string; yes: number; no: number; abstain: number; totalMembers: number; present: number },
  a: { result: { passed: boolean }; ruleIds: string[]; eIds: string[]; reason_vi: string },
  result: Record<string, unknown>,
) {
  const id = uuidv7();
  await tx.query(
    'insert into vote (id, org_id, agenda_item_id, method, total_members, present, yes, no, abstain, passed, outcome) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)',
    [
      id,
      m.org_id,
      itemId,
      v.method,
      v.totalMembers,
      v.present,
      v.yes,
      v.no,
      v.abstain,
      a.result.passed,
      JSON.stringify({ result, ruleIds: a.ruleIds, eIds: a.eIds, reason_vi: a.reason_vi }),
    ],
  );
  await ctx.audit(tx, {
    action: 'vote',
    entity: 'vote',
    entityId: id,
    orgId: m.org_id,
    after: { itemId, ...v, passed: a.result.passed },
  });
  return id;
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
  const item = await agendaItem(ctx, m, itemId);
  if (m.kind === 'written_consultation')
    throw new ProblemError('RULE_VIOLATION', {
      code: 'LAY_Y_KIEN_TU_KIEM_PHIEU',
      field: 'body',
      detail: 'Lấy ý kiến bằng văn bản được kiểm phiếu từ các phiếu trả lời khi kết thúc',
    });
  if (m.state !== 'in_session')
    throw new ProblemError('RULE_VIOLATION', {
      code: 'TRANG_THAI_HOI_NGHI',
      field: 'body',
      detail: 'Chỉ biểu quyết khi hội nghị đang họp',
    });
  const body = await loadBody(ctx.db, m.body_id);
  const r = await regulationFor(ctx.db, m.org_id, m.meeting_date);
  if (!r)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'KHONG_CO_QUY_CHE',
      detail: 'Không có quy chế làm việc có hiệu lực để tính kết quả biểu quyết',
      field: 'body',
    });
  const totalMembers = (await bodyMembersOn(ctx.db, m.body_id, m.meeting_date)).length;
  const counts = (
    await ctx.db.query<{ summoned: number; present: number }>(
      "select count(*)::int as summoned, count(*) filter (where status = 'present')::int as present from meeting_attendance where meeting_id = $1 and role = 'member'",
      [meetingId],
    )
  ).rows[0]!;
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
    await insertVote(tx, ctx, m, itemId, v, a, a.result);
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
  const body = await loadBody(ctx.db, m.body_id);
  const r = await regulationFor(ctx.db, m.org_id, m.meeting_date);
  if (!r)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'KHONG_CO_QUY_CHE',
      detail: 'Không có quy chế làm việc có hiệu lực để kiểm phiếu',
      field: 'body',
    });
  const totalMembers = (await bodyMembersOn(ctx.db, m.body_id, m.meeting_date)).length;
  const items = (
    await ctx.db.query<{ id: string; topic: string | null; matter: string | null }>(
      'select id, topic, matter from agenda_item where meeting_id = $1 order by position',
      [meetingId],
    )
  ).rows;
  const replies = (
    await ctx.db.query<{ agenda_item_id: string; choice: string; n: number }>(
      'select agenda_item_id, choice, count(*)::int as n from written_response where meeting_id = $1 group by agenda_item_id, choice',
      [meetingId],
    )
  ).rows;
  const answered = (
    await ctx.db.query<{ n: number }>(
      "select count(*)::int as n from meeting_attendance where meeting_id = $1 and role = 'member' and status = 'present'",
      [meetingId],
    )
  ).rows[0]!.n;
  let valid: { valid: boolean; reason_vi: string; ruleIds: string[]; eIds: string[] } | null = null;
  try {
    const q = isQuorate(
      r.reg,
      body.kind,
      { summoned: totalMembers, present: answered, total: totalMembers },
      m.meeting_date,
      m.kind,
    );
    valid = { valid: q.result.valid, reason_vi: q.reason_vi, ruleIds: q.ruleIds, eIds: q.eIds };
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
  }
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'meeting', meetingId, input.version, {
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
          ? `Lấy ý kiến ${valid.reason_vi.charAt(0).toLocaleLowerCase('vi')}${valid.reason_vi.slice(1)}; không có kết quả biểu quyết: ${a.reason_vi}`
          : a.reason_vi;
      await insertVote(
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
    await ctx.audit(tx, {
      action: 'close',
      entity: 'meeting',
      entityId: meetingId,
      orgId: m.org_id,
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
  await agendaItem(ctx, m, itemId);
  if (!['in_session', 'closed'].includes(m.state))
    throw new ProblemError('RULE_VIOLATION', {
      code: 'TRANG_THAI_HOI_NGHI',
      field: 'body',
      detail: 'Ý kiến bảo lưu được ghi trong hoặc ngay sau hội nghị',
    });
  const member = (
    await ctx.db.query(
      "select 1 from meeting_attendance where meeting_id = $1 and person_id = $2 and role = 'member'",
      [meetingId, input.personId],
    )
  ).rows[0];
  if (!member)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.personId',
      detail: 'Chỉ ủy viên được triệu tập mới bảo lưu ý kiến',
    });
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      'insert into reserved_opinion (id, org_id, meeting_id, agenda_item_id, person_id, text, created_by) values ($1,$2,$3,$4,$5,$6,$7)',
      [id, m.org_id, meetingId, itemId, input.personId, input.text, ctx.user.id],
    );
    // The audit keeps the fact, not the opinion: the text is shown only to those entitled.
    await ctx.audit(tx, {
      action: 'create',
      entity: 'reserved_opinion',
      entityId: id,
      orgId: m.org_id,
      after: { itemId, personId: input.personId, length: input.text.length },
    });
  });
  return getMeetingDetail(ctx, meetingId);
}

/** A meeting document with its confidentiality: listed and served only to those cleared for it. */
export async function addMeetingDocument(
  ctx: RequestContext,
  meetingId: string,
  input: In<typeof CreateMeetingDocumentSchema>,
) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  const confidentiality = Math.max(m.confidentiality, input.confidentiality ?? 0);
  ctx.assertClearance(confidentiality);
  if (input.agendaItemId) await agendaItem(ctx, m, input.agendaItemId);
  const content = input.contentBase64 ? Buffer.from(input.contentBase64.replace(/\s+/g, ''), 'base64') : null;
  if (content && content.length > 8 * 1024 * 1024)
    throw new ProblemError('PAYLOAD_TOO_LARGE', { field: 'body.contentBase64', detail: 'Tệp vượt quá 8 MB' });
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      'insert into meeting_document (id, org_id, meeting_id, agenda_item_id, title, doc_type, confidentiality, file_name, media_type, size, sha256, content, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)',
      [
        id,
        m.org_id,
        meetingId,
        input.agendaItemId ?? null,
        input.title,
        input.docType ?? null,
        confidentiality,
        input.fileName ?? null,
        input.mediaType ?? null,
        content?.length ?? null,
        content ? createHash('sha256').update(content).digest('hex') : null,
        content,
        ctx.user.id,
      ],
    );
    await ctx.audit(tx, {
      action: 'create',
      entity: 'meeting_document',
      entityId: id,
      orgId: m.org_id,
      after: { title: input.title, confidentiality, fileName: input.fileName ?? null, size: content?.length ?? null },
    });
    await notifyMeeting(tx, meetingId);
  });
  return getMeetingDetail(ctx, meetingId);
}

const SERVED_TYPES = new Set([
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'text/plain',
  'image/png',
  'image/jpeg',
]);

export async function meetingDocumentFile(ctx: RequestContext, meetingId: string, documentId: string) {
  const m = await loadMeeting(ctx, meetingId);
  const d = (
    await ctx.db.query<{
      title: string;
      file_name: string | null;
      media_type: string | null;
      content: Uint8Array | null;
      confidentiality: number;
    }>(
      'select title, file_name, media_type, content, confidentiality from meeting_document where id = $1 and meeting_id = $2',
      [documentId, m.id],
    )
  ).rows[0];
  if (!d) throw new ProblemError('NOT_FOUND', { detail: 'Không có tài liệu này' });
  ctx.assertClearance(d.confidentiality);
  if (!d.content) throw new ProblemError('NOT_FOUND', { detail: 'Tài liệu chưa có tệp đính kèm' });
  // Only document and image types are served as themselves; anything else (HTML, scripts) as bytes to save.
  const mediaType =
    d.media_type && SERVED_TYPES.has(d.media_type.toLowerCase()) ? d.media_type : 'application/octet-stream';
  return { fileName: d.file_name ?? `${d.title}.bin`, mediaType, content: Buffer.from(d.content) };
}

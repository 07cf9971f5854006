import { createHash } from 'node:crypto';
import {
  addDays,
  checkConsistency,
  citeVi,
  diffParagraphs,
  diffRegulations,
  documentParagraphs,
  EngineError,
  formatDateVi,
  parseRegulation,
  pinWIds,
  printRegulation,
  ProblemError,
  recipientStatus,
  replaceElementText,
  resolveAnchor,
  setFrontMatter,
  submissionBlockers,
  synthesisTable,
  whoDecides,
} from '@quyche/core';
import type { AdoptConsultationSchema, NextVersionSchema, Regulation, SubmitConsultationSchema } from '@quyche/core';
import { getMeeting, getOrganization, getRegulation, getRegulationByWork, getVersion, uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { synthesisDocx } from '../reports/party-document.docx.js';
import {
  ADOPTION_MATTER,
  draftOf,
  getConsultation,
  loadConsultation,
  versionRegulation,
} from './consultation.service.js';
import type { CommentRow, ConsultationRow, RecipientRow } from './consultation.service.js';
import { notifyMeeting } from './meeting.service.js';
import { notifyConsultation } from './consultation.live.js';
import { regulationFor } from './regulation-in-force.js';
import { loadBody } from './meeting.load.js';
import { applyImpact, regulationOn } from './regulation-impact.service.js';
import { elementView } from './regulation.service.js';
import { updateVersioned } from './sql-update.js';

type In<T extends z.ZodType> = z.output<T>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The draft against the superior's regulation it is based on, as that stands on the date (checked on every draft). */
async function consistencyWithSuperior(sql: Sql, draft: Regulation, on: string) {
  const link = draft.frontMatter.based_on?.find((b) => b.relation === 'superior');
  if (!link?.work) return [];
  const sup = await getRegulationByWork(sql, link.work);
  if (!sup) return [];
  const base = await regulationOn(sql, sup.id, on);
  return base
    ? checkConsistency(draft, base, 'superior').map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        eId: f.eId || null,
      }))
    : [];
}

async function state(ctx: RequestContext, id: string) {
  const { c, recipients, manage, readAll, mine } = await loadConsultation(ctx, id);
  const comments = (
    await ctx.db.query<CommentRow>('select * from consultation_comment where consultation_id = $1 order by position', [
      id,
    ])
  ).rows;
  return { c, recipients, comments, manage, readAll, mine };
}

function blockersOf(c: ConsultationRow, recipients: RecipientRow[], comments: CommentRow[], today: string) {
  return submissionBlockers(
    recipients.map((r) => ({ name: r.name, answeredOn: r.answered_on, notAnswering: r.not_answering })),
    comments.map((x) => ({ kind: x.kind, disposition: x.disposition })),
    c.deadline,
    today,
  );
}

function assertNoBlockers(blockers: string[]) {
  if (blockers.length)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUA_XU_LY_HET_Y_KIEN',
      title: 'Chưa trình được dự thảo',
      field: 'params.id',
      detail: blockers.join('; '),
      blockers,
    });
}

/** The draft's text and structure, for those who comment on it (recipients cannot read the regulation itself). */
export async function consultationDraft(ctx: RequestContext, id: string, versionId?: string) {
  const { c } = await loadConsultation(ctx, id);
  if (c.document_text !== null) {
    if (versionId)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'query.versionId',
        detail: 'Văn bản dự thảo không có phiên bản quy chế',
      });
    const { reg, expression, text } = await draftOf(ctx.db, c);
    return {
      versionId: null,
      expression,
      text,
      title: c.document_title ?? c.title,
      chapters: reg.chapters.map(elementView),
    };
  }
  const vid = versionId ?? c.version_id!;
  if (vid !== c.version_id && vid !== c.next_version_id)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'query.versionId',
      detail: 'Chỉ xem được dự thảo đã gửi và bản chỉnh lý của đợt lấy ý kiến này',
    });
  const { reg, expression, text } = await versionRegulation(ctx.db, vid);
  return {
    versionId: vid,
    expression,
    text,
    title: String(reg.frontMatter.title ?? ''),
    chapters: reg.chapters.map(elementView),
  };
}

/** The comparison table of the draft circulated and its next version (bảng so sánh), for either kind of draft. */
export async function consultationComparison(ctx: RequestContext, id: string) {
  const { c } = await loadConsultation(ctx, id);
  if (c.document_text !== null)
    return c.next_document_text === null
      ? []
      : diffParagraphs(documentParagraphs(c.document_text), documentParagraphs(c.next_document_text));
  if (!c.next_version_id) return [];
  const [a, b] = [await versionRegulation(ctx.db, c.version_id!), await versionRegulation(ctx.db, c.next_version_id)];
  return diffRegulations(a.reg, b.reg);
}

/** The synthesis table (bảng tổng hợp ý kiến, tiếp thu, giải trình) of the comments on the draft circulated. */
export async function synthesis(ctx: RequestContext, id: string) {
  const { c, recipients, comments, readAll } = await state(ctx, id);
  if (!readAll) throw new ProblemError('FORBIDDEN', { detail: 'Bảng tổng hợp ý kiến do cơ quan lấy ý kiến xem' });
  const { reg } = await draftOf(ctx.db, c);
  const names = new Map(recipients.map((r) => [r.id, r.name]));
  const t = synthesisTable(
    reg,
    comments.map((x) => ({
      id: x.id,
      recipientName: names.get(x.recipient_id) ?? '',
      kind: x.kind,
      anchor: { wId: x.anchor_wid, eId: x.anchor_eid, quote: x.quote },
      text: x.text,
      proposedText: x.proposed_text,
      disposition: x.disposition,
      explanation: x.explanation,
    })),
  );
  const today = ctx.today();
  const notAnswered = recipients
    .filter((r) =>
      ['late', 'pending', 'not_answering'].includes(
        recipientStatus({ answeredOn: r.answered_on, notAnswering: r.not_answering }, c.deadline, today),
      ),
    )
    .map((r) => r.name);
  return {
    title: 'BẢNG TỔNG HỢP Ý KIẾN GÓP Ý, TIẾP THU, GIẢI TRÌNH',
    rows: t.rows,
    noComment: t.noComment,
    notAnswered,
  };
}

export async function synthesisDocxFile(ctx: RequestContext, id: string) {
  const s = await synthesis(ctx, id);
  const { c } = await loadConsultation(ctx, id);
  const [org, r] = [
    await getOrganization(ctx.db, c.org_id),
    c.regulation_id ? await getRegulation(ctx.db, c.regulation_id) : undefined,
  ];
  const answered = new Set([...s.rows.flatMap((x) => x.comments.map((y) => y.from)), ...s.noComment]).size;
  return synthesisDocx({
    issuer: org?.short_name ?? org?.name ?? '',
    symbol: `Số      -BC/${org?.symbol ?? ''}`,
    place: (org?.name ?? '').replace(/^Đảng bộ (tỉnh|xã|phường|thành phố)\s*/u, '') || 'An Lạc',
    date: ctx.today(),
    title: s.title,
    ...(c.document_text !== null ? { provisionLabel: 'Đoạn' } : {}),
    summary: `dự thảo ${r?.title ?? c.document_title ?? ''} (gửi xin ý kiến ngày ${formatDateVi(c.sent_on)}, hạn ${formatDateVi(c.deadline)}; ${answered} nơi góp ý)`,
    rows: s.rows,
    noComment: s.noComment,
    notAnswered: s.notAnswered,
  });
}

function nextExpression(current: string, taken: Set<string>): string {
  const m = /^(.*?)(?:-(\d+))?$/.exec(current)!;
  for (let n = Number(m[2] ?? 1) + 1; ; n++) {
    const e = `${m[1]}-${n}`;
    if (!taken.has(e)) return e;
  }
}

/**
 * The next version (bản chỉnh lý): the draft circulated with every provision pinned to its permanent id, the accepted
 * wording edited in; or the text the drafting team gives. Blocked while a comment awaits its disposition or a
 * recipient has neither answered nor been marked as not answering.
 */
export async function nextVersion(ctx: RequestContext, id: string, input: In<typeof NextVersionSchema>) {
  const { c, recipients, comments, manage } = await state(ctx, id);
  if (!manage) throw new ProblemError('FORBIDDEN', { detail: 'Chỉ cơ quan lấy ý kiến chỉnh lý dự thảo' });
  if (!['open', 'revised'].includes(c.state))
    throw new ProblemError('RULE_VIOLATION', {
      code: 'DA_TRINH_THONG_QUA',
      field: 'params.id',
      detail: 'Dự thảo đã trình thông qua',
    });
  assertNoBlockers(blockersOf(c, recipients, comments, ctx.today()));
  if (c.document_text !== null) return nextDocument(ctx, c, comments, input);
  const r = (await getRegulation(ctx.db, c.regulation_id!))!;
  const { text: draftText } = await versionRegulation(ctx.db, c.version_id!);
  const draft = parseRegulation(draftText);
  if (!draft.ok) throw new ProblemError('RULE_VIOLATION', { code: 'DU_THAO_LOI', detail: draft.error.message });
  const applied: { commentId: string; eId: string; cite: string }[] = [];
  let reg: Regulation;
  if (input.text) {
    const p = parseRegulation(input.text);
    if (!p.ok)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.text',
        detail: `Dòng ${p.error.line}, cột ${p.error.column}: ${p.error.message}`,
        line: p.error.line,
        column: p.error.column,
      });
    reg = p.regulation;
    if (reg.frontMatter.work && reg.frontMatter.work !== r.work)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.text',
        detail: `Văn bản thuộc quy chế ${reg.frontMatter.work}, không phải ${r.work}`,
      });
  } else {
    reg = pinWIds(draft.regulation);
    for (const x of comments.filter((y) => y.adopted_text && y.disposition && y.disposition !== 'not_accepted')) {
      const e = resolveAnchor(reg, { wId: x.anchor_wid, eId: x.anchor_eid, quote: x.quote }).element;
      if (!e || (e.kind !== 'clause' && e.kind !== 'point')) continue;
      replaceElementText(reg, e.wId, x.adopted_text!);
      applied.push({ commentId: x.id, eId: e.eId, cite: citeVi(e.shortId) });
    }
  }
  const taken = new Set(
    (
      await ctx.db.query<{ expression: string }>('select expression from regulation_version where regulation_id = $1', [
        r.id,
      ])
    ).rows.map((x) => x.expression),
  );
  const prev = c.next_version_id
    ? (await getVersion(ctx.db, c.next_version_id))!.expression
    : (await getVersion(ctx.db, c.version_id!))!.expression;
  const expression = input.expression ?? nextExpression(prev, taken);
  if (taken.has(expression))
    throw new ProblemError('DUPLICATE', { field: 'body.expression', detail: `Quy chế đã có phiên bản ${expression}` });
  setFrontMatter(reg, { expression, status: 'draft' });
  const text = printRegulation(reg);
  const check = parseRegulation(text);
  if (!check.ok)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'DU_THAO_LOI',
      detail: `Bản chỉnh lý không đọc lại được: dòng ${check.error.line}: ${check.error.message}`,
    });
  const vid = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `insert into regulation_version (id, regulation_id, org_id, expression, status, source_text, sha256, parsed, created_by) values ($1,$2,$3,$4,'draft',$5,$6,$7,$8)`,
      [
        vid,
        r.id,
        r.org_id,
        expression,
        text,
        sha256(text),
        JSON.stringify({ frontMatter: check.regulation.frontMatter, rules: check.regulation.rules }),
        ctx.user.id,
      ],
    );
    const after = await updateVersioned(tx, 'consultation', id, input.version, {
      state: 'revised',
      next_version_id: vid,
      memo: input.memo,
    });
    await notifyConsultation(tx, id);
    await ctx.audit(tx, {
      action: 'revise',
      entity: 'consultation',
      entityId: id,
      orgId: c.org_id,
      before: { state: c.state, nextVersionId: c.next_version_id },
      after: { state: after['state'], nextVersionId: vid, expression, applied: applied.length },
    });
  });
  // The draft as circulated (the one above was pinned and edited in place).
  const circulated = parseRegulation(draftText);
  const comparison = circulated.ok ? diffRegulations(circulated.regulation, check.regulation) : [];
  const consistency = await consistencyWithSuperior(ctx.db, check.regulation, ctx.today());
  // The wording changed, the rules under it did not: the drafting team checks that they still say the same.
  const rulesToReview = applied
    .map((a) => ({
      cite: a.cite,
      eId: a.eId,
      ruleIds: check.regulation.rules.filter((r) => r.basis === a.eId).map((r) => r.id),
    }))
    .filter((x, i, all) => x.ruleIds.length > 0 && all.findIndex((y) => y.eId === x.eId) === i);
  return {
    consultation: await getConsultation(ctx, id),
    versionId: vid,
    expression,
    applied,
    comparison: comparison as unknown as Record<string, unknown>[],
    consistency,
    rulesToReview,
  };
}

/** A document's next version: the paragraphs with the accepted wording, or the text the drafting team gives. */
async function nextDocument(
  ctx: RequestContext,
  c: ConsultationRow,
  comments: CommentRow[],
  input: In<typeof NextVersionSchema>,
) {
  const before = documentParagraphs(c.document_text!);
  const applied: { commentId: string; eId: string; cite: string }[] = [];
  let after: string[];
  if (input.text) after = documentParagraphs(input.text);
  else {
    after = [...before];
    for (const x of comments.filter((y) => y.adopted_text && y.disposition && y.disposition !== 'not_accepted')) {
      const n = Number(/^doan_(\d+)$/.exec(x.anchor_wid ?? '')?.[1] ?? 0);
      if (n < 1 || n > after.length) continue;
      after[n - 1] = x.adopted_text!.replace(/\s+/g, ' ').trim();
      applied.push({ commentId: x.id, eId: x.anchor_wid!, cite: `đoạn ${n}` });
    }
  }
  if (after.length === 0)
    throw new ProblemError('VALIDATION_FAILED', { field: 'body.text', detail: 'Bản chỉnh lý trống' });
  await ctx.db.transaction(async (tx) => {
    const row = await updateVersioned(tx, 'consultation', c.id, input.version, {
      state: 'revised',
      next_document_text: after.join('\n'),
      memo: input.memo,
    });
    await notifyConsultation(tx, c.id);
    await ctx.audit(tx, {
      action: 'revise',
      entity: 'consultation',
      entityId: c.id,
      orgId: c.org_id,
      before: { state: c.state },
      after: { state: row['state'], paragraphs: after.length, applied: applied.length },
    });
  });
  return {
    consultation: await getConsultation(ctx, c.id),
    versionId: null,
    expression: 'Bản chỉnh lý',
    applied,
    comparison: diffParagraphs(before, after) as unknown as Record<string, unknown>[],
    consistency: [],
    rulesToReview: [],
  };
}

/** Submits the next version to the body the regulation names (R: who decides QUY_CHE_LAM_VIEC), on a meeting's agenda. */
export async function submitConsultation(ctx: RequestContext, id: string, input: In<typeof SubmitConsultationSchema>) {
  const { c, recipients, comments, manage } = await state(ctx, id);
  if (!manage) throw new ProblemError('FORBIDDEN', { detail: 'Chỉ cơ quan lấy ý kiến trình dự thảo' });
  const isDocument = c.document_text !== null;
  if (c.state !== 'revised' || (!c.next_version_id && c.next_document_text === null))
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUA_CO_BAN_CHINH_LY',
      field: 'params.id',
      detail: c.state === 'open' ? 'Chưa có bản chỉnh lý sau lấy ý kiến' : 'Dự thảo đã được trình',
    });
  assertNoBlockers(blockersOf(c, recipients, comments, ctx.today()));
  const m = await getMeeting(ctx.db, input.meetingId);
  if (!m || m.org_id !== c.org_id || !(await ctx.can(m.org_id, 'read', m.confidentiality)))
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.meetingId',
      detail: 'Không tìm thấy hội nghị này trong tổ chức',
    });
  if (['closed', 'minutes_approved', 'cancelled'].includes(m.state))
    throw new ProblemError('RULE_VIOLATION', {
      code: 'TRANG_THAI_HOI_NGHI',
      field: 'body.meetingId',
      detail: `"${m.title}" đã kết thúc: chọn hội nghị sắp họp`,
    });
  const body = await loadBody(ctx.db, m.body_id);
  const inForce = await regulationFor(ctx.db, c.org_id, m.meeting_date);
  if (!inForce)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'KHONG_CO_QUY_CHE',
      field: 'body.meetingId',
      detail: 'Không có quy chế làm việc có hiệu lực để xác định cơ quan có thẩm quyền',
    });
  let competence: { ok: boolean; reason_vi: string; ruleIds: string[]; eIds: string[]; competent: string | null };
  try {
    const a = whoDecides(inForce.reg, c.matter ?? ADOPTION_MATTER, {}, m.meeting_date);
    const name = inForce.reg.frontMatter.bodies?.[a.result.body]?.name ?? a.result.body;
    competence = {
      ok: a.result.body === body.kind,
      reason_vi: a.result.body === body.kind ? a.reason_vi : `${a.reason_vi}: trình ${name}, không phải ${body.name}`,
      ruleIds: a.ruleIds,
      eIds: a.eIds,
      competent: a.result.body,
    };
  } catch (e) {
    if (e instanceof EngineError)
      throw new ProblemError('RULE_VIOLATION', {
        code: 'QUY_CHE_CHUA_QUY_DINH',
        field: 'body.meetingId',
        detail: `Quy chế chưa quy định cơ quan quyết định nội dung này: ${e.reason_vi}`,
      });
    throw e;
  }
  if (!competence.ok)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'SAI_THAM_QUYEN_THONG_QUA',
      title: isDocument ? 'Sai thẩm quyền thông qua' : 'Sai thẩm quyền thông qua quy chế',
      field: 'body.meetingId',
      detail: competence.reason_vi,
      ruleIds: competence.ruleIds,
      eIds: competence.eIds,
      competent: competence.competent,
    });
  const r = c.regulation_id ? await getRegulation(ctx.db, c.regulation_id) : undefined;
  const next = c.next_version_id ? await getVersion(ctx.db, c.next_version_id) : undefined;
  // Before adoption: not looser than the superior's regulation (errors block, warnings are shown on the draft).
  const nextReg = next ? parseRegulation(next.source_text) : null;
  const errors = nextReg?.ok
    ? (await consistencyWithSuperior(ctx.db, nextReg.regulation, m.meeting_date)).filter((f) => f.severity === 'error')
    : [];
  if (errors.length)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'TRAI_QUY_CHE_CAP_TREN',
      title: 'Dự thảo trái quy chế cấp trên',
      field: 'params.id',
      detail: errors.map((f) => f.message).join('; '),
      findings: errors,
    });
  const itemId = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const pos = (
      await tx.query<{ n: number }>(
        'select coalesce(max(position), 0)::int + 1 as n from agenda_item where meeting_id = $1',
        [m.id],
      )
    ).rows[0]!.n;
    const title =
      next && r
        ? `Xem xét, thông qua ${r.title} (dự thảo ${next.expression})`
        : `Xem xét, thông qua ${c.document_title ?? c.title}`;
    const matter = c.matter ?? ADOPTION_MATTER;
    await tx.query(
      'insert into agenda_item (id, org_id, meeting_id, position, title, matter, presenting_unit, confidentiality, regulation_version_id) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
      [
        itemId,
        c.org_id,
        m.id,
        pos,
        title,
        matter,
        'Cơ quan soạn thảo',
        Math.max(c.confidentiality, m.confidentiality),
        next?.id ?? null,
      ],
    );
    await ctx.audit(tx, {
      action: 'create',
      entity: 'agenda_item',
      entityId: itemId,
      orgId: c.org_id,
      after: { meetingId: m.id, title, matter, regulationVersionId: next?.id ?? null },
    });
    const after = await updateVersioned(tx, 'consultation', id, input.version, {
      state: 'submitted',
      meeting_id: m.id,
      agenda_item_id: itemId,
      competence: JSON.stringify(competence),
    });
    await notifyConsultation(tx, id);
    await ctx.audit(tx, {
      action: 'submit',
      entity: 'consultation',
      entityId: id,
      orgId: c.org_id,
      before: { state: c.state },
      after: { state: after['state'], meetingId: m.id, agendaItemId: itemId },
    });
    await notifyMeeting(tx, m.id);
  });
  return getConsultation(ctx, id);
}

/**
 * Adoption by the meeting's vote: the engine's outcome decides; the version is in force from the date (the meeting's
 * by default) and the previous one keeps answering for earlier dates. The subordinates it makes inconsistent get a
 * task each.
 */
export async function adoptConsultation(ctx: RequestContext, id: string, input: In<typeof AdoptConsultationSchema>) {
  const { c, manage } = await state(ctx, id);
  if (!manage) throw new ProblemError('FORBIDDEN', { detail: 'Chỉ cơ quan lấy ý kiến ghi nhận việc thông qua' });
  if (c.state !== 'submitted' || !c.agenda_item_id || !c.meeting_id)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUA_TRINH',
      field: 'params.id',
      detail: 'Dự thảo chưa được trình hội nghị',
    });
  const m = (await getMeeting(ctx.db, c.meeting_id))!;
  const vote = (
    await ctx.db.query<{
      passed: boolean;
      yes: number;
      total_members: number;
      outcome: { reason_vi?: string; eIds?: string[]; ruleIds?: string[] };
    }>(
      'select passed, yes, total_members, outcome from vote where agenda_item_id = $1 order by created_at desc limit 1',
      [c.agenda_item_id],
    )
  ).rows[0];
  if (!vote)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUA_BIEU_QUYET',
      field: 'params.id',
      detail: `Hội nghị "${m.title}" chưa biểu quyết nội dung này`,
    });
  if (!vote.passed)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUA_THONG_QUA',
      title: 'Dự thảo không được thông qua',
      field: 'params.id',
      detail: vote.outcome.reason_vi ?? `${vote.yes}/${vote.total_members} tán thành`,
      eIds: vote.outcome.eIds ?? [],
      ruleIds: vote.outcome.ruleIds ?? [],
    });
  const inForceFrom = input.inForceFrom ?? m.meeting_date;
  if (inForceFrom < m.meeting_date)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.inForceFrom',
      detail: `Ngày có hiệu lực (${formatDateVi(inForceFrom)}) trước ngày thông qua (${formatDateVi(m.meeting_date)})`,
    });
  if (c.document_text !== null) {
    // A document: adopted by the vote; its text is the consultation's next version.
    await ctx.db.transaction(async (tx) => {
      const after = await updateVersioned(tx, 'consultation', id, input.version, {
        state: 'adopted',
        adopted_on: m.meeting_date,
      });
      await notifyConsultation(tx, id);
      await ctx.audit(tx, {
        action: 'adopt',
        entity: 'consultation',
        entityId: id,
        orgId: c.org_id,
        before: { state: c.state },
        after: {
          state: after['state'],
          adoptedOn: m.meeting_date,
          vote: { yes: vote.yes, totalMembers: vote.total_members },
        },
      });
    });
    return getConsultation(ctx, id);
  }
  const r = (await getRegulation(ctx.db, c.regulation_id!))!;
  const next = (await getVersion(ctx.db, c.next_version_id!))!;
  const reg = parseRegulation(next.source_text);
  if (!reg.ok) throw new ProblemError('RULE_VIOLATION', { code: 'DU_THAO_LOI', detail: reg.error.message });
  setFrontMatter(reg.regulation, { status: 'adopted', adopted_on: m.meeting_date, in_force_from: inForceFrom });
  const text = printRegulation(reg.regulation);
  const impact = await ctx.db.transaction(async (tx) => {
    const before = await regulationOn(tx, r.id, addDays(inForceFrom, -1));
    await tx.query(
      "update regulation_version set status = 'adopted', adopted_on = $2, in_force_from = $3, source_text = $4, sha256 = $5, parsed = $6 where id = $1",
      [
        next.id,
        m.meeting_date,
        inForceFrom,
        text,
        sha256(text),
        JSON.stringify({ frontMatter: reg.regulation.frontMatter, rules: reg.regulation.rules }),
      ],
    );
    await ctx.audit(tx, {
      action: 'adopt',
      entity: 'regulation_version',
      entityId: next.id,
      orgId: c.org_id,
      before: { status: next.status },
      after: {
        status: 'adopted',
        adoptedOn: m.meeting_date,
        inForceFrom,
        meeting: m.title,
        vote: { yes: vote.yes, totalMembers: vote.total_members },
      },
    });
    const after = await updateVersioned(tx, 'consultation', id, input.version, {
      state: 'adopted',
      adopted_on: m.meeting_date,
    });
    await notifyConsultation(tx, id);
    await ctx.audit(tx, {
      action: 'adopt',
      entity: 'consultation',
      entityId: id,
      orgId: c.org_id,
      before: { state: c.state },
      after: { state: after['state'], adoptedOn: m.meeting_date, inForceFrom },
    });
    const now = await regulationOn(tx, r.id, inForceFrom);
    return before && now
      ? applyImpact(ctx, tx, r, before, now, {
          key: `version:${next.id}`,
          label: `${r.title} (phiên bản ${next.expression}, hiệu lực từ ${formatDateVi(inForceFrom)})`,
          effectiveOn: inForceFrom,
        })
      : [];
  });
  return { ...(await getConsultation(ctx, id)), impact };
}

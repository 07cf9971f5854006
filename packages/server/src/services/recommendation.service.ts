import {
  dueDate,
  foldVietnamese,
  ProblemError,
  RECOMMENDATION_DUTY,
  RECOMMENDATION_EVENT,
  RECOMMENDATION_TRANSITIONS,
  recommendationStatus,
  invalidField,
  ruleViolation,
} from '@quyche/core';
import type { CreateRecommendationSchema, RecommendationListQuerySchema, RecommendationStepSchema } from '@quyche/core';
import {
  getOrganization,
  inspectionOrgById,
  insertRecommendation,
  listRecommendationsForOrg,
  orgChainUp,
  recommendationById,
  touchRecommendation,
} from '@quyche/db';
import type { RecommendationRow } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { regulationFor, unlessNoRule } from './regulation-in-force.js';
import { loadBody } from './meeting.load.js';
import { updateVersioned } from './sql-update.js';
import { createTask } from './task.service.js';
import { tasksBySource } from './task.view.js';
import { createAudited } from './record.create.js';

/**
 * A recommendation is the record of the body it is sent to; the sending unit follows it too. Its staff may file
 * it (sending upward only) and withdraw it; answering stays with the receiving organization.
 */
export async function loadRecommendation(
  ctx: RequestContext,
  id: string,
  action: 'read' | 'sender' | 'write' = 'read',
) {
  const r = await recommendationById(ctx.db, id);
  if (!r) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy kiến nghị' });
  ctx.assertClearance(r.confidentiality);
  const need = action === 'read' ? 'read' : 'write';
  if (await ctx.can(r.org_id, need, r.confidentiality)) return r;
  if (action !== 'write' && r.from_org_id && (await ctx.can(r.from_org_id, need, r.confidentiality))) return r;
  await ctx.assertOrg(r.org_id, need, r.confidentiality);
  return r;
}

export async function createRecommendation(ctx: RequestContext, input: In<typeof CreateRecommendationSchema>) {
  ctx.assertClearance(input.confidentiality ?? 0);
  const to = await getOrganization(ctx.db, input.orgId);
  let fromLabel = input.fromLabel;
  if (input.fromOrgId) {
    // Filed by the sender: only upward, to an organization above it (which its staff need not otherwise see).
    await ctx.assertOrg(input.fromOrgId, 'write');
    const up = await orgChainUp(ctx.db, input.fromOrgId);
    if (!to || input.fromOrgId === input.orgId || !up.includes(input.orgId)) {
      throw ruleViolation(
        'KIEN_NGHI_LEN_CAP_TREN',
        'Kiến nghị, đề xuất gửi lên cấp trên: tổ chức nhận phải là cấp trên của đơn vị gửi',
        'body.orgId',
      );
    }
    fromLabel ??= (await getOrganization(ctx.db, input.fromOrgId))!.name;
  } else {
    if (!to) throw invalidField('body.orgId', 'Không tìm thấy tổ chức nhận kiến nghị');
    await ctx.assertOrg(input.orgId, 'write');
    if (!fromLabel) throw invalidField('body.fromLabel', 'Ghi đơn vị, đoàn hoặc người gửi kiến nghị');
  }
  if (input.toBodyId) {
    const b = await loadBody(ctx.db, input.toBodyId);
    if (b.org_id !== input.orgId)
      throw invalidField('body.toBodyId', 'Cơ quan nhận không thuộc tổ chức nhận kiến nghị');
  }
  if (input.inspectionId) {
    const i = await inspectionOrgById(ctx.db, input.inspectionId);
    if (!i || i.org_id !== input.orgId)
      throw invalidField('body.inspectionId', 'Không tìm thấy cuộc kiểm tra, giám sát này của tổ chức nhận');
  }
  // The answer's deadline is the receiving organization's regulation's.
  const reg = (await regulationFor(ctx.db, input.orgId, input.receivedOn))?.reg;
  const a =
    reg && unlessNoRule(() => dueDate(reg, RECOMMENDATION_DUTY, input.receivedOn, undefined, RECOMMENDATION_EVENT));
  const due: { on: string; basis: RecommendationRow['due_basis'] } | null = a
    ? { on: a.result.due, basis: { ok: true, reason_vi: a.reason_vi, ruleIds: a.ruleIds, eIds: a.eIds } }
    : null;
  const after = { ...input, fromLabel, dueOn: due?.on ?? null };
  const id = await createAudited(ctx, 'recommendation', input.orgId, after, (tx, id) =>
    insertRecommendation(tx, {
      id,
      org_id: input.orgId,
      to_body_id: input.toBodyId ?? null,
      source: input.source,
      from_org_id: input.fromOrgId ?? null,
      from_label: fromLabel,
      inspection_id: input.inspectionId ?? null,
      title: input.title,
      text: input.text,
      received_on: input.receivedOn,
      due_on: due?.on ?? null,
      due_basis: due ? JSON.stringify(due.basis) : null,
      confidentiality: input.confidentiality ?? 0,
      search_text: foldVietnamese(`${input.title} ${fromLabel}`),
    }),
  );
  return getRecommendation(ctx, id);
}

export async function stepRecommendation(ctx: RequestContext, id: string, input: In<typeof RecommendationStepSchema>) {
  const r = await loadRecommendation(ctx, id, input.to === 'withdrawn' ? 'sender' : 'write');
  if (!RECOMMENDATION_TRANSITIONS[r.state].includes(input.to))
    throw ruleViolation(
      'TRANG_THAI_KIEN_NGHI',
      `Kiến nghị ${r.state === 'answered' ? 'đã được trả lời' : 'đã rút'}: không chuyển được`,
      'body.to',
    );
  if (input.to === 'answered' && input.answeredOn < r.received_on)
    throw invalidField('body.answeredOn', 'Ngày trả lời trước ngày nhận kiến nghị');
  await ctx.db.transaction(async (tx) => {
    const fields: Record<string, unknown> = { state: input.to };
    if (input.to === 'assigned') {
      const body = r.to_body_id ? await loadBody(tx, r.to_body_id) : null;
      await createTask(
        ctx.withDb(tx),
        {
          orgId: r.org_id,
          title: `Tham mưu trả lời kiến nghị: ${r.title}`,
          leads: [input.lead],
          dueDate: input.dueDate ?? r.due_on,
          supervisorPersonId: input.supervisorPersonId ?? null,
          decidingBody: body?.kind ?? null,
          product: 'Văn bản trả lời kiến nghị',
          sourceKind: 'recommendation',
          sourceLabel: `Kiến nghị của ${r.from_label}`,
          sourceBodyId: r.to_body_id,
          confidentiality: r.confidentiality,
          assign: true,
        },
        r.id,
      );
    }
    if (input.to === 'answered')
      Object.assign(fields, {
        answered_on: input.answeredOn,
        answer_text: input.answerText,
        answer_symbol: input.answerSymbol ?? null,
      });
    const after = await updateVersioned(tx, 'recommendation', id, input.version, fields);
    await touchRecommendation(tx, id);
    await ctx.auditChange(tx, input.to === 'answered' ? 'answer' : 'transition', ['recommendation', id, r.org_id], {
      before: { state: r.state },
      after: { ...after, note: 'note' in input ? input.note : undefined },
    });
  });
  return getRecommendation(ctx, id);
}

async function view(ctx: RequestContext, r: RecommendationRow, tasks: Awaited<ReturnType<typeof tasksBySource>>) {
  const org = await getOrganization(ctx.db, r.org_id);
  const body = r.to_body_id ? await loadBody(ctx.db, r.to_body_id) : null;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: org?.name ?? '',
    toBodyId: r.to_body_id,
    toBodyName: body?.name ?? null,
    source: r.source,
    fromOrgId: r.from_org_id,
    fromLabel: r.from_label,
    inspectionId: r.inspection_id,
    title: r.title,
    text: r.text,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    dueBasis: r.due_basis,
    state: r.state,
    status: recommendationStatus({ state: r.state, dueOn: r.due_on, answeredOn: r.answered_on }, ctx.today()),
    answerText: r.answer_text,
    answeredOn: r.answered_on,
    answerSymbol: r.answer_symbol,
    tasks: tasks.get(r.id) ?? [],
    confidentiality: r.confidentiality,
    canAnswer: await ctx.can(r.org_id, 'write', r.confidentiality),
    version: r.version,
  };
}

export async function getRecommendation(ctx: RequestContext, id: string) {
  const r = await loadRecommendation(ctx, id);
  return view(ctx, r, await tasksBySource(ctx, 'recommendation', [id]));
}

export async function listRecommendations(ctx: RequestContext, q: In<typeof RecommendationListQuerySchema>) {
  await ctx.assertOrg(q.orgId, 'read');
  const rows = await listRecommendationsForOrg(ctx.db, {
    orgId: q.orgId,
    direction: q.direction,
    clearance: ctx.user.clearance,
    state: q.state ?? null,
    today: ctx.today(),
    words: q.q ? foldVietnamese(q.q).split(/\s+/).filter(Boolean) : [],
  });
  const tasks = await tasksBySource(
    ctx,
    'recommendation',
    rows.map((r) => r.id),
  );
  const out = [];
  for (const r of rows) out.push(await view(ctx, r, tasks));
  return out;
}

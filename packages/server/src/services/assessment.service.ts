import {
  ASSESSMENT_FACTS,
  ASSESSMENT_LEVEL_VI,
  ASSESSMENT_LEVELS,
  assessmentInput,
  classify,
  FIGURE_LABEL_VI,
  ProblemError,
  quotaCheck,
  ruleViolation,
} from '@quyche/core';
import type {
  AdjustAssessmentSchema,
  AssessmentCriteriaRule,
  AssessmentLevel,
  AssessmentOpinionSchema,
  DecideAssessmentSchema,
  Evidence,
  Regulation,
  SelfAssessmentSchema,
} from '@quyche/core';
import { assessmentById, assessmentRegulationFor, assessmentsOfUnits, updateAssessment } from '@quyche/db';
import type { AssessmentRow } from '@quyche/db';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { evidenceOf } from './assessment-evidence.service.js';
import { assertOrderKept } from './assessment-timetable.service.js';
import { parseOr400 } from './regulation.service.js';

/** The day a year's record is read on: the year's last day, or today while the year runs. */
export const yearAsOf = (ctx: RequestContext, year: number) =>
  `${year}-12-31` < ctx.today() ? `${year}-12-31` : ctx.today();

/** The assessment rules in force for an organization on a day, parsed; refused with its code when there are none. */
export async function assessmentRules(ctx: RequestContext, orgId: string, on: string) {
  const v = await assessmentRegulationFor(ctx.db, orgId, on);
  if (!v)
    throw ruleViolation(
      'CHUA_CO_QUY_DINH_DANH_GIA',
      'Tổ chức này và các cấp trên chưa có quy định đánh giá, xếp loại chất lượng có hiệu lực: nạp quy định (ví dụ ' +
        'Quy định 366-QĐ/TW và tiêu chí chi tiết của tỉnh) trước khi mở kỳ đánh giá',
    );
  const reg = parseOr400(v.source_text);
  return { reg, info: { regulationId: v.regulation_id, title: v.title, expression: v.expression } };
}

const refuse = (detail: string, field = 'body') => ruleViolation('DANH_GIA_KHONG_HOP_LE', detail, field);
const levelVi = (l: string) => ASSESSMENT_LEVEL_VI[l as AssessmentLevel] ?? l;
const rank = (l: string) => ASSESSMENT_LEVELS.indexOf(l as AssessmentLevel);

async function load(ctx: RequestContext, id: string) {
  const a = await assessmentById(ctx.db, id);
  if (!a) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy phiếu đánh giá này' });
  return a;
}
const isOwn = (ctx: RequestContext, a: AssessmentRow) => a.person_id !== null && a.person_id === ctx.user.personId;

function criteriaOf(reg: Regulation, subject: string) {
  const rule = reg.rules.find(
    (r): r is AssessmentCriteriaRule => r.kind === 'assessment_criteria' && r.subject === subject,
  );
  return (rule?.groups ?? []).map((g) => ({ id: String(g.id), text: String(g.text), max: Number(g.max) }));
}
const total = (points: Record<string, number> | null) =>
  points ? Math.round(Object.values(points).reduce((s, p) => s + p, 0) * 100) / 100 : null;

/** The figures the classification reads, and what the rules give for them and the self-assessed points. */
async function judged(ctx: RequestContext, a: AssessmentRow, reg: Regulation, asOf: string) {
  const evidence: Evidence = a.state === 'decided' ? a.evidence : await evidenceOf(ctx.db, a, asOf);
  const points = total(a.self_points);
  const input = assessmentInput(a.subject, points ?? 0, evidence, a.adjustments);
  const answer = points === null ? null : classify(reg, input, asOf);
  return { evidence, points, input, answer };
}

/**
 * One subject's assessment: the record's figures with their evidence (live until the decision, then as decided),
 * the assessor's changes with their reasons, the self-assessment, the opinion, and what the rules give. The member
 * reads their own; others as their organizations allow; every reading is in the audit log.
 */
export async function getAssessment(ctx: RequestContext, id: string) {
  const a = await load(ctx, id);
  if (!isOwn(ctx, a)) await ctx.assertOrg(a.org_id, 'read');
  await ctx.db.transaction((tx) => ctx.auditChange(tx, 'read_assessment', ['assessment', a.id, a.org_id]));
  const asOf = yearAsOf(ctx, a.year);
  const { reg, info } = await assessmentRules(ctx, a.org_id, asOf);
  const { evidence, points, input, answer } = await judged(ctx, a, reg, asOf);
  const adjusted = new Set(a.adjustments.map((x) => x.field));
  const mayWrite = await ctx.can(a.org_id, 'write');
  const open = a.state !== 'decided';
  return {
    id: a.id,
    year: a.year,
    subject: a.subject,
    name: a.name,
    orgId: a.org_id,
    orgName: a.org_name,
    unitId: a.unit_id,
    personId: a.person_id,
    state: a.state,
    rules: info,
    criteria: criteriaOf(reg, a.subject),
    evidence: Object.fromEntries(
      Object.entries(evidence).map(([k, f]) => [
        k,
        {
          ...f,
          value: typeof input[k] === 'number' ? (input[k] as number) : f.value,
          label_vi: FIGURE_LABEL_VI[k] ?? k,
          adjusted: adjusted.has(k),
        },
      ]),
    ),
    facts: Object.fromEntries(
      ASSESSMENT_FACTS.map((f) => [f, { value: input[f] === true, label_vi: FIGURE_LABEL_VI[f] ?? f }]),
    ),
    adjustments: a.adjustments.map((x) => ({ ...x, label_vi: FIGURE_LABEL_VI[x.field] ?? x.field })),
    self:
      a.self_points && a.self_on
        ? { points: a.self_points, total: points ?? 0, text: a.self_text ?? '', on: a.self_on }
        : null,
    classification: answer
      ? {
          level: answer.result.level,
          label_vi: answer.result.label_vi,
          ruleIds: answer.ruleIds,
          eIds: answer.eIds,
          reason_vi: answer.reason_vi,
        }
      : null,
    opinion: a.opinion ? { text: a.opinion, level: a.opinion_level as AssessmentLevel | null, on: a.opinion_on } : null,
    decision: a.decided_level
      ? {
          level: a.decided_level as AssessmentLevel,
          label_vi: levelVi(a.decided_level),
          points: a.decided_points,
          on: a.decided_on,
          justification: a.justification,
          basis: a.decided_basis,
        }
      : null,
    mayEditSelf: open && (isOwn(ctx, a) || mayWrite),
    mayAssess: open && mayWrite,
    version: a.version,
  };
}

async function save(
  ctx: RequestContext,
  a: AssessmentRow,
  version: number,
  set: Record<string, unknown>,
  action: string,
) {
  await ctx.db.transaction(async (tx) => {
    if (!(await updateAssessment(tx, a.id, version, set)))
      throw new ProblemError('VERSION_CONFLICT', {
        detail: 'Phiếu đánh giá vừa được người khác sửa: tải lại rồi làm tiếp',
      });
    await ctx.auditChange(tx, action, ['assessment', a.id, a.org_id], { before: { state: a.state }, after: set });
  });
  return getAssessment(ctx, a.id);
}

/** The self-assessment: points for each criterion group of the rules, none above its maximum. */
export async function selfAssess(ctx: RequestContext, id: string, body: z.output<typeof SelfAssessmentSchema>) {
  const a = await load(ctx, id);
  if (!isOwn(ctx, a)) {
    ctx.assertMayWriteSomewhere();
    await ctx.assertOrg(a.org_id, 'write');
  }
  if (a.state === 'decided') throw refuse('Phiếu đã được cấp có thẩm quyền quyết định xếp loại, không sửa được');
  const asOf = yearAsOf(ctx, a.year);
  const { reg } = await assessmentRules(ctx, a.org_id, asOf);
  const groups = criteriaOf(reg, a.subject);
  for (const key of Object.keys(body.points))
    if (!groups.some((g) => g.id === key))
      throw refuse(`Quy định không có nhóm tiêu chí "${key}"`, `body.points.${key}`);
  for (const g of groups) {
    const p = body.points[g.id];
    if (p === undefined) throw refuse(`Chưa chấm nhóm tiêu chí "${g.text}"`, `body.points.${g.id}`);
    if (p > g.max) throw refuse(`"${g.text}": ${p} điểm, vượt tối đa ${g.max} điểm`, `body.points.${g.id}`);
  }
  const { answer } = await judged(ctx, { ...a, self_points: body.points }, reg, asOf);
  return save(
    ctx,
    a,
    body.version,
    {
      self_points: body.points,
      self_text: body.text ?? '',
      self_level: answer?.result.level ?? null,
      self_on: ctx.today(),
      state: a.state === 'open' ? 'self_assessed' : a.state,
    },
    'self_assess',
  );
}

/** The assessor changes a figure or records a fact; the reason stays beside the number, the earlier value too. */
export async function adjustAssessment(ctx: RequestContext, id: string, body: z.output<typeof AdjustAssessmentSchema>) {
  ctx.assertMayWriteSomewhere();
  const a = await load(ctx, id);
  await ctx.assertOrg(a.org_id, 'write');
  if (a.state === 'decided') throw refuse('Phiếu đã được quyết định xếp loại, không sửa số liệu được');
  const isFact = (ASSESSMENT_FACTS as readonly string[]).includes(body.field);
  if (isFact !== (typeof body.value === 'boolean'))
    throw refuse(`"${FIGURE_LABEL_VI[body.field]}" ${isFact ? 'là có hoặc không' : 'là một số'}`, 'body.value');
  const asOf = yearAsOf(ctx, a.year);
  const { reg } = await assessmentRules(ctx, a.org_id, asOf);
  const { input } = await judged(ctx, a, reg, asOf);
  const from = isFact ? input[body.field] === true : Number(input[body.field] ?? 0);
  if (from === body.value) throw refuse(`"${FIGURE_LABEL_VI[body.field]}" đã là ${String(from)}`, 'body.value');
  const change = {
    field: body.field,
    from,
    to: body.value,
    reason: body.reason,
    by: ctx.user.displayName,
    on: ctx.today(),
  };
  return save(ctx, a, body.version, { adjustments: [...a.adjustments, change] }, 'adjust_assessment');
}

/** The cell's (or the committee's) opinion, with the level it proposes. */
export async function giveOpinion(ctx: RequestContext, id: string, body: z.output<typeof AssessmentOpinionSchema>) {
  ctx.assertMayWriteSomewhere();
  const a = await load(ctx, id);
  await ctx.assertOrg(a.org_id, 'write');
  if (a.state === 'decided') throw refuse('Phiếu đã được quyết định xếp loại');
  return save(
    ctx,
    a,
    body.version,
    {
      opinion: body.text,
      opinion_level: body.level ?? null,
      opinion_by: ctx.user.id,
      opinion_on: ctx.today(),
      state: 'reviewed',
    },
    'assessment_opinion',
  );
}

/** The decided levels of a unit's subjects of one kind, this one left out. */
async function decidedInUnit(ctx: RequestContext, a: AssessmentRow) {
  const rows = await assessmentsOfUnits(ctx.db, [a.unit_id], a.year);
  return rows.filter((r) => r.id !== a.id && r.subject === a.subject && r.decided_level);
}

/**
 * The competent level classifies: never above what the rules give for the record and the points (the clause
 * named), and at the top level within the unit's quota — the wider quota only for a unit found outstanding, with the
 * justification recorded. The figures are kept as decided.
 */
export async function decideAssessment(ctx: RequestContext, id: string, body: z.output<typeof DecideAssessmentSchema>) {
  ctx.assertMayWriteSomewhere();
  const a = await load(ctx, id);
  await ctx.assertOrg(a.unit_id, 'write');
  if (a.state === 'decided') throw refuse('Phiếu đã được quyết định xếp loại');
  const asOf = yearAsOf(ctx, a.year);
  const { reg, info } = await assessmentRules(ctx, a.org_id, asOf);
  const { evidence, points, answer } = await judged(ctx, a, reg, asOf);
  if (!answer || points === null) throw refuse('Chưa có phiếu tự đánh giá, chấm điểm', 'body.level');
  await assertOrderKept(ctx, a, reg, asOf, info.title);
  if (rank(body.level) < rank(answer.result.level))
    throw ruleViolation(
      'XEP_LOAI_VUOT_DIEU_KIEN',
      `Không xếp "${levelVi(body.level)}": theo hồ sơ và số điểm tự chấm, mức cao nhất là ` +
        `"${answer.result.label_vi}". ${answer.reason_vi}`,
      'body.level',
    );
  let basis = { ruleIds: answer.ruleIds, eIds: answer.eIds, reason_vi: answer.reason_vi };
  if (body.level === 'xuat_sac') {
    if (body.outstanding && (body.justification ?? '').length < 20)
      throw refuse(
        'Áp dụng tỷ lệ của đơn vị có thành tích nổi trội cần ghi rõ căn cứ (ít nhất 20 ký tự)',
        'body.justification',
      );
    const others = await decidedInUnit(ctx, a);
    const q = quotaCheck(
      reg,
      {
        xuat_sac: others.filter((r) => r.decided_level === 'xuat_sac').length + 1,
        tot: others.filter((r) => r.decided_level === 'tot').length,
        outstanding: body.outstanding === true,
      },
      asOf,
    );
    if (!q.result.ok)
      throw ruleViolation(
        'VUOT_TY_LE_XUAT_SAC',
        `${q.reason_vi}. Xếp loại "Hoàn thành tốt nhiệm vụ" cho các trường hợp khác trước, hoặc xếp mức thấp hơn`,
        'body.level',
      );
    basis = {
      ruleIds: [...basis.ruleIds, ...q.ruleIds],
      eIds: [...basis.eIds, ...q.eIds],
      reason_vi: `${basis.reason_vi}; ${q.reason_vi}`,
    };
  }
  return save(
    ctx,
    a,
    body.version,
    {
      decided_level: body.level,
      decided_points: points,
      decided_basis: basis,
      evidence,
      justification: body.justification ?? null,
      decided_by: ctx.user.id,
      decided_on: ctx.today(),
      state: 'decided',
    },
    'decide_assessment',
  );
}

import { formatDateVi, ProblemError, REVIEW_REQUEST_STATE_LABELS, invalidField, ruleViolation } from '@quyche/core';
import type { ConcludeReviewRequestSchema, CreateReviewRequestSchema, SubmitReviewRequestSchema } from '@quyche/core';
import {
  getOrganization,
  insertReviewRequest,
  insertReviewRequestShortcoming,
  linkRecommendationToReviewRequest,
  listReviewRequests as listRequestRows,
  orgChainUp,
  reviewReportOwner,
  reviewReportSummary,
  reviewRequestById,
  reviewRequestRecommendations,
  reviewRequestShortcomings,
  reviewTermStart,
  termOn,
  touchReviewRequest,
  uuidv7,
} from '@quyche/db';
import type { ReviewRequestRow, ReviewRequestTable, Sql, Updateable } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { createRecommendation } from './recommendation.service.js';
import { updateVersioned } from './sql-update.js';
import { createAudited } from './record.create.js';

/**
 * Working-group reviews (đoàn công tác): the superior sends a request with its topics and a deadline; the
 * subordinate answers with its own report (a review report it drafted in the system); the group records its
 * conclusion, whose shortcomings enter the subordinate's register and whose recommendations the superior answers.
 */
interface Row extends Omit<ReviewRequestRow, 'topics' | 'team' | 'state'> {
  topics: string[];
  team: { name: string; role: string }[];
  state: 'sent' | 'submitted' | 'concluded' | 'cancelled';
}

/** Readable by the superior's staff and by the subordinate's. */
async function load(ctx: RequestContext, id: string) {
  const r = (await reviewRequestById(ctx.db, id)) as Row | undefined;
  if (!r) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy yêu cầu báo cáo của đoàn công tác' });
  if (
    !(await ctx.can(r.org_id, 'read', r.confidentiality)) &&
    !(await ctx.can(r.target_org_id, 'read', r.confidentiality))
  )
    await ctx.assertOrg(r.org_id, 'read', r.confidentiality);
  return r;
}

const orgName = async (ctx: RequestContext, id: string) => {
  const o = await getOrganization(ctx.db, id);
  return o?.short_name ?? o?.name ?? '';
};

/**
 * The request for a step taken by one side (the group's organization or the subordinate), refused with `refusal`'s
 * words unless it is in the state the step starts from.
 */
async function loadForStep(
  ctx: RequestContext,
  id: string,
  side: 'org_id' | 'target_org_id',
  from: string,
  refusal: (r: Row) => string | Promise<string>,
) {
  const r = await load(ctx, id);
  await ctx.assertOrg(r[side], 'write', r.confidentiality);
  if (r.state !== from) throw ruleViolation('TRANG_THAI_YEU_CAU', await refusal(r), 'params.id');
  return r;
}

type ReviewRequestFields = Updateable<ReviewRequestTable>;

/**
 * A step's write by `side`: the request's columns at the version the client read, its stamp, and the audit entry
 * (in that side's organization) from the state it left.
 */
async function writeStep(
  ctx: RequestContext,
  tx: Sql,
  r: Row,
  side: 'org_id' | 'target_org_id',
  { action, version, fields, after }: { action: string; version: number; fields: ReviewRequestFields; after: unknown },
) {
  await updateVersioned(tx, 'review_request', r.id, version, fields);
  await touchReviewRequest(tx, r.id);
  await ctx.auditChange(tx, action, ['review_request', r.id, r[side]], { before: { state: r.state }, after });
}

async function summary(ctx: RequestContext, r: Row) {
  const report = r.report_id ? ((await reviewReportSummary(ctx.db, r.report_id)) ?? null) : null;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: await orgName(ctx, r.org_id),
    targetOrgId: r.target_org_id,
    targetOrgName: await orgName(ctx, r.target_org_id),
    title: r.title,
    topics: r.topics,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    sentOn: r.sent_on,
    deadline: r.deadline,
    team: r.team,
    state: r.state,
    stateLabel_vi: REVIEW_REQUEST_STATE_LABELS[r.state].vi,
    late: r.submitted_on ? r.submitted_on > r.deadline : r.state === 'sent' && ctx.today() > r.deadline,
    report,
    submittedOn: r.submitted_on,
    concludedOn: r.concluded_on,
    canConclude: r.state === 'submitted' && (await ctx.can(r.org_id, 'write', r.confidentiality)),
    canSubmit: r.state === 'sent' && (await ctx.can(r.target_org_id, 'write', r.confidentiality)),
    version: r.version,
  };
}

export async function getReviewRequest(ctx: RequestContext, id: string) {
  const r = await load(ctx, id);
  const shortcomings = await reviewRequestShortcomings(ctx.db, id);
  const recommendations = await reviewRequestRecommendations(ctx.db, id);
  return {
    ...(await summary(ctx, r)),
    conclusionText: r.conclusion_text,
    shortcomings: shortcomings.map((s) => ({ id: s.id, title: s.text, state: s.state, dueDate: s.due_date })),
    recommendations: recommendations.map((x) => ({ id: x.id, title: x.title, state: x.state, dueOn: x.due_on })),
  };
}

/** The requests an organization sent and those it received. */
export async function listReviewRequests(ctx: RequestContext, orgId: string) {
  await ctx.assertOrg(orgId, 'read');
  const rows = (await listRequestRows(ctx.db, orgId, ctx.user.clearance)) as Row[];
  return Promise.all(
    rows.map(async (r) => ({
      ...(await summary(ctx, r)),
      direction: r.org_id === orgId ? ('sent' as const) : ('received' as const),
    })),
  );
}

export async function createReviewRequest(ctx: RequestContext, input: In<typeof CreateReviewRequestSchema>) {
  await ctx.assertOrg(input.orgId, 'write');
  const superior = await getOrganization(ctx.db, input.orgId);
  const target = await getOrganization(ctx.db, input.targetOrgId);
  if (!superior) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy tổ chức gửi đoàn công tác' });
  if (
    !target ||
    input.targetOrgId === input.orgId ||
    !(await orgChainUp(ctx.db, input.targetOrgId)).includes(input.orgId)
  ) {
    throw ruleViolation(
      'KHONG_PHAI_CAP_DUOI',
      `Đoàn công tác chỉ làm việc với tổ chức trực thuộc ${superior.name}`,
      'body.targetOrgId',
    );
  }
  const sentOn = input.sentOn ?? ctx.today();
  if (input.deadline < sentOn)
    throw invalidField(
      'body.deadline',
      `Hạn gửi báo cáo (${formatDateVi(input.deadline)}) trước ngày gửi yêu cầu (${formatDateVi(sentOn)})`,
    );
  let from = input.periodFrom;
  if (!from) {
    const term = await termOn(ctx.db, input.targetOrgId, sentOn);
    if (!term)
      throw invalidField(
        'body.periodFrom',
        `${target.name} chưa có nhiệm kỳ vào ngày ${formatDateVi(sentOn)}: ghi rõ kỳ báo cáo từ ngày nào`,
      );
    from = (await reviewTermStart(ctx.db, term.id))!.valid_from;
  }
  const to = input.periodTo ?? sentOn;
  if (to < from)
    throw invalidField(
      'body.periodTo',
      `Kỳ báo cáo kết thúc (${formatDateVi(to)}) trước khi bắt đầu (${formatDateVi(from)})`,
    );
  const title = input.title ?? `Đoàn công tác của ${superior.name} làm việc với ${target.name}`;
  const after = { ...input, title, periodFrom: from, periodTo: to, sentOn };
  const id = await createAudited(ctx, 'review_request', input.orgId, after, (tx, id) =>
    insertReviewRequest(tx, {
      id,
      org_id: input.orgId,
      target_org_id: input.targetOrgId,
      title,
      topics: JSON.stringify(input.topics),
      period_from: from,
      period_to: to,
      sent_on: sentOn,
      deadline: input.deadline,
      team: JSON.stringify(input.team ?? []),
      created_by: ctx.user.id,
    }),
  );
  return getReviewRequest(ctx, id);
}

/** The subordinate submits its report: a review report of its own, covering the period asked. */
export async function submitReviewRequest(
  ctx: RequestContext,
  id: string,
  input: In<typeof SubmitReviewRequestSchema>,
) {
  const r = await loadForStep(ctx, id, 'target_org_id', 'sent', (r) =>
    r.state === 'cancelled' ? 'Yêu cầu đã hủy' : `Đã nộp báo cáo ngày ${formatDateVi(r.submitted_on ?? r.sent_on)}`,
  );
  const report = await reviewReportOwner(ctx.db, input.reportId);
  if (!report || report.org_id !== r.target_org_id)
    throw invalidField('body.reportId', 'Chọn một báo cáo của chính tổ chức được yêu cầu báo cáo');
  const on = input.submittedOn ?? ctx.today();
  if (on < r.sent_on)
    throw invalidField('body.submittedOn', `Ngày nộp trước ngày nhận yêu cầu (${formatDateVi(r.sent_on)})`);
  await ctx.db.transaction(async (tx) => {
    await writeStep(ctx, tx, r, 'target_org_id', {
      action: 'submit',
      version: input.version,
      fields: { state: 'submitted', report_id: input.reportId, submitted_on: on },
      after: { reportId: input.reportId, submittedOn: on, late: on > r.deadline },
    });
  });
  return getReviewRequest(ctx, id);
}

/**
 * The group's conclusion: its text; each shortcoming into the subordinate's register (led by the subordinate unless
 * named), each recommendation to the superior, whose regulation sets the deadline of its answer.
 */
export async function concludeReviewRequest(
  ctx: RequestContext,
  id: string,
  input: In<typeof ConcludeReviewRequestSchema>,
) {
  const r = await loadForStep(ctx, id, 'org_id', 'submitted', async (r) =>
    r.state === 'sent'
      ? `${await orgName(ctx, r.target_org_id)} chưa nộp báo cáo: đoàn kết luận sau khi nhận báo cáo`
      : r.state === 'concluded'
        ? `Đoàn đã kết luận ngày ${formatDateVi(r.concluded_on!)}`
        : 'Yêu cầu đã hủy',
  );
  const on = input.concludedOn ?? ctx.today();
  if (on < r.submitted_on!)
    throw invalidField('body.concludedOn', `Ngày kết luận trước ngày nhận báo cáo (${formatDateVi(r.submitted_on!)})`);
  (input.shortcomings ?? []).forEach((s, i) => {
    if (s.dueDate < on)
      throw invalidField(
        `body.shortcomings[${i}].dueDate`,
        `Hạn khắc phục (${formatDateVi(s.dueDate)}) trước ngày kết luận (${formatDateVi(on)})`,
      );
  });
  const target = (await getOrganization(ctx.db, r.target_org_id))!;
  await ctx.db.transaction(async (tx) => {
    const tctx = ctx.withDb(tx);
    for (const s of input.shortcomings ?? []) {
      const lead = s.lead ?? { kind: 'unit' as const, id: target.id, name: target.name };
      const sid = uuidv7();
      await insertReviewRequestShortcoming(tx, {
        id: sid,
        org_id: r.target_org_id,
        text: s.text,
        remedy: s.remedy,
        lead_kind: lead.kind,
        lead_id: lead.id,
        lead_name: lead.name,
        due_date: s.dueDate,
        identified_on: on,
        review_request_id: id,
        confidentiality: r.confidentiality,
      });
      await ctx.auditChange(tx, 'create', ['shortcoming', sid, r.target_org_id], {
        after: { ...s, lead, reviewRequestId: id },
      });
    }
    for (const x of input.recommendations ?? []) {
      const rec = await createRecommendation(tctx, {
        orgId: r.org_id,
        source: 'delegation',
        fromLabel: r.title,
        title: x.title,
        text: x.text,
        receivedOn: on,
        confidentiality: r.confidentiality,
      });
      await linkRecommendationToReviewRequest(tx, rec.id, id);
    }
    await writeStep(ctx, tx, r, 'org_id', {
      action: 'conclude',
      version: input.version,
      fields: { state: 'concluded', conclusion_text: input.conclusionText, concluded_on: on },
      after: {
        concludedOn: on,
        shortcomings: input.shortcomings?.length ?? 0,
        recommendations: input.recommendations?.length ?? 0,
      },
    });
  });
  return getReviewRequest(ctx, id);
}

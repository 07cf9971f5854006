import {
  checkReportEdit,
  draftReport,
  inSentence,
  figureKeys,
  INDICATOR_BY_CODE,
  ProblemError,
  renderParagraph,
  ruleViolation,
} from '@quyche/core';
import type { FigureOverride, ReportFigure, ReportParagraph, ReviewPeriod } from '@quyche/core';
import {
  getOrganization,
  insertReviewReport,
  listReviewReports,
  reviewReportById,
  reviewReportNextProgram,
  reviewReportShortcomings,
  touchReviewReport,
} from '@quyche/db';
import type { ReviewReportRow, Sql } from '@quyche/db';
import type { CreateReviewReportSchema, UpdateReviewReportSchema } from '@quyche/core';
import type { In, RequestContext } from '../http/context.js';
import { periodRecord } from './review.indicators.js';
import type { RawIndicator } from './review.indicators.js';
import { periodOfQuery } from './review.service.js';
import { updateVersioned } from './sql-update.js';
import { createAudited } from './record.create.js';
import { accessible } from './record.access.js';

/**
 * Review reports: drafted from the figures of a period in the offices' outline, edited by the office around those
 * figures (a figure stated otherwise keeps its explanation beside it), every figure linked to its records.
 */
interface ReportRow
  extends Omit<ReviewReportRow, 'kind' | 'state' | 'paragraphs' | 'overrides' | 'adopted_figures' | 'recipients'> {
  kind: 'period' | 'regulation';
  state: 'draft' | 'circulated' | 'adopted' | 'cancelled';
  paragraphs: ReportParagraph[];
  overrides: FigureOverride[];
  adopted_figures: StoredFigure[] | null;
  recipients: string[];
}
type StoredFigure = {
  key: string;
  code: string;
  bodyKind: string | null;
  bodyId: string | null;
  bodyName: string | null;
  value: number;
  kind: RawIndicator['kind'];
  ids: string[];
};

const KIND_LABELS = {
  period: 'Báo cáo sơ kết, tổng kết',
  regulation: 'Báo cáo kết quả xây dựng và tổ chức thực hiện Quy chế làm việc',
} as const;
const keyOf = (i: { code: string; bodyKind?: string | null }) => (i.bodyKind ? `${i.code}:${i.bodyKind}` : i.code);
const min = (a: string, b: string) => (a < b ? a : b);

/** The figures of a report's period as the record gives them today (or as adopted). */
export async function figuresOf(
  sql: Sql,
  orgId: string,
  period: { from: string; to: string },
  today: string,
  clearance: number,
) {
  const rec = await periodRecord(sql, orgId, period, min(period.to, today), clearance);
  const figures: StoredFigure[] = rec.indicators.map((i) => ({
    key: keyOf(i),
    code: i.code,
    bodyKind: i.bodyKind ?? null,
    bodyId: i.bodyId ?? null,
    bodyName: i.bodyName ?? null,
    value: i.value,
    kind: i.kind,
    ids: i.ids.slice(0, 500),
  }));
  return { figures, rec };
}

const labelOf = (figures: StoredFigure[], key: string) => {
  const f = figures.find((x) => x.key === key);
  const def = f ? INDICATOR_BY_CODE.get(f.code) : undefined;
  return def ? `${def.label_vi}${f?.bodyName ? `: ${f.bodyName}` : ''}` : key;
};

export async function createReport(ctx: RequestContext, input: In<typeof CreateReviewReportSchema>) {
  await ctx.assertOrg(input.orgId, 'write');
  const org = await getOrganization(ctx.db, input.orgId);
  if (!org) throw new ProblemError('NOT_FOUND');
  const today = ctx.today();
  let period: ReviewPeriod;
  if (input.kind === 'regulation' && !input.period && !input.from) {
    // The report on the regulation covers the term from its start to a date (today unless given).
    period = await periodOfQuery(ctx.db, input.orgId, { period: 'nhiem-ky' }, today);
    period = {
      ...period,
      kind: 'custom',
      code: `${period.from}..${min(period.to, input.to ?? today)}`,
      to: min(period.to, input.to ?? today),
      label_vi: `Từ đầu nhiệm kỳ đến ngày ${min(period.to, input.to ?? today)
        .split('-')
        .reverse()
        .join('/')}`,
    };
  } else period = await periodOfQuery(ctx.db, input.orgId, input, today);
  const { title, paragraphs } = await draftFor(
    ctx.db,
    { id: input.orgId, name: org.short_name ?? org.name },
    period,
    input.kind,
    today,
    ctx.user.clearance,
  );
  const after = { kind: input.kind, period: period.code };
  const id = await createAudited(ctx, 'review_report', input.orgId, after, (tx, id) =>
    insertReviewReport(tx, {
      id,
      org_id: input.orgId,
      kind: input.kind,
      period_code: period.code,
      period_from: period.from,
      period_to: period.to,
      title,
      paragraphs: JSON.stringify(paragraphs),
      recipients: JSON.stringify(['Ban Thường vụ cấp trên (để báo cáo)', 'Các đồng chí cấp ủy viên', 'Lưu Văn phòng']),
      created_by: ctx.user.id,
    }),
  );
  return getReport(ctx, id);
}

/**
 * The first draft of a report: its title and paragraphs, from the figures, departures and shortcomings of the period.
 */
export async function draftFor(
  sql: Sql,
  org: { id: string; name: string },
  period: ReviewPeriod,
  kind: 'period' | 'regulation',
  today: string,
  clearance: number,
) {
  const { figures, rec } = await figuresOf(sql, org.id, period, today, clearance);
  const bodies = rec.indicators
    .filter((i) => i.code === 'meetings_held' && i.bodyKind)
    .map((i) => ({ kind: i.bodyKind!, name: i.bodyName ?? i.bodyKind! }));
  const end = min(period.to, today);
  const shortcomings = await reviewReportShortcomings(sql, org.id, { from: period.from, end }, clearance);
  const paragraphs = draftReport({
    shortcomings: shortcomings.map((x) => ({
      text: x.text,
      lead: x.lead_name,
      dueDate: x.due_date,
      fixedOn: x.fixed_on,
    })),
    orgName: org.name,
    periodLabel: period.label_vi,
    asOf: end,
    figures: figures.map(
      (f): ReportFigure => ({ code: f.code, ...(f.bodyKind ? { body: f.bodyKind } : {}), value: f.value }),
    ),
    bodies,
    deviations: rec.deviations.map((d) => `${d.meetingTitle ? `${d.meetingTitle}: ` : ''}${d.message_vi}`),
  });
  const title =
    kind === 'regulation'
      ? `Báo cáo kết quả xây dựng và tổ chức thực hiện Quy chế làm việc ${inSentence(period.label_vi)}`
      : `Báo cáo ${['year', 'full_term'].includes(period.kind) ? 'tổng kết' : 'sơ kết'} ${inSentence(period.label_vi)}`;
  return { title, paragraphs, figures };
}

export async function loadReport(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  return accessible(ctx, (await reviewReportById(ctx.db, id)) as ReportRow | undefined, action);
}

/** A report still open to change (a draft or in circulation): an adopted or cancelled one is refused in words. */
export async function loadOpenReport(ctx: RequestContext, id: string) {
  const r = await loadReport(ctx, id, 'write');
  if (r.state === 'adopted' || r.state === 'cancelled')
    throw ruleViolation(
      'BAO_CAO_DA_THONG_QUA',
      r.state === 'adopted' ? 'Báo cáo đã được thông qua: không sửa được' : 'Báo cáo đã hủy: không sửa được',
    );
  return r;
}

/** The figures of a report's own period as the record gives them today, to the user's clearance. */
export const reportFiguresToday = (
  ctx: RequestContext,
  r: { org_id: string; period_from: string; period_to: string },
) => figuresOf(ctx.db, r.org_id, { from: r.period_from, to: r.period_to }, ctx.today(), ctx.user.clearance);

export async function getReport(ctx: RequestContext, id: string) {
  const r = await loadReport(ctx, id);
  const org = await getOrganization(ctx.db, r.org_id);
  const period = await periodOfQuery(ctx.db, r.org_id, { from: r.period_from, to: r.period_to }, '9999-12-31');
  const figures =
    r.adopted_figures ?? (await figuresOf(ctx.db, r.org_id, period, ctx.today(), ctx.user.clearance)).figures;
  const stated = new Map(r.overrides.map((o) => [o.key, o]));
  const plain = figures.map(
    (f): ReportFigure => ({ code: f.code, ...(f.bodyKind ? { body: f.bodyKind } : {}), value: f.value }),
  );
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: org?.short_name ?? org?.name ?? '',
    kind: r.kind,
    kindLabel_vi: KIND_LABELS[r.kind],
    period: { ...period, code: r.period_code },
    title: r.title,
    state: r.state,
    symbol: r.symbol,
    paragraphs: r.paragraphs.map((p) => ({
      ...p,
      rendered: renderParagraph(p.text, plain, r.overrides),
      figures: figureKeys(p.text),
    })),
    figures: figures.map((f) => ({
      key: f.key,
      code: f.code,
      label_vi: labelOf(figures, f.key),
      value: f.value,
      stated: stated.get(f.key)?.stated ?? null,
      explanation: stated.get(f.key)?.explanation ?? null,
      evidence: { kind: f.kind, ids: f.ids },
      bodyId: f.bodyId,
    })),
    place: r.place,
    recipients: r.recipients,
    adoptedOn: r.adopted_on,
    adoptedMeetingId: r.adopted_meeting_id,
    consultationId: r.consultation_id,
    nextProgram: (await reviewReportNextProgram(ctx.db, r.id)) ?? null,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function listReports(ctx: RequestContext, orgId: string) {
  await ctx.assertOrg(orgId, 'read');
  const rows = (await listReviewReports(ctx.db, orgId, ctx.user.clearance)) as ReportRow[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel_vi: KIND_LABELS[r.kind],
    title: r.title,
    state: r.state,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    version: r.version,
  }));
}

/** The office's edit: paragraphs, figures stated otherwise (each explained), place, recipients. */
export async function updateReport(ctx: RequestContext, id: string, input: In<typeof UpdateReviewReportSchema>) {
  const r = await loadOpenReport(ctx, id);
  const { figures } = await reportFiguresToday(ctx, r);
  const plain = figures.map(
    (f): ReportFigure => ({ code: f.code, ...(f.bodyKind ? { body: f.bodyKind } : {}), value: f.value }),
  );
  const paragraphs = input.paragraphs ?? r.paragraphs;
  // A figure stated as computed needs no explanation and is not kept as a change.
  const overrides = (input.overrides ?? r.overrides).filter(
    (o) => figures.find((f) => f.key === o.key)?.value !== o.stated || !figures.some((f) => f.key === o.key),
  );
  checkReportEdit(paragraphs, overrides, plain, (k) => labelOf(figures, k));
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'review_report', id, input.version, {
      title: input.title,
      paragraphs: input.paragraphs ? JSON.stringify(input.paragraphs) : undefined,
      overrides: JSON.stringify(overrides),
      place: input.place,
      recipients: input.recipients ? JSON.stringify(input.recipients) : undefined,
    });
    await touchReviewReport(tx, id);
    await ctx.auditChange(tx, 'update', ['review_report', id, r.org_id], {
      before: { version: r.version, overrides: r.overrides },
      after: { ...input, overrides },
    });
  });
  return getReport(ctx, id);
}

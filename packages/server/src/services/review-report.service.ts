import {
  checkReportEdit,
  draftReport,
  inSentence,
  figureKeys,
  HELD_STATES,
  INDICATOR_BY_CODE,
  ProblemError,
  renderParagraph,
  reportMatter,
} from '@quyche/core';
import type { FigureOverride, ReportFigure, ReportParagraph, ReviewPeriod } from '@quyche/core';
import { getOrganization, uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { z } from 'zod';
import type {
  AdoptReviewReportSchema,
  CirculateReviewReportSchema,
  CreateReviewReportSchema,
  UpdateReviewReportSchema,
} from '@quyche/core';
import { REPORT_SECTION_HEADINGS, REPORT_SECTIONS } from '@quyche/core';
import { createConsultation } from './consultation.service.js';
import type { RequestContext } from '../http/context.js';
import { periodRecord } from './review.indicators.js';
import type { RawIndicator } from './review.indicators.js';
import { periodOfQuery } from './review.service.js';
import { updateVersioned } from './sql-update.js';
import { issuerOf, slug } from './meeting-report.service.js';
import { competence, regulationFor } from './regulation-in-force.js';
import { loadMeeting } from './meeting.load.js';
import { reviewReportDocx } from '../reports/review-report.docx.js';
import { issuerOn, numberDocument } from './document.service.js';

type In<T extends z.ZodType> = z.output<T>;

/**
 * Review reports: drafted from the figures of a period in the offices' outline, edited by the office around those
 * figures (a figure stated otherwise keeps its explanation beside it), every figure linked to its records.
 */
interface ReportRow {
  id: string;
  org_id: string;
  kind: 'period' | 'regulation';
  period_code: string;
  period_from: string;
  period_to: string;
  title: string;
  state: 'draft' | 'circulated' | 'adopted' | 'cancelled';
  paragraphs: ReportParagraph[];
  overrides: FigureOverride[];
  adopted_figures: StoredFigure[] | null;
  adopted_on: string | null;
  adopted_meeting_id: string | null;
  consultation_id: string | null;
  symbol: string | null;
  place: string | null;
  recipients: string[];
  confidentiality: number;
  version: number;
  updated_at: string | Date;
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
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `insert into review_report (id, org_id, kind, period_code, period_from, period_to, title, paragraphs, recipients, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        id,
        input.orgId,
        input.kind,
        period.code,
        period.from,
        period.to,
        title,
        JSON.stringify(paragraphs),
        JSON.stringify(['Ban Thường vụ cấp trên (để báo cáo)', 'Các đồng chí cấp ủy viên', 'Lưu Văn phòng']),
        ctx.user.id,
      ],
    );
    await ctx.audit(tx, {
      action: 'create',
      entity: 'review_report',
      entityId: id,
      orgId: input.orgId,
      after: { kind: input.kind, period: period.code },
    });
  });
  return getReport(ctx, id);
}

/** The first draft of a report: its title and paragraphs, from the figures, departures and shortcomings of the period. */
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
  const shortcomings = (
    await sql.query<{ text: string; lead_name: string; due_date: string; fixed_on: string | null }>(
      `select text, lead_name, due_date, case when fixed_on <= $3 then fixed_on end as fixed_on from shortcoming
        where org_id = $1 and identified_on <= $3 and (fixed_on is null or fixed_on >= $2) and confidentiality <= $4 order by identified_on, created_at`,
      [org.id, period.from, end, clearance],
    )
  ).rows;
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
  const r = (await ctx.db.query<ReportRow>('select * from review_report where id = $1', [id])).rows[0];
  if (!r) throw new ProblemError('NOT_FOUND');
  await ctx.assertOrg(r.org_id, action, r.confidentiality);
  return r;
}

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
    nextProgram:
      (
        await ctx.db.query<{ id: string; title: string; state: string }>(
          "select id, title, state from program where source_report_id = $1 and state <> 'cancelled' order by created_at desc limit 1",
          [r.id],
        )
      ).rows[0] ?? null,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function listReports(ctx: RequestContext, orgId: string) {
  await ctx.assertOrg(orgId, 'read');
  const rows = (
    await ctx.db.query<ReportRow>(
      'select * from review_report where org_id = $1 and confidentiality <= $2 order by period_from desc, created_at desc limit 200',
      [orgId, ctx.user.clearance],
    )
  ).rows;
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
  const r = await loadReport(ctx, id, 'write');
  if (r.state === 'adopted' || r.state === 'cancelled')
    throw new ProblemError('RULE_VIOLATION', {
      code: 'BAO_CAO_DA_THONG_QUA',
      field: 'body',
      detail: 'Báo cáo đã được thông qua: không sửa được',
    });
  const { figures } = await figuresOf(
    ctx.db,
    r.org_id,
    { from: r.period_from, to: r.period_to },
    ctx.today(),
    ctx.user.clearance,
  );
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
    await tx.query('update review_report set updated_at = now() where id = $1', [id]);
    await ctx.audit(tx, {
      action: 'update',
      entity: 'review_report',
      entityId: id,
      orgId: r.org_id,
      before: { version: r.version, overrides: r.overrides },
      after: { ...input, overrides },
    });
  });
  return getReport(ctx, id);
}

/** The report as a DOCX in the Party format: the figures as the page shows them (stated ones where explained). */
export async function reportDocx(ctx: RequestContext, id: string) {
  const r = await getReport(ctx, id);
  const org = await getOrganization(ctx.db, r.orgId);
  const { issuer, place } = await issuerOf(ctx, r.orgId);
  const subject = r.title.replace(/^Báo cáo\s+/i, '');
  const content = await reviewReportDocx({
    issuer,
    symbolSuffix: `BC/${org?.symbol ?? 'BC'}`,
    number: r.symbol ? r.symbol.split('-')[0]! : null,
    place: r.place ?? place,
    date: r.adoptedOn ?? ctx.today(),
    draft: r.state !== 'adopted',
    subject,
    paragraphs: r.paragraphs.map((p) => ({ section: p.section, text: p.rendered })),
    signer: { for: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: '' },
    recipients: r.recipients,
  });
  return { fileName: `${slug(r.title)}.docx`, content };
}

/**
 * Adopts a report at a meeting held by the body its regulation names for it (the BTV for a six-month review, the
 * BCH for a year's): another body is refused with the clause; the figures are kept as they stand that day.
 */
export async function adoptReport(ctx: RequestContext, id: string, input: In<typeof AdoptReviewReportSchema>) {
  const r = await loadReport(ctx, id, 'write');
  if (r.state === 'adopted' || r.state === 'cancelled')
    throw new ProblemError('RULE_VIOLATION', {
      code: 'BAO_CAO_DA_THONG_QUA',
      field: 'body',
      detail: 'Báo cáo đã được thông qua',
    });
  const m = await loadMeeting(ctx, input.meetingId);
  if (m.org_id !== r.org_id)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.meetingId',
      detail: 'Hội nghị không phải của tổ chức làm báo cáo',
    });
  if (!(HELD_STATES as readonly string[]).includes(m.state))
    throw new ProblemError('RULE_VIOLATION', {
      code: 'HOI_NGHI_CHUA_HOP',
      field: 'body.meetingId',
      detail: 'Hội nghị chưa khai mạc: báo cáo được thông qua tại hội nghị đã họp',
    });
  if (m.meeting_date < r.period_to && m.meeting_date < ctx.today())
    throw new ProblemError('RULE_VIOLATION', {
      code: 'HOI_NGHI_TRUOC_KY',
      field: 'body.meetingId',
      detail: `Hội nghị ngày ${m.meeting_date.split('-').reverse().join('/')} họp trước khi kỳ báo cáo kết thúc`,
    });
  const body = (
    await ctx.db.query<{ kind: string; name: string }>('select kind, name from body where id = $1', [m.body_id])
  ).rows[0]!;
  const reg = (await regulationFor(ctx.db, r.org_id, m.meeting_date))?.reg;
  const days = Math.round((Date.parse(r.period_to) - Date.parse(r.period_from)) / 86_400_000) + 1;
  const period = await periodOfQuery(ctx.db, r.org_id, { from: r.period_from, to: r.period_to }, '9999-12-31');
  const matter = reportMatter(r.kind, period.kind, days);
  if (!reg)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUA_CO_QUY_CHE',
      field: 'body.meetingId',
      detail: 'Tổ chức chưa có quy chế làm việc có hiệu lực: không xác định được cơ quan thông qua báo cáo',
    });
  const c = competence(reg, body.kind, body.name, matter, {}, m.meeting_date);
  if (!c.ok)
    throw new ProblemError('RULE_VIOLATION', { code: 'SAI_THAM_QUYEN', field: 'body.meetingId', detail: c.reason_vi });
  const { figures } = await figuresOf(
    ctx.db,
    r.org_id,
    { from: r.period_from, to: r.period_to },
    ctx.today(),
    ctx.user.clearance,
  );
  // Issued with its number where the organization has an issuer symbol (12-BC/TU); otherwise adopted unnumbered.
  const issuer = await issuerOn(ctx, r.org_id, m.meeting_date, 'body.meetingId').catch((e: unknown) => {
    if (e instanceof ProblemError && e.problem.status === 422) return null;
    throw e;
  });
  await ctx.db.transaction(async (tx) => {
    const doc = issuer
      ? await numberDocument(ctx, tx, {
          ...issuer,
          type: 'BC',
          title: r.title,
          issuedOn: m.meeting_date,
          confidentiality: r.confidentiality,
        })
      : null;
    await updateVersioned(tx, 'review_report', id, input.version, {
      state: 'adopted',
      adopted_on: m.meeting_date,
      adopted_meeting_id: m.id,
      adopted_figures: JSON.stringify(figures),
      symbol: doc?.symbol ?? null,
      issued_document_id: doc?.id ?? null,
    });
    await tx.query('update review_report set updated_at = now() where id = $1', [id]);
    await ctx.audit(tx, {
      action: 'adopt',
      entity: 'review_report',
      entityId: id,
      orgId: r.org_id,
      before: { state: r.state },
      after: { meetingId: m.id, on: m.meeting_date, competence: c },
    });
  });
  return getReport(ctx, id);
}

/**
 * Circulates a draft report for comments through the consultation machinery: its text, part by part, as the page
 * renders it, to the chosen units with a deadline; the report records the consultation and reads "đang lấy ý kiến".
 */
export async function circulateReport(ctx: RequestContext, id: string, input: In<typeof CirculateReviewReportSchema>) {
  const r = await loadReport(ctx, id, 'write');
  if (r.state !== 'draft')
    throw new ProblemError('RULE_VIOLATION', {
      code: 'BAO_CAO_KHONG_CON_DU_THAO',
      field: 'body',
      detail: r.state === 'circulated' ? 'Dự thảo đã được gửi xin ý kiến' : 'Báo cáo đã được thông qua',
    });
  if (r.version !== input.version)
    throw new ProblemError('VERSION_CONFLICT', {
      field: 'body.version',
      detail: `Bạn đang xem phiên bản ${input.version}, báo cáo ở phiên bản ${r.version}`,
      currentVersion: r.version,
    });
  const view = await getReport(ctx, id);
  const text = REPORT_SECTIONS.flatMap((s) => {
    const ps = view.paragraphs.filter((p) => p.section === s);
    return ps.length ? [`${s}. ${REPORT_SECTION_HEADINGS[s]}`, ...ps.map((p) => p.rendered)] : [];
  }).join('\n');
  const days = Math.round((Date.parse(r.period_to) - Date.parse(r.period_from)) / 86_400_000) + 1;
  const c = await createConsultation(ctx, {
    orgId: r.org_id,
    document: { title: r.title, text },
    matter: reportMatter(r.kind, view.period.kind, days),
    title: `Lấy ý kiến dự thảo ${r.title.charAt(0).toLocaleLowerCase('vi')}${r.title.slice(1)}`,
    deadline: input.deadline,
    ...(input.sentOn ? { sentOn: input.sentOn } : {}),
    recipients: input.recipients,
  });
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'review_report', id, input.version, { state: 'circulated', consultation_id: c.id });
    await tx.query('update review_report set updated_at = now() where id = $1', [id]);
    await ctx.audit(tx, {
      action: 'circulate',
      entity: 'review_report',
      entityId: id,
      orgId: r.org_id,
      before: { state: r.state },
      after: { consultationId: c.id, deadline: input.deadline },
    });
  });
  return getReport(ctx, id);
}

import {
  HELD_STATES,
  ProblemError,
  REPORT_SECTION_HEADINGS,
  REPORT_SECTIONS,
  reportMatter,
  invalidField,
  ruleViolation,
} from '@quyche/core';
import type { AdoptReviewReportSchema, CirculateReviewReportSchema } from '@quyche/core';
import { getOrganization, reviewBodyById, touchReviewReport } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { reviewReportDocx } from '../reports/review-report.docx.js';
import { createConsultation } from './consultation.service.js';
import { issuerOn, numberDocument } from './document.service.js';
import { issuerOf, slug } from './meeting-report.service.js';
import { loadMeeting } from './meeting.load.js';
import { competence, regulationFor } from './regulation-in-force.js';
import { getReport, loadOpenReport, loadReport, reportFiguresToday } from './review-report.service.js';
import { periodOfQuery } from './review.service.js';
import { updateVersioned } from './sql-update.js';

/** A review report past its drafting: printed, circulated for comments, adopted at a meeting. */

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
  const r = await loadOpenReport(ctx, id);
  const m = await loadMeeting(ctx, input.meetingId);
  if (m.org_id !== r.org_id) throw invalidField('body.meetingId', 'Hội nghị không phải của tổ chức làm báo cáo');
  if (!(HELD_STATES as readonly string[]).includes(m.state))
    throw ruleViolation(
      'HOI_NGHI_CHUA_HOP',
      'Hội nghị chưa khai mạc: báo cáo được thông qua tại hội nghị đã họp',
      'body.meetingId',
    );
  if (m.meeting_date < r.period_to && m.meeting_date < ctx.today())
    throw ruleViolation(
      'HOI_NGHI_TRUOC_KY',
      `Hội nghị ngày ${m.meeting_date.split('-').reverse().join('/')} họp trước khi kỳ báo cáo kết thúc`,
      'body.meetingId',
    );
  const body = (await reviewBodyById(ctx.db, m.body_id))!;
  const reg = (await regulationFor(ctx.db, r.org_id, m.meeting_date))?.reg;
  const days = Math.round((Date.parse(r.period_to) - Date.parse(r.period_from)) / 86_400_000) + 1;
  const period = await periodOfQuery(ctx.db, r.org_id, { from: r.period_from, to: r.period_to }, '9999-12-31');
  const matter = reportMatter(r.kind, period.kind, days);
  if (!reg)
    throw ruleViolation(
      'CHUA_CO_QUY_CHE',
      'Tổ chức chưa có quy chế làm việc có hiệu lực: không xác định được cơ quan thông qua báo cáo',
      'body.meetingId',
    );
  const c = competence(reg, body.kind, body.name, matter, {}, m.meeting_date);
  if (!c.ok) throw ruleViolation('SAI_THAM_QUYEN', c.reason_vi, 'body.meetingId');
  const { figures } = await reportFiguresToday(ctx, r);
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
    await touchReviewReport(tx, id);
    await ctx.auditChange(tx, 'adopt', ['review_report', id, r.org_id], {
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
    throw ruleViolation(
      'BAO_CAO_KHONG_CON_DU_THAO',
      r.state === 'circulated' ? 'Dự thảo đã được gửi xin ý kiến' : 'Báo cáo đã được thông qua',
    );
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
    await touchReviewReport(tx, id);
    await ctx.auditChange(tx, 'circulate', ['review_report', id, r.org_id], {
      before: { state: r.state },
      after: { consultationId: c.id, deadline: input.deadline },
    });
  });
  return getReport(ctx, id);
}

import { sql as q } from 'kysely';
import type { Insertable, Selectable } from 'kysely';
import type { ReviewReportTable, ReviewRequestTable, ShortcomingTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { rowsUnder, insertRow } from './query.helpers.js';

/**
 * Review reports (sơ kết, tổng kết) and working-group review requests: their rows and the few records they touch.
 * JSON columns are `unknown` here: the server narrows them to the core's types (paragraphs, figures, topics, team).
 */
type ReportJson = 'paragraphs' | 'overrides' | 'adopted_figures' | 'recipients';
export type ReviewReportRow = Omit<Selectable<ReviewReportTable>, ReportJson> & Record<ReportJson, unknown>;
type RequestJson = 'topics' | 'team';
export type ReviewRequestRow = Omit<Selectable<ReviewRequestTable>, RequestJson> & Record<RequestJson, unknown>;

const REPORT_COLUMNS = [
  'id',
  'org_id',
  'kind',
  'period_code',
  'period_from',
  'period_to',
  'title',
  'state',
  'paragraphs',
  'overrides',
  'adopted_figures',
  'adopted_on',
  'adopted_meeting_id',
  'consultation_id',
  'place',
  'recipients',
  'confidentiality',
  'created_by',
  'version',
  'created_at',
  'updated_at',
  'symbol',
  'issued_document_id',
] as const;
const REQUEST_COLUMNS = [
  'id',
  'org_id',
  'target_org_id',
  'title',
  'topics',
  'period_from',
  'period_to',
  'sent_on',
  'deadline',
  'team',
  'state',
  'report_id',
  'submitted_on',
  'conclusion_text',
  'concluded_on',
  'confidentiality',
  'created_by',
  'version',
  'created_at',
  'updated_at',
] as const;

export async function reviewReportById(sql: Sql, id: string): Promise<ReviewReportRow | undefined> {
  return qb(sql).selectFrom('review_report').select(REPORT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** An organization's reports within a clearance, the latest period first (the register shows 200). */
export async function listReviewReports(sql: Sql, orgId: string, clearance: number): Promise<ReviewReportRow[]> {
  return qb(sql)
    .selectFrom('review_report')
    .select(REPORT_COLUMNS)
    .where('org_id', '=', orgId)
    .where('confidentiality', '<=', clearance)
    .orderBy('period_from', 'desc')
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

/** What a review request shows of the report submitted for it. */
export async function reviewReportSummary(sql: Sql, id: string) {
  return qb(sql).selectFrom('review_report').select(['id', 'title', 'state']).where('id', '=', id).executeTakeFirst();
}

export async function reviewReportOwner(sql: Sql, id: string) {
  return qb(sql).selectFrom('review_report').select(['org_id', 'title']).where('id', '=', id).executeTakeFirst();
}

export const insertReviewReport = (sql: Sql, row: Insertable<ReviewReportTable>) =>
  insertRow(sql, 'review_report', row);

/** Marks the report changed now (its version is moved by the versioned update beside it). */
export async function touchReviewReport(sql: Sql, id: string) {
  await qb(sql).updateTable('review_report').set({ updated_at: q`now()` }).where('id', '=', id).execute();
}

/** The live program drafted from a report for the next period, if any. */
export async function reviewReportNextProgram(sql: Sql, reportId: string) {
  return qb(sql)
    .selectFrom('program')
    .select(['id', 'title', 'state'])
    .where('source_report_id', '=', reportId)
    .where('state', '<>', 'cancelled')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Shortcomings standing in a period (named by its end, not fixed before it starts), fixed_on only when by its end. */
export async function reviewReportShortcomings(
  sql: Sql,
  orgId: string,
  range: { from: string; end: string },
  clearance: number,
) {
  const { rows } = await q<{ text: string; lead_name: string; due_date: string; fixed_on: string | null }>`
    select text, lead_name, due_date, case when fixed_on <= ${range.end} then fixed_on end as fixed_on from shortcoming
     where org_id = ${orgId} and identified_on <= ${range.end} and (fixed_on is null or fixed_on >= ${range.from})
       and confidentiality <= ${clearance}
     order by identified_on, created_at`.execute(qb(sql));
  return rows;
}

export async function reviewRequestById(sql: Sql, id: string): Promise<ReviewRequestRow | undefined> {
  return qb(sql).selectFrom('review_request').select(REQUEST_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The requests an organization sent or received within a clearance, the latest first. */
export async function listReviewRequests(sql: Sql, orgId: string, clearance: number): Promise<ReviewRequestRow[]> {
  return qb(sql)
    .selectFrom('review_request')
    .select(REQUEST_COLUMNS)
    .where((eb) => eb.or([eb('org_id', '=', orgId), eb('target_org_id', '=', orgId)]))
    .where('confidentiality', '<=', clearance)
    .orderBy('sent_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

export const insertReviewRequest = (sql: Sql, row: Insertable<ReviewRequestTable>) =>
  insertRow(sql, 'review_request', row);

export async function touchReviewRequest(sql: Sql, id: string) {
  await qb(sql).updateTable('review_request').set({ updated_at: q`now()` }).where('id', '=', id).execute();
}

/** The shortcomings a working group's conclusion entered in the register, in the order entered. */
export const reviewRequestShortcomings = (sql: Sql, requestId: string) =>
  rowsUnder(sql, 'shortcoming', { review_request_id: requestId }, ['id', 'text', 'state', 'due_date'], ['created_at']);

const RECOMMENDATION_HEADING_COLUMNS = ['id', 'title', 'state', 'due_on'] as const;

/** The recommendations a working group's conclusion made, in the order made. */
export const reviewRequestRecommendations = (sql: Sql, requestId: string) =>
  rowsUnder(sql, 'recommendation', { review_request_id: requestId }, RECOMMENDATION_HEADING_COLUMNS, ['created_at']);

export const insertReviewRequestShortcoming = (sql: Sql, row: Insertable<ShortcomingTable>) =>
  insertRow(sql, 'shortcoming', row);

export async function linkRecommendationToReviewRequest(sql: Sql, recommendationId: string, requestId: string) {
  await qb(sql)
    .updateTable('recommendation')
    .set({ review_request_id: requestId })
    .where('id', '=', recommendationId)
    .execute();
}

/** The start of a term (a review request's period runs from it by default). */
export async function reviewTermStart(sql: Sql, termId: string) {
  return qb(sql).selectFrom('term').select('valid_from').where('id', '=', termId).executeTakeFirst();
}

/** The organization's term begun by `today`, the latest: the one a period code like `nhiem-ky` names. */
export async function reviewTermOn(sql: Sql, orgId: string, today: string) {
  return qb(sql)
    .selectFrom('term')
    .select(['name', 'valid_from', 'valid_until'])
    .where('org_id', '=', orgId)
    .where('valid_from', '<=', today)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The body a report is adopted by: its kind decides competence, its name is quoted. */
export async function reviewBodyById(sql: Sql, bodyId: string) {
  return qb(sql).selectFrom('body').select(['kind', 'name']).where('id', '=', bodyId).executeTakeFirst();
}

/** The body that held a meeting (the next program's owner is the body that adopted the report). */
export async function reviewMeetingBodyId(sql: Sql, meetingId: string) {
  return qb(sql).selectFrom('meeting').select('body_id').where('id', '=', meetingId).executeTakeFirst();
}

/**
 * Security tests of the HTTP API, driven from the `routes` registry so that a route added later is covered:
 * authentication on every route, tenancy (a commune clerk stays inside its commune), roles, CSRF, login
 * throttling, the session cookie, the audit trail and its tamper detection, and the security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { routes } from './http/route.js';
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import { qb, sql } from '@quyche/db';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();

const API = '/api/v1';
const DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** POST routes that store nothing (or only end the caller's own session): not refused to a read-only role. */
const STORES_NOTHING = new Set([
  'POST /auth/logout',
  'POST /regulations/validate',
  'POST /regulations/import',
  'POST /regulations/:id/ask',
]);
/** Routes on records of the caller's own account (a notification): another's is answered as not found. */
const OWN_RECORDS = new Set([
  'POST /notifications/:id/read',
  'GET /me/documents/:id',
  'POST /me/plan/items/:id/check-in',
]);
/**
 * POST routes that write only the caller's own account (a calendar feed token): allowed to every role, tested apart.
 */
const OWN_ACCOUNT = new Set([
  'POST /calendar/feed-token',
  'POST /auth/password',
  'POST /notifications/read-all',
  'POST /me/plan/items',
]);
/**
 * Decisions the leader role takes on a task (an extension; accepting a result is a transition from "reported"), tested
 * in task.api.test.ts.
 */
const LEADER_DECIDES = new Set(['POST /tasks/:id/extensions/:extensionId/decision']);

const TAN_LAP_TEXT = readFileSync(new URL('../../../regulations/an-lac/xa-tan-lap.qc.md', import.meta.url), 'utf8');
const X02_REGULATION = TAN_LAP_TEXT.replace('/dang-uy-xa-tan-lap/', '/dang-uy-xa-x02/');
const X02_AMENDMENT = `---
work: /vn-an-lac/quyet-dinh/dang-uy-xa-x02/2026/01-qd
amends: /vn-an-lac/quy-che/dang-uy-xa-x02/2025/qclv
title: Quyết định sửa đổi quy chế (thử)
adopted_on: 2026-06-25
in_force_from: 2026-07-01
---
effects:
  - { op: replace, target: art_1__para_1, text: "Đảng ủy xã quyết định nghị quyết chuyên đề." }
`;

/** Records of one commune that a request can point at. */
interface Records {
  org: string;
  parent: string;
  cell: string;
  body: string;
  person: string;
  membership: string;
  partyMember: string;
  portfolio: string;
  term: string;
  parentLink: string;
  regulation: string;
  version: string;
  meeting: string;
  item: string;
  attendance: string;
  document: string;
  site: string;
  task: string;
  taskFile: string;
  extension: string;
  conclusionItem: string;
  notification: string;
  program: string;
  programItem: string;
  inspection: string;
  recommendation: string;
  consultation: string;
  recipient: string;
  comment: string;
  user: string;
  reviewReport: string;
  shortcoming: string;
  /** A failed background job (system-wide: only an administrator may see or retry it). */
  job: string;
  reviewRequest: string;
  /** An assessment sheet of X02's year (its cell's). */
  assessment: string;
}

/** The record of commune X02 an `:id` (or `:versionId` …) in a route's url refers to. */
function recordFor(url: string, param: string, x: Records): string | undefined {
  if (param === 'versionId') return x.version;
  if (param === 'itemId') return x.item;
  if (param === 'attendanceId') return x.attendance;
  if (param === 'documentId') return x.document;
  if (param === 'siteId') return x.site;
  if (param === 'fileId') return x.taskFile;
  if (param === 'extensionId') return x.extension;
  if (param === 'recipientId') return x.recipient;
  if (param === 'commentId') return x.comment;
  if (param !== 'id') return undefined;
  if (/^\/organizations\/:id\/party-members$/.test(url)) return x.cell;
  const first = url.split('/')[1];
  const byCollection: Record<string, string> = {
    organizations: x.org,
    bodies: x.body,
    people: x.person,
    memberships: x.membership,
    'party-members': x.partyMember,
    members: x.person,
    me: x.document,
    portfolio: x.portfolio,
    regulations: x.regulation,
    meetings: x.meeting,
    tasks: x.task,
    'conclusion-items': x.conclusionItem,
    notifications: x.notification,
    programs: x.program,
    'program-items': x.programItem,
    inspections: x.inspection,
    recommendations: x.recommendation,
    consultations: x.consultation,
    users: x.user,
    'review-reports': x.reviewReport,
    'review-requests': x.reviewRequest,
    assessments: x.assessment,
    shortcomings: x.shortcoming,
    system: x.job,
  };
  return first ? byCollection[first] : undefined;
}

function fillUrl(url: string, fill: (param: string) => string | undefined): string | undefined {
  let missing = false;
  const out = url.replace(/:([A-Za-z]+)/g, (_m, p: string) => {
    const v = fill(p);
    if (v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? undefined : out;
}

interface Input {
  query?: Record<string, string>;
  body?: unknown;
  /** The request names a record of commune X02 in its query or body (routes without `:id`). */
  x02?: boolean;
}

/**
 * A request for every route that passes validation, pointing at the records `x`: a refusal is then about
 * authority, not about the shape of the input.
 */
const INPUTS: Record<string, (x: Records) => Input> = {
  'POST /auth/logout': () => ({}),
  'GET /auth/me': () => ({}),
  'POST /documents': (x) => ({
    body: { orgId: x.org, type: 'TB', title: 'Thông báo thử', issuedOn: '2026-03-02' },
    x02: true,
  }),
  'GET /documents': (x) => ({ query: { orgId: x.org }, x02: true }),
  'POST /meetings': (x) => ({
    body: { bodyId: x.body, kind: 'regular', title: 'Hội nghị thử', meetingDate: '2026-06-01' },
    x02: true,
  }),
  'GET /meetings/:id': () => ({}),
  'POST /meetings/:id/convene': () => ({ body: { version: 2, convenedBy: 'BTV' } }),
  'POST /meetings/:id/documents-sent': () => ({ body: { version: 2, sentOn: '2026-04-27' } }),
  'POST /meetings/:id/agenda': () => ({ body: { title: 'Nội dung thử', matter: 'NQ_CHUYEN_DE' } }),
  'POST /meetings/:id/agenda/:itemId/votes': () => ({ body: { method: 'secret_ballot', yes: 1, no: 0, abstain: 0 } }),
  'PATCH /meetings/:id/attendance/:attendanceId': () => ({ body: { status: 'present' } }),
  'POST /meetings/:id/attendance/all-present': () => ({ body: {} }),
  'GET /meetings': (x) => ({ query: { orgId: x.org }, x02: true }),
  'PATCH /meetings/:id': () => ({ body: { version: 2, title: 'Đổi tên trái phép' } }),
  'POST /meetings/:id/open': () => ({ body: { version: 2 } }),
  'POST /meetings/:id/close': () => ({ body: { version: 2 } }),
  'POST /meetings/:id/cancel': () => ({ body: { version: 2, reason: 'Hủy trái phép' } }),
  'POST /meetings/:id/reschedule': () => ({ body: { version: 2, meetingDate: '2099-05-12', reason: 'Dời trái phép' } }),
  'PUT /meetings/:id/minutes': () => ({ body: { version: 2, text: 'Biên bản trái phép' } }),
  'POST /meetings/:id/minutes/approve': () => ({ body: { version: 2 } }),
  'POST /meetings/:id/agenda/:itemId/reserved-opinions': (x) => ({
    body: { personId: x.person, text: 'Ý kiến bảo lưu' },
  }),
  'POST /meetings/:id/documents': () => ({
    body: { title: 'Tài liệu trái phép', fileName: 'a.txt', contentBase64: Buffer.from('a').toString('base64') },
  }),
  'GET /meetings/:id/documents/:documentId': () => ({}),
  'POST /meetings/:id/guests': () => ({ body: { name: 'Khách lạ' } }),
  'POST /meetings/:id/sites': () => ({ body: { name: 'Điểm cầu lạ' } }),
  'POST /meetings/:id/written-responses': (x) => ({
    body: { personId: x.person, receivedOn: '2026-05-04', answers: [{ itemId: x.item, choice: 'agree' }] },
  }),
  'POST /meetings/:id/conclusion': () => ({
    body: {
      issuedOn: '2026-05-05',
      summary: 'Kết luận trái phép',
      signer: { for: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ' },
      items: [{ kind: 'conclusion', text: 'Nội dung' }],
    },
  }),
  'GET /meetings/:id/conclusion.docx': () => ({}),
  'GET /meetings/:id/minutes.docx': () => ({}),
  'GET /meetings/:id/live': () => ({}),
  'GET /meetings/:id/events': () => ({}),
  'GET /meetings/:id/sites/:siteId': () => ({}),
  'PATCH /meetings/:id/sites/:siteId/attendance/:attendanceId': () => ({ body: { status: 'present' } }),
  'POST /meetings/:id/sites/:siteId/guests': () => ({ body: { name: 'Khách lạ' } }),
  'GET /meetings/:id/sites/:siteId/events': () => ({}),
  'GET /bodies/:id/calendar': () => ({ query: { year: '2026' } }),
  'GET /organizations/:id/meeting-deviations': () => ({ query: { year: '2026' } }),
  'GET /organizations/:id/conference-quotas': () => ({ query: { year: '2026' } }),
  'POST /calendar/feed-token': () => ({}),
  'GET /organizations/:id/coverage': () => ({ query: { asOf: '2026-03-01' } }),
  'GET /organizations/:id/task-dashboard': () => ({ query: { asOf: '2026-03-01' } }),
  'GET /organizations/:id/review': () => ({ query: { period: '2026-H1' } }),
  'POST /review-reports': (x) => ({ body: { orgId: x.org, period: '2026-H1' }, x02: true }),
  'GET /review-reports': (x) => ({ query: { orgId: x.org }, x02: true }),
  'GET /review-reports/:id': () => ({}),
  'GET /review-reports/:id/report.docx': () => ({}),
  'GET /review-reports/:id/report.pdf': () => ({}),
  'POST /review-reports/:id/next-program': () => ({ body: {} }),
  'POST /review-requests': (x) => ({
    body: { orgId: x.org, targetOrgId: x.cell, topics: ['Nội dung trái phép'], deadline: '2026-12-31' },
    x02: true,
  }),
  'GET /review-requests': (x) => ({ query: { orgId: x.org }, x02: true }),
  'GET /review-requests/:id': () => ({}),
  'POST /review-requests/:id/submit': (x) => ({ body: { version: 1, reportId: x.reviewReport } }),
  'POST /review-requests/:id/conclude': () => ({ body: { version: 1, conclusionText: 'Kết luận trái phép' } }),
  'GET /organizations/:id/briefing': () => ({ query: { from: '2026-01-01', to: '2026-06-30' } }),
  'GET /organizations/:id/member-alerts': () => ({ query: { asOf: '2026-12-01' } }),
  'GET /organizations/:id/plan-similarity': () => ({ query: { year: '2026' } }),
  'GET /organizations/:id/cell-meetings/compliance': () => ({ query: { year: '2026', month: '8' } }),
  'GET /organizations/:id/cell-meetings/attendance': () => ({ query: { year: '2026', month: '5' } }),
  'GET /organizations/:id/dues-arrears': () => ({ query: { asOf: '2026-12-01' } }),
  // Plans of another commune's cells are refused in cell-dashboard.api.test.ts (X02 has no plans).
  'GET /plans/compare': (x) => ({ query: { a: x.person, b: x.meeting } }),
  'POST /organizations/:id/members/import': () => ({
    body: { fileName: 'dang-vien.csv', contentBase64: Buffer.from('Họ và tên\n').toString('base64') },
  }),
  'GET /organizations/:id/members/import-template.xlsx': () => ({}),
  'GET /members/:id': () => ({ query: { asOf: '2026-12-01' } }),
  'POST /organizations/:id/assessments': () => ({ body: { year: 2026 } }),
  'GET /organizations/:id/assessments': () => ({ query: { year: '2026' } }),
  'GET /assessments/:id': () => ({}),
  'GET /assessments/:id/form.docx': () => ({}),
  'GET /me/assessments': () => ({}),
  'GET /organizations/:id/assessments/summary.docx': () => ({ query: { year: '2026' } }),
  'GET /organizations/:id/assessments/rollup': () => ({ query: { year: '2026' } }),
  'GET /organizations/:id/assessments/summary.xlsx': () => ({ query: { year: '2026' } }),
  'POST /assessments/:id/self': () => ({ body: { version: 1, points: { chung: 25 } } }),
  'POST /assessments/:id/adjust': () => ({
    body: { version: 1, field: 'tasks_exceeded', value: 1, reason: 'Lý do thay đổi số liệu' },
  }),
  'POST /assessments/:id/opinion': () => ({ body: { version: 1, text: 'Ý kiến của chi bộ' } }),
  'POST /assessments/:id/decide': () => ({ body: { version: 1, level: 'hoan_thanh' } }),
  'GET /organizations/:id/cell-roster': () => ({ query: { date: '2026-12-01' } }),
  'POST /organizations/:id/cell-meetings': (x) => ({
    body: {
      kind: 'regular',
      meetingDate: '2026-12-01',
      startsAt: '16:00',
      endsAt: '17:30',
      attendance: [{ personId: x.person, status: 'present' }],
      resolution: 'Nghị quyết',
    },
  }),
  'GET /organizations/:id/dues': () => ({ query: { month: '2026-11' } }),
  'POST /organizations/:id/dues': (x) => ({
    body: { month: '2026-11', payments: [{ personId: x.person, status: 'paid', amount: 50000 }] },
  }),
  'POST /organizations/:id/dues/remittance': () => ({
    body: { month: '2026-11', remitted: 0, remittedOn: '2026-11-30' },
  }),
  'GET /meetings/:id/score': () => ({}),
  'POST /meetings/:id/score': () => ({ body: { scores: [{ criterion: 'ty_le_du', points: 20 }] } }),
  'POST /meetings/:id/score/check': () => ({
    body: { version: 1, scores: [{ criterion: 'ty_le_du', points: 20 }] },
  }),
  'GET /me/cell': () => ({}),
  'POST /me/plan/items/:id/check-in': () => ({ body: { progress: 'done' } }),
  'POST /me/plan/items': () => ({ body: { text: 'Việc', product: 'Sản phẩm', dueDate: '2026-12-31' } }),
  'GET /me/documents/:id': () => ({}),
  'POST /members/:id/transfer': (x) => ({ body: { toCellId: x.cell, on: '2026-12-01', kind: 'temporary' } }),
  'POST /review-reports/:id/adopt': (x) => ({ body: { version: 1, meetingId: x.meeting } }),
  'POST /review-reports/:id/circulate': (x) => ({
    body: { version: 1, deadline: '2026-12-31', recipients: [{ kind: 'org', id: x.cell }] },
  }),
  'POST /shortcomings': (x) => ({
    body: {
      orgId: x.org,
      text: 'Hạn chế thử',
      remedy: 'Khắc phục',
      lead: { kind: 'unit', id: x.org, name: 'Đảng ủy' },
      dueDate: '2026-12-31',
      identifiedOn: '2026-07-01',
    },
    x02: true,
  }),
  'GET /shortcomings': (x) => ({ query: { orgId: x.org }, x02: true }),
  'GET /shortcomings/:id': () => ({}),
  'POST /shortcomings/:id/fix': () => ({ body: { version: 1, fixedOn: '2026-11-01', evidence: 'Minh chứng' } }),
  'PATCH /review-reports/:id': () => ({ body: { version: 1, title: 'Báo cáo sơ kết (sửa)' } }),
  'GET /organizations/:id/review/evidence': () => ({ query: { period: '2026-H1', code: 'tasks_done_on_time' } }),
  'GET /organizations/:id/subordinates-review': () => ({ query: { from: '2026-01-01', to: '2026-06-30' } }),
  'GET /notifications': () => ({}),
  'POST /notifications/:id/read': () => ({}),
  'POST /notifications/read-all': () => ({ upTo: new Date().toISOString() }),
  'GET /home': () => ({}),
  'GET /directory': (x) => ({ query: { orgId: x.org }, x02: true }),
  'GET /conclusions': (x) => ({ query: { orgId: x.org }, x02: true }),
  'POST /reminders/run': () => ({ body: { today: '2026-07-28' } }),
  'POST /system/backup': () => ({}),
  'GET /system/jobs': () => ({}),
  'POST /system/jobs/:id/retry': () => ({}),
  'GET /tasks': (x) => ({ query: { orgId: x.org }, x02: true }),
  'GET /programs': (x) => ({ query: { orgId: x.org }, x02: true }),
  'POST /programs': (x) => ({ body: { orgId: x.org, kind: 'inspection', span: 'year', year: 2027 }, x02: true }),
  'GET /programs/:id': () => ({}),
  'PATCH /programs/:id': () => ({ body: { version: 1, title: 'Đổi tên trái phép' } }),
  'POST /programs/:id/items': () => ({
    body: { title: 'Mục trái phép', period: { kind: 'quarter', value: '2026-Q3' } },
  }),
  'POST /programs/:id/adopt': (x) => ({ body: { version: 1, meetingId: x.meeting } }),
  'POST /programs/:id/cancel': () => ({ body: { version: 1, note: 'Hủy trái phép' } }),
  'PATCH /program-items/:id': () => ({ body: { version: 1, title: 'Đổi trái phép' } }),
  'DELETE /program-items/:id': () => ({ query: { version: '1' } }),
  'POST /program-items/:id/tasks': () => ({ body: {} }),
  'GET /inspections': (x) => ({ query: { orgId: x.org }, x02: true }),
  'POST /inspections': (x) => ({
    body: { orgId: x.org, kind: 'thematic_inspection', title: 'Kiểm tra trái phép', decidingBody: 'UBKT' },
    x02: true,
  }),
  'GET /inspections/:id': () => ({}),
  'PATCH /inspections/:id': () => ({ body: { version: 1, title: 'Đổi trái phép' } }),
  'POST /inspections/:id/transition': () => ({ body: { version: 1, to: 'cancelled', note: 'Hủy trái phép' } }),
  'GET /recommendations': (x) => ({ query: { orgId: x.org }, x02: true }),
  'POST /recommendations': (x) => ({
    body: {
      orgId: x.org,
      source: 'member',
      fromLabel: 'Người lạ',
      title: 'Kiến nghị trái phép',
      text: 'x',
      receivedOn: '2026-06-01',
    },
    x02: true,
  }),
  'GET /recommendations/:id': () => ({}),
  'POST /recommendations/:id/transition': () => ({ body: { version: 1, to: 'withdrawn', note: 'Rút trái phép' } }),
  'GET /regulations/:id/impact': () => ({}),
  'POST /regulations/derive': (x) => ({
    body: { orgId: x.org, fromVersionId: x.version, title: 'Quy chế trái phép' },
    x02: true,
  }),
  'GET /consultations': (x) => ({ query: { orgId: x.org }, x02: true }),
  'POST /consultations': (x) => ({
    body: {
      regulationId: x.regulation,
      versionId: x.version,
      sentOn: '2026-05-01',
      deadline: '2026-05-15',
      recipients: [{ kind: 'org', id: x.cell }],
    },
    x02: true,
  }),
  'GET /consultations/:id': () => ({}),
  'GET /consultations/:id/draft': () => ({}),
  'GET /consultations/:id/comparison': () => ({}),
  'GET /consultations/:id/events': () => ({}),
  'POST /consultations/:id/answers': (x) => ({
    body: { recipientId: x.recipient, comments: [{ kind: 'general', text: 'Góp ý trái phép' }] },
  }),
  'GET /consultations/:id/comments': () => ({}),
  'PATCH /consultations/:id/comments/:commentId': () => ({
    body: { version: 1, disposition: 'not_accepted', explanation: 'Trái phép' },
  }),
  'POST /consultations/:id/recipients/:recipientId': () => ({
    body: { version: 1, notAnswering: true, note: 'Trái phép' },
  }),
  'POST /consultations/:id/remind': () => ({}),
  'GET /consultations/:id/synthesis': () => ({}),
  'GET /consultations/:id/synthesis.docx': () => ({}),
  'POST /consultations/:id/next-version': () => ({ body: { version: 1, memo: 'Tờ trình trái phép' } }),
  'POST /consultations/:id/submit': (x) => ({ body: { version: 1, meetingId: x.meeting } }),
  'POST /consultations/:id/adopt': () => ({ body: { version: 1 } }),
  'GET /tasks/export.xlsx': (x) => ({ query: { orgId: x.org }, x02: true }),
  'GET /tasks/export.csv': (x) => ({ query: { orgId: x.org }, x02: true }),
  'POST /tasks/import': (x) => ({
    body: { orgId: x.org, fileName: 'nhiem-vu.xlsx', contentBase64: 'UEsDBA==' },
    x02: true,
  }),
  'POST /tasks': (x) => ({ body: { orgId: x.org, title: 'Nhiệm vụ trái phép', sourceKind: 'other' }, x02: true }),
  'POST /conclusion-items/:id/task': () => ({ body: {} }),
  'GET /conclusion-items': (x) => ({ query: { orgId: x.org }, x02: true }),
  'GET /tasks/:id': () => ({}),
  'PATCH /tasks/:id': () => ({ body: { version: 1, title: 'Đổi tên trái phép' } }),
  'POST /tasks/:id/transition': () => ({ body: { version: 1, to: 'cancelled', note: 'Hủy trái phép' } }),
  'POST /tasks/:id/reports': () => ({ body: { reportedOn: '2026-06-01', percent: 10, text: 'Báo cáo trái phép' } }),
  'GET /tasks/:id/files/:fileId': () => ({}),
  'POST /tasks/:id/extensions': () => ({
    body: { requestedOn: '2026-06-01', requestedTo: '2026-12-31', reason: 'Trái phép' },
  }),
  'POST /tasks/:id/extensions/:extensionId/decision': () => ({
    body: { version: 1, approved: true, decidedOn: '2026-06-02', decidedBy: 'BTV' },
  }),
  'GET /organizations': () => ({ query: { pageSize: '500' } }),
  'GET /organizations/tree': (x) => ({ query: { root: x.org, depth: '3' }, x02: true }),
  'GET /organizations/:id': () => ({ query: { asOf: '2026-03-01' } }),
  'GET /organizations/:id/subtree': () => ({ query: { asOf: '2026-03-01' } }),
  'POST /organizations': (x) => ({
    body: {
      code: 'ORG-XX-NEW',
      name: 'Đảng bộ cơ quan mới',
      kind: 'GRASSROOTS_PARTY_ORG',
      parentId: x.org,
      validFrom: '2026-03-01',
    },
    x02: true,
  }),
  'PATCH /organizations/:id': () => ({ body: { version: 1, shortName: 'Đổi tên trái phép' } }),
  'POST /organizations/:id/parent-links': (x) => ({ body: { parentId: x.parent, validFrom: '2026-03-01' } }),
  'POST /organizations/:id/terms': () => ({ body: { name: 'II', ordinal: 2, validFrom: '2030-09-20' } }),
  'GET /organizations/:id/party-members': () => ({ query: { asOf: '2026-03-01' } }),
  'POST /organizations/:id/party-members': (x) => ({
    body: { personId: x.person, status: 'probationary', validFrom: '2026-03-01' },
  }),
  'PATCH /party-members/:id': () => ({ body: { version: 1, status: 'probationary' } }),
  'POST /reorganizations': (x) => ({
    body: { kind: 'dissolve', effectiveOn: '2026-12-01', sourceIds: [x.org], preview: true },
    x02: true,
  }),
  'GET /bodies/:id': () => ({ query: { asOf: '2026-03-01' } }),
  'POST /bodies': (x) => ({
    body: { orgId: x.org, kind: 'UBKT', name: 'Ủy ban Kiểm tra thử', validFrom: '2026-03-01' },
    x02: true,
  }),
  'PATCH /bodies/:id': () => ({ body: { version: 1, name: 'Tên cơ quan trái phép' } }),
  'POST /bodies/:id/memberships': (x) => ({ body: { personId: x.person, role: 'UY_VIEN', validFrom: '2026-03-01' } }),
  'PATCH /memberships/:id': () => ({ body: { version: 1, title: 'Chức danh trái phép' } }),
  'GET /people': (x) => ({ query: { orgId: x.org }, x02: true }),
  'GET /people/:id': () => ({ query: { asOf: '2026-03-01' } }),
  'POST /people': (x) => ({ body: { orgId: x.org, fullName: 'Người Lạ Mặt' }, x02: true }),
  'PATCH /people/:id': () => ({ body: { version: 1, fullName: 'Tên Trái Phép' } }),
  'POST /people/:id/portfolio': (x) => ({ body: { orgId: x.org, field: 'Kinh tế', validFrom: '2026-03-01' } }),
  'PATCH /portfolio/:id': () => ({ body: { version: 1, field: 'Văn hóa' } }),
  'GET /search': () => ({ query: { q: 'nguyen' } }),
  'GET /users': () => ({}),
  'POST /users/:id/disable': () => ({}),
  'POST /users/:id/enable': () => ({}),
  'POST /users/:id/sessions/revoke': () => ({}),
  'POST /users/:id/password': () => ({ body: { newPassword: 'Mật khẩu mới đủ dài 2026' } }),
  'POST /auth/password': () => ({ body: { currentPassword: 'sai-mat-khau', newPassword: 'Mật khẩu mới đủ dài 2026' } }),
  'POST /users': (x) => ({
    body: {
      username: 'ke.gian',
      password: 'mat-khau-dai-du',
      displayName: 'Kẻ gian',
      grants: [{ role: 'admin', orgId: x.org }],
    },
    x02: true,
  }),
  'GET /audit': () => ({ query: { page: '1', pageSize: '10' } }),
  'GET /audit/verify': () => ({}),
  'GET /regulations': () => ({}),
  'POST /regulations': (x) => ({
    body: { orgId: x.org, text: X02_REGULATION.replace('/dang-uy-xa-x02/', '/dang-uy-xa-x02-moi/') },
    x02: true,
  }),
  'POST /regulations/validate': () => ({ body: { text: TAN_LAP_TEXT } }),
  'GET /regulations/:id': () => ({}),
  'POST /regulations/:id/versions': () => ({
    body: { text: X02_REGULATION.replace('expression: vie@2025-11-15', 'expression: vie@2026-03-01') },
  }),
  'GET /regulations/:id/versions/:versionId': () => ({}),
  'POST /regulations/:id/amendments': () => ({ body: { text: X02_AMENDMENT } }),
  'POST /regulations/:id/ask': () => ({
    body: { ask: 'quorum', at: '2026-03-01', input: { body: 'BCH', summoned: 20, present: 15 } },
  }),
  'GET /regulations/:id/diff': (x) => ({ query: { from: x.version, to: x.version } }),
  'GET /regulations/:id/diff.docx': (x) => ({ query: { from: x.version, to: x.version } }),
  'POST /regulations/import': () => ({
    body: {
      fileName: 'quy-che.txt',
      contentBase64: Buffer.from('Điều 1. Phạm vi\n1. Quy chế này ...\n').toString('base64'),
    },
  }),
  'GET /regulations/:id/consolidated': () => ({ query: { at: '2026-03-01' } }),
};

const qs = (q: Record<string, string> | undefined) => (q && Object.keys(q).length ? `?${new URLSearchParams(q)}` : '');

function expectProblem(res: LightMyRequestResponse, status: number, code?: string, label = '') {
  const where = `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect.soft(res.statusCode, where).toBe(status);
  expect.soft(String(res.headers['content-type']), where).toContain('application/problem+json');
  let p: { code?: string; title?: string; status?: number } = {};
  try {
    p = JSON.parse(res.body);
  } catch {
    expect.soft(false, `${where}: not JSON`).toBe(true);
  }
  if (code) expect.soft(p.code, where).toBe(code);
  expect.soft(p.status, where).toBe(res.statusCode);
  expect.soft(p.title ?? '', where).toMatch(DIACRITIC);
  return p;
}

/** The organization and every organization under it, at any depth. */
async function subtree(t: TestApp, orgId: string): Promise<Set<string>> {
  const r = await sql<{ id: string }>`
    with recursive d(id) as (
      select ${orgId}::uuid union select p.org_id from organization_parent p join d on p.parent_id = d.id
    )
    select id from d
  `.execute(qb(t.db));
  return new Set(r.rows.map((row) => row.id));
}

/** A checksum of every table but the session and login-attempt bookkeeping. */
async function checksum(t: TestApp): Promise<Record<string, string>> {
  const tables = (
    await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name
    `.execute(qb(t.db))
  ).rows
    .map((r) => r.table_name)
    .filter((n) => !['user_session', 'login_attempt'].includes(n));
  expect(tables).toEqual(
    expect.arrayContaining(['organization', 'person', 'membership', 'audit_log', 'app_user', 'role_grant']),
  );
  const out: Record<string, string> = {};
  for (const tb of tables) {
    const r = await sql<{ n: number; h: string | null }>`
      select count(*)::int as n, md5(string_agg(md5(x::text), '' order by md5(x::text))) as h from ${sql.table(tb)} x
    `.execute(qb(t.db));
    out[tb] = `${r.rows[0]!.n}:${r.rows[0]!.h ?? ''}`;
  }
  return out;
}

interface AuditRow {
  seq: number;
  actor: string | null;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
}

describe.each(drivers)('security of the API (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let clerk: Session;
  let viewer: Session;
  let leader: Session;
  let x: Records; // commune X02, out of the clerk's reach
  let own: { org: string; body: string; cell: string; regulation: string; person?: string; meeting?: string };
  let x01Subtree: Set<string>;
  /** Every successful write made through `write()`, with the audit rows it added. */
  const writes: { label: string; actor: string; method: string; status: number; rows: AuditRow[] }[] = [];

  const maxSeq = async () =>
    Number(
      (
        await qb(t.db)
          .selectFrom('audit_log')
          .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.lit(0)).as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  async function write(s: Session, actor: string, opts: InjectOptions & { method: string; url: string }) {
    const from = await maxSeq();
    const res = await t.as(s, opts);
    if (res.statusCode < 300) {
      const rows: AuditRow[] = await qb(t.db)
        .selectFrom('audit_log')
        .select(['seq', 'actor', 'action', 'entity', 'before', 'after'])
        .where('seq', '>', from)
        .orderBy('seq')
        .execute();
      writes.push({ label: `${opts.method} ${opts.url}`, actor, method: opts.method, status: res.statusCode, rows });
    }
    return res;
  }
  const db = () => qb(t.db);
  const bchOf = async (orgId: string) =>
    (
      await db()
        .selectFrom('body')
        .select('id')
        .where('org_id', '=', orgId)
        .where('kind', '=', 'BCH')
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    clerk = await t.login('vanthu.x01');
    viewer = await t.login('xem');
    leader = await t.login('lanhdao');
    const al = await t.orgId('ORG-AL');
    const x02 = await t.orgId('ORG-X02');
    const x01 = await t.orgId('ORG-X01');
    const ok = async (res: LightMyRequestResponse, what: string) => {
      if (res.statusCode >= 300) throw new Error(`setup ${what}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const post = (url: string, payload: object) =>
      write(admin, 'admin', { method: 'POST', url: `${API}${url}`, payload });

    // Commune X02 gets a record of every kind (the demo gives it only its committees), made by the admin.
    const people: string[] = [];
    for (const fullName of ['Nguyễn Văn Xã Hai', 'Nguyễn Thị Bắc Sơn', 'Nguyễn Hữu Phường'])
      people.push((await ok(await post('/people', { orgId: x02, fullName }), 'person')).id);
    const cell = await ok(
      await post('/organizations', {
        code: 'ORG-X02-CB1',
        name: 'Chi bộ khu phố 1, phường Bắc Sơn',
        kind: 'CELL',
        parentId: x02,
        validFrom: '2026-01-01',
        partyMembers: people.map((personId) => ({ personId, status: 'official' })),
      }),
      'cell',
    );
    const term = await ok(
      await post(`/organizations/${x02}/terms`, {
        name: 'I',
        ordinal: 1,
        validFrom: '2025-09-20',
        validUntil: '2030-09-19',
      }),
      'term',
    );
    const portfolio = await ok(
      await post(`/people/${people[0]}/portfolio`, { orgId: x02, field: 'Xây dựng Đảng', validFrom: '2026-01-01' }),
      'portfolio',
    );
    const version = await ok(await post('/regulations', { orgId: x02, text: X02_REGULATION }), 'regulation');
    const body = await bchOf(x02);
    const meeting = await ok(
      await post('/meetings', {
        bodyId: body,
        kind: 'regular',
        title: 'Hội nghị Đảng ủy phường tháng 5',
        meetingDate: '2026-05-04',
        format: 'hybrid',
      }),
      'meeting',
    );
    await ok(await post(`/meetings/${meeting.id}/convene`, { version: meeting.version, convenedBy: 'BTV' }), 'convene');
    const withItem = await ok(
      await post(`/meetings/${meeting.id}/agenda`, { title: 'Nghị quyết chuyên đề', matter: 'NQ_CHUYEN_DE' }),
      'agenda',
    );
    const withSite = await ok(
      await post(`/meetings/${meeting.id}/sites`, { name: 'Điểm cầu khu phố 1', hostOrgId: x02 }),
      'site',
    );
    const withDoc = await ok(
      await post(`/meetings/${meeting.id}/documents`, {
        title: 'Dự thảo nghị quyết',
        fileName: 'du-thao.txt',
        mediaType: 'text/plain',
        contentBase64: Buffer.from('Dự thảo Nguyễn Văn Xã Hai').toString('base64'),
      }),
      'document',
    );
    // A conclusion of X02 with an action item, its task with a report file and an extension request.
    await ok(
      await write(admin, 'admin', {
        method: 'PATCH',
        url: `${API}/organizations/${x02}`,
        payload: {
          version: (await t.as(admin, { method: 'GET', url: `${API}/organizations/${x02}` })).json().version,
          symbol: 'ĐU',
        },
      }),
      'symbol',
    );
    let mm = await ok(await t.as(admin, { method: 'GET', url: `${API}/meetings/${meeting.id}` }), 'meeting');
    mm = await ok(
      await post(`/meetings/${meeting.id}/open`, { earlyReason: 'Ghi nhận thử trước ngày họp', version: mm.version }),
      'open',
    );
    mm = await ok(
      await post(`/meetings/${meeting.id}/close`, { earlyReason: 'Ghi nhận thử trước ngày họp', version: mm.version }),
      'close',
    );
    const leadX02 = { kind: 'unit', id: x02, name: 'Đảng ủy phường Bắc Sơn' };
    await ok(
      await post(`/meetings/${meeting.id}/conclusion`, {
        issuedOn: '2026-05-05',
        summary: 'Kết luận',
        signer: { for: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ' },
        items: [
          {
            kind: 'action',
            text: 'Rà soát đảng viên',
            leads: [leadX02],
            dueDate: '2026-06-30',
            supervisorPersonId: people[0],
            decidingBody: 'BTV',
            product: 'Báo cáo',
          },
        ],
      }),
      'conclusion',
    );
    const { id: conclusionItem } = await db()
      .selectFrom('conclusion_item as i')
      .innerJoin('conclusion as c', 'c.id', 'i.conclusion_id')
      .select('i.id')
      .where('c.meeting_id', '=', meeting.id)
      .where('i.kind', '=', 'action')
      .executeTakeFirstOrThrow();
    const task = await ok(await post(`/conclusion-items/${conclusionItem}/task`, {}), 'task');
    await ok(
      await post(`/tasks/${task.id}/reports`, {
        reportedOn: '2026-05-20',
        percent: 30,
        text: 'Tiến độ',
        files: [
          {
            fileName: 'a.txt',
            mediaType: 'text/plain',
            contentBase64: Buffer.from('Nguyễn Văn Xã Hai').toString('base64'),
          },
        ],
      }),
      'report',
    );
    const withExt = await ok(
      await post(`/tasks/${task.id}/extensions`, {
        requestedOn: '2026-06-01',
        requestedTo: '2026-07-31',
        reason: 'Chờ số liệu',
      }),
      'extension',
    );
    // A draft program with an item, an inspection and a recommendation received by X02.
    const program = await ok(
      await post('/programs', {
        orgId: x02,
        kind: 'work',
        span: 'year',
        year: 2026,
        items: [{ title: 'Sơ kết 6 tháng Xã Hai', period: { kind: 'half', value: '2026-H1' }, leads: [leadX02] }],
      }),
      'program',
    );
    const inspection = await ok(
      await post('/inspections', {
        orgId: x02,
        kind: 'thematic_inspection',
        title: 'Kiểm tra chi bộ khu phố 1 Xã Hai',
        decidingBody: 'UBKT',
        targets: [{ id: cell.id, name: 'Chi bộ khu phố 1' }],
      }),
      'inspection',
    );
    const recommendation = await ok(
      await post('/recommendations', {
        orgId: x02,
        source: 'lower_unit',
        fromLabel: 'Chi bộ khu phố 1, phường Bắc Sơn',
        title: 'Kiến nghị của chi bộ Xã Hai',
        text: 'Nội dung',
        receivedOn: '2026-05-10',
      }),
      'recommendation',
    );
    // A consultation of X02 on its regulation, sent to its cell, which answered with one comment.
    const consultation = await ok(
      await post('/consultations', {
        regulationId: version.regulationId,
        versionId: version.id,
        sentOn: '2026-05-01',
        deadline: '2026-05-15',
        recipients: [{ kind: 'org', id: cell.id }],
      }),
      'consultation',
    );
    await ok(
      await post(`/consultations/${consultation.id}/answers`, {
        recipientId: consultation.recipients[0].id,
        answeredOn: '2026-05-10',
        comments: [{ kind: 'general', text: 'Ý kiến của chi bộ Xã Hai' }],
      }),
      'answer',
    );
    const reviewReport = await ok(await post('/review-reports', { orgId: x02, period: '2026-H1' }), 'review report');
    const shortcoming = await ok(
      await post('/shortcomings', {
        orgId: x02,
        text: 'Hạn chế của Xã Hai',
        remedy: 'Khắc phục',
        lead: leadX02,
        dueDate: '2026-12-31',
        identifiedOn: '2026-07-01',
        reviewReportId: reviewReport.id,
      }),
      'shortcoming',
    );
    const reviewRequest = await ok(
      await post('/review-requests', {
        orgId: al,
        targetOrgId: x02,
        topics: ['Thực hiện quy chế làm việc'],
        sentOn: '2026-07-01',
        deadline: '2026-07-31',
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
      }),
      'review request',
    );
    await ok(await post(`/organizations/${x02}/assessments`, { year: 2026 }), 'assessments');
    x = {
      assessment: (
        await db().selectFrom('assessment').select('id').where('unit_id', '=', x02).limit(1).executeTakeFirstOrThrow()
      ).id,
      job: (
        await db()
          .insertInto('job')
          .values({
            id: randomUUID(),
            kind: 'weekly_digest',
            dedupe_key: 'security-test',
            payload: '{}',
            state: 'failed',
            attempts: 5,
            last_error: 'thử',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
      reviewRequest: reviewRequest.id,
      shortcoming: shortcoming.id,
      reviewReport: reviewReport.id,
      consultation: consultation.id,
      recipient: consultation.recipients[0].id,
      comment: (
        await db()
          .selectFrom('consultation_comment')
          .select('id')
          .where('consultation_id', '=', consultation.id)
          .executeTakeFirstOrThrow()
      ).id,
      user: (
        await db().selectFrom('app_user').select('id').where('username', '=', 'vanthu.x02').executeTakeFirstOrThrow()
      ).id,
      org: x02,
      parent: al,
      cell: cell.id,
      body,
      person: people[0]!,
      membership: (
        await db().selectFrom('membership').select('id').where('org_id', '=', x02).limit(1).executeTakeFirstOrThrow()
      ).id,
      partyMember: (
        await db()
          .selectFrom('party_membership')
          .select('id')
          .where('org_id', '=', cell.id)
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id,
      portfolio: portfolio.id,
      term: term.id,
      parentLink: (
        await db().selectFrom('organization_parent').select('id').where('org_id', '=', x02).executeTakeFirstOrThrow()
      ).id,
      regulation: version.regulationId,
      version: version.id,
      meeting: meeting.id,
      item: withItem.agenda[0].id,
      attendance: (
        await db()
          .selectFrom('meeting_attendance')
          .select('id')
          .where('meeting_id', '=', meeting.id)
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id,
      document: withDoc.documents[0].id,
      site: withSite.sites[0].id,
      task: task.id,
      taskFile: withExt.reports[0].files[0].id,
      extension: withExt.extensions[0].id,
      conclusionItem,
      program: program.id,
      programItem: program.itemsDetail[0].id,
      inspection: inspection.id,
      recommendation: recommendation.id,
      // Someone else's notification (the admin's).
      notification: await (async () => {
        const id = randomUUID();
        const u = await db()
          .selectFrom('app_user')
          .select('id')
          .where('username', '=', 'admin')
          .executeTakeFirstOrThrow();
        await db()
          .insertInto('notification')
          .values({ id, org_id: x02, user_id: u.id, kind: 'due_soon', title: 'Nhắc hạn Xã Hai', body: 'Nội dung' })
          .execute();
        return id;
      })(),
    };
    own = {
      org: x01,
      body: await bchOf(x01),
      cell: await t.orgId('ORG-X01-CB2'),
      regulation: (await db().selectFrom('regulation').select('id').where('org_id', '=', x01).executeTakeFirstOrThrow())
        .id,
    };
    x01Subtree = await subtree(t, x01);
  });
  afterAll(async () => t?.close());

  const inputFor = (r: { method: string; url: string }, recs: Records): Input => INPUTS[key(r)]?.(recs) ?? { body: {} };
  const payloadOf = (r: { method: string }, input: Input) =>
    r.method === 'GET' ? undefined : (input.body ?? undefined);

  it('has one public route only, login', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.public).map(key)).toEqual(['POST /auth/login']);
  });

  it('knows a valid request and an X02 record for every route (a new route must be added here)', () => {
    for (const r of routes) {
      if (r.public) continue;
      expect.soft(INPUTS[key(r)], `no request for ${key(r)} in INPUTS`).toBeDefined();
      if (r.url.includes(':'))
        expect
          .soft(
            fillUrl(r.url, (p) => recordFor(r.url, p, x)),
            `no record of X02 for ${key(r)}`,
          )
          .toBeDefined();
    }
  });

  it('answers 401 problem+json without a session on every route but login, whatever the input', async () => {
    const rnd = (): Records => ({
      org: randomUUID(),
      parent: randomUUID(),
      cell: randomUUID(),
      body: randomUUID(),
      person: randomUUID(),
      membership: randomUUID(),
      partyMember: randomUUID(),
      portfolio: randomUUID(),
      term: randomUUID(),
      parentLink: randomUUID(),
      regulation: randomUUID(),
      version: randomUUID(),
      meeting: randomUUID(),
      item: randomUUID(),
      attendance: randomUUID(),
      document: randomUUID(),
      site: randomUUID(),
      task: randomUUID(),
      taskFile: randomUUID(),
      extension: randomUUID(),
      conclusionItem: randomUUID(),
      notification: randomUUID(),
      program: randomUUID(),
      programItem: randomUUID(),
      inspection: randomUUID(),
      recommendation: randomUUID(),
      consultation: randomUUID(),
      recipient: randomUUID(),
      comment: randomUUID(),
      user: randomUUID(),
      reviewReport: randomUUID(),
      shortcoming: randomUUID(),
      reviewRequest: randomUUID(),
      assessment: randomUUID(),
      job: randomUUID(),
    });
    let checked = 0;
    for (const r of routes) {
      if (r.public) continue;
      const input = inputFor(r, rnd());
      const url = `${API}${r.url.replace(/:[A-Za-z]+/g, () => randomUUID())}${qs(input.query)}`;
      const variants: [string, InjectOptions][] = [
        ['no cookie', { method: r.method, url, payload: payloadOf(r, input) as never }],
        [
          'garbage cookie',
          {
            method: r.method,
            url,
            payload: payloadOf(r, input) as never,
            headers: { cookie: 'qc_session=abc', 'x-csrf-token': 'abc' },
          },
        ],
        [
          'overlong cookie',
          {
            method: r.method,
            url,
            payload: payloadOf(r, input) as never,
            headers: { cookie: `qc_session=${'a'.repeat(5000)}` },
          },
        ],
        [
          'invalid params and body',
          {
            method: r.method,
            url: `${API}${r.url.replace(/:[A-Za-z]+/g, 'khong-phai-uuid')}?khong=co`,
            payload: r.method === 'GET' ? undefined : { __x: 1 },
          },
        ],
      ];
      for (const [label, opts] of variants) {
        expectProblem(await t.app.inject(opts), 401, 'UNAUTHENTICATED', `${key(r)} (${label})`);
        checked++;
      }
      if (r.method === 'GET')
        expect.soft((await t.app.inject({ method: 'HEAD', url })).statusCode, `HEAD ${r.url}`).toBe(401);
    }
    expect(checked).toBeGreaterThan(150);
    for (const [method, url] of [
      ['GET', `${API}/openapi.json`],
      ['GET', `${API}/khong-co-dia-chi-nay`],
      ['GET', `${API}/organizations/${randomUUID()}/khong-co`],
      ['DELETE', `${API}/organizations/${randomUUID()}`],
      ['PUT', `${API}/people`],
      ['GET', `${API}/`],
    ] as const) {
      expectProblem(await t.app.inject({ method, url }), 401, 'UNAUTHENTICATED', `${method} ${url}`);
    }
  });

  it("refuses the X01 clerk every route on commune X02's records with 403 and changes nothing", async () => {
    const before = await checksum(t);
    let refused = 0;
    for (const r of routes) {
      if (r.public || !INPUTS[key(r)]) continue;
      const input = inputFor(r, x);
      if (!r.url.includes(':') && !input.x02) continue;
      const path = fillUrl(r.url, (p) => recordFor(r.url, p, x));
      if (!path) continue; // reported by the test above
      const res = await t.as(clerk, {
        method: r.method,
        url: `${API}${path}${qs(input.query)}`,
        payload: payloadOf(r, input) as never,
      });
      if (OWN_RECORDS.has(key(r))) expectProblem(res, 404, 'NOT_FOUND', `clerk X01: ${key(r)}`);
      else expectProblem(res, 403, 'FORBIDDEN', `clerk X01: ${key(r)}`);
      for (const secret of ['Bắc Sơn', 'Xã Hai', x.org])
        expect.soft(res.body, `clerk X01: ${key(r)} reveals ${secret}`).not.toContain(secret);
      refused++;
    }
    expect(refused).toBeGreaterThan(40);
    // The same requests succeed for the admin: the 403 above is the clerk's scope, not a bad request.
    const probe = await t.as(admin, { method: 'GET', url: `${API}/organizations/${x.org}/party-members` });
    expect(probe.statusCode).toBe(200);
    expect(await checksum(t)).toEqual(before);
  });

  it("refuses the X01 clerk a request on its own commune that points at commune X02's records", async () => {
    own.meeting ??= (
      await write(clerk, 'vanthu.x01', {
        method: 'POST',
        url: `${API}/meetings`,
        payload: { bodyId: own.body, kind: 'regular', title: 'Hội nghị Đảng ủy xã tháng 5', meetingDate: '2026-05-05' },
      })
    ).json().id;
    const { id: ownPerson } = await db()
      .selectFrom('person as p')
      .innerJoin('organization as o', 'o.id', 'p.org_id')
      .select('p.id')
      .where('o.code', '=', 'ORG-X01')
      .limit(1)
      .executeTakeFirstOrThrow();
    const { id: ownVersion } = await db()
      .selectFrom('regulation_version')
      .select('id')
      .where('regulation_id', '=', own.regulation)
      .limit(1)
      .executeTakeFirstOrThrow();
    const before = await checksum(t);
    const cb1 = await t.orgId('ORG-X01-CB1');
    const cb5 = await t.orgId('ORG-X01-CB5');
    const x02People = (await db().selectFrom('person').select('id').where('org_id', '=', x.org).execute()).map(
      (r) => r.id,
    );
    const cases: [string, InjectOptions & { method: string; url: string }][] = [
      [
        'X01 cell placed under X02',
        {
          method: 'POST',
          url: `${API}/organizations/${cb1}/parent-links`,
          payload: { parentId: x.org, validFrom: '2026-03-01' },
        },
      ],
      [
        'X01 cell merged into X02',
        {
          method: 'POST',
          url: `${API}/reorganizations`,
          payload: { kind: 'merge', effectiveOn: '2026-12-01', sourceIds: [cb5], successorId: x.org },
        },
      ],
      [
        'X01 person given a portfolio of X02',
        {
          method: 'POST',
          url: `${API}/people/${ownPerson}/portfolio`,
          payload: { orgId: x.org, field: 'Kinh tế', validFrom: '2026-03-01' },
        },
      ],
      [
        'X01 portfolio with X02 as locality',
        {
          method: 'POST',
          url: `${API}/people/${ownPerson}/portfolio`,
          payload: { orgId: own.org, localityOrgId: x.org, field: 'Địa bàn', validFrom: '2026-03-01' },
        },
      ],
      [
        'X01 portfolio in an X02 body',
        {
          method: 'POST',
          url: `${API}/people/${ownPerson}/portfolio`,
          payload: { orgId: own.org, bodyId: x.body, field: 'Kinh tế', validFrom: '2026-03-01' },
        },
      ],
      [
        'X01 body part of an X02 body',
        {
          method: 'POST',
          url: `${API}/bodies`,
          payload: { orgId: own.org, kind: 'UBKT', name: 'Ủy ban Kiểm tra', partOf: x.body, validFrom: '2026-03-01' },
        },
      ],
      [
        'X01 body in the term of X02',
        {
          method: 'POST',
          url: `${API}/bodies`,
          payload: { orgId: own.org, kind: 'UBKT', name: 'Ủy ban Kiểm tra', termId: x.term, validFrom: '2026-03-01' },
        },
      ],
      [
        'X02 person enrolled in an X01 cell',
        {
          method: 'POST',
          url: `${API}/organizations/${own.cell}/party-members`,
          payload: { personId: x.person, status: 'probationary', validFrom: '2026-03-01' },
        },
      ],
      [
        'X02 person seated in an X01 body',
        {
          method: 'POST',
          url: `${API}/bodies/${own.body}/memberships`,
          payload: { personId: x.person, role: 'UY_VIEN', validFrom: '2026-03-01' },
        },
      ],
      [
        'X01 cell founded with X02 people',
        {
          method: 'POST',
          url: `${API}/organizations`,
          payload: {
            code: 'ORG-X01-CB9',
            name: 'Chi bộ thôn 9, xã Tân Lập',
            kind: 'CELL',
            parentId: own.org,
            validFrom: '2026-03-01',
            partyMembers: x02People.map((personId) => ({ personId, status: 'official' })),
          },
        },
      ],
      [
        'X02 version read through the X01 regulation',
        { method: 'GET', url: `${API}/regulations/${own.regulation}/versions/${x.version}` },
      ],
      [
        'X02 versions compared through the X01 regulation',
        { method: 'GET', url: `${API}/regulations/${own.regulation}/diff?from=${x.version}&to=${ownVersion}` },
      ],
      [
        'X02 version asked through the X01 regulation',
        {
          method: 'POST',
          url: `${API}/regulations/${own.regulation}/ask`,
          payload: {
            ask: 'quorum',
            at: '2026-03-01',
            input: { body: 'BCH', summoned: 20, present: 15 },
            versionId: x.version,
          },
        },
      ],
      [
        'X02 attendance changed through an X01 meeting',
        {
          method: 'PATCH',
          url: `${API}/meetings/${own.meeting}/attendance/${x.attendance}`,
          payload: { status: 'present' },
        },
      ],
      [
        'X01 task led by commune X02',
        {
          method: 'POST',
          url: `${API}/tasks`,
          payload: {
            orgId: own.org,
            title: 'Nhiệm vụ',
            leads: [{ kind: 'unit', id: x.org, name: 'Đảng ủy phường Bắc Sơn' }],
            sourceKind: 'other',
          },
        },
      ],
      [
        'X01 task supervised by an X02 person',
        {
          method: 'POST',
          url: `${API}/tasks`,
          payload: { orgId: own.org, title: 'Nhiệm vụ', supervisorPersonId: x.person, sourceKind: 'other' },
        },
      ],
      [
        'X02 agenda item voted through an X01 meeting',
        {
          method: 'POST',
          url: `${API}/meetings/${own.meeting}/agenda/${x.item}/votes`,
          payload: { method: 'secret_ballot', yes: 1, no: 0, abstain: 0 },
        },
      ],
    ];
    for (const [label, opts] of cases) {
      const res = await t.as(clerk, opts);
      expect
        .soft([400, 403, 404], `${label}: ${opts.method} ${opts.url} → ${res.statusCode} ${res.body.slice(0, 300)}`)
        .toContain(res.statusCode);
      if (res.statusCode >= 400)
        expect.soft(String(res.headers['content-type']), label).toContain('application/problem+json');
      // Nothing of X02 may come back, not even a name.
      for (const id of [x.person, ...x02People]) {
        const { full_name: name } = await db()
          .selectFrom('person')
          .select('full_name')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect.soft(res.body, `${label} reveals ${name}`).not.toContain(name);
      }
    }
    expect(await checksum(t)).toEqual(before);
  });

  it('lets the X01 clerk read and write its own commune, each write audited once under its name', async () => {
    for (const url of [
      `/organizations/${own.org}`,
      `/organizations/${own.org}/subtree`,
      `/bodies/${own.body}`,
      `/organizations/${own.cell}/party-members`,
      `/regulations/${own.regulation}`,
      `/people?orgId=${own.org}`,
    ]) {
      const r = await t.as(clerk, { method: 'GET', url: `${API}${url}` });
      expect.soft(r.statusCode, `GET ${url} ${r.body.slice(0, 200)}`).toBe(200);
    }
    const from = writes.length;
    const p = await write(clerk, 'vanthu.x01', {
      method: 'POST',
      url: `${API}/people`,
      payload: { orgId: own.org, fullName: 'Nguyễn Thị Mới Vào' },
    });
    expect(p.statusCode, p.body).toBe(201);
    own.person = p.json().id;
    const pm = await write(clerk, 'vanthu.x01', {
      method: 'POST',
      url: `${API}/organizations/${own.cell}/party-members`,
      payload: { personId: own.person, status: 'probationary', validFrom: '2026-03-01' },
    });
    expect(pm.statusCode, pm.body).toBe(201);
    const upd = await write(clerk, 'vanthu.x01', {
      method: 'PATCH',
      url: `${API}/people/${own.person}`,
      payload: { version: 1, fullName: 'Nguyễn Thị Mới' },
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await t.as(clerk, { method: 'GET', url: `${API}/people/${own.person}` })).json()).toMatchObject({
      fullName: 'Nguyễn Thị Mới',
      partyMemberships: [expect.objectContaining({ orgId: own.cell })],
    });
    const mine = writes.slice(from);
    expect(mine).toHaveLength(3);
    for (const w of mine) {
      expect(w.rows, w.label).toHaveLength(1);
      expect(w.rows[0]!.actor, w.label).toBe('vanthu.x01');
      expect(w.rows[0]!.after, w.label).not.toBeNull();
    }
    expect(mine[2]!.rows[0]).toMatchObject({
      before: expect.objectContaining({ fullName: 'Nguyễn Thị Mới Vào' }),
      after: expect.objectContaining({ fullName: 'Nguyễn Thị Mới' }),
    });
  });

  it("lists for the X01 clerk only records of X01's subtree", async () => {
    const get = async (url: string) => {
      const r = await t.as(clerk, { method: 'GET', url: `${API}${url}` });
      expect(r.statusCode, `${url} ${r.body.slice(0, 200)}`).toBe(200);
      return r.json();
    };
    const orgOfPerson = async (id: string) =>
      (await db().selectFrom('person').select('org_id').where('id', '=', id).executeTakeFirstOrThrow()).org_id;
    // The subtree now: X01 with its cells, those made by the tests included.
    x01Subtree = await subtree(t, own.org);
    expect(x01Subtree.has(x.org)).toBe(false);
    const orgs = await get('/organizations?pageSize=500');
    expect(orgs.items.length).toBeGreaterThan(0);
    expect(orgs.items.map((o: { id: string }) => o.id)).toContain(own.org);
    for (const o of orgs.items) expect.soft(x01Subtree.has(o.id), `organization ${o.code}`).toBe(true);
    expect(orgs.total).toBe(orgs.items.length);
    for (const o of (await get('/organizations?q=dang%20bo&pageSize=500')).items)
      expect.soft(x01Subtree.has(o.id), `organization ${o.code}`).toBe(true);
    const people = await get('/people?pageSize=500');
    expect(people.items.length).toBeGreaterThan(5);
    expect(people.total).toBe(people.items.length);
    for (const p of people.items) expect.soft(x01Subtree.has(p.orgId), `person ${p.fullName}`).toBe(true);
    for (const q of ['nguyen', 'Nguyễn', 'xa hai', 'bac son', 'dang bo']) {
      const s = await get(`/search?q=${encodeURIComponent(q)}&limit=100`);
      for (const p of s.people)
        expect.soft(x01Subtree.has(await orgOfPerson(p.id)), `search "${q}": ${p.fullName} (${p.orgName})`).toBe(true);
      for (const o of s.organizations) expect.soft(x01Subtree.has(o.id), `search "${q}": ${o.code}`).toBe(true);
      const ppl = await get(`/people?q=${encodeURIComponent(q)}&pageSize=500`);
      for (const p of ppl.items) expect.soft(x01Subtree.has(p.orgId), `people "${q}": ${p.fullName}`).toBe(true);
    }
    // The admin does find X02's people: the search above was not empty by accident.
    const all = (await t.as(admin, { method: 'GET', url: `${API}/search?q=nguyen%20xa%20hai` })).json();
    expect(all.people.map((p: { id: string }) => p.id)).toContain(x.person);
    const tree = await get('/organizations/tree?depth=6');
    const flat = (nodes: { id: string; children: unknown[] }[]): string[] =>
      nodes.flatMap((n) => [n.id, ...flat(n.children as never)]);
    expect(tree.roots.map((n: { id: string }) => n.id)).toEqual([own.org]);
    for (const id of flat(tree.roots)) expect.soft(x01Subtree.has(id), `tree node ${id}`).toBe(true);
    for (const reg of await get('/regulations'))
      expect.soft(x01Subtree.has(reg.orgId), `regulation ${reg.work}`).toBe(true);
  });

  it.each(['xem', 'lanhdao'])(
    'refuses every write to a read-only account (%s) with 403 and changes nothing ' +
      '(the leader only decides extensions and results)',
    async (username) => {
      const s = username === 'xem' ? viewer : leader;
      const before = await checksum(t);
      let refused = 0;
      for (const r of routes) {
        if (r.public || r.method === 'GET' || key(r) === 'POST /auth/logout' || OWN_ACCOUNT.has(key(r))) continue;
        if (username === 'lanhdao' && LEADER_DECIDES.has(key(r))) continue;
        const input = inputFor(r, x);
        const path = fillUrl(r.url, (p) => recordFor(r.url, p, x));
        if (!path) continue;
        const res = await t.as(s, {
          method: r.method,
          url: `${API}${path}${qs(input.query)}`,
          payload: payloadOf(r, input) as never,
        });
        if (STORES_NOTHING.has(key(r))) {
          expect.soft(res.statusCode, `${username}: ${key(r)} ${res.body.slice(0, 200)}`).toBeLessThan(500);
          continue;
        }
        if (OWN_RECORDS.has(key(r))) expectProblem(res, 404, 'NOT_FOUND', `${username}: ${key(r)}`);
        else expectProblem(res, 403, 'FORBIDDEN', `${username}: ${key(r)}`);
        refused++;
      }
      expect(refused).toBeGreaterThan(25);
      // Reads in the same scope work: the refusals are about the role.
      expect((await t.as(s, { method: 'GET', url: `${API}/organizations/${x.org}` })).statusCode).toBe(200);
      expect(await checksum(t)).toEqual(before);
    },
  );

  it(
    "refuses every write without the CSRF header, with a wrong one or with another session's, and writes " + 'nothing',
    async () => {
      const before = await checksum(t);
      const wrongSameLength = admin.csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
      let refused = 0;
      for (const r of routes) {
        if (r.public || r.method === 'GET') continue;
        const input = inputFor(r, x);
        const path = fillUrl(r.url, (p) => recordFor(r.url, p, x)) ?? r.url.replace(/:[A-Za-z]+/g, randomUUID());
        const url = `${API}${path}${qs(input.query)}`;
        const payload = payloadOf(r, input) as never;
        const variants: [string, Record<string, string>][] = [
          ['no header', { cookie: admin.cookie }],
          ['empty header', { cookie: admin.cookie, 'x-csrf-token': '' }],
          ['wrong token', { cookie: admin.cookie, 'x-csrf-token': wrongSameLength }],
          ["another session's token", { cookie: admin.cookie, 'x-csrf-token': clerk.csrf }],
          ['token in a cookie', { cookie: `${admin.cookie}; x-csrf-token=${admin.csrf}` }],
        ];
        for (const [label, headers] of variants) {
          expectProblem(
            await t.app.inject({ method: r.method as 'POST', url, payload, headers }),
            403,
            'CSRF_INVALID',
            `${key(r)} (${label})`,
          );
          refused++;
        }
      }
      expect(refused).toBeGreaterThan(100);
      // Logout without the header did not end the session.
      expect((await t.as(admin, { method: 'GET', url: `${API}/auth/me` })).statusCode).toBe(200);
      expect(await checksum(t)).toEqual(before);
    },
  );

  it('refuses a cross-site form post (urlencoded, text/plain, multipart), with or without the token', async () => {
    const before = await checksum(t);
    const json = JSON.stringify({ orgId: x.org, fullName: 'Giả Mạo' });
    const forms: [string, string][] = [
      ['application/x-www-form-urlencoded', `orgId=${x.org}&fullName=Gia+Mao`],
      ['text/plain', json],
      [
        'multipart/form-data; boundary=XyZ',
        `--XyZ\r\nContent-Disposition: form-data; name="fullName"\r\n\r\nGia Mao\r\n--XyZ--\r\n`,
      ],
    ];
    for (const [type, payload] of forms) {
      for (const withToken of [false, true]) {
        const headers: Record<string, string> = {
          cookie: admin.cookie,
          'content-type': type,
          origin: 'https://ke-gian.example',
        };
        if (withToken) headers['x-csrf-token'] = admin.csrf;
        const res = await t.app.inject({ method: 'POST', url: `${API}/people`, payload, headers });
        const label = `${type}${withToken ? ' + token' : ''} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect.soft([400, 403, 415], label).toContain(res.statusCode);
        expect.soft(String(res.headers['content-type']), label).toContain('application/problem+json');
        if (!withToken) expect.soft([403, 415], label).toContain(res.statusCode);
      }
    }
    expect(await checksum(t)).toEqual(before);
  });

  it('throttles a username after 5 failed logins from one address, even with the right password', async () => {
    const login = (username: string, password: string, extra: Partial<InjectOptions> = {}) =>
      t.app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username, password }, ...extra });
    for (let i = 1; i <= 5; i++)
      expectProblem(await login('vanthu.x02', `sai-mat-khau-${i}`), 401, 'LOGIN_FAILED', `failure ${i}`);
    for (const [label, res] of [
      ['right password', await login('vanthu.x02', 'anlac2026')],
      ['other spelling of the username', await login('  VanThu.X02 ', 'anlac2026')],
      [
        'spoofed X-Forwarded-For',
        await login('vanthu.x02', 'anlac2026', { headers: { 'x-forwarded-for': '203.0.113.7' } }),
      ],
    ] as const) {
      expectProblem(res, 429, 'LOGIN_THROTTLED', label);
      const retry = Number(res.headers['retry-after']);
      expect
        .soft(
          Number.isInteger(retry) && retry > 0 && retry <= 15 * 60,
          `${label}: retry-after ${res.headers['retry-after']}`,
        )
        .toBe(true);
      expect
        .soft(
          res.cookies.find((c) => c.name === 'qc_session'),
          label,
        )
        .toBeUndefined();
    }
    // Another username from the same address, and the admin, are not affected.
    expect((await login('xem', 'anlac2026')).statusCode).toBe(200);
    expect((await login('admin', 'anlac2026')).statusCode).toBe(200);
    // An unknown username and a wrong password answer alike: no user enumeration.
    const unknown = await login('khong.ton.tai', 'anlac2026');
    const wrong = await login('vanthu.vptu', 'sai');
    expect(unknown.statusCode).toBe(401);
    expect(JSON.parse(unknown.body)).toEqual(JSON.parse(wrong.body));
  });

  it('sets an httpOnly, SameSite=Lax cookie; logout, expiry and a disabled account end the session', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      payload: { username: 'lanhdao', password: 'anlac2026' },
    });
    expect(r.statusCode).toBe(200);
    const c = r.cookies.find((x) => x.name === 'qc_session')!;
    expect(c).toBeDefined();
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(c.path).toBe('/');
    expect(String(r.headers['set-cookie'])).not.toContain(r.json().csrfToken);
    const s: Session = { cookie: `qc_session=${c.value}`, csrf: r.json().csrfToken };
    expect((await t.as(s, { method: 'GET', url: `${API}/auth/me` })).statusCode).toBe(200);
    const out = await write(s, 'lanhdao', { method: 'POST', url: `${API}/auth/logout` });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((x) => x.name === 'qc_session');
    expect(cleared).toBeDefined();
    expect(
      cleared!.value === '' ||
        (cleared!.expires !== undefined && cleared!.expires.getTime() < Date.now()) ||
        cleared!.maxAge === 0,
    ).toBe(true);
    expectProblem(await t.as(s, { method: 'GET', url: `${API}/auth/me` }), 401, 'UNAUTHENTICATED', 'after logout: me');
    expectProblem(
      await t.as(s, { method: 'POST', url: `${API}/auth/logout` }),
      401,
      'UNAUTHENTICATED',
      'after logout: logout',
    );
    expectProblem(
      await t.as(s, { method: 'PATCH', url: `${API}/organizations/${x.org}`, payload: { version: 1, shortName: 'x' } }),
      401,
      'UNAUTHENTICATED',
      'after logout: write',
    );
    const sid = createHash('sha256').update(c.value).digest('hex');
    expect(await qb(t.db).selectFrom('user_session').select('id').where('id', '=', sid).execute()).toHaveLength(0);

    // An expired session is no session.
    const s2 = await t.login('lanhdao');
    const sid2 = createHash('sha256').update(s2.cookie.slice('qc_session='.length)).digest('hex');
    await qb(t.db)
      .updateTable('user_session')
      .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
      .where('id', '=', sid2)
      .execute();
    expectProblem(await t.as(s2, { method: 'GET', url: `${API}/auth/me` }), 401, 'UNAUTHENTICATED', 'expired session');

    // A disabled account loses its open sessions at once.
    const created = await write(admin, 'admin', {
      method: 'POST',
      url: `${API}/users`,
      payload: {
        username: 'tam.thoi',
        password: 'mat-khau-tam-thoi',
        displayName: 'Tài khoản tạm thời',
        grants: [{ role: 'viewer', orgId: own.org }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const s3 = await t.login('tam.thoi', 'mat-khau-tam-thoi');
    expect((await t.as(s3, { method: 'GET', url: `${API}/auth/me` })).statusCode).toBe(200);
    await qb(t.db).updateTable('app_user').set({ disabled: true }).where('username', '=', 'tam.thoi').execute();
    expectProblem(await t.as(s3, { method: 'GET', url: `${API}/auth/me` }), 401, 'UNAUTHENTICATED', 'disabled account');
    await qb(t.db).updateTable('app_user').set({ disabled: false }).where('username', '=', 'tam.thoi').execute();
  });

  it('sends the security headers on HTML pages, static files, API answers and errors', async () => {
    // A server with a web directory of its own, so the HTML answers do not depend on a build.
    const web = mkdtempSync(join(tmpdir(), 'quyche-web-'));
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><html lang="vi"><head><title>Quychế</title></head><body><div id="root"></div></body></html>',
    );
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    let webApp: FastifyInstance | undefined;
    try {
      webApp = await buildApp(t.db, configFromEnv({}, { dataDir: '/nonexistent', webDir: web }));
      await webApp.ready();
      const check = (label: string, res: LightMyRequestResponse) => {
        const csp = String(res.headers['content-security-policy'] ?? '');
        expect.soft(csp, `${label}: content-security-policy`).toContain("default-src 'self'");
        expect.soft(csp, `${label}: content-security-policy`).toContain("frame-ancestors 'none'");
        const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? '';
        expect.soft(script, `${label}: script-src`).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
        expect.soft(res.headers['x-content-type-options'], `${label}: x-content-type-options`).toBe('nosniff');
        expect.soft(String(res.headers['x-frame-options']).toUpperCase(), `${label}: x-frame-options`).toBe('DENY');
      };
      const html = await webApp.inject({ method: 'GET', url: '/' });
      expect(html.statusCode).toBe(200);
      expect(String(html.headers['content-type'])).toContain('text/html');
      check('GET /', html);
      const spa = await webApp.inject({ method: 'GET', url: '/organizations/abc' });
      expect(String(spa.headers['content-type'])).toContain('text/html');
      check('GET /organizations/abc (SPA)', spa);
      check('GET /assets/app.js', await webApp.inject({ method: 'GET', url: '/assets/app.js' }));
      check('GET / on the test server', await t.app.inject({ method: 'GET', url: '/' }));
      check('GET /auth/me', await t.as(admin, { method: 'GET', url: `${API}/auth/me` }));
      check('GET /openapi.json', await t.as(admin, { method: 'GET', url: `${API}/openapi.json` }));
      check('401', await t.app.inject({ method: 'GET', url: `${API}/auth/me` }));
      check('403', await t.as(clerk, { method: 'GET', url: `${API}/organizations/${x.org}` }));
      check('404', await t.as(admin, { method: 'GET', url: `${API}/khong-co` }));
      check('400', await t.as(admin, { method: 'GET', url: `${API}/organizations?page=-1` }));
      check(
        'login',
        await t.app.inject({
          method: 'POST',
          url: `${API}/auth/login`,
          payload: { username: 'xem', password: 'anlac2026' },
        }),
      );
      const docx = await t.as(admin, {
        method: 'GET',
        url: `${API}/regulations/${x.regulation}/diff.docx?from=${x.version}&to=${x.version}`,
      });
      expect(docx.statusCode).toBe(200);
      check('diff.docx', docx);
    } finally {
      await webApp?.close();
      rmSync(web, { recursive: true, force: true });
    }
  });

  it('refuses the audit trail to everyone but an administrator', async () => {
    for (const [name, s] of [
      ['vanthu.x01', clerk],
      ['xem', viewer],
      ['lanhdao', leader],
    ] as const) {
      for (const url of ['/audit', '/audit/verify', '/users'])
        expectProblem(await t.as(s, { method: 'GET', url: `${API}${url}` }), 403, 'FORBIDDEN', `${name}: GET ${url}`);
    }
    expect((await t.as(admin, { method: 'GET', url: `${API}/audit` })).statusCode).toBe(200);
  });

  it('audited every successful write of these tests exactly once, under the name of its author', async () => {
    expect(writes.length).toBeGreaterThan(12);
    for (const w of writes) {
      const label = `${w.label} (${w.status})`;
      expect.soft(w.rows.length, `${label}: audit rows ${JSON.stringify(w.rows.map((r) => r.action))}`).toBe(1);
      const row = w.rows[0];
      if (!row) continue;
      expect.soft(row.actor, label).toBe(w.actor);
      if (w.label.endsWith('/auth/logout')) continue;
      expect.soft(row.after, `${label}: after`).not.toBeNull();
      if (w.method === 'PATCH') expect.soft(row.before, `${label}: before`).not.toBeNull();
    }
    const page = (await t.as(admin, { method: 'GET', url: `${API}/audit?pageSize=5` })).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items[0]).toMatchObject({
      seq: expect.any(Number),
      actor: expect.any(String),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('detects an audit row changed or deleted behind the application', async () => {
    const verify = async () => {
      const r = await t.as(admin, { method: 'GET', url: `${API}/audit/verify` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as {
        ok: boolean;
        checked: number;
        problems: { seq: number; kind: string; message_vi: string }[];
      };
    };
    const clean = await verify();
    expect(clean).toMatchObject({ ok: true, problems: [] });
    const seqs = writes.flatMap((w) => w.rows.map((r) => r.seq));
    const changed = seqs[2]!;
    const deleted = seqs[5]!;
    await qb(t.db)
      .updateTable('audit_log')
      .set({ after: '{"fullName":"Sửa lén"}' })
      .where('seq', '=', changed)
      .execute();
    const v1 = await verify();
    expect(v1.ok).toBe(false);
    expect(v1.problems).toContainEqual(expect.objectContaining({ seq: changed, kind: 'changed' }));
    await qb(t.db).deleteFrom('audit_log').where('seq', '=', deleted).execute();
    const v2 = await verify();
    expect(v2.ok).toBe(false);
    expect(v2.problems).toContainEqual(expect.objectContaining({ seq: deleted }));
    expect(v2.problems).toContainEqual(expect.objectContaining({ seq: changed, kind: 'changed' }));
    // The last row deleted (and the head left alone) is noticed as well.
    const last = await maxSeq();
    await qb(t.db).deleteFrom('audit_log').where('seq', '=', last).execute();
    const v3 = await verify();
    expect(v3.ok).toBe(false);
    expect(v3.problems.some((p) => p.kind === 'head_mismatch' || p.seq === last)).toBe(true);
    for (const p of v3.problems) expect(p.message_vi).toMatch(DIACRITIC);
  });
});

import type { FastifyInstance } from 'fastify';
import {
  AdjustAssessmentSchema,
  AssessmentListQuerySchema,
  AssessmentListSchema,
  AssessmentOpinionSchema,
  AssessmentRollupSchema,
  AssessmentSchema,
  AssessmentYearSchema,
  DecideAssessmentSchema,
  IdParamsSchema,
  MyAssessmentsSchema,
  SelfAssessmentSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import {
  adjustAssessment,
  decideAssessment,
  getAssessment,
  giveOpinion,
  selfAssess,
} from '../services/assessment.service.js';
import {
  assessmentRollup,
  assessmentSummaryDocx,
  assessmentSummaryXlsx,
} from '../services/assessment-summary.service.js';
import { listAssessments, myAssessments, openAssessmentYear } from '../services/assessment-year.service.js';
import { DOCX, sendFile, XLSX } from '../http/download.js';
import { assessmentFormDocx } from '../services/assessment-form.service.js';

const yearOf = (day: string) => Number(day.slice(0, 4));

const OpenedSchema = z.object({
  year: z.number().int(),
  created: z.number().int(),
  members: z.number().int(),
  organizations: z.number().int(),
  exempted: z.number().int(),
  newlyAdmitted: z.number().int(),
});

/** Issue 16: the annual assessment and classification under the assessment rules in force (Quy định 366-QĐ/TW). */
export function assessmentRoutes(app: FastifyInstance, db: Db) {
  const tag = 'assessments';
  defineRoute(app, db, {
    tag,
    method: 'POST',
    url: '/organizations/:id/assessments',
    summary:
      'Mở kỳ đánh giá, xếp loại năm: phiếu cho từng đảng viên các chi bộ (trừ người được miễn sinh hoạt, mới kết ' +
      'nạp chưa đủ 6 tháng) và từng chi bộ, tổ chức cơ sở đảng trực thuộc',
    params: IdParamsSchema,
    body: AssessmentYearSchema,
    response: OpenedSchema,
    handler: ({ ctx, params, body }) => openAssessmentYear(ctx, params.id, body.year),
  });
  defineRoute(app, db, {
    tag,
    method: 'GET',
    url: '/organizations/:id/assessments',
    summary: 'Các phiếu đánh giá của năm trong tổ chức và tỷ lệ "Hoàn thành xuất sắc nhiệm vụ" của từng đơn vị',
    params: IdParamsSchema,
    query: AssessmentListQuerySchema,
    response: AssessmentListSchema,
    handler: ({ ctx, params, query }) => listAssessments(ctx, params.id, query.year ?? yearOf(ctx.today())),
  });
  const summaries = [
    [
      'docx',
      DOCX,
      assessmentSummaryDocx,
      'Bảng tổng hợp kết quả đánh giá, xếp loại chất lượng của năm (DOCX, thể thức văn bản của Đảng)',
    ],
    [
      'xlsx',
      XLSX,
      assessmentSummaryXlsx,
      'Bảng tổng hợp kết quả đánh giá, xếp loại của năm (XLSX): theo tổ chức trực thuộc, 5 năm gần nhất, từng đảng ' +
        'viên và từng tổ chức đảng',
    ],
  ] as const;
  for (const [ext, type, file, summary] of summaries)
    defineRoute(app, db, {
      tag,
      method: 'GET',
      url: `/organizations/:id/assessments/summary.${ext}`,
      summary,
      params: IdParamsSchema,
      query: AssessmentListQuerySchema,
      handler: async ({ ctx, params, query, reply }) =>
        sendFile(reply, type, await file(ctx, params.id, query.year ?? yearOf(ctx.today()))),
    });
  defineRoute(app, db, {
    tag,
    method: 'GET',
    url: '/organizations/:id/assessments/rollup',
    summary:
      'Tổng hợp kết quả xếp loại của năm theo từng tổ chức trực thuộc (toàn bộ cây tổ chức bên dưới): số đảng viên, ' +
      'số tổ chức ở mỗi mức đã quyết định và số phiếu chưa quyết định',
    params: IdParamsSchema,
    query: AssessmentListQuerySchema,
    response: AssessmentRollupSchema,
    handler: ({ ctx, params, query }) => assessmentRollup(ctx, params.id, query.year ?? yearOf(ctx.today())),
  });
  defineRoute(app, db, {
    tag,
    method: 'GET',
    url: '/me/assessments',
    summary: 'Các phiếu đánh giá, xếp loại của chính đảng viên đăng nhập',
    response: MyAssessmentsSchema,
    handler: ({ ctx }) => myAssessments(ctx),
  });
  defineRoute(app, db, {
    tag,
    method: 'GET',
    url: '/assessments/:id/form.docx',
    summary:
      'Phiếu theo mẫu của Hướng dẫn 43-HD/BTCTW (DOCX): Mẫu 02B cho đảng viên, Mẫu 01 cho tổ chức đảng; ' +
      'điểm tự chấm, ' +
      'số liệu hồ sơ kèm lý do sửa, mức theo quy định, ý kiến và quyết định; được ghi nhật ký như khi xem phiếu',
    params: IdParamsSchema,
    handler: async ({ ctx, params, reply }) => sendFile(reply, DOCX, await assessmentFormDocx(ctx, params.id)),
  });
  defineRoute(app, db, {
    tag,
    method: 'GET',
    url: '/assessments/:id',
    summary:
      'Phiếu đánh giá: số liệu lấy từ hồ sơ kèm căn cứ, thay đổi của người đánh giá kèm lý do, tự đánh giá, ý kiến, ' +
      'mức xếp loại theo quy định; mỗi lần xem được ghi nhật ký',
    params: IdParamsSchema,
    response: AssessmentSchema,
    handler: ({ ctx, params }) => getAssessment(ctx, params.id),
  });
  defineRoute(app, db, {
    tag,
    method: 'POST',
    url: '/assessments/:id/self',
    summary: 'Tự đánh giá: điểm từng nhóm tiêu chí (không quá điểm tối đa) và bản tự kiểm điểm',
    params: IdParamsSchema,
    body: SelfAssessmentSchema,
    response: AssessmentSchema,
    handler: ({ ctx, params, body }) => selfAssess(ctx, params.id, body),
  });
  defineRoute(app, db, {
    tag,
    method: 'POST',
    url: '/assessments/:id/adjust',
    summary: 'Người đánh giá sửa một số liệu hoặc ghi một sự việc (kỷ luật…), bắt buộc kèm lý do',
    params: IdParamsSchema,
    body: AdjustAssessmentSchema,
    response: AssessmentSchema,
    handler: ({ ctx, params, body }) => adjustAssessment(ctx, params.id, body),
  });
  defineRoute(app, db, {
    tag,
    method: 'POST',
    url: '/assessments/:id/opinion',
    summary: 'Ý kiến của chi bộ (cấp ủy) và mức xếp loại đề xuất',
    params: IdParamsSchema,
    body: AssessmentOpinionSchema,
    response: AssessmentSchema,
    handler: ({ ctx, params, body }) => giveOpinion(ctx, params.id, body),
  });
  defineRoute(app, db, {
    tag,
    method: 'POST',
    url: '/assessments/:id/decide',
    summary:
      'Cấp có thẩm quyền quyết định xếp loại: không cao hơn mức hồ sơ cho phép, trong tỷ lệ "Hoàn thành xuất sắc ' +
      'nhiệm vụ" của đơn vị (điểm 1.5 khoản 1 Điều 11 Quy định 366-QĐ/TW)',
    params: IdParamsSchema,
    body: DecideAssessmentSchema,
    response: AssessmentSchema,
    handler: ({ ctx, params, body }) => decideAssessment(ctx, params.id, body),
  });
}

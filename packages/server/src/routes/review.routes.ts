import type { FastifyInstance } from 'fastify';
import { NextProgramSchema, ProgramSchema } from '@quyche/core';
import {
  AdoptReviewReportSchema,
  CirculateReviewReportSchema,
  CreateShortcomingSchema,
  FixShortcomingSchema,
  ShortcomingListQuerySchema,
  ShortcomingListSchema,
  ShortcomingSchema,
  CreateReviewReportSchema,
  EvidenceQuerySchema,
  EvidenceSchema,
  IdParamsSchema,
  ReviewQuerySchema,
  ReviewReportListQuerySchema,
  ReviewReportListSchema,
  ReviewReportSchema,
  ReviewSchema,
  SubordinatesReviewSchema,
  UpdateReviewReportSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { taggedRoutesOf } from '../http/route.js';
import { docxRoute, sendFile } from '../http/download.js';
import * as review from '../services/review.service.js';
import { subordinatesReview } from '../services/review-subordinates.service.js';
import * as reports from '../services/review-report.service.js';
import * as reportAdoption from '../services/review-report.adopt.js';
import { docxToPdf } from '../reports/pdf.convert.js';
import { nextProgramFromReport } from '../services/review-next.service.js';
import { reviewRequestRoutes } from './review-request.routes.js';
import * as shortcomings from '../services/shortcoming.service.js';

export function reviewRoutes(app: FastifyInstance, db: Db) {
  const r = taggedRoutesOf(app, db, 'reviews');
  r({
    method: 'GET',
    url: '/organizations/:id/review',
    summary:
      'Sơ kết, tổng kết một kỳ: các chỉ số tính từ hồ sơ, bên cạnh kỳ trước, kèm điều, khoản và bản ghi làm căn cứ',
    params: IdParamsSchema,
    query: ReviewQuerySchema,
    response: ReviewSchema,
    handler: ({ ctx, params, query }) => review.organizationReview(ctx, params.id, query),
  });
  r({
    method: 'GET',
    url: '/organizations/:id/review/evidence',
    summary: 'Các bản ghi làm nên một chỉ số của kỳ sơ kết (xem chi tiết một con số)',
    params: IdParamsSchema,
    query: EvidenceQuerySchema,
    response: EvidenceSchema,
    handler: ({ ctx, params, query }) => review.reviewEvidence(ctx, params.id, query),
  });
  r({
    method: 'POST',
    url: '/review-reports',
    summary: 'Dựng dự thảo báo cáo sơ kết, tổng kết (hoặc báo cáo thực hiện Quy chế làm việc) từ các chỉ số của kỳ',
    status: 201,
    body: CreateReviewReportSchema,
    response: ReviewReportSchema,
    handler: ({ ctx, body }) => reports.createReport(ctx, body),
  });
  r({
    method: 'GET',
    url: '/review-reports',
    summary: 'Các báo cáo sơ kết, tổng kết của một tổ chức',
    query: ReviewReportListQuerySchema,
    response: ReviewReportListSchema,
    handler: ({ ctx, query }) => reports.listReports(ctx, query.orgId),
  });
  r({
    method: 'GET',
    url: '/review-reports/:id',
    summary: 'Báo cáo sơ kết, tổng kết: các đoạn với số liệu đã điền, số liệu và bản ghi làm căn cứ',
    params: IdParamsSchema,
    response: ReviewReportSchema,
    handler: ({ ctx, params }) => reports.getReport(ctx, params.id),
  });
  r({
    method: 'PATCH',
    url: '/review-reports/:id',
    summary: 'Sửa báo cáo: lời văn, số liệu ghi khác số tính (phải giải trình), nơi nhận',
    params: IdParamsSchema,
    body: UpdateReviewReportSchema,
    response: ReviewReportSchema,
    handler: ({ ctx, params, body }) => reports.updateReport(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/review-reports/:id/circulate',
    summary: 'Gửi dự thảo báo cáo xin ý kiến các đơn vị (góp ý theo đoạn, có hạn)',
    params: IdParamsSchema,
    body: CirculateReviewReportSchema,
    response: ReviewReportSchema,
    handler: ({ ctx, params, body }) => reportAdoption.circulateReport(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/review-reports/:id/adopt',
    summary: 'Thông qua báo cáo tại hội nghị của cơ quan quy chế giao (sơ kết: Ban Thường vụ; tổng kết: Ban Chấp hành)',
    params: IdParamsSchema,
    body: AdoptReviewReportSchema,
    response: ReviewReportSchema,
    handler: ({ ctx, params, body }) => reportAdoption.adoptReport(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/review-reports/:id/next-program',
    summary:
      'Dựng dự thảo chương trình kỳ tới từ nhiệm vụ trọng tâm của báo cáo (mục III), ' +
      'chuyển các nội dung chưa hoàn thành của kỳ này sang',
    status: 201,
    params: IdParamsSchema,
    body: NextProgramSchema,
    response: ProgramSchema,
    handler: ({ ctx, params, body }) => nextProgramFromReport(ctx, params.id, body),
  });
  docxRoute(
    r,
    '/review-reports/:id/report.docx',
    'Báo cáo sơ kết, tổng kết, tệp DOCX theo thể thức văn bản của Đảng',
    reportAdoption.reportDocx,
  );
  r({
    method: 'GET',
    url: '/review-reports/:id/report.pdf',
    summary: 'Báo cáo sơ kết, tổng kết, tệp PDF (chuyển từ DOCX bằng LibreOffice trên máy chủ)',
    params: IdParamsSchema,
    handler: async ({ ctx, params, reply }) => {
      const f = await reportAdoption.reportDocx(ctx, params.id);
      const pdf = await docxToPdf(f.content);
      sendFile(reply, 'application/pdf', { fileName: f.fileName.replace(/\.docx$/, '.pdf'), content: pdf });
    },
  });
  r({
    method: 'POST',
    url: '/shortcomings',
    summary: 'Ghi một hạn chế, khuyết điểm vào sổ theo dõi (một đơn vị chủ trì khắc phục, hạn, nguồn)',
    status: 201,
    body: CreateShortcomingSchema,
    response: ShortcomingSchema,
    handler: ({ ctx, body }) => shortcomings.createShortcoming(ctx, body),
  });
  r({
    method: 'GET',
    url: '/shortcomings',
    summary: 'Sổ theo dõi hạn chế, khuyết điểm của một tổ chức',
    query: ShortcomingListQuerySchema,
    response: ShortcomingListSchema,
    handler: ({ ctx, query }) => shortcomings.listShortcomings(ctx, query),
  });
  r({
    method: 'GET',
    url: '/shortcomings/:id',
    summary: 'Một hạn chế, khuyết điểm: nguồn, biện pháp, hạn, việc khắc phục',
    params: IdParamsSchema,
    response: ShortcomingSchema,
    handler: ({ ctx, params }) => shortcomings.getShortcoming(ctx, params.id),
  });
  r({
    method: 'POST',
    url: '/shortcomings/:id/fix',
    summary: 'Ghi nhận đã khắc phục một hạn chế, kèm minh chứng',
    params: IdParamsSchema,
    body: FixShortcomingSchema,
    response: ShortcomingSchema,
    handler: ({ ctx, params, body }) => shortcomings.fixShortcoming(ctx, params.id, body),
  });
  r({
    method: 'GET',
    url: '/organizations/:id/subordinates-review',
    summary: 'Bảng so sánh các tổ chức trực thuộc theo cùng các chỉ số, xếp hạng, đánh dấu đơn vị chậm',
    params: IdParamsSchema,
    query: ReviewQuerySchema,
    response: SubordinatesReviewSchema,
    handler: ({ ctx, params, query }) => subordinatesReview(ctx, params.id, query),
  });
  reviewRequestRoutes(app, db);
}

import type { FastifyInstance } from 'fastify';
import {
  ConcludeReviewRequestSchema,
  CreateReviewRequestSchema,
  IdParamsSchema,
  ReviewRequestListQuerySchema,
  ReviewRequestListSchema,
  ReviewRequestSchema,
  SubmitReviewRequestSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { taggedRoutesOf } from '../http/route.js';
import * as requests from '../services/review-request.service.js';

/** Working-group reviews: the superior's request, the subordinate's report, the group's conclusion. */
export function reviewRequestRoutes(app: FastifyInstance, db: Db) {
  const r = taggedRoutesOf(app, db, 'reviews');
  r({
    method: 'POST',
    url: '/review-requests',
    summary: 'Gửi yêu cầu báo cáo của đoàn công tác tới tổ chức trực thuộc: nội dung, kỳ báo cáo, hạn',
    status: 201,
    body: CreateReviewRequestSchema,
    response: ReviewRequestSchema,
    handler: ({ ctx, body }) => requests.createReviewRequest(ctx, body),
  });
  r({
    method: 'GET',
    url: '/review-requests',
    summary: 'Các yêu cầu báo cáo của đoàn công tác một tổ chức đã gửi hoặc đã nhận',
    query: ReviewRequestListQuerySchema,
    response: ReviewRequestListSchema,
    handler: ({ ctx, query }) => requests.listReviewRequests(ctx, query.orgId),
  });
  r({
    method: 'GET',
    url: '/review-requests/:id',
    summary: 'Một yêu cầu báo cáo: nội dung, báo cáo đã nộp, kết luận của đoàn, hạn chế và kiến nghị',
    params: IdParamsSchema,
    response: ReviewRequestSchema,
    handler: ({ ctx, params }) => requests.getReviewRequest(ctx, params.id),
  });
  r({
    method: 'POST',
    url: '/review-requests/:id/submit',
    summary: 'Tổ chức được yêu cầu nộp báo cáo (một báo cáo sơ kết, tổng kết của chính mình)',
    params: IdParamsSchema,
    body: SubmitReviewRequestSchema,
    response: ReviewRequestSchema,
    handler: ({ ctx, params, body }) => requests.submitReviewRequest(ctx, params.id, body),
  });
  r({
    method: 'POST',
    url: '/review-requests/:id/conclude',
    summary:
      'Đoàn công tác ghi kết luận: hạn chế vào sổ theo dõi của tổ chức được làm việc, ' +
      'kiến nghị được theo dõi đến khi trả lời',
    params: IdParamsSchema,
    body: ConcludeReviewRequestSchema,
    response: ReviewRequestSchema,
    handler: ({ ctx, params, body }) => requests.concludeReviewRequest(ctx, params.id, body),
  });
}

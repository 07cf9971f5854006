import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { EvidenceQuerySchema, EvidenceSchema, IdParamsSchema, ReviewQuerySchema, ReviewSchema, SubordinatesReviewSchema } from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import * as review from '../services/review.service.js';
import { subordinatesReview } from '../services/review-subordinates.service.js';

export function reviewRoutes(app: FastifyInstance, db: Db) {
  const r = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(d: Omit<Parameters<typeof defineRoute<P, Q, B, R>>[2], 'tag'>) => defineRoute(app, db, { tag: 'reviews', ...d });
  r({ method: 'GET', url: '/organizations/:id/review', summary: 'Sơ kết, tổng kết một kỳ: các chỉ số tính từ hồ sơ, bên cạnh kỳ trước, kèm điều, khoản và bản ghi làm căn cứ', params: IdParamsSchema, query: ReviewQuerySchema, response: ReviewSchema, handler: ({ ctx, params, query }) => review.organizationReview(ctx, params.id, query) });
  r({ method: 'GET', url: '/organizations/:id/review/evidence', summary: 'Các bản ghi làm nên một chỉ số của kỳ sơ kết (xem chi tiết một con số)', params: IdParamsSchema, query: EvidenceQuerySchema, response: EvidenceSchema, handler: ({ ctx, params, query }) => review.reviewEvidence(ctx, params.id, query) });
  r({ method: 'GET', url: '/organizations/:id/subordinates-review', summary: 'Bảng so sánh các tổ chức trực thuộc theo cùng các chỉ số, xếp hạng, đánh dấu đơn vị chậm', params: IdParamsSchema, query: ReviewQuerySchema, response: SubordinatesReviewSchema, handler: ({ ctx, params, query }) => subordinatesReview(ctx, params.id, query) });
}

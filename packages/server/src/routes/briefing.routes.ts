import type { FastifyInstance } from 'fastify';
import { BriefingQuerySchema, BriefingSchema, IdParamsSchema } from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import { organizationBriefing } from '../services/briefing.service.js';

export function briefingRoutes(app: FastifyInstance, db: Db) {
  defineRoute(app, db, {
    tag: 'reviews',
    method: 'GET',
    url: '/organizations/:id/briefing',
    summary:
      'Giao ban các ban tham mưu, giúp việc trong một kỳ (quý, 6 tháng): nhiệm vụ chủ trì, ' +
      'phối hợp và tình trạng cuối kỳ, nội dung trình Ban Thường vụ, Thường trực, việc phối hợp giữa các ban',
    params: IdParamsSchema,
    query: BriefingQuerySchema,
    response: BriefingSchema,
    handler: ({ ctx, params, query }) => organizationBriefing(ctx, params.id, query),
  });
}

import type { FastifyInstance } from 'fastify';
import { ConclusionListQuerySchema, ConclusionListSchema } from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import { listConclusions } from '../services/conclusion-list.service.js';

export function conclusionListRoutes(app: FastifyInstance, db: Db) {
  defineRoute(app, db, {
    tag: 'meetings',
    method: 'GET',
    url: '/conclusions',
    summary:
      'Sổ thông báo kết luận: số ký hiệu, hội nghị, việc giao, ' +
      'đã thành nhiệm vụ, hoàn thành, quá hạn và tỷ lệ theo dõi',
    query: ConclusionListQuerySchema,
    response: ConclusionListSchema,
    handler: ({ ctx, query }) => listConclusions(ctx, query),
  });
}

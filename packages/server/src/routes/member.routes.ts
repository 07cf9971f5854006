import type { FastifyInstance } from 'fastify';
import {
  IdParamsSchema,
  MemberAlertsQuerySchema,
  MemberAlertsSchema,
  PlanSimilarityQuerySchema,
  PlanSimilaritySchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import { memberAlertsOf, planSimilarityOf } from '../services/member-alerts.service.js';

export function memberRoutes(app: FastifyInstance, db: Db) {
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/organizations/:id/member-alerts',
    summary:
      'Đảng viên cần chi bộ xem xét theo hồ sơ: vắng sinh hoạt hoặc chưa đóng đảng phí ba tháng trong năm không có ' +
      'lý do chính đáng (khoản 1 Điều 8 Điều lệ), sắp hết thời kỳ dự bị (Điều 5), trong các chi bộ của tổ chức',
    params: IdParamsSchema,
    query: MemberAlertsQuerySchema,
    response: MemberAlertsSchema,
    handler: ({ ctx, params, query }) => memberAlertsOf(ctx, params.id, query.asOf),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/organizations/:id/plan-similarity',
    summary:
      'Các cặp kế hoạch hành động cá nhân giống nhau trong năm (cụm ba từ, bỏ dấu, Jaccard ≥ ngưỡng) ' +
      'trong các chi bộ của tổ chức',
    params: IdParamsSchema,
    query: PlanSimilarityQuerySchema,
    response: PlanSimilaritySchema,
    handler: ({ ctx, params, query }) =>
      planSimilarityOf(ctx, params.id, query.year ?? Number(ctx.today().slice(0, 4))),
  });
}

import type { FastifyInstance } from 'fastify';
import {
  CellComplianceQuerySchema,
  CellComplianceSchema,
  IdParamsSchema,
  MemberAlertsQuerySchema,
  MemberAlertsSchema,
  PlanSimilarityQuerySchema,
  PlanSimilaritySchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import { cellComplianceOf } from '../services/cell-compliance.service.js';
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
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/organizations/:id/cell-meetings/compliance',
    summary:
      'Sinh hoạt chi bộ trong tháng của các chi bộ thuộc tổ chức: đã họp thường lệ trong tháng, đã sinh hoạt ' +
      'chuyên đề trong quý, theo quy chế làm việc của chi bộ (hoặc quy chế mẫu của cấp trên), kèm điều khoản',
    params: IdParamsSchema,
    query: CellComplianceQuerySchema,
    response: CellComplianceSchema,
    handler: ({ ctx, params, query }) => {
      const today = ctx.today();
      return cellComplianceOf(
        ctx,
        params.id,
        query.year ?? Number(today.slice(0, 4)),
        query.month ?? Number(today.slice(5, 7)),
      );
    },
  });
}

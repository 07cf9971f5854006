import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CellMeetingRecordResultSchema,
  CellMeetingRecordSchema,
  CellRosterQuerySchema,
  CellRosterSchema,
  IdParamsSchema,
  IdSchema,
  MyCellSchema,
  PlanItemCreateSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import { attachment } from '../http/download.js';
import { cellRoster, recordCellMeeting } from '../services/cell-meeting-record.service.js';
import { addMyPlanItem, myCell, myDocumentFile } from '../services/my-cell.service.js';

/** A cell's secretary runs the cell's meetings; a member reads their own records and their cell's meetings. */
export function cellRoutes(app: FastifyInstance, db: Db) {
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/organizations/:id/cell-roster',
    summary: 'Danh sách đảng viên chi bộ được triệu tập vào một ngày (đánh dấu người được miễn sinh hoạt)',
    params: IdParamsSchema,
    query: CellRosterQuerySchema,
    response: CellRosterSchema,
    handler: ({ ctx, params, query }) => cellRoster(ctx, params.id, query.date),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'POST',
    url: '/organizations/:id/cell-meetings',
    summary:
      'Ghi buổi sinh hoạt chi bộ đã diễn ra: thời gian, tình hình dự họp của từng đảng viên (lý do vắng), nghị quyết ' +
      '(kết luận); thời lượng đối chiếu quy chế',
    params: IdParamsSchema,
    body: CellMeetingRecordSchema,
    response: CellMeetingRecordResultSchema,
    handler: ({ ctx, params, body }) => recordCellMeeting(ctx, params.id, body),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/me/cell',
    summary: 'Trang của đảng viên: buổi sinh hoạt tới của chi bộ và tài liệu, kế hoạch hành động, nhiệm vụ, đảng phí',
    response: MyCellSchema,
    handler: ({ ctx }) => myCell(ctx),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'POST',
    url: '/me/plan/items',
    summary: 'Đảng viên thêm một việc vào kế hoạch hành động năm nay của mình (sản phẩm, thời hạn)',
    body: PlanItemCreateSchema,
    response: MyCellSchema,
    handler: ({ ctx, body }) => addMyPlanItem(ctx, body),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/me/documents/:id',
    summary: 'Đảng viên mở tài liệu sinh hoạt của chi bộ mình (tài liệu không mật)',
    params: z.strictObject({ id: IdSchema }),
    handler: async ({ ctx, params, reply }) => {
      const f = await myDocumentFile(ctx, params.id);
      reply.header('content-type', f.mediaType).header('content-disposition', attachment(f.fileName)).send(f.content);
    },
  });
}

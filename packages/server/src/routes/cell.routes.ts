import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CellDuesQuerySchema,
  CellDuesRecordSchema,
  CellDuesSchema,
  DuesRemittanceSchema,
  MeetingScoreCheckSchema,
  MeetingScoreInputSchema,
  MeetingScoreSchema,
  CellMeetingRecordResultSchema,
  CellMeetingRecordSchema,
  CellRosterQuerySchema,
  CellRosterSchema,
  IdParamsSchema,
  IdSchema,
  MyCellSchema,
  PlanItemCheckInSchema,
  PlanItemCreateSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import { sendFile } from '../http/download.js';
import { cellDuesSheet, recordCellDues, remitCellDues } from '../services/cell-dues.service.js';
import { cellRoster, recordCellMeeting } from '../services/cell-meeting-record.service.js';
import { checkCellMeetingScore, getMeetingScore, scoreCellMeeting } from '../services/meeting-score.service.js';
import { addMyPlanItem, checkInMyPlanItem, myCell, myDocumentFile } from '../services/my-cell.service.js';

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
    url: '/organizations/:id/dues',
    summary:
      'Đảng phí của chi bộ trong tháng: mức đóng của từng đảng viên theo Điều 3 Quy định 01-QĐ/TW (cách tính), số đã ' +
      'thu, số đã nộp lên cấp trên',
    params: IdParamsSchema,
    query: CellDuesQuerySchema,
    response: CellDuesSchema,
    handler: ({ ctx, params, query }) => cellDuesSheet(ctx, params.id, query.month),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'POST',
    url: '/organizations/:id/dues',
    summary: 'Chi bộ ghi đảng phí đã thu trong tháng (đã đóng, chưa đóng, được miễn, cho chậm đóng) của từng đảng viên',
    params: IdParamsSchema,
    body: CellDuesRecordSchema,
    response: CellDuesSchema,
    handler: ({ ctx, params, body }) => recordCellDues(ctx, params.id, body),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'POST',
    url: '/organizations/:id/dues/remittance',
    summary: 'Chi bộ ghi số đảng phí tháng đã nộp lên cấp ủy cấp trên (không quá số đã thu; mỗi tháng một lần)',
    params: IdParamsSchema,
    body: DuesRemittanceSchema,
    response: CellDuesSchema,
    handler: ({ ctx, params, body }) => remitCellDues(ctx, params.id, body),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/meetings/:id/score',
    summary:
      'Phiếu chấm điểm chất lượng buổi sinh hoạt chi bộ (tiêu chí, điểm tối đa, xếp loại theo quy chế), điểm chi bộ ' +
      'tự chấm và điểm đảng ủy cơ sở kiểm tra',
    params: IdParamsSchema,
    response: MeetingScoreSchema,
    handler: ({ ctx, params }) => getMeetingScore(ctx, params.id),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'POST',
    url: '/meetings/:id/score',
    summary: 'Chi bộ tự chấm điểm chất lượng buổi sinh hoạt đã diễn ra (được chấm lại đến khi đảng ủy cơ sở kiểm tra)',
    params: IdParamsSchema,
    body: MeetingScoreInputSchema,
    response: MeetingScoreSchema,
    handler: ({ ctx, params, body }) => scoreCellMeeting(ctx, params.id, body),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'POST',
    url: '/meetings/:id/score/check',
    summary: 'Đảng ủy cơ sở kiểm tra phiếu chấm điểm của chi bộ; điểm kiểm tra là điểm chính thức',
    params: IdParamsSchema,
    body: MeetingScoreCheckSchema,
    response: MeetingScoreSchema,
    handler: ({ ctx, params, body }) => checkCellMeetingScore(ctx, params.id, body),
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
    method: 'POST',
    url: '/me/plan/items/:id/check-in',
    summary: 'Đảng viên rà soát một việc trong kế hoạch hành động của mình (giữa năm và sau đó): tiến độ, ghi chú',
    params: IdParamsSchema,
    body: PlanItemCheckInSchema,
    response: MyCellSchema,
    handler: ({ ctx, params, body }) => checkInMyPlanItem(ctx, params.id, body),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/me/documents/:id',
    summary: 'Đảng viên mở tài liệu sinh hoạt của chi bộ mình (tài liệu không mật)',
    params: z.strictObject({ id: IdSchema }),
    handler: async ({ ctx, params, reply }) => {
      const f = await myDocumentFile(ctx, params.id);
      sendFile(reply, f.mediaType, f);
    },
  });
}

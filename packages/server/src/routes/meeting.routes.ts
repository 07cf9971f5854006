import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AttendanceUpdateSchema, CastVoteSchema, CreateAgendaItemSchema, ConveneMeetingSchema, CreateMeetingSchema, IdParamsSchema, IdSchema, MeetingSchema, SendDocumentsSchema } from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import * as meetings from '../services/meeting.service.js';

export function meetingRoutes(app: FastifyInstance, db: Db) {
  defineRoute(app, db, { method: 'POST', url: '/meetings', tag: 'meetings', summary: 'Dự kiến hội nghị, phiên họp', status: 201, body: CreateMeetingSchema, response: MeetingSchema, handler: ({ ctx, body }) => meetings.createMeeting(ctx, body) });
  defineRoute(app, db, { method: 'GET', url: '/meetings/:id', tag: 'meetings', summary: 'Hội nghị: kiểm tra theo quy chế, danh sách triệu tập, số có mặt', params: IdParamsSchema, response: MeetingSchema, handler: ({ ctx, params }) => meetings.getMeetingDetail(ctx, params.id) });
  defineRoute(app, db, { method: 'POST', url: '/meetings/:id/convene', tag: 'meetings', summary: 'Triệu tập (kiểm tra thẩm quyền triệu tập theo quy chế)', params: IdParamsSchema, body: ConveneMeetingSchema, response: MeetingSchema, handler: ({ ctx, params, body }) => meetings.conveneMeeting(ctx, params.id, body) });
  defineRoute(app, db, { method: 'POST', url: '/meetings/:id/documents-sent', tag: 'meetings', summary: 'Ghi nhận ngày gửi tài liệu (cảnh báo khi chậm so với quy chế)', params: IdParamsSchema, body: SendDocumentsSchema, response: MeetingSchema, handler: ({ ctx, params, body }) => meetings.sendDocuments(ctx, params.id, body) });
  defineRoute(app, db, { method: 'POST', url: '/meetings/:id/agenda', tag: 'meetings', summary: 'Thêm nội dung vào chương trình (kiểm tra thẩm quyền theo quy chế)', params: IdParamsSchema, body: CreateAgendaItemSchema, response: MeetingSchema, handler: ({ ctx, params, body }) => meetings.addAgendaItem(ctx, params.id, body) });
  defineRoute(app, db, {
    method: 'POST',
    url: '/meetings/:id/agenda/:itemId/votes',
    tag: 'meetings',
    summary: 'Biểu quyết một nội dung (kết quả theo quy chế; bắt buộc phiếu kín khi quy chế yêu cầu)',
    params: z.strictObject({ id: IdSchema, itemId: IdSchema }),
    body: CastVoteSchema,
    response: MeetingSchema,
    handler: ({ ctx, params, body }) => meetings.castVote(ctx, params.id, params.itemId, body),
  });
  defineRoute(app, db, {
    method: 'PATCH',
    url: '/meetings/:id/attendance/:attendanceId',
    tag: 'meetings',
    summary: 'Điểm danh: có mặt, vắng có lý do, vắng',
    params: z.strictObject({ id: IdSchema, attendanceId: IdSchema }),
    body: AttendanceUpdateSchema,
    response: MeetingSchema,
    handler: ({ ctx, params, body }) => meetings.updateAttendance(ctx, params.id, params.attendanceId, body),
  });
}

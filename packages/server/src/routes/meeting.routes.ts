import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AttendanceUpdateSchema,
  CancelMeetingSchema,
  CastVoteSchema,
  ConveneMeetingSchema,
  CreateAgendaItemSchema,
  CreateGuestSchema,
  CreateMeetingDocumentSchema,
  CreateMeetingSchema,
  CreateSiteSchema,
  IdParamsSchema,
  IdSchema,
  IssueConclusionSchema,
  LiveSummarySchema,
  MeetingListItemSchema,
  MeetingListQuerySchema,
  MeetingSchema,
  MeetingStepSchema,
  MinutesSchema,
  RescheduleMeetingSchema,
  ReservedOpinionSchema,
  SendDocumentsSchema,
  SiteAttendanceSchema,
  SiteGuestSchema,
  SiteViewSchema,
  UpdateMeetingSchema,
  WrittenResponseSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { taggedRoutesOf } from '../http/route.js';
import { openStream } from '../http/event-stream.js';
import type { MeetingHub } from '../services/meeting.live.js';
import * as meetings from '../services/meeting.service.js';
import * as agenda from '../services/agenda.service.js';
import * as attendance from '../services/attendance.service.js';
import { issueConclusion } from '../services/conclusion.service.js';
import { rescheduleMeeting } from '../services/meeting-reschedule.service.js';
import { conclusionDocx, minutesDocxOf } from '../services/meeting-report.service.js';
import { liveSummary } from '../services/meeting.view.js';
import { regulationFor } from '../services/regulation-in-force.js';
import { loadBody, loadMeeting } from '../services/meeting.load.js';
import * as sites from '../services/site.service.js';
import { docxRoute, storedFileRoute } from '../http/download.js';
import { childStep, recordRoutes, recordStep } from '../http/record.routes.js';

export function meetingRoutes(app: FastifyInstance, db: Db, hub: MeetingHub) {
  const r = taggedRoutesOf(app, db, 'meetings');
  const M = { params: IdParamsSchema, response: MeetingSchema };
  recordRoutes(r, '/meetings', MeetingSchema, {
    list: {
      summary: 'Danh sách hội nghị, phiên họp theo tổ chức, cơ quan, khoảng ngày; tìm không dấu',
      query: MeetingListQuerySchema,
      item: MeetingListItemSchema,
      run: meetings.listMeetings,
    },
    create: { summary: 'Dự kiến hội nghị, phiên họp', body: CreateMeetingSchema, run: meetings.createMeeting },
    get: {
      summary: 'Hội nghị: kiểm tra theo quy chế, triệu tập, điểm danh, chương trình, biểu quyết, kết luận',
      run: meetings.getMeetingDetail,
    },
    update: {
      summary:
        'Sửa thông tin hội nghị, người chủ trì, thư ký (ngày họp chỉ khi chưa triệu tập; sau đó dùng dời ngày họp)',
      body: UpdateMeetingSchema,
      run: meetings.updateMeeting,
    },
  });
  recordStep(r, 'POST', '/meetings/:id/reschedule', MeetingSchema, {
    summary:
      'Dời ngày họp (hội nghị dự kiến hoặc đã triệu tập, chưa khai mạc): ' +
      'ghi lý do, kiểm tra lại thời hạn gửi tài liệu theo ngày mới',
    body: RescheduleMeetingSchema,
    run: rescheduleMeeting,
  });
  recordStep(r, 'POST', '/meetings/:id/convene', MeetingSchema, {
    summary: 'Triệu tập (kiểm tra thẩm quyền triệu tập theo quy chế)',
    body: ConveneMeetingSchema,
    run: meetings.conveneMeeting,
  });
  recordStep(r, 'POST', '/meetings/:id/documents-sent', MeetingSchema, {
    summary: 'Ghi nhận ngày gửi tài liệu (cảnh báo khi chậm so với quy chế)',
    body: SendDocumentsSchema,
    run: meetings.sendDocuments,
  });
  recordStep(r, 'POST', '/meetings/:id/open', MeetingSchema, {
    summary: 'Khai mạc (lấy ý kiến bằng văn bản: bắt đầu nhận phiếu)',
    body: MeetingStepSchema,
    run: meetings.openMeeting,
  });
  recordStep(r, 'POST', '/meetings/:id/close', MeetingSchema, {
    summary: 'Bế mạc (lấy ý kiến bằng văn bản: kiểm phiếu theo quy chế)',
    body: MeetingStepSchema,
    run: agenda.closeWithTally,
  });
  recordStep(r, 'POST', '/meetings/:id/cancel', MeetingSchema, {
    summary: 'Hủy hội nghị, ghi lý do',
    body: CancelMeetingSchema,
    run: meetings.cancelMeeting,
  });
  recordStep(r, 'PUT', '/meetings/:id/minutes', MeetingSchema, {
    summary: 'Ghi biên bản hội nghị',
    body: MinutesSchema,
    run: meetings.saveMinutes,
  });
  recordStep(r, 'POST', '/meetings/:id/minutes/approve', MeetingSchema, {
    summary: 'Thông qua biên bản',
    body: MeetingStepSchema,
    run: meetings.approveMinutes,
  });
  recordStep(r, 'POST', '/meetings/:id/agenda', MeetingSchema, {
    summary: 'Thêm nội dung vào chương trình (kiểm tra thẩm quyền theo quy chế)',
    body: CreateAgendaItemSchema,
    run: agenda.addAgendaItem,
  });
  childStep(r, 'POST', '/meetings/:id/agenda/:itemId/votes', MeetingSchema, {
    summary: 'Biểu quyết một nội dung (kết quả theo quy chế; bắt buộc phiếu kín khi quy chế yêu cầu)',
    body: CastVoteSchema,
    run: agenda.castVote,
  });
  childStep(r, 'POST', '/meetings/:id/agenda/:itemId/reserved-opinions', MeetingSchema, {
    summary: 'Ghi ý kiến bảo lưu (chỉ người có thẩm quyền được xem)',
    body: ReservedOpinionSchema,
    run: agenda.addReservedOpinion,
  });
  r({
    method: 'POST',
    url: '/meetings/:id/documents',
    summary: 'Thêm tài liệu hội nghị (có độ mật)',
    bodyLimit: 12 * 1024 * 1024,
    ...M,
    body: CreateMeetingDocumentSchema,
    authorize: async ({ ctx, params }) => void (await loadMeeting(ctx, params.id, 'write')),
    handler: ({ ctx, params, body }) => agenda.addMeetingDocument(ctx, params.id, body),
  });
  storedFileRoute(
    r,
    '/meetings/:id/documents/:documentId',
    'Tải tệp tài liệu hội nghị (theo độ mật được phép xem)',
    agenda.meetingDocumentFile,
  );
  childStep(r, 'PATCH', '/meetings/:id/attendance/:attendanceId', MeetingSchema, {
    summary: 'Điểm danh: có mặt, vắng có lý do, vắng; điểm cầu tham dự',
    body: AttendanceUpdateSchema,
    run: attendance.updateAttendance,
  });
  r({
    method: 'POST',
    url: '/meetings/:id/attendance/all-present',
    summary: 'Điểm danh nhanh: mọi thành viên chưa điểm danh có mặt; người đã ghi vắng giữ nguyên',
    ...M,
    body: z.strictObject({}),
    handler: ({ ctx, params }) => attendance.markAllPresent(ctx, params.id),
  });
  recordStep(r, 'POST', '/meetings/:id/guests', MeetingSchema, {
    summary: 'Thêm khách mời (hội nghị mở rộng)',
    body: CreateGuestSchema,
    run: attendance.addGuest,
  });
  recordStep(r, 'POST', '/meetings/:id/sites', MeetingSchema, {
    summary: 'Thêm điểm cầu trực tuyến',
    body: CreateSiteSchema,
    run: attendance.addSite,
  });
  recordStep(r, 'POST', '/meetings/:id/written-responses', MeetingSchema, {
    summary: 'Ghi phiếu trả lời lấy ý kiến bằng văn bản',
    body: WrittenResponseSchema,
    run: attendance.recordWrittenResponse,
  });
  r({
    method: 'POST',
    url: '/meetings/:id/conclusion',
    summary: 'Ban hành thông báo kết luận (cấp số theo cơ quan, loại, nhiệm kỳ; kiểm tra "6 rõ")',
    status: 201,
    ...M,
    body: IssueConclusionSchema,
    handler: ({ ctx, params, body }) => issueConclusion(ctx, params.id, body),
  });
  const docx = (url: string, summary: string, make: typeof conclusionDocx) => docxRoute(r, url, summary, make);
  docx('/meetings/:id/conclusion.docx', 'Thông báo kết luận, tệp DOCX theo thể thức văn bản của Đảng', conclusionDocx);
  docx('/meetings/:id/minutes.docx', 'Biên bản hội nghị, tệp DOCX theo thể thức văn bản của Đảng', minutesDocxOf);
  r({
    method: 'GET',
    url: '/meetings/:id/live',
    summary: 'Số có mặt và điều kiện hợp lệ hiện tại, theo từng điểm cầu',
    params: IdParamsSchema,
    response: LiveSummarySchema,
    handler: async ({ ctx, params }) => {
      const m = await loadMeeting(ctx, params.id);
      const body = await loadBody(ctx.db, m.body_id);
      return liveSummary(ctx.db, m, body.kind, (await regulationFor(ctx.db, m.org_id, m.meeting_date))?.reg);
    },
  });
  const site = z.strictObject({ id: IdSchema, siteId: IdSchema });
  r({
    method: 'GET',
    url: '/meetings/:id/sites/:siteId',
    summary: 'Điểm cầu: số có mặt trực tiếp và điểm danh tại điểm cầu (cho cả tổ chức chủ trì điểm cầu)',
    params: site,
    response: SiteViewSchema,
    handler: ({ ctx, params }) => sites.siteView(ctx, params.id, params.siteId),
  });
  r({
    method: 'PATCH',
    url: '/meetings/:id/sites/:siteId/attendance/:attendanceId',
    summary: 'Điểm danh tại điểm cầu',
    params: z.strictObject({ id: IdSchema, siteId: IdSchema, attendanceId: IdSchema }),
    body: SiteAttendanceSchema,
    response: SiteViewSchema,
    handler: ({ ctx, params, body }) => sites.markAtSite(ctx, params.id, params.siteId, params.attendanceId, body),
  });
  childStep(r, 'POST', '/meetings/:id/sites/:siteId/guests', SiteViewSchema, {
    summary: 'Thêm khách mời tại điểm cầu',
    body: SiteGuestSchema,
    run: sites.guestAtSite,
  });
  r({
    method: 'GET',
    url: '/meetings/:id/sites/:siteId/events',
    summary: 'Cập nhật trực tiếp cho một điểm cầu (server-sent events)',
    params: site,
    handler: async ({ ctx, params, reply }) => {
      await sites.loadSite(ctx, params.id, params.siteId);
      openStream(reply);
      await hub.subscribe(params.id, reply.raw);
    },
  });
  r({
    method: 'GET',
    url: '/meetings/:id/events',
    summary: 'Cập nhật trực tiếp (server-sent events): số có mặt, điều kiện hợp lệ, từng điểm cầu',
    params: IdParamsSchema,
    handler: async ({ ctx, params, reply }) => {
      await loadMeeting(ctx, params.id);
      openStream(reply);
      await hub.subscribe(params.id, reply.raw);
    },
  });
}

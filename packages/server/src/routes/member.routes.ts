import type { FastifyInstance } from 'fastify';
import {
  AsOfQuerySchema,
  CellAttendanceQuerySchema,
  CellAttendanceSchema,
  DuesArrearsQuerySchema,
  DuesArrearsSchema,
  PlanCompareQuerySchema,
  PlanCompareSchema,
  CellComplianceQuerySchema,
  CellComplianceSchema,
  IdParamsSchema,
  MemberFileSchema,
  MemberImportResultSchema,
  MemberImportSchema,
  MemberTransferSchema,
  MemberAlertsQuerySchema,
  MemberAlertsSchema,
  PlanSimilarityQuerySchema,
  PlanSimilaritySchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import { cellComplianceOf } from '../services/cell-compliance.service.js';
import { cellAttendanceOf, comparePlans, duesArrearsOf } from '../services/cell-dashboard.service.js';
import { memberAlertsOf, planSimilarityOf } from '../services/member-alerts.service.js';
import { getMemberFile, importMemberSheet, transferMember } from '../services/member-register.service.js';
import { memberImportTemplate } from '../services/member-template.service.js';
import { sendFile, XLSX } from '../http/download.js';

/** The month asked, this month (of the server's today) unless given. */
const monthOf = (q: { year?: number; month?: number }, today: string): [number, number] => [
  q.year ?? Number(today.slice(0, 4)),
  q.month ?? Number(today.slice(5, 7)),
];

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
    handler: ({ ctx, params, query }) => cellComplianceOf(ctx, params.id, ...monthOf(query, ctx.today())),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/organizations/:id/cell-meetings/attendance',
    summary:
      'Tình hình dự sinh hoạt thường kỳ trong tháng của các chi bộ thuộc tổ chức: có mặt, vắng có lý do, vắng không ' +
      'lý do; tỷ lệ thấp nhất trước',
    params: IdParamsSchema,
    query: CellAttendanceQuerySchema,
    response: CellAttendanceSchema,
    handler: ({ ctx, params, query }) => cellAttendanceOf(ctx, params.id, ...monthOf(query, ctx.today())),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/organizations/:id/dues-arrears',
    summary:
      'Đảng viên chưa đóng đảng phí trong năm (các tháng ghi chưa đóng đến ngày asOf) trong các chi bộ của tổ chức',
    params: IdParamsSchema,
    query: DuesArrearsQuerySchema,
    response: DuesArrearsSchema,
    handler: ({ ctx, params, query }) => duesArrearsOf(ctx, params.id, query.asOf),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/plans/compare',
    summary:
      'Hai kế hoạch hành động cá nhân đặt cạnh nhau, đánh dấu các đoạn giống nhau (cụm ba từ, bỏ dấu); mỗi lần xem ' +
      'được ghi nhật ký',
    query: PlanCompareQuerySchema,
    response: PlanCompareSchema,
    handler: ({ ctx, query }) => comparePlans(ctx, query.a, query.b),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'POST',
    url: '/organizations/:id/members/import',
    summary:
      'Nhập đảng viên từ bảng tính của Cơ sở dữ liệu đảng viên vào các chi bộ của tổ chức: kiểm tra cả bảng, báo lỗi ' +
      'theo dòng và cột, không nhập gì nếu còn lỗi; số CCCD chỉ giữ dạng băm và 3 số cuối',
    bodyLimit: 12 * 1024 * 1024,
    params: IdParamsSchema,
    body: MemberImportSchema,
    response: MemberImportResultSchema,
    authorize: async ({ ctx }) => ctx.assertMayWriteSomewhere(),
    handler: ({ ctx, params, body }) =>
      importMemberSheet(ctx, params.id, Buffer.from(body.contentBase64, 'base64'), body.dryRun, body.fileName),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/organizations/:id/members/import-template.xlsx',
    summary:
      'Bảng tính mẫu để nhập đảng viên: các cột theo thứ tự nhập, và trang "Chi bộ" liệt kê tên, mã các chi bộ của ' +
      'tổ chức',
    params: IdParamsSchema,
    handler: async ({ ctx, params, reply }) => sendFile(reply, XLSX, await memberImportTemplate(ctx, params.id)),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'GET',
    url: '/members/:id',
    summary:
      'Hồ sơ đảng viên (số CCCD che, chỉ hiện 3 số cuối; chi bộ tại ngày asOf và quá trình sinh hoạt); mỗi lần xem ' +
      'được ghi nhật ký',
    params: IdParamsSchema,
    query: AsOfQuerySchema,
    response: MemberFileSchema,
    handler: ({ ctx, params, query }) => getMemberFile(ctx, params.id, query.asOf),
  });
  defineRoute(app, db, {
    tag: 'members',
    method: 'POST',
    url: '/members/:id/transfer',
    summary: 'Chuyển sinh hoạt đảng (chính thức hoặc tạm thời) từ một ngày; quá trình sinh hoạt cũ được giữ nguyên',
    params: IdParamsSchema,
    body: MemberTransferSchema,
    response: MemberFileSchema,
    handler: ({ ctx, params, body }) => transferMember(ctx, params.id, body),
  });
}

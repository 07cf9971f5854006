import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  AsOfQuerySchema,
  CoverageSchema,
  PendingActionItemSchema,
  PendingActionItemsQuerySchema,
  TaskDashboardSchema,
  TaskImportResultSchema,
  TaskImportSchema,
  CreateTaskSchema,
  ExtensionDecisionSchema,
  ExtensionRequestSchema,
  FromConclusionSchema,
  IdParamsSchema,
  pageOf,
  TaskListItemSchema,
  TaskListQuerySchema,
  TaskReportSchema,
  TaskSchema,
  TaskTransitionSchema,
  UpdateTaskSchema,
} from '@quyche/core';
import type { Db } from '@quyche/db';
import { taggedRoutesOf } from '../http/route.js';
import { sendFile, storedFileRoute, XLSX } from '../http/download.js';
import { childStep, recordStep } from '../http/record.routes.js';
import { loadTask } from '../services/task.view.js';
import * as tasks from '../services/task.service.js';
import * as progress from '../services/task-progress.service.js';
import { coverage } from '../services/coverage.service.js';
import { taskDashboard } from '../services/task-dashboard.service.js';
import * as sheet from '../services/task-sheet.service.js';
import { exportCsv, exportXlsx } from '../services/task-export.service.js';
import { listTasks, pendingActionItems } from '../services/task-list.service.js';

/** Sends a download under its (UTF-8) file name. */
const sendDownload = (reply: FastifyReply, mediaType: string, fileName: string, content: unknown) =>
  sendFile(reply, mediaType, { fileName, content });

export function taskRoutes(app: FastifyInstance, db: Db) {
  const r = taggedRoutesOf(app, db, 'tasks');
  const T = { params: IdParamsSchema, response: TaskSchema };
  r({
    method: 'GET',
    url: '/organizations/:id/coverage',
    summary:
      'Bao quát trách nhiệm tại một ngày: nhiệm vụ chưa có hoặc có hai đơn vị chủ trì, ' +
      'lĩnh vực chưa có hoặc có hai người phụ trách, người phụ trách quá nhiều',
    params: IdParamsSchema,
    query: AsOfQuerySchema,
    response: CoverageSchema,
    handler: ({ ctx, params, query }) => coverage(ctx, params.id, query.asOf),
  });
  r({
    method: 'GET',
    url: '/organizations/:id/task-dashboard',
    summary: 'Bảng theo dõi nhiệm vụ: quá hạn theo đơn vị và theo Ủy viên theo dõi, hoàn thành theo tháng, điểm nghẽn',
    params: IdParamsSchema,
    query: AsOfQuerySchema,
    response: TaskDashboardSchema,
    handler: ({ ctx, params, query }) => taskDashboard(ctx, params.id, query.asOf),
  });
  r({
    method: 'GET',
    url: '/tasks',
    summary: 'Nhiệm vụ: lọc theo trạng thái, quá hạn, đơn vị chủ trì, người theo dõi, nguồn, hạn; tìm không dấu',
    query: TaskListQuerySchema,
    response: pageOf(TaskListItemSchema),
    handler: ({ ctx, query }) => listTasks(ctx, query),
  });
  // The list's downloads, with the list's filters: the file of each format named after the day.
  const downloads = [
    {
      ext: 'xlsx',
      mediaType: XLSX,
      summary: 'Tải danh sách nhiệm vụ (Excel, các cột "6 rõ"; cùng bộ lọc như danh sách)',
      make: exportXlsx,
    },
    {
      ext: 'csv',
      mediaType: 'text/csv; charset=utf-8',
      summary: 'Tải danh sách nhiệm vụ (CSV, UTF-8)',
      make: exportCsv,
    },
  ];
  for (const d of downloads)
    r({
      method: 'GET',
      url: `/tasks/export.${d.ext}`,
      summary: d.summary,
      query: TaskListQuerySchema,
      handler: async ({ ctx, query, reply }) =>
        sendDownload(reply, d.mediaType, `nhiem-vu-${ctx.today()}.${d.ext}`, await d.make(ctx, query)),
    });
  r({
    method: 'POST',
    url: '/tasks/import',
    summary: 'Nhập nhiệm vụ từ bảng tính Excel: kiểm tra cả bảng, báo lỗi theo dòng và cột, không nhập gì nếu còn lỗi',
    bodyLimit: 12 * 1024 * 1024,
    body: TaskImportSchema,
    response: TaskImportResultSchema,
    authorize: async ({ ctx }) => ctx.assertMayWriteSomewhere(),
    handler: ({ ctx, body }) =>
      sheet.importTaskSheet(ctx, body.orgId, Buffer.from(body.contentBase64, 'base64'), body.dryRun, body.fileName),
  });
  r({
    method: 'POST',
    url: '/tasks',
    summary: 'Giao nhiệm vụ (kiểm tra "6 rõ": đúng một đơn vị chủ trì)',
    status: 201,
    body: CreateTaskSchema,
    response: TaskSchema,
    handler: ({ ctx, body }) => tasks.createTask(ctx, body),
  });
  r({
    method: 'GET',
    url: '/conclusion-items',
    summary: 'Nhiệm vụ giao trong các kết luận chưa thành nhiệm vụ theo dõi',
    query: PendingActionItemsQuerySchema,
    response: z.array(PendingActionItemSchema),
    handler: ({ ctx, query }) => pendingActionItems(ctx, query.orgId),
  });
  r({
    method: 'POST',
    url: '/conclusion-items/:id/task',
    summary: 'Chuyển một nhiệm vụ giao trong kết luận thành nhiệm vụ theo dõi',
    status: 201,
    ...T,
    body: FromConclusionSchema,
    handler: ({ ctx, params, body }) => tasks.taskFromConclusionItem(ctx, params.id, body),
  });
  r({
    method: 'GET',
    url: '/tasks/:id',
    summary: 'Nhiệm vụ: "6 rõ", thẩm quyền, tiến độ, gia hạn',
    ...T,
    handler: ({ ctx, params }) => tasks.getTask(ctx, params.id),
  });
  recordStep(r, 'PATCH', '/tasks/:id', TaskSchema, {
    summary: 'Sửa nhiệm vụ',
    body: UpdateTaskSchema,
    run: tasks.updateTask,
  });
  recordStep(r, 'POST', '/tasks/:id/transition', TaskSchema, {
    summary: 'Chuyển trạng thái nhiệm vụ (giao, nhận kết quả, trả lại, hủy)',
    body: TaskTransitionSchema,
    run: tasks.moveTask,
  });
  r({
    method: 'POST',
    url: '/tasks/:id/reports',
    summary: 'Báo cáo tiến độ kèm tệp minh chứng',
    bodyLimit: 12 * 1024 * 1024,
    ...T,
    body: TaskReportSchema,
    authorize: async ({ ctx, params }) => void (await loadTask(ctx, params.id, 'lead')),
    handler: ({ ctx, params, body }) => progress.reportProgress(ctx, params.id, body),
  });
  storedFileRoute(r, '/tasks/:id/files/:fileId', 'Tải tệp minh chứng', progress.taskFile);
  recordStep(r, 'POST', '/tasks/:id/extensions', TaskSchema, {
    summary: 'Đề nghị gia hạn',
    body: ExtensionRequestSchema,
    run: progress.requestExtension,
  });
  childStep(r, 'POST', '/tasks/:id/extensions/:extensionId/decision', TaskSchema, {
    summary: 'Quyết định gia hạn (cấp đã giao nhiệm vụ)',
    body: ExtensionDecisionSchema,
    run: progress.decideExtension,
  });
}

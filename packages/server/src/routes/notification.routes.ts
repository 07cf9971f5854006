import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IdParamsSchema, IsoDateSchema, ProblemError } from '@quyche/core';
import { listNotifications, markNotificationRead, markNotificationsReadUpTo, notificationOwner } from '@quyche/db';
import type { Db } from '@quyche/db';
import type { AppConfig } from '../config.js';
import { taggedRoutesOf } from '../http/route.js';
import type { JobRunner } from '../services/job.service.js';
import { scanReminders } from '../services/reminder.service.js';
import { scanAssessmentReminders } from '../services/assessment.reminder.js';

const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  taskId: z.string().nullable(),
  /** The office or body it is sent in the name of ("Văn phòng Tỉnh ủy"). */
  sender: z.string(),
  /** The record in the application (a path), if it is about one. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export function notificationRoutes(app: FastifyInstance, db: Db, config: AppConfig) {
  const r = taggedRoutesOf(app, db, 'notifications');
  r({
    method: 'GET',
    url: '/notifications',
    summary: 'Thông báo của tài khoản (nhắc hạn, tổng hợp tuần), chưa đọc trước',
    query: z.strictObject({ unread: z.enum(['1']).optional() }),
    response: z.array(NotificationSchema),
    handler: async ({ ctx, query }) =>
      (await listNotifications(ctx.db, ctx.user.id, Boolean(query.unread))).map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        taskId: n.task_id,
        sender: n.sender ?? 'Hệ thống Quychế',
        link: n.link ?? (n.task_id ? `/tasks/${n.task_id}` : null),
        createdAt: new Date(n.created_at).toISOString(),
        readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
      })),
  });
  r({
    method: 'POST',
    url: '/notifications/read-all',
    summary: 'Đánh dấu đã đọc mọi thông báo của tài khoản đến thời điểm upTo (thông báo mới nhất đang hiển thị)',
    // upTo: a notification that arrives after the list was shown stays unread.
    body: z.strictObject({ upTo: z.iso.datetime({ offset: true }) }),
    response: z.object({ marked: z.number().int() }),
    handler: async ({ ctx, body }) =>
      ctx.db.transaction(async (tx) => {
        const marked = await markNotificationsReadUpTo(tx, ctx.user.id, body.upTo);
        if (marked > 0)
          await ctx.auditChange(tx, 'read_all', ['notification', null, null], { after: { marked, upTo: body.upTo } });
        return { marked };
      }),
  });
  r({
    method: 'POST',
    url: '/notifications/:id/read',
    summary: 'Đánh dấu đã đọc',
    params: IdParamsSchema,
    handler: async ({ ctx, params }) => {
      const owner = await notificationOwner(ctx.db, params.id);
      // Another account's notification is answered like a missing one.
      if (owner !== ctx.user.id) throw new ProblemError('NOT_FOUND', { detail: 'Không có thông báo này' });
      await ctx.db.transaction(async (tx) => {
        await markNotificationRead(tx, params.id);
        await ctx.auditChange(tx, 'read', ['notification', params.id, null], { after: { read: true } });
      });
    },
  });
  r({
    method: 'POST',
    url: '/reminders/run',
    summary: 'Quét nhắc hạn ngay (quản trị): xếp các lời nhắc đến hạn và gửi',
    body: z.strictObject({ today: IsoDateSchema.optional() }),
    response: z.object({
      scanned: z.number().int(),
      queued: z.number().int(),
      done: z.number().int(),
      failed: z.number().int(),
    }),
    handler: async ({ ctx, body }) => {
      if (!ctx.user.grants.some((g) => g.role === 'admin'))
        throw new ProblemError('FORBIDDEN', { detail: 'Chỉ quản trị viên chạy quét nhắc hạn' });
      const today = body.today ?? ctx.today();
      const tasks = await scanReminders(db, config, today);
      // The year's assessment deadlines are reminded by the same run.
      const assessments = await scanAssessmentReminders(db, config.remindBeforeWorkingDays, today);
      const s = { scanned: tasks.scanned, queued: tasks.queued + assessments.queued };
      await ctx.db.transaction((tx) =>
        ctx.auditChange(tx, 'run_reminders', ['job', null, null], {
          after: { today: body.today ?? ctx.today(), ...s },
        }),
      );
      const ran = await (app as unknown as { jobs: JobRunner }).jobs.runPending();
      return { ...s, ...ran };
    },
  });
}

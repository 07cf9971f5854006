import type { FastifyInstance } from 'fastify';
import { IdParamsSchema, ProblemError } from '@quyche/core';
import { jobQueueState, requeueFailedJob } from '@quyche/db';
import type { Db } from '@quyche/db';
import { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { taggedRoutesOf } from '../http/route.js';
import { assertMayBackUp, streamBackup } from '../services/backup.service.js';
import { JOB_KIND_LABELS } from '../services/job.kinds.js';

const JobQueueSchema = z.object({
  counts: z.object({ queued: z.number(), running: z.number(), done: z.number(), failed: z.number() }),
  failed: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      label: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
      lastTriedAt: z.string(),
      createdAt: z.string(),
    }),
  ),
});

const assertAdmin = (ctx: RequestContext) => {
  if (!ctx.user.grants.some((g) => g.role === 'admin'))
    throw new ProblemError('FORBIDDEN', { detail: 'Chỉ quản trị viên xem và chạy lại công việc nền' });
};

export function systemRoutes(app: FastifyInstance, db: Db) {
  const r = taggedRoutesOf(app, db, 'system');
  r({
    method: 'POST',
    url: '/system/backup',
    summary:
      'Sao lưu toàn bộ dữ liệu (tệp .jsonl.gz, ảnh chụp nhất quán): quản trị viên có quyền trên mọi tổ chức gốc, ' +
      'hoặc lệnh `quyche db backup` trên máy chủ (mã trong quyche.server.json)',
    status: 200,
    localToken: true,
    handler: async ({ ctx, req, reply, local }) => {
      if (!local) await assertMayBackUp(ctx);
      const who = local
        ? { userId: null, actor: 'quyche db backup (máy chủ)', via: 'local_token' as const }
        : { userId: ctx.user.id, actor: ctx.user.username, via: 'session' as const };
      const stream = await streamBackup(db, { ...who, ip: req.ip }, (s) => {
        if (s instanceof Error) req.log.error({ err: s }, 'sao lưu qua API thất bại');
        else req.log.info({ rows: s.rows, bytes: s.bytes, snapshotMs: s.snapshotMs }, 'đã sao lưu qua API');
      });
      const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
      reply
        .header('content-type', 'application/gzip')
        .header('content-disposition', `attachment; filename="quyche-${stamp}.jsonl.gz"`)
        .header('cache-control', 'no-store');
      return reply.send(stream);
    },
  });
  r({
    method: 'GET',
    url: '/system/jobs',
    summary: 'Hàng đợi công việc nền (quản trị): số công việc theo trạng thái, các công việc thất bại và lý do',
    response: JobQueueSchema,
    handler: async ({ ctx }) => {
      assertAdmin(ctx);
      const q = await jobQueueState(ctx.db);
      return {
        counts: { queued: 0, running: 0, done: 0, failed: 0, ...q.counts },
        failed: q.failed.map((j) => ({
          id: j.id,
          kind: j.kind,
          label: (JOB_KIND_LABELS as Record<string, string>)[j.kind] ?? j.kind,
          attempts: j.attempts,
          lastError: j.last_error,
          lastTriedAt: new Date(j.run_at).toISOString(),
          createdAt: new Date(j.created_at).toISOString(),
        })),
      };
    },
  });
  r({
    method: 'POST',
    url: '/system/jobs/:id/retry',
    summary: 'Chạy lại một công việc nền đã thất bại (quản trị)',
    params: IdParamsSchema,
    handler: async ({ ctx, params }) => {
      assertAdmin(ctx);
      await ctx.db.transaction(async (tx) => {
        const j = await requeueFailedJob(tx, params.id);
        if (!j) throw new ProblemError('NOT_FOUND', { detail: 'Không có công việc thất bại này' });
        await ctx.auditChange(tx, 'retry', ['job', j.id, null], { after: { kind: j.kind } });
      });
    },
  });
}

import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import { assertMayBackUp, streamBackup } from '../services/backup.service.js';

export function systemRoutes(app: FastifyInstance, db: Db) {
  const r = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    d: Omit<Parameters<typeof defineRoute<P, Q, B, R>>[2], 'tag'>,
  ) => defineRoute(app, db, { tag: 'system', ...d });
  r({
    method: 'POST',
    url: '/system/backup',
    summary:
      'Sao lưu toàn bộ dữ liệu (tệp .jsonl.gz, ảnh chụp nhất quán): quản trị viên có quyền trên mọi tổ chức gốc, hoặc lệnh `quyche db backup` trên máy chủ (mã trong quyche.server.json)',
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
}

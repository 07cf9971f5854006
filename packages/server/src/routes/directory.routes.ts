import type { FastifyInstance } from 'fastify';
import { DirectoryQuerySchema, DirectorySchema } from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import { directory } from '../services/directory.service.js';

export function directoryRoutes(app: FastifyInstance, db: Db) {
  defineRoute(app, db, {
    tag: 'people',
    method: 'GET',
    url: '/directory',
    summary: 'Danh bạ cán bộ: người và chức vụ tại một ngày, tìm có dấu hoặc không dấu',
    query: DirectoryQuerySchema,
    response: DirectorySchema,
    handler: ({ ctx, query }) => directory(ctx, query),
  });
}

import type { FastifyInstance } from 'fastify';
import { HomeSchema } from '@quyche/core';
import type { Db } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import { homeOf } from '../services/home.service.js';

export function homeRoutes(app: FastifyInstance, db: Db) {
  defineRoute(app, db, {
    tag: 'home',
    method: 'GET',
    url: '/home',
    summary:
      'Việc của tôi: nhiệm vụ quá hạn và đến hạn trong tuần, ' +
      'hội nghị trong tuần và việc còn thiếu, lấy ý kiến cần góp ý, thông báo chưa đọc, ' +
      'kết luận chưa giao nhiệm vụ; với lãnh đạo, tổng hợp quá hạn theo đơn vị',
    response: HomeSchema,
    handler: ({ ctx }) => homeOf(ctx),
  });
}

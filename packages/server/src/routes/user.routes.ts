import type { FastifyInstance } from 'fastify';
import { z as zod } from 'zod';
import { CreateUserSchema, IdParamsSchema, ResetPasswordSchema, UserSchema } from '@quyche/core';
import type { Db } from '@quyche/db';
import { routesOf } from '../http/route.js';
import * as users from '../services/user.service.js';

/** Accounts, for administrators: each in the organizations the administrator manages (`manage_users`). */
export function userRoutes(app: FastifyInstance, db: Db) {
  const r = routesOf(app, db);
  r({
    method: 'GET',
    url: '/users',
    tag: 'users',
    summary: 'Tài khoản',
    response: zod.array(UserSchema),
    handler: ({ ctx }) => users.listUsers(ctx),
  });
  r({
    method: 'POST',
    url: '/users',
    tag: 'users',
    summary: 'Tạo tài khoản',
    status: 201,
    body: CreateUserSchema,
    response: UserSchema,
    handler: ({ ctx, body }) => users.createUser(ctx, body),
  });
  r({
    method: 'POST',
    url: '/users/:id/disable',
    tag: 'users',
    summary: 'Khóa tài khoản: các phiên đăng nhập đang mở kết thúc ngay',
    params: IdParamsSchema,
    response: UserSchema,
    handler: ({ ctx, params }) => users.disableUser(ctx, params.id),
  });
  r({
    method: 'POST',
    url: '/users/:id/enable',
    tag: 'users',
    summary: 'Mở khóa tài khoản',
    params: IdParamsSchema,
    response: UserSchema,
    handler: ({ ctx, params }) => users.enableUser(ctx, params.id),
  });
  r({
    method: 'POST',
    url: '/users/:id/sessions/revoke',
    tag: 'users',
    summary: 'Thu hồi mọi phiên đăng nhập của tài khoản',
    params: IdParamsSchema,
    response: UserSchema,
    handler: ({ ctx, params }) => users.revokeUserSessions(ctx, params.id),
  });
  r({
    method: 'POST',
    url: '/users/:id/password',
    tag: 'users',
    summary: 'Đặt lại mật khẩu: thu hồi các phiên, buộc đổi mật khẩu ở lần đăng nhập sau',
    params: IdParamsSchema,
    body: ResetPasswordSchema,
    response: UserSchema,
    handler: ({ ctx, params, body }) => users.resetUserPassword(ctx, params.id, body.newPassword),
  });
}

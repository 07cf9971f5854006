import type { FastifyInstance } from 'fastify';
import { ChangePasswordSchema, LoginSchema, MeSchema } from '@quyche/core';
import { grantsOf as grantsOfUser } from '@quyche/db';
import { defineRoute } from '../http/route.js';
import type { Db } from '@quyche/db';
import { login, logout, meOf } from '../services/auth.service.js';
import { changeOwnPassword } from '../services/account.service.js';
import type { AppConfig } from '../config.js';

export function authRoutes(app: FastifyInstance, db: Db, config: AppConfig) {
  defineRoute(app, db, {
    method: 'POST',
    url: '/auth/login',
    summary: 'Đăng nhập',
    tag: 'auth',
    public: true,
    body: LoginSchema,
    response: MeSchema,
    handler: async ({ body, req, reply }) => {
      const { user, csrf, token } = await login(db, req, reply, body.username, body.password, config.secureCookie);
      void token;
      return {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.display_name,
          personId: user.person_id,
          clearance: user.clearance,
          locale: user.locale,
          mustChangePassword: user.must_change_password,
        },
        grants: await grantsOfUser(db, user.id),
        csrfToken: csrf,
      };
    },
  });
  // These three answer while an administrator's reset requires a new password; every other route refuses.
  defineRoute(app, db, {
    method: 'POST',
    url: '/auth/logout',
    summary: 'Đăng xuất',
    tag: 'auth',
    beforePasswordChange: true,
    handler: async ({ ctx, reply }) => logout(db, reply, ctx.user),
  });
  defineRoute(app, db, {
    method: 'GET',
    url: '/auth/me',
    summary: 'Tài khoản đang đăng nhập',
    tag: 'auth',
    beforePasswordChange: true,
    response: MeSchema,
    handler: async ({ ctx }) => meOf(ctx.user),
  });
  defineRoute(app, db, {
    method: 'POST',
    url: '/auth/password',
    summary: 'Đổi mật khẩu của mình: các phiên đăng nhập khác kết thúc, phiên này giữ nguyên',
    tag: 'auth',
    beforePasswordChange: true,
    body: ChangePasswordSchema,
    handler: async ({ ctx, body }) => changeOwnPassword(ctx, body),
  });
}

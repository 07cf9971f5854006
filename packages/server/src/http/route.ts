import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ISSUE_PARSE, ProblemError, invalidField } from '@quyche/core';
import type { Db } from '@quyche/db';
import { timingSafeEqual } from 'node:crypto';
import { RequestContext } from './context.js';
import type { SessionUser } from './context.js';
import { validationProblem } from './problem.http.js';
import { loadSessionUser, verifyCsrf } from '../services/auth.service.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  status?: number;
  /** `public`: no session needed (login only). */
  public?: boolean;
  /** Answers while the account must change its password (auth/me, logout, password); every other route refuses. */
  beforePasswordChange?: boolean;
  /** Larger request bodies for routes that take whole documents (default: the server's 1 MB). */
  bodyLimit?: number;
  /**
   * Checked before the request body is even read — for routes that take files: whether this user may do this
   * at all, and on the record the address names. The handler checks again with the body (the organization).
   */
  authorize?: (input: { params: z.output<P>; ctx: RequestContext }) => Promise<void>;
  /**
   * Also open to the command line on the server's own machine, with the token of the server's file in its data
   * folder (`Authorization: Bearer …`) instead of a session; the handler is then told `local`.
   */
  localToken?: boolean;
  handler: (input: {
    params: z.output<P>;
    query: z.output<Q>;
    body: z.output<B>;
    ctx: RequestContext;
    req: FastifyRequest;
    reply: FastifyReply;
    local: boolean;
  }) => Promise<z.input<R> | undefined>;
}

/** The registry the OpenAPI document is generated from. */
export const routes: RouteDef<z.ZodType, z.ZodType, z.ZodType, z.ZodType>[] = [];

/**
 * The first string of a query or the path that PostgreSQL could not store (NUL, a lone surrogate), by its path.
 * Those are flat (a value or a list of values); bodies are checked by the JSON guard before they are parsed.
 */
function unstorablePath(value: unknown, path: string[] = []): { path: string[]; nul: boolean } | null {
  if (typeof value === 'string')
    return value.includes('\u0000') ? { path, nul: true } : value.isWellFormed() ? null : { path, nul: false };
  if (value && typeof value === 'object' && path.length < 4) {
    for (const [k, v] of Object.entries(value)) {
      const p = unstorablePath(v, [...path, k]);
      if (p) return p;
    }
  }
  return null;
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: 'body' | 'query' | 'params') {
  const bad = where === 'body' ? null : unstorablePath(value);
  if (bad) {
    const field = [where, ...bad.path].join('.');
    const message = bad.nul
      ? 'Không được chứa ký tự NUL (\\u0000)'
      : 'Chứa ký tự Unicode không hợp lệ (nửa cặp thay thế UTF-16)';
    throw new ProblemError('VALIDATION_FAILED', {
      field,
      detail: `${field}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
      errors: [{ field, message }],
    });
  }
  if (!schema) {
    if (
      where === 'body' &&
      value !== undefined &&
      value !== null &&
      !(typeof value === 'object' && Object.keys(value as object).length === 0)
    ) {
      throw invalidField('body', 'Địa chỉ này không nhận nội dung gửi lên');
    }
    return undefined;
  }
  const r = schema.safeParse(where === 'body' && value === undefined ? undefined : value, ISSUE_PARSE);
  if (!r.success) throw new ProblemError(validationProblem(where, r.error, schema));
  return r.data;
}

/** The caller with the local token: no account, no grants (the handler audits it as the command line). */
const LOCAL_USER: SessionUser = {
  id: '',
  username: 'quyche (dòng lệnh trên máy chủ)',
  displayName: 'Dòng lệnh trên máy chủ',
  personId: null,
  clearance: 0,
  locale: 'vi',
  grants: [],
  sessionId: '',
  csrfToken: '',
  mustChangePassword: false,
};

/** The token matches the server's, compared in constant time, and the request comes from this machine. */
function hasLocalToken(app: FastifyInstance, req: FastifyRequest): boolean {
  const token = (app as FastifyInstance & { localToken?: string }).localToken;
  const auth = req.headers['authorization'];
  if (!token || typeof auth !== 'string' || !auth.startsWith('Bearer ')) return false;
  const a = Buffer.from(auth.slice(7));
  const b = Buffer.from(token);
  const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
  return loopback && a.length === b.length && timingSafeEqual(a, b);
}

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  app: FastifyInstance,
  db: Db,
  def: RouteDef<P, Q, B, R>,
) {
  routes.push(def as never);
  app.route({
    method: def.method,
    url: `/api/v1${def.url}`,
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
    // Authentication first, before the body is read: without a session every route but login answers 401,
    // whatever the input, and nobody's upload is read before they are known to be allowed to send it.
    onRequest: async (req, reply) => {
      const local = def.localToken === true && hasLocalToken(app, req);
      const user = def.public || local ? null : await loadSessionUser(db, req);
      if (!def.public && !local && !user) throw new ProblemError('UNAUTHENTICATED');
      if (user && def.method !== 'GET') verifyCsrf(req, user);
      if (user?.mustChangePassword && !def.beforePasswordChange) {
        throw new ProblemError('PASSWORD_CHANGE_REQUIRED', {
          detail: 'Quản trị viên đã đặt lại mật khẩu của tài khoản: hãy đổi mật khẩu rồi làm việc tiếp.',
        });
      }
      if (def.authorize && user)
        await def.authorize({
          params: parse(def.params, req.params, 'params') as z.output<P>,
          ctx: new RequestContext(db, user, req, reply),
        });
    },
    handler: async (req, reply) => {
      const local = def.localToken === true && hasLocalToken(app, req);
      const user = def.public || local ? null : await loadSessionUser(db, req);
      const params = parse(def.params, req.params, 'params');
      const query = parse(def.query ?? (z.strictObject({}) as never), req.query, 'query');
      const body = parse(def.body, req.body, 'body');
      const ctx = new RequestContext(db, user ?? LOCAL_USER, req, reply);
      const out = await def.handler({ params, query, body, ctx, req, reply, local } as never);
      if (reply.sent) return reply;
      if (out === undefined) return reply.code(def.status ?? 204).send();
      return reply.code(def.status ?? 200).send(out);
    },
  });
}

/** `defineRoute` bound to the app and database of a group of routes (each route names its tag). */
export const routesOf =
  (app: FastifyInstance, db: Db) =>
  <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(d: RouteDef<P, Q, B, R>) =>
    defineRoute(app, db, d);

/** `defineRoute` bound to the app and database of a group of routes and to their tag (their section of the API). */
export const taggedRoutesOf =
  (app: FastifyInstance, db: Db, tag: string) =>
  <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    d: Omit<RouteDef<P, Q, B, R>, 'tag'>,
  ) =>
    defineRoute(app, db, { tag, ...d });

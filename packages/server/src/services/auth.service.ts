import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '@quyche/core';
import {
  appendAudit,
  deleteExpiredSessions,
  deleteSession,
  findUserByUsername,
  insertSession,
  setUserLastLogin,
} from '@quyche/db';
import type { Db } from '@quyche/db';
import { DUMMY_HASH, verifyPassword } from '../auth/password.js';
import { sessionUserOf } from '../http/context.js';
import type { SessionUser } from '../http/context.js';
import { accessCache } from '../http/access.cache.js';
import {
  addressKey,
  assertNotLocked,
  clearFailures,
  recordFailure,
  THROTTLE,
  userKey,
} from '../auth/login.throttle.js';

export const SESSION_COOKIE = 'qc_session';
const SESSION_HOURS = 12;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sessionIdOf = (token: string) => sha256(token);

export async function loadSessionUser(db: Db, req: FastifyRequest): Promise<SessionUser | null> {
  const cached = (req as { sessionUser?: SessionUser | null }).sessionUser;
  if (cached !== undefined) return cached;
  const token = req.cookies?.[SESSION_COOKIE];
  let user: SessionUser | null = null;
  if (token && token.length <= 100) {
    // Sessions and grants from memory, read again once a change is heard of (see access.cache.ts).
    const cache = accessCache(db);
    cache.requestBegins();
    const u = await cache.session(sessionIdOf(token));
    if (u) {
      user = sessionUserOf(u, u.grants ?? [], {
        id: u.session_id,
        csrfToken: u.csrf_token,
        mustChangePassword: u.must_change_password,
      });
    }
  }
  (req as { sessionUser?: SessionUser | null }).sessionUser = user;
  return user;
}

/** Double submit: the token given at login must come back in a header a cross-site form cannot set. */
export function verifyCsrf(req: FastifyRequest, user: SessionUser) {
  const sent = req.headers['x-csrf-token'];
  const a = Buffer.from(typeof sent === 'string' ? sent : '');
  const b = Buffer.from(user.csrfToken);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new ProblemError('CSRF_INVALID', { field: 'x-csrf-token' });
}

export async function login(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  username: string,
  password: string,
  secureCookie: boolean,
) {
  const key = userKey(username, req.ip);
  await assertNotLocked(db, [
    { key, what: 'Tên đăng nhập này' },
    { key: addressKey(req.ip), what: 'Địa chỉ máy của bạn' },
  ]);
  const user = await findUserByUsername(db, username.trim().toLowerCase());
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    await db.transaction(async (tx) => {
      const failures = await recordFailure(tx, key, THROTTLE.user);
      // The address counts failures across usernames: one address trying many usernames is slowed as well.
      await recordFailure(tx, addressKey(req.ip), THROTTLE.address);
      await appendAudit(tx, {
        actorUserId: user?.id ?? null,
        actor: username.slice(0, 100),
        action: 'login_failed',
        entity: 'session',
        entityId: null,
        orgId: null,
        before: null,
        after: { ip: req.ip, failures },
      });
    });
    throw new ProblemError('LOGIN_FAILED');
  }
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    // The address's count is left to its window: a valid account of one's own must not reset it.
    await clearFailures(tx, key);
    await setUserLastLogin(tx, user.id);
    await insertSession(tx, { id: sessionIdOf(token), user_id: user.id, csrf_token: csrf }, SESSION_HOURS);
    await deleteExpiredSessions(tx);
    await appendAudit(tx, {
      actorUserId: user.id,
      actor: user.username,
      action: 'login',
      entity: 'session',
      entityId: null,
      orgId: null,
      before: null,
      after: { ip: req.ip },
    });
  });
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie,
    path: '/',
    maxAge: SESSION_HOURS * 3600,
  });
  return { token, csrf, user };
}

export async function logout(db: Db, reply: FastifyReply, user: SessionUser) {
  await db.transaction(async (tx) => {
    await deleteSession(tx, user.sessionId);
    await appendAudit(tx, {
      actorUserId: user.id,
      actor: user.username,
      action: 'logout',
      entity: 'session',
      entityId: null,
      orgId: null,
      before: null,
      after: null,
    });
  });
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function meOf(user: SessionUser) {
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      clearance: user.clearance,
      locale: user.locale,
      mustChangePassword: user.mustChangePassword,
    },
    grants: user.grants,
    csrfToken: user.csrfToken,
  };
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '@quyche/core';
import { appendAudit, findUserByUsername, getLoginAttempt } from '@quyche/db';
import type { Db } from '@quyche/db';
import { DUMMY_HASH, verifyPassword } from '../auth/password.js';
import type { SessionUser } from '../http/context.js';
import { accessCache } from '../http/access.cache.js';

export const SESSION_COOKIE = 'qc_session';
const SESSION_HOURS = 12;
/** Throttling: after MAX_FAILURES failed logins within WINDOW_MIN minutes, the key is locked for LOCK_MIN minutes. */
export const THROTTLE = { MAX_FAILURES: 5, WINDOW_MIN: 15, LOCK_MIN: 5 };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sessionIdOf = (token: string) => sha256(token);

export async function loadSessionUser(db: Db, req: FastifyRequest): Promise<SessionUser | null> {
  const cached = (req as { sessionUser?: SessionUser | null }).sessionUser;
  if (cached !== undefined) return cached;
  const token = req.cookies?.[SESSION_COOKIE];
  let user: SessionUser | null = null;
  if (token && token.length <= 100) {
    // A request begins: whether sessions or grants changed since the last one is asked once, then served from memory.
    const cache = accessCache(db);
    cache.markStale();
    const u = await cache.session(sessionIdOf(token));
    if (u) {
      user = {
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        personId: u.person_id,
        clearance: u.clearance,
        locale: u.locale,
        grants: u.grants ?? [],
        sessionId: u.session_id,
        csrfToken: u.csrf_token,
      };
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
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new ProblemError('CSRF_INVALID', { field: 'x-csrf-token' });
}

function throttleKey(username: string, ip: string) {
  return `${username.trim().toLowerCase()}|${ip}`;
}

export async function login(db: Db, req: FastifyRequest, reply: FastifyReply, username: string, password: string, secureCookie: boolean) {
  const key = throttleKey(username, req.ip);
  const attempt = await getLoginAttempt(db, key);
  const now = Date.now();
  if (attempt?.locked_until && new Date(attempt.locked_until).getTime() > now) {
    const retryAfter = Math.ceil((new Date(attempt.locked_until).getTime() - now) / 1000);
    throw new ProblemError('LOGIN_THROTTLED', { detail: `Vui lòng thử lại sau ${retryAfter} giây`, retryAfter });
  }
  const user = await findUserByUsername(db, username.trim().toLowerCase());
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    await db.transaction(async (tx) => {
      const inWindow = attempt && now - new Date(attempt.window_start).getTime() < THROTTLE.WINDOW_MIN * 60_000;
      const failures = inWindow ? attempt.failures + 1 : 1;
      const lockedUntil = failures >= THROTTLE.MAX_FAILURES ? new Date(now + THROTTLE.LOCK_MIN * 60_000).toISOString() : null;
      await tx.query(
        `insert into login_attempt (key, failures, window_start, locked_until) values ($1, $2, $3, $4)
         on conflict (key) do update set failures = $2, window_start = $3, locked_until = $4`,
        [key, failures, inWindow ? new Date(attempt.window_start).toISOString() : new Date(now).toISOString(), lockedUntil],
      );
      await appendAudit(tx, { actorUserId: user?.id ?? null, actor: username.slice(0, 100), action: 'login_failed', entity: 'session', entityId: null, orgId: null, before: null, after: { ip: req.ip, failures } });
    });
    throw new ProblemError('LOGIN_FAILED');
  }
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.query('delete from login_attempt where key = $1', [key]);
    await tx.query(`insert into user_session (id, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + interval '${SESSION_HOURS} hours')`, [sessionIdOf(token), user.id, csrf]);
    await tx.query('delete from user_session where expires_at < now()');
    await appendAudit(tx, { actorUserId: user.id, actor: user.username, action: 'login', entity: 'session', entityId: null, orgId: null, before: null, after: { ip: req.ip } });
  });
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: secureCookie, path: '/', maxAge: SESSION_HOURS * 3600 });
  return { token, csrf, user };
}

export async function logout(db: Db, reply: FastifyReply, user: SessionUser) {
  await db.transaction(async (tx) => {
    await tx.query('delete from user_session where id = $1', [user.sessionId]);
    await appendAudit(tx, { actorUserId: user.id, actor: user.username, action: 'logout', entity: 'session', entityId: null, orgId: null, before: null, after: null });
  });
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function meOf(user: SessionUser) {
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, personId: user.personId, clearance: user.clearance, locale: user.locale },
    grants: user.grants,
    csrfToken: user.csrfToken,
  };
}

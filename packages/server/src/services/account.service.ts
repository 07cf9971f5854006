import { checkPassword, ProblemError } from '@quyche/core';
import { appendAudit, deleteSessions, getUser, getUserView, setPasswordHash, setUserDisabled } from '@quyche/db';
import type { Db, UserViewRow } from '@quyche/db';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { assertNotLocked, clearFailures, passwordKey, recordFailure, THROTTLE } from '../auth/login.throttle.js';
import { accountOf, type RequestContext } from '../http/context.js';

/** Who changes an account: a signed-in administrator, or the command line ('cli', no user). */
export interface Actor {
  userId: string | null;
  name: string;
}
export const actorOf = (ctx: RequestContext): Actor => ({ userId: ctx.user.id, name: ctx.user.username });

/** 422 naming `field` with every reason of the password policy, in Vietnamese. */
export function assertPasswordPolicy(password: string, field: string, opts: { username: string; current?: string }) {
  const v = checkPassword(password, opts);
  if (v.ok) return;
  throw new ProblemError('PASSWORD_POLICY', {
    field,
    detail: v.reasons.map((r) => r.vi).join(' '),
    errors: v.reasons.map((r) => ({ field, message: r.vi })),
    rules: v.reasons.map((r) => r.rule),
  });
}

/** The API's account: never the password hash. */
export function toUser(u: UserViewRow) {
  return {
    ...accountOf(u),
    disabled: u.disabled,
    mustChangePassword: u.must_change_password,
    lastLoginAt: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
    activeSessions: u.active_sessions,
    grants: u.grants,
  };
}

async function reload(db: Db, id: string) {
  return toUser((await getUserView(db, id))!);
}

/*
 * The writes below are shared by the API (after its access checks) and the command line. Each is one transaction
 * with its audit entry; the entry names the account, never a password or its hash.
 */
const auditOf = (actor: Actor, u: UserViewRow, action: string, before: object | null, after: object) => ({
  actorUserId: actor.userId,
  actor: actor.name,
  action,
  entity: 'app_user',
  entityId: u.id,
  orgId: u.grants[0]?.orgId ?? null,
  before: before ? { username: u.username, ...before } : null,
  after: { username: u.username, ...after },
});

/** Locks the account and ends its open sessions: its next request answers 401. */
export async function disableAccount(db: Db, actor: Actor, u: UserViewRow) {
  await db.transaction(async (tx) => {
    await setUserDisabled(tx, u.id, true);
    const revoked = await deleteSessions(tx, u.id);
    await appendAudit(
      tx,
      auditOf(actor, u, 'disable', { disabled: u.disabled }, { disabled: true, sessionsRevoked: revoked }),
    );
  });
  return reload(db, u.id);
}

export async function enableAccount(db: Db, actor: Actor, u: UserViewRow) {
  await db.transaction(async (tx) => {
    await setUserDisabled(tx, u.id, false);
    await appendAudit(tx, auditOf(actor, u, 'enable', { disabled: u.disabled }, { disabled: false }));
  });
  return reload(db, u.id);
}

export async function revokeAccountSessions(db: Db, actor: Actor, u: UserViewRow) {
  await db.transaction(async (tx) => {
    const revoked = await deleteSessions(tx, u.id);
    await appendAudit(tx, auditOf(actor, u, 'revoke_sessions', null, { sessionsRevoked: revoked }));
  });
  return reload(db, u.id);
}

/** An administrator's reset: the policy applies, open sessions end, and the user must pick a new password at login. */
export async function resetAccountPassword(
  db: Db,
  actor: Actor,
  u: UserViewRow,
  newPassword: string,
  field = 'body.newPassword',
) {
  assertPasswordPolicy(newPassword, field, { username: u.username });
  const hash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, u.id, hash, true);
    const revoked = await deleteSessions(tx, u.id);
    await appendAudit(
      tx,
      auditOf(
        actor,
        u,
        'reset_password',
        { mustChangePassword: u.must_change_password },
        { mustChangePassword: true, sessionsRevoked: revoked },
      ),
    );
  });
  return reload(db, u.id);
}

/**
 * A user changes their own password: the current one is verified (throttled like a login, so that a stolen session
 * cannot guess it), the policy applies, and the user's other sessions end; this one stays.
 */
export async function changeOwnPassword(ctx: RequestContext, input: { currentPassword: string; newPassword: string }) {
  const key = passwordKey(ctx.user.id);
  await assertNotLocked(ctx.db, [{ key, what: 'Tài khoản này' }]);
  const u = (await getUser(ctx.db, ctx.user.id))!;
  if (!(await verifyPassword(input.currentPassword, u.password_hash))) {
    await ctx.db.transaction(async (tx) => {
      const failures = await recordFailure(tx, key, THROTTLE.password);
      await ctx.auditChange(tx, 'change_password_failed', ['app_user', u.id, null], {
        after: { username: u.username, failures },
      });
    });
    const message = 'Mật khẩu hiện tại không đúng: hãy nhập mật khẩu đang dùng.';
    throw new ProblemError('CURRENT_PASSWORD_WRONG', {
      field: 'body.currentPassword',
      detail: message,
      errors: [{ field: 'body.currentPassword', message }],
    });
  }
  assertPasswordPolicy(input.newPassword, 'body.newPassword', { username: u.username, current: input.currentPassword });
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await setPasswordHash(tx, u.id, hash, false);
    const revoked = await deleteSessions(tx, u.id, ctx.user.sessionId);
    await clearFailures(tx, key);
    await ctx.auditChange(tx, 'change_password', ['app_user', u.id, null], {
      before: { username: u.username, mustChangePassword: u.must_change_password },
      after: { username: u.username, mustChangePassword: false, otherSessionsRevoked: revoked },
    });
  });
}

import { ProblemError, roleAllows } from '@quyche/core';
import type { z } from 'zod';
import type { CreateUserSchema } from '@quyche/core';
import {
  findUserByUsername,
  getUserView,
  insertRoleGrant,
  insertUser,
  listAudit,
  listUsers as listUsersRepo,
  uuidv7,
  verifyAudit,
} from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { hashPassword } from '../auth/password.js';
import {
  actorOf,
  assertPasswordPolicy,
  disableAccount,
  enableAccount,
  resetAccountPassword,
  revokeAccountSessions,
  toUser,
} from './account.service.js';

function requireRoleSomewhere(ctx: RequestContext, action: 'manage_users' | 'audit') {
  if (!ctx.user.grants.some((g) => roleAllows(g.role, action))) {
    throw new ProblemError('FORBIDDEN', {
      detail: action === 'audit' ? 'Chỉ quản trị viên được xem nhật ký' : 'Chỉ quản trị viên được quản lý tài khoản',
    });
  }
}

export async function listUsers(ctx: RequestContext) {
  requireRoleSomewhere(ctx, 'manage_users');
  // Accounts cleared above the administrator stay hidden, as everything above one's clearance does.
  const rows = await listUsersRepo(ctx.db, await ctx.coveredOrgs('manage_users'));
  return rows.filter((u) => u.clearance <= ctx.user.clearance).map(toUser);
}

export async function createUser(ctx: RequestContext, input: z.output<typeof CreateUserSchema>) {
  requireRoleSomewhere(ctx, 'manage_users');
  for (const g of input.grants) await ctx.assertOrg(g.orgId, 'manage_users');
  // Nobody hands out a clearance above their own.
  ctx.assertClearance(input.clearance ?? 0);
  if (await findUserByUsername(ctx.db, input.username))
    throw new ProblemError('DUPLICATE', { field: 'body.username', detail: 'Tên đăng nhập đã có người dùng' });
  assertPasswordPolicy(input.password, 'body.password', { username: input.username });
  const id = uuidv7();
  const hash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await insertUser(tx, {
      id,
      username: input.username,
      password_hash: hash,
      display_name: input.displayName,
      person_id: input.personId ?? null,
      clearance: input.clearance ?? 0,
    });
    for (const g of input.grants)
      await insertRoleGrant(tx, { id: uuidv7(), user_id: id, role: g.role, org_id: g.orgId });
    const after = {
      id,
      username: input.username,
      displayName: input.displayName,
      personId: input.personId ?? null,
      clearance: input.clearance ?? 0,
      disabled: false,
      grants: input.grants,
    };
    await ctx.audit(tx, { action: 'create', entity: 'app_user', entityId: id, orgId: input.grants[0]!.orgId, after });
  });
  return toUser((await getUserView(ctx.db, id))!);
}

/**
 * The account `id`, when the administrator manages every organization it has a grant in: an account out of sight
 * answers 404 (its existence is not revealed), one also granted beyond the administrator's scope 403, and one
 * cleared above the administrator 404 (nobody takes over an account that sees more than they do).
 */
async function managedUser(ctx: RequestContext, id: string) {
  requireRoleSomewhere(ctx, 'manage_users');
  const u = await getUserView(ctx.db, id);
  const covered = new Set(await ctx.coveredOrgs('manage_users'));
  if (!u?.grants.some((g) => covered.has(g.orgId)))
    throw new ProblemError('NOT_FOUND', { detail: 'Không có tài khoản này trong phạm vi quản lý' });
  for (const g of u.grants) await ctx.assertOrg(g.orgId, 'manage_users');
  ctx.assertClearance(u.clearance);
  return u;
}

export async function disableUser(ctx: RequestContext, id: string) {
  const u = await managedUser(ctx, id);
  if (u.id === ctx.user.id)
    throw new ProblemError('CANNOT_DISABLE_SELF', {
      field: 'params.id',
      detail: 'Đây là tài khoản bạn đang dùng: chỉ một quản trị viên khác mới khóa được tài khoản này.',
    });
  return disableAccount(ctx.db, actorOf(ctx), u);
}

export async function enableUser(ctx: RequestContext, id: string) {
  return enableAccount(ctx.db, actorOf(ctx), await managedUser(ctx, id));
}

export async function revokeUserSessions(ctx: RequestContext, id: string) {
  return revokeAccountSessions(ctx.db, actorOf(ctx), await managedUser(ctx, id));
}

export async function resetUserPassword(ctx: RequestContext, id: string, newPassword: string) {
  const u = await managedUser(ctx, id);
  if (u.id === ctx.user.id)
    throw new ProblemError('CANNOT_RESET_OWN_PASSWORD', {
      field: 'params.id',
      detail: 'Mật khẩu của chính bạn được đổi ở trang Đổi mật khẩu (cần nhập mật khẩu đang dùng).',
    });
  return resetAccountPassword(ctx.db, actorOf(ctx), u, newPassword);
}

export async function auditPage(ctx: RequestContext, page: number, pageSize: number) {
  requireRoleSomewhere(ctx, 'audit');
  const { rows, total } = await listAudit(ctx.db, page, pageSize, await ctx.coveredOrgs('audit'), ctx.user.id);
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      hash: r.hash,
    })),
    page,
    pageSize,
    total,
  };
}

export async function auditVerify(ctx: RequestContext) {
  requireRoleSomewhere(ctx, 'audit');
  return verifyAudit(ctx.db);
}

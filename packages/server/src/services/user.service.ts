import { ProblemError, roleAllows } from '@quyche/core';
import type { z } from 'zod';
import type { CreateUserSchema } from '@quyche/core';
import { findUserByUsername, listAudit, listUsers as listUsersRepo, uuidv7, verifyAudit } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { hashPassword } from '../auth/password.js';

function requireRoleSomewhere(ctx: RequestContext, action: 'manage_users' | 'audit') {
  if (!ctx.user.grants.some((g) => roleAllows(g.role, action))) {
    throw new ProblemError('FORBIDDEN', { detail: action === 'audit' ? 'Chỉ quản trị viên được xem nhật ký' : 'Chỉ quản trị viên được quản lý tài khoản' });
  }
}

export async function listUsers(ctx: RequestContext) {
  requireRoleSomewhere(ctx, 'manage_users');
  const rows = await listUsersRepo(ctx.db, await ctx.coveredOrgs('manage_users'));
  return rows.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, personId: u.person_id, clearance: u.clearance, disabled: u.disabled, grants: u.grants }));
}

export async function createUser(ctx: RequestContext, input: z.output<typeof CreateUserSchema>) {
  requireRoleSomewhere(ctx, 'manage_users');
  for (const g of input.grants) await ctx.assertOrg(g.orgId, 'manage_users');
  // Nobody hands out a clearance above their own.
  ctx.assertClearance(input.clearance ?? 0);
  if (await findUserByUsername(ctx.db, input.username)) throw new ProblemError('DUPLICATE', { field: 'body.username', detail: 'Tên đăng nhập đã có người dùng' });
  const id = uuidv7();
  const hash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    await tx.query('insert into app_user (id, username, password_hash, display_name, person_id, clearance) values ($1,$2,$3,$4,$5,$6)', [id, input.username, hash, input.displayName, input.personId ?? null, input.clearance ?? 0]);
    for (const g of input.grants) await tx.query('insert into role_grant (id, user_id, role, org_id) values ($1,$2,$3,$4)', [uuidv7(), id, g.role, g.orgId]);
    const out = { id, username: input.username, displayName: input.displayName, personId: input.personId ?? null, clearance: input.clearance ?? 0, disabled: false, grants: input.grants };
    await ctx.audit(tx, { action: 'create', entity: 'app_user', entityId: id, orgId: input.grants[0]!.orgId, after: out });
    return out;
  });
}

export async function auditPage(ctx: RequestContext, page: number, pageSize: number) {
  requireRoleSomewhere(ctx, 'audit');
  const { rows, total } = await listAudit(ctx.db, page, pageSize, await ctx.coveredOrgs('audit'), ctx.user.id);
  return {
    items: rows.map((r) => ({ seq: Number(r.seq), at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, hash: r.hash })),
    page,
    pageSize,
    total,
  };
}

export async function auditVerify(ctx: RequestContext) {
  requireRoleSomewhere(ctx, 'audit');
  return verifyAudit(ctx.db);
}

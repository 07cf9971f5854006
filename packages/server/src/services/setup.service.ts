import { z } from 'zod';
import {
  IsoDateSchema,
  ORGANIZATION_KINDS,
  ProblemError,
  TextSchema,
  todayInVietnam,
  UsernameSchema,
  invalidField,
} from '@quyche/core';
import {
  appendAudit,
  countUsers,
  insertOrganization,
  insertRoleGrant,
  insertUser,
  orgSearchText,
  uuidv7,
} from '@quyche/db';
import type { Db } from '@quyche/db';
import { hashPassword } from '../auth/password.js';
import { withIntegrity } from './integrity.js';
import { assertPasswordPolicy } from './account.service.js';

export const InitSchema = z.strictObject({
  orgCode: TextSchema(64),
  orgName: TextSchema(300),
  orgShortName: TextSchema(100).optional(),
  orgKind: z.enum(ORGANIZATION_KINDS).default('PROVINCIAL_PARTY_ORG'),
  validFrom: IsoDateSchema.optional(),
  adminUsername: UsernameSchema,
  adminName: TextSchema(200).optional(),
  password: z.string(),
});

/** The database has accounts: `serve` without `--demo` starts only then, and `init` refuses. */
export async function hasAccounts(db: Db): Promise<boolean> {
  return (await countUsers(db)) > 0;
}

/**
 * `quyche init`: a production database gets its root organization and first administrator (admin on it, clearance
 * 3, the password chosen there) and nothing of the demo. Refused once the database has any account.
 */
export async function initDatabase(db: Db, raw: z.input<typeof InitSchema>) {
  const p = InitSchema.safeParse(raw);
  if (!p.success) {
    const i = p.error.issues[0]!;
    throw invalidField(i.path.join('.'), `${i.path.join('.')}: ${i.message}`);
  }
  const input = p.data;
  if (await hasAccounts(db))
    throw new ProblemError('DUPLICATE', {
      detail: 'CSDL đã có tài khoản: không khởi tạo lại. Thêm tài khoản bằng "npx quyche user add".',
    });
  assertPasswordPolicy(input.password, 'password', { username: input.adminUsername });
  const orgId = uuidv7();
  const userId = uuidv7();
  const hash = await hashPassword(input.password);
  const validFrom = input.validFrom ?? todayInVietnam();
  await db.transaction(async (tx) => {
    await withIntegrity(tx, orgId, () =>
      insertOrganization(tx, {
        id: orgId,
        code: input.orgCode,
        name: input.orgName,
        short_name: input.orgShortName ?? null,
        kind: input.orgKind,
        valid_from: validFrom,
        search_text: orgSearchText(input.orgName, input.orgShortName, input.orgCode),
      }),
    );
    await insertUser(tx, {
      id: userId,
      username: input.adminUsername,
      password_hash: hash,
      display_name: input.adminName ?? input.adminUsername,
      clearance: 3,
    });
    await insertRoleGrant(tx, { id: uuidv7(), user_id: userId, role: 'admin', org_id: orgId });
    await appendAudit(tx, {
      actorUserId: null,
      actor: 'cli',
      action: 'init',
      entity: 'database',
      entityId: null,
      orgId,
      before: null,
      after: { orgCode: input.orgCode, orgName: input.orgName, admin: input.adminUsername },
    });
  });
  return { orgId, userId, orgCode: input.orgCode, orgName: input.orgName, admin: input.adminUsername };
}

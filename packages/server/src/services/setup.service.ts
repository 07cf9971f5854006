import { z } from 'zod';
import {
  IsoDateSchema,
  ORGANIZATION_KINDS,
  ProblemError,
  TextSchema,
  todayInVietnam,
  UsernameSchema,
} from '@quyche/core';
import { appendAudit, countUsers, orgSearchText, uuidv7 } from '@quyche/db';
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
    throw new ProblemError('VALIDATION_FAILED', {
      field: i.path.join('.'),
      detail: `${i.path.join('.')}: ${i.message}`,
    });
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
      tx.query(
        'insert into organization (id, code, name, short_name, kind, valid_from, search_text) values ($1,$2,$3,$4,$5,$6,$7)',
        [
          orgId,
          input.orgCode,
          input.orgName,
          input.orgShortName ?? null,
          input.orgKind,
          validFrom,
          orgSearchText(input.orgName, input.orgShortName, input.orgCode),
        ],
      ),
    );
    await tx.query(
      'insert into app_user (id, username, password_hash, display_name, clearance) values ($1,$2,$3,$4,3)',
      [userId, input.adminUsername, hash, input.adminName ?? input.adminUsername],
    );
    await tx.query("insert into role_grant (id, user_id, role, org_id) values ($1,$2,'admin',$3)", [
      uuidv7(),
      userId,
      orgId,
    ]);
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

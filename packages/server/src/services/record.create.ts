import { uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/**
 * A new record of `entity` in `orgId`: `write` stores it under a new id (with whatever is created with it) and its
 * creation is audited with `after`, in one transaction. Answers the new id.
 */
export async function createAudited(
  ctx: RequestContext,
  entity: string,
  orgId: string,
  after: unknown,
  write: (tx: Sql, id: string) => Promise<unknown>,
) {
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await write(tx, id);
    await ctx.auditChange(tx, 'create', [entity, id, orgId], { after });
  });
  return id;
}

import { uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { notifyMeeting } from './meeting.service.js';

/**
 * Adds a record to a meeting (an agenda item, a connection point, a document, a guest): `write` stores it under a new
 * id, its creation is audited with `after` and the meeting's live viewers are told, in one transaction.
 */
export async function addToMeeting(
  ctx: RequestContext,
  m: { id: string; org_id: string },
  entity: string,
  write: (tx: Sql, id: string) => Promise<unknown>,
  after: unknown,
) {
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await write(tx, id);
    await ctx.auditChange(tx, 'create', [entity, id, m.org_id], { after });
    await notifyMeeting(tx, m.id);
  });
  return id;
}

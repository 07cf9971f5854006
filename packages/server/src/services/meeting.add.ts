import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { notifyMeeting } from './meeting.service.js';
import { createAudited } from './record.create.js';

/**
 * Adds a record to a meeting (an agenda item, a connection point, a document, a guest): `write` stores it under a new
 * id, its creation is audited with `after` and the meeting's live viewers are told, in one transaction.
 */
export const addToMeeting = (
  ctx: RequestContext,
  m: { id: string; org_id: string },
  entity: string,
  write: (tx: Sql, id: string) => Promise<unknown>,
  after: unknown,
) =>
  createAudited(ctx, entity, m.org_id, after, async (tx, id) => {
    await write(tx, id);
    await notifyMeeting(tx, m.id);
  });

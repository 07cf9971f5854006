import { ProblemError } from '@quyche/core';
import { getBody, getMeeting } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/** A meeting the user may read (or write), and a body, or the "not found" answer. */
export async function loadMeeting(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  const m = await getMeeting(ctx.db, id);
  if (!m) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy hội nghị' });
  await ctx.assertOrg(m.org_id, action, m.confidentiality);
  return m;
}

export async function loadBody(sql: Sql, bodyId: string) {
  const b = await getBody(sql, bodyId);
  if (!b) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy cơ quan' });
  return b;
}

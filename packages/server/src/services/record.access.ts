import { ProblemError } from '@quyche/core';
import type { Action } from '@quyche/core';
import type { RequestContext } from '../http/context.js';

/**
 * A record looked up by id, answered once the user may `action` on its organization at its confidentiality (404
 * when hidden, 403 when out of scope); when there is none, "not found" saying `detail`. Each kind's loader checks
 * its record this one way.
 */
export async function accessible<R extends { org_id: string; confidentiality: number }>(
  ctx: RequestContext,
  row: R | null | undefined,
  action: Action,
  detail?: string,
): Promise<R> {
  if (!row) throw new ProblemError('NOT_FOUND', detail ? { detail } : {});
  await ctx.assertOrg(row.org_id, action, row.confidentiality);
  return row;
}

import { ProblemError } from '@quyche/core';
import type { Action } from '@quyche/core';
import type { Sql } from '@quyche/db';
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

/**
 * A page of a directory list (organizations, people) as the user sees it: what their grants cover, at their
 * clearance.
 */
export async function visiblePage<Q extends { page: number; pageSize: number }, R, T>(
  ctx: RequestContext,
  q: Q,
  list: (sql: Sql, o: Q & { visible: string[]; clearance: number }) => Promise<{ rows: R[]; total: number }>,
  show: (r: R) => T,
) {
  const { rows, total } = await list(ctx.db, { ...q, visible: await ctx.coveredOrgs(), clearance: ctx.user.clearance });
  return { items: rows.map((r) => show(r)), page: q.page, pageSize: q.pageSize, total };
}

import type { DirectoryQuerySchema } from '@quyche/core';
import { directoryPage } from '@quyche/db';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';

type Position = { bodyId: string; bodyName: string; role: string; title: string | null; validFrom: string };

/**
 * People of the user's organizations with the positions they hold on `asOf` (by default only those holding one),
 * a page at a time: the directory must stay a page of rows on a province of millions of members.
 */
export async function directory(ctx: RequestContext, q: z.output<typeof DirectoryQuerySchema>) {
  const asOf = q.asOf ?? ctx.today();
  if (q.orgId) await ctx.assertOrg(q.orgId, 'read');
  const rows = await directoryPage(ctx.db, {
    orgIds: q.orgId ? [q.orgId] : await ctx.coveredOrgs('read'),
    asOf,
    q: q.q,
    all: Boolean(q.all),
    clearance: ctx.user.clearance,
    page: q.page,
    pageSize: q.pageSize,
  });
  return {
    asOf,
    items: rows.map((r) => ({
      id: r.id,
      fullName: r.full_name,
      orgName: r.org_name,
      // json arrives parsed from node-postgres and PGlite alike, as text from a driver that does not parse it.
      positions: ((typeof r.positions === 'string' ? JSON.parse(r.positions) : r.positions) as Position[]).map((x) => ({
        ...x,
        validFrom: String(x.validFrom).slice(0, 10),
      })),
    })),
    page: q.page,
    pageSize: q.pageSize,
    total: rows[0]?.total ?? 0,
  };
}

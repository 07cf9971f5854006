import { foldVietnamese } from '@quyche/core';
import type { ConclusionListQuerySchema } from '@quyche/core';
import type { z } from 'zod';
import { listConclusionsWithProgress } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/**
 * The conclusion notices of the user's organizations (or one of them), newest first, each with its follow-up:
 * an action item counts by its task's progress (done = 100 %), an item without a task as 0 %.
 */
export async function listConclusions(ctx: RequestContext, q: z.output<typeof ConclusionListQuerySchema>) {
  if (q.orgId) await ctx.assertOrg(q.orgId, 'read');
  const rows = await listConclusionsWithProgress(ctx.db, {
    clearance: ctx.user.clearance,
    orgIds: q.orgId ? [q.orgId] : await ctx.coveredOrgs('read'),
    today: ctx.today(),
    year: q.year,
    terms: foldVietnamese(q.q ?? '')
      .split(/\s+/)
      .filter(Boolean),
  });
  return rows.map((r) => ({
    id: r.id,
    symbol: r.symbol,
    issuedOn: String(r.issued_on).slice(0, 10),
    meetingId: r.meeting_id,
    meetingTitle: r.title,
    bodyName: r.body_name,
    orgName: r.org_name,
    items: r.items,
    followed: r.followed,
    done: r.done,
    overdue: r.overdue,
    pending: r.items - r.followed,
    percent: r.percent === null ? 0 : Math.round(Number(r.percent) * 10) / 10,
  }));
}

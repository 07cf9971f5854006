import { foldVietnamese } from '@quyche/core';
import type { MeetingListQuerySchema } from '@quyche/core';
import { meetingList } from '@quyche/db';
import type { MeetingListFilter } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { loadBody } from './meeting.load.js';
import { meetingWhen } from './meeting.presenter.js';

/** Meetings the user may see, by organization or body and dates; diacritic-insensitive search on the title. */
export async function listMeetings(ctx: RequestContext, q: In<typeof MeetingListQuerySchema>) {
  const filter: MeetingListFilter = { clearance: ctx.user.clearance };
  if (q.bodyId) {
    const b = await loadBody(ctx.db, q.bodyId);
    await ctx.assertOrg(b.org_id, 'read', b.confidentiality);
    filter.bodyId = q.bodyId;
  } else if (q.orgId) {
    await ctx.assertOrg(q.orgId, 'read');
    filter.orgId = q.orgId;
  } else {
    filter.orgIds = await ctx.coveredOrgs('read');
  }
  if (q.from) filter.from = q.from;
  if (q.to) filter.to = q.to;
  if (q.q) filter.search = foldVietnamese(q.q);
  const rows = await meetingList(ctx.db, filter);
  return rows.map((m) => ({
    id: m.id,
    bodyId: m.body_id,
    bodyKind: m.body_kind,
    bodyName: m.body_name,
    kind: m.kind,
    state: m.state,
    ...meetingWhen(m),
    conclusionSymbol: m.conclusion_symbol,
  }));
}

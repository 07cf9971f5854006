/** The task list with its filters and scope, and the conclusion items still waiting for a task. */
import { foldVietnamese, OPEN_TASK_STATES } from '@quyche/core';
import type { TaskListQuerySchema } from '@quyche/core';
import { pendingConclusionActionItems, taskListCount, taskListPage, taskListRowsByIds } from '@quyche/db';
import type { TaskListFilter } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { listItemOf } from './task.view.js';

/** Tasks the user may see, filtered; diacritic-insensitive search on title, lead, source and product. */
export async function listTasks(ctx: RequestContext, q: In<typeof TaskListQuerySchema>) {
  const today = q.asOf ?? ctx.today();
  const f: TaskListFilter = { clearance: ctx.user.clearance };
  if (q.orgId) {
    await ctx.assertOrg(q.orgId, 'read');
    f.orgId = q.orgId;
  } else {
    // Tasks the user's organizations assigned, and those they lead.
    f.coveredOrgs = await ctx.coveredOrgs('read');
  }
  if (q.state === 'open') f.states = OPEN_TASK_STATES;
  // Today's overdue tasks come from the index on (state, due); on a past date, from the dates each task keeps.
  else if (q.state === 'overdue' && today >= ctx.today()) f.overdueBefore = today;
  else if (q.state === 'overdue') f.overdueOn = today;
  else if (q.state) f.state = q.state;
  f.leadOrgId = q.leadOrgId;
  f.leadId = q.leadId;
  f.supervisorPersonId = q.supervisorPersonId;
  if (q.mine) f.minePersonId = ctx.user.personId;
  f.sourceKind = q.sourceKind;
  f.sourceBodyId = q.sourceBodyId;
  f.dueFrom = q.dueFrom;
  f.dueTo = q.dueTo;
  if (q.q) f.words = foldVietnamese(q.q).split(/\s+/).filter(Boolean);
  // The page's ids and the total in one narrow pass (the sort carries no wide rows), then those rows in full.
  const page = await taskListPage(ctx.db, f, q.sort, q.pageSize, (q.page - 1) * q.pageSize);
  const total = page[0]?.total ?? (q.page > 1 ? await taskListCount(ctx.db, f) : 0);
  const full = page.length
    ? await taskListRowsByIds(
        ctx.db,
        page.map((r) => r.id),
      )
    : [];
  const byId = new Map(full.map((r) => [r.id, r]));
  const rows = page.map((r) => byId.get(r.id)!);
  return { items: rows.map((r) => listItemOf(r, today)), page: q.page, pageSize: q.pageSize, total };
}

/** A conclusion's action items that no task follows yet, newest notice first. */
export async function pendingActionItems(ctx: RequestContext, orgId: string) {
  await ctx.assertOrg(orgId, 'read');
  const rows = await pendingConclusionActionItems(ctx.db, orgId, ctx.user.clearance);
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    leads: r.leads ?? [],
    dueDate: r.due_date,
    dueLabel: r.due_label,
    conclusionSymbol: r.symbol,
    issuedOn: r.issued_on,
    meetingId: r.meeting_id,
    meetingTitle: r.title,
  }));
}

import { addDays, isQuorate, noticeCheck, weekdayIndex } from '@quyche/core';
import type { MeetingRow } from '@quyche/db';
import {
  getMeeting,
  homeAttendanceCounts,
  homeOverdueByLead,
  homeTaskSupervisors,
  homeUnreadNotifications,
} from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { listConsultations } from './consultation.service.js';
import { listMeetings } from './meeting.service.js';
import { regulationFor } from './regulation-in-force.js';
import { loadBody } from './meeting.load.js';
import { listTasks, pendingActionItems } from './task-list.service.js';

const qs = (o: Record<string, string | undefined>) => {
  const p = new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => Boolean(e[1])));
  return p.size ? `?${p}` : '';
};

/**
 * "Việc của tôi": every figure is the total of the list it links to, computed by that list's own query with the
 * same filters, so the home page and the list cannot disagree.
 */
export async function homeOf(ctx: RequestContext) {
  const today = ctx.today();
  const from = addDays(today, -weekdayIndex(today));
  const to = addDays(from, 6);
  const personId = ctx.user.personId;
  const mine = personId ? ('1' as const) : undefined;
  const taskQuery = { sort: 'due' as const, page: 1, pageSize: 5, mine };
  const [overdue, dueThisWeek, open] = await Promise.all([
    listTasks(ctx, { ...taskQuery, state: 'overdue' }),
    listTasks(ctx, { ...taskQuery, state: 'open', dueFrom: today, dueTo: to }),
    listTasks(ctx, { ...taskQuery, state: 'open', pageSize: 1 }),
  ]);
  const taskHref = (o: Record<string, string | undefined>) => `/tasks${qs({ ...o, mine })}`;
  const supervisors = personId
    ? new Map(
        (
          await homeTaskSupervisors(
            ctx.db,
            [...overdue.items, ...dueThisWeek.items].map((t) => t.id),
          )
        ).map((r) => [r.id, r.s]),
      )
    : new Map<string, string | null>();
  const line = (t: (typeof overdue.items)[number]) => ({
    id: t.id,
    title: t.title,
    due: t.status.due,
    overdue: t.status.overdue,
    leadName: t.lead?.name ?? null,
    role: !personId
      ? ('org' as const)
      : t.lead?.id === personId
        ? ('lead' as const)
        : supervisors.get(t.id) === personId
          ? ('supervise' as const)
          : ('support' as const),
  });

  return {
    today,
    week: { from, to },
    taskScope: personId ? ('person' as const) : ('organization' as const),
    tasks: {
      overdue: { count: overdue.total, href: taskHref({ state: 'overdue' }) },
      dueThisWeek: { count: dueThisWeek.total, href: taskHref({ state: 'open', from: today, to }) },
      open: { count: open.total, href: taskHref({}) },
      items: [...overdue.items, ...dueThisWeek.items].map(line),
    },
    meetings: await meetingsOfWeek(ctx, from, to, today),
    consultations: await consultationsToAnswer(ctx, today),
    notifications: await unreadNotifications(ctx),
    conclusions: await conclusionsToFollow(ctx),
    supervision: ctx.user.grants.some((g) => g.role === 'leader') ? await supervision(ctx, today) : null,
  };
}

/** This week's meetings, each with what it still lacks, in the words of the regulation's checks. */
async function meetingsOfWeek(ctx: RequestContext, from: string, to: string, today: string) {
  const list = await listMeetings(ctx, { from, to });
  const items = [];
  for (const item of list) {
    const m = (await getMeeting(ctx.db, item.id)) as MeetingRow;
    items.push({
      id: item.id,
      title: item.title,
      bodyName: item.bodyName,
      date: item.meetingDate,
      startsAt: item.startsAt,
      state: item.state,
      lacks: await lacksOf(ctx, m, today),
    });
  }
  return { count: list.length, href: `/meetings${qs({ view: 'week', week: from })}`, items };
}

async function lacksOf(ctx: RequestContext, m: MeetingRow, today: string): Promise<string[]> {
  if (m.state === 'cancelled' || m.state === 'minutes_approved') return [];
  const lacks: string[] = [];
  const body = await loadBody(ctx.db, m.body_id);
  const reg = (await regulationFor(ctx.db, m.org_id, m.meeting_date))?.reg;
  const ahead = m.state === 'planned' || m.state === 'convened';
  if (m.state === 'planned') lacks.push('Chưa triệu tập');
  if (ahead && !m.documents_sent_on) {
    let late = false;
    try {
      late = reg ? !noticeCheck(reg, body.kind, m.meeting_date, today).result.ok : false;
    } catch {
      // A regulation with no notice period for this body: nothing to be late against.
    }
    lacks.push(late ? 'Chưa gửi tài liệu, đã quá thời hạn gửi theo quy chế' : 'Chưa gửi tài liệu');
  }
  if (ahead && reg) {
    const rows = await homeAttendanceCounts(ctx.db, m.id);
    if (rows.summoned > 0 && rows.out > 0) {
      try {
        const q = isQuorate(
          reg,
          body.kind,
          { summoned: rows.summoned, present: rows.summoned - rows.out },
          m.meeting_date,
          m.kind,
        );
        if (!q.result.valid) lacks.push(`Có nguy cơ không đủ số lượng: ${rows.out} người đã báo vắng`);
      } catch {
        // No quorum rule for this body.
      }
    }
  }
  if (m.state === 'closed') lacks.push('Biên bản chưa được thông qua');
  return lacks;
}

/** Consultations sent to the user's organizations (or to the user) that they have not answered yet. */
async function consultationsToAnswer(ctx: RequestContext, today: string) {
  const items = (await listConsultations(ctx, { awaiting: '1' })).map((c) => ({
    id: c.id,
    title: c.title,
    orgName: c.orgName,
    deadline: c.deadline,
    late: c.deadline < today,
  }));
  return { count: items.length, href: '/consultations?awaiting=1', items: items.slice(0, 5) };
}

async function unreadNotifications(ctx: RequestContext) {
  const rows = await homeUnreadNotifications(ctx.db, ctx.user.id);
  return {
    unread: rows[0]?.total ?? 0,
    href: '/notifications?unread=1',
    items: rows.map((n) => ({
      id: n.id,
      title: n.title,
      createdAt: new Date(n.created_at).toISOString(),
      href: n.task_id ? `/tasks/${n.task_id}` : null,
    })),
  };
}

/** Action items of issued conclusions that no task follows yet, in the organizations the account writes for. */
async function conclusionsToFollow(ctx: RequestContext) {
  const orgs = [...new Set(ctx.user.grants.map((g) => g.orgId))];
  const items = (await Promise.all(orgs.map((o) => pendingActionItems(ctx, o)))).flat();
  return {
    count: items.length,
    // The register of notices, filtered to the one organization when there is one, shows the same pending total.
    href: orgs.length === 1 ? `/conclusions?orgId=${orgs[0]}` : '/conclusions',
    items: items.slice(0, 5).map((i) => ({
      id: i.id,
      text: i.text,
      symbol: i.conclusionSymbol,
      issuedOn: i.issuedOn,
      meetingId: i.meetingId,
    })),
  };
}

/**
 * For a leader: the overdue tasks of the organizations they lead, by leading unit (each group a filter of the task
 * list); the same predicate as the task list's "quá hạn" filter.
 */
async function supervision(ctx: RequestContext, today: string) {
  const all = await listTasks(ctx, { state: 'overdue', sort: 'due', page: 1, pageSize: 1 });
  const covered = await ctx.coveredOrgs('read');
  const groups = await homeOverdueByLead(ctx.db, covered, ctx.user.clearance, today);
  return {
    overdue: { count: all.total, href: '/tasks?state=overdue' },
    byUnit: groups.map((g) => ({
      name: g.lead_name,
      overdue: g.n,
      href: `/tasks${qs({ state: 'overdue', lead: g.lead_id })}`,
    })),
  };
}

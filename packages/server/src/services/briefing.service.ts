import {
  BRIEFING_TASK_STATE_LABELS,
  briefingStateRank,
  compareVietnamese,
  countByState,
  daysOverdue,
  HELD_STATES,
  presentingUnitMatcher,
  ProblemError,
  taskStateAtEnd,
} from '@quyche/core';
import type { BriefingTaskState, ReviewPeriod } from '@quyche/core';
import { briefingPresentedItems, briefingTasks, briefingUnits, getOrganization } from '@quyche/db';
import type { BriefingTaskRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { periodOfQuery } from './review.service.js';

/**
 * The briefing of the advisory units (giao ban các ban tham mưu, giúp việc) over a quarter or half-year: per unit,
 * the tasks it led and supported that were under way in the period with where each stood at its end, what it
 * presented to the BTV and the TT, and its work with the other units. Independent reads run together.
 */

interface Unit {
  id: string;
  name: string;
}

type TaskRow = BriefingTaskRow;
type AgendaRow = Awaited<ReturnType<typeof briefingPresentedItems>>[number];

type Role = 'lead' | 'support';

const leads = (t: TaskRow, unitId: string) => t.lead_kind === 'unit' && t.lead_id === unitId;
const supports = (t: TaskRow, unitId: string) => (t.supporting ?? []).some((s) => s.kind === 'unit' && s.id === unitId);

/** A task as the briefing shows it, read on the period's end. */
function presentTask(t: TaskRow, end: string) {
  const state = taskStateAtEnd(
    {
      doneOn: t.done_on,
      reportedOn: t.reported_on,
      dueAtEnd: t.due_at_end,
      openAtEnd: t.open_at_end,
      overdueAtEnd: t.overdue_at_end,
    },
    end,
  );
  return {
    taskId: t.id,
    title: t.title,
    leadName: t.lead_name,
    dueDate: t.due_at_end,
    dueLabel: t.due_label,
    dueMeetingId: t.due_meeting_id,
    dueMeetingDate: t.due_meeting_date,
    assignedOn: t.assigned_on,
    doneOn: t.done_on && t.done_on <= end ? t.done_on : null,
    state,
    stateLabel_vi: BRIEFING_TASK_STATE_LABELS[state].vi,
    daysOverdue: state === 'overdue' && t.due_at_end ? daysOverdue(t.due_at_end, end) : null,
  };
}
type BriefingTask = ReturnType<typeof presentTask>;

const byStateThenDue = (a: BriefingTask, b: BriefingTask) =>
  briefingStateRank(a.state) - briefingStateRank(b.state) ||
  (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
  compareVietnamese(a.title, b.title);

function group(items: BriefingTask[]) {
  const sorted = [...items].sort(byStateThenDue);
  return { counts: countByState(sorted.map((x) => x.state)), items: sorted };
}

/** Tasks led with another advisory unit supporting, and supported with another leading: one row per other unit. */
function coordinationOf(unit: Unit, tasks: { row: TaskRow; view: BriefingTask }[], units: Unit[]) {
  const others = units.filter((u) => u.id !== unit.id);
  const rows: {
    taskId: string;
    title: string;
    role: Role;
    otherUnitId: string;
    otherUnit: string;
    dueDate: string | null;
    state: BriefingTaskState;
    stateLabel_vi: string;
  }[] = [];
  for (const { row, view } of tasks) {
    const base = {
      taskId: view.taskId,
      title: view.title,
      dueDate: view.dueDate,
      state: view.state,
      stateLabel_vi: view.stateLabel_vi,
    };
    if (leads(row, unit.id))
      for (const o of others.filter((o) => supports(row, o.id)))
        rows.push({ ...base, role: 'lead', otherUnitId: o.id, otherUnit: o.name });
    else
      for (const o of others.filter((o) => leads(row, o.id)))
        rows.push({ ...base, role: 'support', otherUnitId: o.id, otherUnit: o.name });
  }
  return rows.sort(
    (a, b) =>
      briefingStateRank(a.state) - briefingStateRank(b.state) ||
      compareVietnamese(a.otherUnit, b.otherUnit) ||
      compareVietnamese(a.title, b.title),
  );
}

function unitBriefing(
  unit: Unit,
  units: Unit[],
  tasks: TaskRow[],
  agenda: AgendaRow[],
  org: { name: string; shortName: string | null },
  end: string,
) {
  const mine = tasks
    .filter((t) => leads(t, unit.id) || supports(t, unit.id))
    .map((row) => ({ row, view: presentTask(row, end) }));
  const led = mine.filter((x) => leads(x.row, unit.id));
  const supported = mine.filter((x) => !leads(x.row, unit.id));
  const overdue = mine
    .filter((x) => x.view.state === 'overdue')
    .map((x) => ({ ...x.view, role: (leads(x.row, unit.id) ? 'lead' : 'support') as Role }))
    .sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || compareVietnamese(a.title, b.title));
  const isMine = presentingUnitMatcher(unit.name, org);
  const presented = agenda
    .filter((a) => isMine(a.presenting_unit))
    .map((a) => ({
      meetingId: a.meeting_id,
      meetingTitle: a.meeting_title,
      meetingDate: a.meeting_date,
      bodyName: a.body_name,
      agendaItemId: a.agenda_item_id,
      agendaItemTitle: a.agenda_item_title,
    }));
  return {
    bodyId: unit.id,
    name: unit.name,
    tasksLed: group(led.map((x) => x.view)),
    tasksSupported: group(supported.map((x) => x.view)),
    overdue,
    presented,
    coordination: coordinationOf(unit, mine, units),
  };
}

async function loadUnits(sql: Sql, orgId: string, period: ReviewPeriod, clearance: number, unitId: string | undefined) {
  const units = (await briefingUnits(sql, orgId, period, clearance)).sort((a, b) => compareVietnamese(a.name, b.name));
  const shown = unitId ? units.filter((u) => u.id === unitId) : units;
  if (unitId && shown.length === 0) {
    throw new ProblemError('NOT_FOUND', {
      code: 'KHONG_CO_BAN_THAM_MUU',
      field: 'query.unitId',
      detail: 'Không có cơ quan tham mưu, giúp việc này của tổ chức trong kỳ đã chọn',
    });
  }
  return { units, shown };
}

export async function organizationBriefing(
  ctx: RequestContext,
  orgId: string,
  q: { from?: string; to?: string; period?: string; unitId?: string },
) {
  await ctx.assertOrg(orgId, 'read');
  const org = await getOrganization(ctx.db, orgId);
  if (!org) throw new ProblemError('NOT_FOUND');
  const today = ctx.today();
  const period = await periodOfQuery(ctx.db, orgId, q, today);
  const end = period.to < today ? period.to : today;
  const clearance = ctx.user.clearance;
  const { units, shown } = await loadUnits(ctx.db, orgId, period, clearance, q.unitId);
  const covered = await ctx.coveredOrgs('read');
  const [tasks, agenda] = await Promise.all([
    units.length
      ? briefingTasks(ctx.db, { unitIds: units.map((u) => u.id), from: period.from, end, clearance, orgIds: covered })
      : Promise.resolve([]),
    briefingPresentedItems(ctx.db, { orgId, from: period.from, end, clearance, states: HELD_STATES }),
  ]);
  const names = { name: org.name, shortName: org.short_name ?? null };
  return {
    orgId,
    orgName: org.short_name ?? org.name,
    from: period.from,
    to: period.to,
    asOf: end,
    period,
    periodLabel: period.label_vi,
    units: shown.map((u) => unitBriefing(u, units, tasks, agenda, names, end)),
  };
}

import { checkSixClear, ProblemError, TASK_TRANSITIONS, taskStatus, todayInVietnam } from '@quyche/core';
import type { TaskDraft, TaskLead } from '@quyche/core';
import {
  taskById,
  taskExtensionsOf,
  taskFilesOf,
  taskMilestonesOf,
  taskPersonName,
  taskReportsOf,
  tasksBySourceIds,
  taskSourceBody,
  taskSourceMeeting,
  taskSourceProgram,
} from '@quyche/db';
import type { Sql, TaskListRow, TaskRow } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { competence, regulationFor } from './regulation-in-force.js';

// The row types live with their queries in @quyche/db; the task services import them from here.
export type { TaskListRow, TaskRow } from '@quyche/db';

export const leadOf = (t: Pick<TaskRow, 'lead_kind' | 'lead_id' | 'lead_name'>): TaskLead | null =>
  t.lead_kind && t.lead_id ? { kind: t.lead_kind, id: t.lead_id, name: t.lead_name ?? '' } : null;

/** The columns a task and a program item state their 6 rõ in (an item has no due label). */
type SixClearColumns = Pick<
  TaskRow,
  | 'title'
  | 'lead_kind'
  | 'lead_id'
  | 'lead_name'
  | 'supporting'
  | 'due_date'
  | 'due_meeting_id'
  | 'supervisor_person_id'
  | 'deciding_body'
  | 'product'
> & { due_label?: string | null };

/** The 6 rõ of a task, or of a program item, as its columns state them. */
export function sixClearOf(t: SixClearColumns) {
  const lead = leadOf(t);
  const draft: TaskDraft = {
    title: t.title,
    leads: lead ? [lead] : [],
    supporting: t.supporting ?? [],
    due: { date: t.due_date, meetingId: t.due_meeting_id, label: t.due_label },
    supervisorId: t.supervisor_person_id,
    decidingBody: t.deciding_body,
    product: t.product,
  };
  return checkSixClear(draft);
}

/**
 * A task belongs to the organization that assigned it and is worked by its lead's: both may read it; the lead's
 * staff report progress and ask for extensions (`lead`); editing, moving and deciding stay with the assigner (`write`).
 */
export async function loadTask(ctx: RequestContext, id: string, action: 'read' | 'lead' | 'write' | 'decide' = 'read') {
  const t = await taskById(ctx.db, id);
  if (!t) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy nhiệm vụ' });
  ctx.assertClearance(t.confidentiality);
  // Deciding (an extension, accepting a result) belongs to the assigning organization, not the lead's.
  if (action === 'decide') {
    await ctx.assertOrg(t.org_id, 'decide', t.confidentiality);
    return t;
  }
  const need = action === 'read' ? 'read' : 'write';
  if (await ctx.can(t.org_id, need, t.confidentiality)) return t;
  if (action !== 'write' && t.lead_org_id && (await ctx.can(t.lead_org_id, need, t.confidentiality))) return t;
  await ctx.assertOrg(t.org_id, need, t.confidentiality);
  return t;
}

/** The level that decides an extension: the body that assigned the task, else the deciding level it names. */
export async function extensionAuthority(sql: Sql, t: TaskRow): Promise<{ code: string; name: string } | null> {
  if (t.source_body_id) {
    const b = await taskSourceBody(sql, t.source_body_id);
    if (b) return { code: b.kind, name: b.name };
  }
  if (!t.deciding_body) return null;
  const r = await regulationFor(sql, t.org_id, todayInVietnam());
  const name =
    r?.reg.frontMatter.bodies?.[t.deciding_body]?.name ??
    r?.reg.frontMatter.roles?.[t.deciding_body] ??
    t.deciding_body;
  return { code: t.deciding_body, name };
}

export function listItemOf(t: TaskListRow, today: string) {
  const st = taskStatus({ state: t.state, dueDate: t.due_date, extendedTo: t.extended_to }, today);
  return {
    id: t.id,
    orgId: t.org_id,
    title: t.title,
    state: t.state,
    status: { overdue: st.overdue, extended: st.extended, due: st.due, label_vi: st.label_vi },
    lead: leadOf(t),
    dueDate: t.due_date,
    dueLabel: t.due_label,
    extendedTo: t.extended_to,
    percent: Number(t.percent),
    supervisorName: t.supervisor_name ?? null,
    sourceKind: t.source_kind,
    sourceLabel: t.source_label,
    dueMeetingId: t.due_meeting_id,
    assignedOn: t.assigned_on,
    leadOrgId: t.lead_org_id,
    version: t.version,
  };
}

export async function taskView(ctx: RequestContext, t: TaskRow) {
  const today = ctx.today();
  const supervisor = t.supervisor_person_id ? await taskPersonName(ctx.db, t.supervisor_person_id) : undefined;
  const sourceBody = t.source_body_id ? await taskSourceBody(ctx.db, t.source_body_id) : undefined;
  const milestones = await taskMilestonesOf(ctx.db, t.id);
  const reports = await taskReportsOf(ctx.db, t.id);
  const files = await taskFilesOf(ctx.db, t.id);
  const extensions = await taskExtensionsOf(ctx.db, t.id);
  let comp = null;
  if (t.matter && t.deciding_body) {
    const r = await regulationFor(ctx.db, t.org_id, t.assigned_on ?? today);
    if (r) {
      const name =
        r.reg.frontMatter.bodies?.[t.deciding_body]?.name ??
        r.reg.frontMatter.roles?.[t.deciding_body] ??
        t.deciding_body;
      comp = competence(r.reg, t.deciding_body, name, t.matter, t.matter_attributes ?? {}, t.assigned_on ?? today);
    }
  }
  const write = await ctx.can(t.org_id, 'write', t.confidentiality);
  const report = write || (t.lead_org_id !== null && (await ctx.can(t.lead_org_id, 'write', t.confidentiality)));
  let decidingBodyName: string | null = null;
  if (t.deciding_body) {
    const r = await regulationFor(ctx.db, t.org_id, t.assigned_on ?? today);
    decidingBodyName =
      r?.reg.frontMatter.bodies?.[t.deciding_body]?.name ??
      r?.reg.frontMatter.roles?.[t.deciding_body] ??
      t.deciding_body;
  }
  const sourceMeeting =
    t.source_kind === 'conclusion_item' && t.source_id ? await taskSourceMeeting(ctx.db, t.source_id) : undefined;
  const sourceProgram =
    t.source_kind === 'program_item' && t.source_id ? await taskSourceProgram(ctx.db, t.source_id) : undefined;
  return {
    ...listItemOf({ ...t, supervisor_name: supervisor?.full_name ?? null }, today),
    supporting: t.supporting ?? [],
    supervisorPersonId: t.supervisor_person_id,
    decidingBody: t.deciding_body,
    matter: t.matter,
    product: t.product,
    accountability: t.accountability,
    sourceId: t.source_id,
    sourceBodyId: t.source_body_id,
    sourceBodyName: sourceBody?.name ?? null,
    weight: t.weight,
    doneOn: t.done_on,
    exceeded: t.exceeded_note ?? null,
    decidingBodyName,
    sourceMeetingId: sourceMeeting?.meeting_id ?? null,
    sourceProgramId: sourceProgram?.program_id ?? null,
    // readOrg: the assigning organization's page and bodies
    // (a unit leading a task assigned from above may not read them).
    can: {
      write,
      report,
      decide: await ctx.can(t.org_id, 'decide', t.confidentiality),
      readOrg: await ctx.can(t.org_id, 'read'),
    },
    confidentiality: t.confidentiality,
    allowedSteps: [...TASK_TRANSITIONS[t.state]],
    sixClear: sixClearOf(t),
    competence: comp,
    extensionAuthority: await extensionAuthority(ctx.db, t),
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueDate: m.due_date, doneOn: m.done_on })),
    reports: reports.map((r) => ({
      id: r.id,
      reportedOn: r.reported_on,
      percent: Number(r.percent),
      text: r.text,
      files: files.filter((f) => f.report_id === r.id).map((f) => ({ id: f.id, fileName: f.file_name, size: f.size })),
    })),
    extensions: extensions.map((e) => ({
      id: e.id,
      requestedOn: e.requested_on,
      requestedTo: e.requested_to,
      reason: e.reason,
      state: e.state,
      decidedOn: e.decided_on,
      decidedBy: e.decided_by,
      decisionRef: e.decision_ref,
      note: e.note,
      version: e.version,
    })),
  };
}

/** The tasks following each of these records (program items, inspections, recommendations), within clearance. */
export async function tasksBySource(ctx: RequestContext, kind: string, ids: string[]) {
  const out = new Map<string, (ReturnType<typeof listItemOf> & { weight: number })[]>();
  if (ids.length === 0) return out;
  const today = ctx.today();
  const rows = await tasksBySourceIds(ctx.db, kind, ids, ctx.user.clearance);
  for (const r of rows)
    out.set(r.source_id!, [...(out.get(r.source_id!) ?? []), { ...listItemOf(r, today), weight: r.weight }]);
  return out;
}

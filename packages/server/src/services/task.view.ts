import { checkSixClear, ProblemError, TASK_TRANSITIONS, taskStatus, todayInVietnam } from '@quyche/core';
import type { TaskDraft, TaskLead, TaskState } from '@quyche/core';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { competence, regulationFor } from './regulation-in-force.js';

export interface TaskRow {
  id: string;
  org_id: string;
  title: string;
  lead_kind: 'unit' | 'person' | null;
  lead_id: string | null;
  lead_name: string | null;
  lead_org_id: string | null;
  supporting: (Omit<TaskLead, 'id'> & { id: string | null })[];
  due_date: string | null;
  due_meeting_id: string | null;
  due_label: string | null;
  extended_to: string | null;
  supervisor_person_id: string | null;
  deciding_body: string | null;
  matter: string | null;
  matter_attributes: Record<string, unknown>;
  product: string | null;
  accountability: string | null;
  source_kind: string;
  source_id: string | null;
  source_label: string | null;
  source_body_id: string | null;
  state: TaskState;
  percent: number;
  weight: number;
  assigned_on: string | null;
  done_on: string | null;
  confidentiality: number;
  version: number;
}

export const leadOf = (t: Pick<TaskRow, 'lead_kind' | 'lead_id' | 'lead_name'>): TaskLead | null =>
  t.lead_kind && t.lead_id ? { kind: t.lead_kind, id: t.lead_id, name: t.lead_name ?? '' } : null;

export function sixClearOf(t: TaskRow) {
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
  const t = (await ctx.db.query<TaskRow>('select * from task where id = $1', [id])).rows[0];
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
    const b = (
      await sql.query<{ kind: string; name: string }>('select kind, name from body where id = $1', [t.source_body_id])
    ).rows[0];
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

/** The columns a list item is made of. */
export type TaskListRow = Pick<
  TaskRow,
  | 'id'
  | 'org_id'
  | 'title'
  | 'state'
  | 'lead_kind'
  | 'lead_id'
  | 'lead_name'
  | 'lead_org_id'
  | 'due_date'
  | 'due_label'
  | 'extended_to'
  | 'percent'
  | 'source_kind'
  | 'source_label'
  | 'due_meeting_id'
  | 'assigned_on'
  | 'version'
> & { supervisor_name?: string | null };

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
  const q = <T>(sql: string, p: unknown[]) => ctx.db.query<T>(sql, p).then((r) => r.rows);
  const [supervisor] = t.supervisor_person_id
    ? await q<{ full_name: string }>('select full_name from person where id = $1', [t.supervisor_person_id])
    : [];
  const [sourceBody] = t.source_body_id
    ? await q<{ name: string; kind: string }>('select name, kind from body where id = $1', [t.source_body_id])
    : [];
  const milestones = await q<{ id: string; title: string; due_date: string; done_on: string | null }>(
    'select id, title, due_date, done_on from task_milestone where task_id = $1 order by position',
    [t.id],
  );
  const reports = await q<{ id: string; reported_on: string; percent: number; text: string }>(
    'select id, reported_on, percent, text from task_report where task_id = $1 order by reported_on, created_at',
    [t.id],
  );
  const files = await q<{ id: string; report_id: string | null; file_name: string; size: number }>(
    'select id, report_id, file_name, size from task_file where task_id = $1 order by created_at',
    [t.id],
  );
  const extensions = await q<{
    id: string;
    requested_on: string;
    requested_to: string;
    reason: string;
    state: string;
    decided_on: string | null;
    decided_by: string | null;
    decision_ref: string | null;
    note: string | null;
    version: number;
  }>('select * from task_extension where task_id = $1 order by created_at', [t.id]);
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
  const [sourceMeeting] =
    t.source_kind === 'conclusion_item' && t.source_id
      ? await q<{ meeting_id: string }>(
          'select c.meeting_id from conclusion_item i join conclusion c on c.id = i.conclusion_id where i.id = $1',
          [t.source_id],
        )
      : [];
  const [sourceProgram] =
    t.source_kind === 'program_item' && t.source_id
      ? await q<{ program_id: string }>('select program_id from program_item where id = $1', [t.source_id])
      : [];
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
    decidingBodyName,
    sourceMeetingId: sourceMeeting?.meeting_id ?? null,
    sourceProgramId: sourceProgram?.program_id ?? null,
    // readOrg: the assigning organization's page and bodies (a unit leading a task assigned from above may not read them).
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
  const rows = (
    await ctx.db.query<TaskRow & { supervisor_name: string | null }>(
      `select t.*, p.full_name as supervisor_name from task t left join person p on p.id = t.supervisor_person_id
       where t.source_kind = $1 and t.source_id = any($2::uuid[]) and t.confidentiality <= $3 order by t.due_effective nulls last, t.id`,
      [kind, ids, ctx.user.clearance],
    )
  ).rows;
  for (const r of rows)
    out.set(r.source_id!, [...(out.get(r.source_id!) ?? []), { ...listItemOf(r, today), weight: r.weight }]);
  return out;
}

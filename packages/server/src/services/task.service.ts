import {
  canTransition,
  checkSixClear,
  foldVietnamese,
  OPEN_TASK_STATES,
  ProblemError,
  invalidField,
  ruleViolation,
} from '@quyche/core';
import type { TaskLead, TaskState } from '@quyche/core';
import type { CreateTaskSchema, FromConclusionSchema, TaskTransitionSchema, UpdateTaskSchema } from '@quyche/core';
import {
  conclusionItemForTask,
  deleteTaskMilestones,
  getMeeting,
  getPerson,
  insertTask as insertTaskRow,
  insertTaskMilestones,
  setTaskSearchText,
  taskBodyScope,
  taskIdForConclusionItem,
  taskUnitLeadScope,
  touchTask,
  uuidv7,
} from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { updateVersioned } from './sql-update.js';
import { loadTask, sixClearOf, taskView } from './task.view.js';
import type { TaskRow } from './task.view.js';

/**
 * Tasks with the 6 rõ (Kết luận 226-KL/TW): exactly one lead — two are refused, none keeps the task a draft —, and
 * whatever else of the 6 rõ is missing is named; a task is assigned only once all are stated.
 */
export async function getTask(ctx: RequestContext, id: string) {
  return taskView(ctx, await loadTask(ctx, id));
}

/** The organization a lead belongs to: a body's organization, an organization itself, a person's organization. */
export async function leadOrg(ctx: RequestContext, lead: TaskLead, field: string): Promise<string> {
  const notFound = () => invalidField(field, `Không tìm thấy đơn vị, người chủ trì "${lead.name}"`);
  let orgId: string | undefined;
  let confidentiality = 0;
  if (lead.kind === 'person') {
    const p = await getPerson(ctx.db, lead.id);
    orgId = p?.org_id;
    confidentiality = p?.confidentiality ?? 0;
  } else {
    const r = await taskUnitLeadScope(ctx.db, lead.id);
    orgId = r?.org_id;
    confidentiality = r?.confidentiality ?? 0;
  }
  if (!orgId || !(await ctx.can(orgId, 'read', confidentiality))) throw notFound();
  return orgId;
}

/**
 * The lead columns of a task or a program item from the leads named (`at`: where they are in the body): refused when
 * two leads are named (one lead, the rule of the six clear points); none while the work waits for its lead.
 */
export async function leadColumnsOf(ctx: RequestContext, title: string | undefined, leads: TaskLead[], at: string) {
  const six = checkSixClear({ title, leads });
  if (six.refused)
    throw new ProblemError('RULE_VIOLATION', {
      code: six.refused.rule,
      title: 'Mỗi nhiệm vụ chỉ có một đầu mối chủ trì',
      detail: six.refused.message_vi,
      field: `${at}.leads`,
    });
  const lead = leads[0];
  return {
    lead_kind: lead?.kind ?? null,
    lead_id: lead?.id ?? null,
    lead_name: lead?.name ?? null,
    lead_org_id: lead ? await leadOrg(ctx, lead, `${at}.leads.0`) : null,
  };
}

export async function assertVisible(
  ctx: RequestContext,
  kind: 'person' | 'meeting' | 'body',
  id: string,
  field: string,
  orgId?: string,
) {
  let row: { org_id: string; confidentiality: number } | undefined;
  if (kind === 'person') row = await getPerson(ctx.db, id);
  else if (kind === 'meeting') row = await getMeeting(ctx.db, id);
  else row = await taskBodyScope(ctx.db, id);
  const ok = row && (await ctx.can(row.org_id, 'read', row.confidentiality)) && (!orgId || row.org_id === orgId);
  if (!ok)
    throw invalidField(
      field,
      kind === 'person'
        ? 'Không tìm thấy người này'
        : kind === 'meeting'
          ? 'Không tìm thấy kỳ họp làm hạn'
          : 'Cơ quan giao việc phải là cơ quan của tổ chức này',
    );
}

type Fields = In<typeof UpdateTaskSchema>;

/** Checks what a create or an update names, and refuses two leads naming the rule. */
export async function checkFields(ctx: RequestContext, f: Partial<Fields>) {
  const lead = await leadColumnsOf(ctx, f.title, f.leads ?? [], 'body');
  if (f.supervisorPersonId) await assertVisible(ctx, 'person', f.supervisorPersonId, 'body.supervisorPersonId');
  if (f.dueMeetingId) await assertVisible(ctx, 'meeting', f.dueMeetingId, 'body.dueMeetingId');
  if (f.milestones?.some((m) => f.dueDate && m.dueDate > f.dueDate))
    throw invalidField('body.milestones', 'Mốc tiến độ không được sau hạn hoàn thành');
  return { lead };
}

const searchText = (t: {
  title: string;
  lead_name?: string | null;
  source_label?: string | null;
  product?: string | null;
}) => foldVietnamese(`${t.title} ${t.lead_name ?? ''} ${t.source_label ?? ''} ${t.product ?? ''}`);

async function insertTask(
  ctx: RequestContext,
  tx: Sql,
  row: Omit<TaskRow, 'id' | 'version' | 'percent' | 'done_on' | 'state' | 'assigned_on' | 'exceeded_note'> & {
    assign: boolean;
    today: string;
  },
  milestones: { title: string; dueDate: string }[] = [],
) {
  const id = uuidv7();
  const draftRow = {
    ...row,
    id,
    version: 1,
    percent: 0,
    done_on: null,
    state: 'draft' as TaskState,
    assigned_on: null,
    exceeded_note: null,
  };
  const complete = sixClearOf(draftRow as TaskRow).complete;
  const state: TaskState = row.assign && complete ? 'assigned' : 'draft';
  await insertTaskRow(tx, {
    id,
    org_id: row.org_id,
    title: row.title,
    lead_kind: row.lead_kind,
    lead_id: row.lead_id,
    lead_name: row.lead_name,
    lead_org_id: row.lead_org_id,
    supporting: row.supporting ?? [],
    due_date: row.due_date,
    due_meeting_id: row.due_meeting_id,
    due_label: row.due_label,
    extended_to: row.extended_to,
    supervisor_person_id: row.supervisor_person_id,
    deciding_body: row.deciding_body,
    matter: row.matter,
    matter_attributes: row.matter_attributes ?? {},
    product: row.product,
    accountability: row.accountability,
    source_kind: row.source_kind,
    source_id: row.source_id,
    source_label: row.source_label,
    source_body_id: row.source_body_id,
    state,
    weight: row.weight,
    assigned_on: state === 'assigned' ? row.today : null,
    confidentiality: row.confidentiality,
    search_text: searchText(row),
  });
  await insertTaskMilestones(tx, row.org_id, id, milestones);
  await ctx.auditChange(tx, 'create', ['task', id, row.org_id], { after: { ...row, state, milestones } });
  return id;
}

/**
 * `sourceId` links a task to the record it follows (a program item, an inspection, a recommendation); services only.
 */
export async function createTask(
  ctx: RequestContext,
  input: In<typeof CreateTaskSchema>,
  sourceId: string | null = null,
) {
  await ctx.assertOrg(input.orgId, 'write');
  ctx.assertClearance(input.confidentiality ?? 0);
  const { lead } = await checkFields(ctx, input);
  if (input.sourceBodyId) await assertVisible(ctx, 'body', input.sourceBodyId, 'body.sourceBodyId', input.orgId);
  const id = await ctx.db.transaction((tx) =>
    insertTask(
      ctx,
      tx,
      {
        org_id: input.orgId,
        title: input.title,
        ...lead,
        supporting: input.supporting ?? [],
        due_date: input.dueDate ?? null,
        due_meeting_id: input.dueMeetingId ?? null,
        due_label: input.dueLabel ?? null,
        extended_to: null,
        supervisor_person_id: input.supervisorPersonId ?? null,
        deciding_body: input.decidingBody ?? null,
        matter: input.matter ?? null,
        matter_attributes: input.matterAttributes ?? {},
        product: input.product ?? null,
        accountability: input.accountability ?? null,
        source_kind: input.sourceKind,
        source_id: sourceId,
        source_label: input.sourceLabel ?? null,
        source_body_id: input.sourceBodyId ?? null,
        weight: input.weight ?? 1,
        confidentiality: input.confidentiality ?? 0,
        assign: input.assign ?? true,
        today: ctx.today(),
      },
      input.milestones,
    ),
  );
  return getTask(ctx, id);
}

/** A conclusion's action item becomes a task, its 6 rõ carried over (one task per item). */
export async function taskFromConclusionItem(
  ctx: RequestContext,
  itemId: string,
  input: In<typeof FromConclusionSchema>,
) {
  const item = await conclusionItemForTask(ctx.db, itemId);
  if (!item) throw new ProblemError('NOT_FOUND', { detail: 'Không có mục kết luận này' });
  await ctx.assertOrg(item.org_id, 'write', item.confidentiality);
  if (item.kind !== 'action')
    throw ruleViolation('KHONG_PHAI_NHIEM_VU', 'Mục này là kết luận, không phải nhiệm vụ giao', 'params.itemId');
  const existing = await taskIdForConclusionItem(ctx.db, itemId);
  if (existing)
    throw new ProblemError('DUPLICATE', {
      field: 'params.itemId',
      detail: 'Mục kết luận này đã thành nhiệm vụ',
      taskId: existing.id,
    });
  const { lead } = await checkFields(ctx, { title: item.text, leads: item.leads ?? [] });
  const id = await ctx.db.transaction((tx) =>
    insertTask(
      ctx,
      tx,
      {
        org_id: item.org_id,
        title: item.text,
        ...lead,
        supporting: item.supporting ?? [],
        due_date: item.due_date,
        due_meeting_id: item.due_meeting_id,
        due_label: item.due_label,
        extended_to: null,
        supervisor_person_id: item.supervisor_person_id,
        deciding_body: item.deciding_body,
        matter: input.matter ?? null,
        matter_attributes: {},
        product: item.product,
        accountability: null,
        source_kind: 'conclusion_item',
        source_id: item.id,
        source_label: item.symbol,
        source_body_id: item.body_id,
        weight: 1,
        confidentiality: item.confidentiality,
        assign: input.assign ?? true,
        today: ctx.today(),
      },
      input.milestones,
    ),
  );
  return getTask(ctx, id);
}

export async function updateTask(ctx: RequestContext, id: string, input: In<typeof UpdateTaskSchema>) {
  const t = await loadTask(ctx, id, 'write');
  if (!OPEN_TASK_STATES.includes(t.state) && t.state !== 'draft')
    throw ruleViolation('TRANG_THAI_NHIEM_VU', 'Nhiệm vụ đã kết thúc: không sửa');
  const { version, milestones, leads, ...c } = input;
  const { lead } = await checkFields(ctx, { ...input, title: input.title ?? t.title });
  await ctx.db.transaction(async (tx) => {
    const fields: Record<string, unknown> = {
      title: c.title,
      supporting: c.supporting ? JSON.stringify(c.supporting) : undefined,
      due_date: c.dueDate,
      due_meeting_id: c.dueMeetingId,
      due_label: c.dueLabel,
      supervisor_person_id: c.supervisorPersonId,
      deciding_body: c.decidingBody,
      matter: c.matter,
      matter_attributes: c.matterAttributes ? JSON.stringify(c.matterAttributes) : undefined,
      product: c.product,
      accountability: c.accountability,
      weight: c.weight,
    };
    if (leads !== undefined) Object.assign(fields, lead);
    const after = (await updateVersioned(tx, 'task', id, version, fields)) as unknown as TaskRow;
    await setTaskSearchText(tx, id, searchText(after));
    if (milestones) {
      await deleteTaskMilestones(tx, id);
      await insertTaskMilestones(tx, t.org_id, id, milestones);
    }
    await ctx.auditChange(tx, 'update', ['task', id, t.org_id], { before: t, after: input });
  });
  return getTask(ctx, id);
}

/** Moves a task along its graph; assigning needs the 6 rõ complete, closing a task sets it at 100 %. */
export async function moveTask(ctx: RequestContext, id: string, input: In<typeof TaskTransitionSchema>) {
  // Accepting a reported result, or sending it back, is a decision (a leader may take it);
  // other steps are the office's.
  const seen = await loadTask(ctx, id, 'read');
  const t = await loadTask(
    ctx,
    id,
    seen.state === 'reported' && (input.to === 'done' || input.to === 'in_progress') ? 'decide' : 'write',
  );
  const c = canTransition(t.state, input.to, sixClearOf(t));
  if (!c.ok) throw ruleViolation('TRANG_THAI_NHIEM_VU', c.reason_vi, 'body.to');
  if ((input.to === 'cancelled' || input.to === 'transferred') && !input.note)
    throw invalidField('body.note', 'Hủy hoặc chuyển giao nhiệm vụ cần ghi lý do');
  if (input.exceeded && input.to !== 'done')
    throw invalidField('body.exceeded', 'Chỉ ghi "vượt mức yêu cầu" khi nhận kết quả nhiệm vụ');
  const on = input.on ?? ctx.today();
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'task', id, input.version, {
      state: input.to,
      assigned_on: input.to === 'assigned' ? on : undefined,
      done_on: input.to === 'done' ? on : undefined,
      percent: input.to === 'done' ? 100 : undefined,
      // Accepted beyond what was asked: said at acceptance, cleared if the result is sent back.
      exceeded_note: input.to === 'done' ? (input.exceeded ?? null) : input.to === 'in_progress' ? null : undefined,
      // What was open on a past date is read from these (a review as of a date).
      reported_on:
        input.to === 'reported' ? on : t.state === 'reported' && input.to === 'in_progress' ? null : undefined,
      closed_on: input.to === 'cancelled' || input.to === 'transferred' ? on : undefined,
    });
    await touchTask(tx, id);
    await ctx.auditChange(tx, input.to === 'done' ? 'accept' : 'transition', ['task', id, t.org_id], {
      before: { state: t.state },
      after: { state: input.to, on, note: input.note ?? null, ...(input.exceeded ? { exceeded: input.exceeded } : {}) },
    });
  });
  return getTask(ctx, id);
}

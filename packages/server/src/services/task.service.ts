import { canTransition, checkSixClear, foldVietnamese, OPEN_TASK_STATES, ProblemError } from '@quyche/core';
import type { TaskLead, TaskState } from '@quyche/core';
import type { z } from 'zod';
import type {
  CreateTaskSchema,
  FromConclusionSchema,
  TaskListQuerySchema,
  TaskTransitionSchema,
  UpdateTaskSchema,
} from '@quyche/core';
import { getMeeting, getPerson, uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { updateVersioned } from './sql-update.js';
import { listItemOf, loadTask, sixClearOf, taskView } from './task.view.js';
import type { TaskListRow, TaskRow } from './task.view.js';
import { overdueOnSql } from './task.asof.js';

type In<T extends z.ZodType> = z.output<T>;

/**
 * Tasks with the 6 rõ (Kết luận 226-KL/TW): exactly one lead — two are refused, none keeps the task a draft —, and
 * whatever else of the 6 rõ is missing is named; a task is assigned only once all are stated.
 */
export async function getTask(ctx: RequestContext, id: string) {
  return taskView(ctx, await loadTask(ctx, id));
}

/** The organization a lead belongs to: a body's organization, an organization itself, a person's organization. */
export async function leadOrg(ctx: RequestContext, lead: TaskLead, field: string): Promise<string> {
  const notFound = () =>
    new ProblemError('VALIDATION_FAILED', { field, detail: `Không tìm thấy đơn vị, người chủ trì "${lead.name}"` });
  let orgId: string | undefined;
  let confidentiality = 0;
  if (lead.kind === 'person') {
    const p = await getPerson(ctx.db, lead.id);
    orgId = p?.org_id;
    confidentiality = p?.confidentiality ?? 0;
  } else {
    const r = (
      await ctx.db.query<{ org_id: string; confidentiality: number }>(
        'select org_id, confidentiality from body where id = $1 union all select id, confidentiality from organization where id = $1',
        [lead.id],
      )
    ).rows[0];
    orgId = r?.org_id;
    confidentiality = r?.confidentiality ?? 0;
  }
  if (!orgId || !(await ctx.can(orgId, 'read', confidentiality))) throw notFound();
  return orgId;
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
  else
    row = (
      await ctx.db.query<{ org_id: string; confidentiality: number }>(
        'select org_id, confidentiality from body where id = $1',
        [id],
      )
    ).rows[0];
  const ok = row && (await ctx.can(row.org_id, 'read', row.confidentiality)) && (!orgId || row.org_id === orgId);
  if (!ok)
    throw new ProblemError('VALIDATION_FAILED', {
      field,
      detail:
        kind === 'person'
          ? 'Không tìm thấy người này'
          : kind === 'meeting'
            ? 'Không tìm thấy kỳ họp làm hạn'
            : 'Cơ quan giao việc phải là cơ quan của tổ chức này',
    });
}

type Fields = In<typeof UpdateTaskSchema>;

/** Checks what a create or an update names, and refuses two leads naming the rule. */
export async function checkFields(ctx: RequestContext, f: Partial<Fields>) {
  const six = checkSixClear({ title: f.title, leads: f.leads ?? [] });
  if (six.refused)
    throw new ProblemError('RULE_VIOLATION', {
      code: six.refused.rule,
      title: 'Mỗi nhiệm vụ chỉ có một đầu mối chủ trì',
      detail: six.refused.message_vi,
      field: 'body.leads',
    });
  const lead = f.leads?.[0];
  const leadOrgId = lead ? await leadOrg(ctx, lead, 'body.leads.0') : undefined;
  if (f.supervisorPersonId) await assertVisible(ctx, 'person', f.supervisorPersonId, 'body.supervisorPersonId');
  if (f.dueMeetingId) await assertVisible(ctx, 'meeting', f.dueMeetingId, 'body.dueMeetingId');
  if (f.milestones?.some((m) => f.dueDate && m.dueDate > f.dueDate))
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.milestones',
      detail: 'Mốc tiến độ không được sau hạn hoàn thành',
    });
  return { lead, leadOrgId };
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
  row: Omit<TaskRow, 'id' | 'version' | 'percent' | 'done_on' | 'state' | 'assigned_on'> & {
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
  };
  const complete = sixClearOf(draftRow as TaskRow).complete;
  const state: TaskState = row.assign && complete ? 'assigned' : 'draft';
  await tx.query(
    `insert into task (id, org_id, title, lead_kind, lead_id, lead_name, lead_org_id, supporting, due_date, due_meeting_id, due_label, extended_to, supervisor_person_id, deciding_body, matter, matter_attributes, product, accountability,
       source_kind, source_id, source_label, source_body_id, state, weight, assigned_on, confidentiality, search_text)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27)`,
    [
      id,
      row.org_id,
      row.title,
      row.lead_kind,
      row.lead_id,
      row.lead_name,
      row.lead_org_id,
      JSON.stringify(row.supporting ?? []),
      row.due_date,
      row.due_meeting_id,
      row.due_label,
      row.extended_to,
      row.supervisor_person_id,
      row.deciding_body,
      row.matter,
      JSON.stringify(row.matter_attributes ?? {}),
      row.product,
      row.accountability,
      row.source_kind,
      row.source_id,
      row.source_label,
      row.source_body_id,
      state,
      row.weight,
      state === 'assigned' ? row.today : null,
      row.confidentiality,
      searchText(row),
    ],
  );
  for (const [i, m] of milestones.entries())
    await tx.query(
      'insert into task_milestone (id, org_id, task_id, position, title, due_date) values ($1,$2,$3,$4,$5,$6)',
      [uuidv7(), row.org_id, id, i + 1, m.title, m.dueDate],
    );
  await ctx.audit(tx, {
    action: 'create',
    entity: 'task',
    entityId: id,
    orgId: row.org_id,
    after: { ...row, state, milestones },
  });
  return id;
}

/** `sourceId` links a task to the record it follows (a program item, an inspection, a recommendation); services only. */
export async function createTask(
  ctx: RequestContext,
  input: In<typeof CreateTaskSchema>,
  sourceId: string | null = null,
) {
  await ctx.assertOrg(input.orgId, 'write');
  ctx.assertClearance(input.confidentiality ?? 0);
  const { lead, leadOrgId } = await checkFields(ctx, input);
  if (input.sourceBodyId) await assertVisible(ctx, 'body', input.sourceBodyId, 'body.sourceBodyId', input.orgId);
  const id = await ctx.db.transaction((tx) =>
    insertTask(
      ctx,
      tx,
      {
        org_id: input.orgId,
        title: input.title,
        lead_kind: lead?.kind ?? null,
        lead_id: lead?.id ?? null,
        lead_name: lead?.name ?? null,
        lead_org_id: leadOrgId ?? null,
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
  const item = (
    await ctx.db.query<{
      id: string;
      kind: string;
      text: string;
      leads: TaskLead[];
      supporting: TaskRow['supporting'];
      due_date: string | null;
      due_meeting_id: string | null;
      due_label: string | null;
      supervisor_person_id: string | null;
      deciding_body: string | null;
      product: string | null;
      symbol: string;
      org_id: string;
      body_id: string;
      confidentiality: number;
    }>(
      `select i.*, c.symbol, m.org_id, m.body_id, m.confidentiality from conclusion_item i join conclusion c on c.id = i.conclusion_id join meeting m on m.id = c.meeting_id where i.id = $1`,
      [itemId],
    )
  ).rows[0];
  if (!item) throw new ProblemError('NOT_FOUND', { detail: 'Không có mục kết luận này' });
  await ctx.assertOrg(item.org_id, 'write', item.confidentiality);
  if (item.kind !== 'action')
    throw new ProblemError('RULE_VIOLATION', {
      code: 'KHONG_PHAI_NHIEM_VU',
      field: 'params.itemId',
      detail: 'Mục này là kết luận, không phải nhiệm vụ giao',
    });
  const existing = (
    await ctx.db.query<{ id: string }>("select id from task where source_kind = 'conclusion_item' and source_id = $1", [
      itemId,
    ])
  ).rows[0];
  if (existing)
    throw new ProblemError('DUPLICATE', {
      field: 'params.itemId',
      detail: 'Mục kết luận này đã thành nhiệm vụ',
      taskId: existing.id,
    });
  const { lead, leadOrgId } = await checkFields(ctx, { title: item.text, leads: item.leads ?? [] });
  const id = await ctx.db.transaction((tx) =>
    insertTask(
      ctx,
      tx,
      {
        org_id: item.org_id,
        title: item.text,
        lead_kind: lead?.kind ?? null,
        lead_id: lead?.id ?? null,
        lead_name: lead?.name ?? null,
        lead_org_id: leadOrgId ?? null,
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
    throw new ProblemError('RULE_VIOLATION', {
      code: 'TRANG_THAI_NHIEM_VU',
      field: 'body',
      detail: 'Nhiệm vụ đã kết thúc: không sửa',
    });
  const { version, milestones, leads, ...c } = input;
  const { lead, leadOrgId } = await checkFields(ctx, { ...input, title: input.title ?? t.title });
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
    if (leads !== undefined)
      Object.assign(fields, {
        lead_kind: lead?.kind ?? null,
        lead_id: lead?.id ?? null,
        lead_name: lead?.name ?? null,
        lead_org_id: leadOrgId ?? null,
      });
    const after = (await updateVersioned(tx, 'task', id, version, fields)) as unknown as TaskRow;
    await tx.query('update task set search_text = $2, updated_at = now() where id = $1', [id, searchText(after)]);
    if (milestones) {
      await tx.query('delete from task_milestone where task_id = $1', [id]);
      for (const [i, m] of milestones.entries())
        await tx.query(
          'insert into task_milestone (id, org_id, task_id, position, title, due_date) values ($1,$2,$3,$4,$5,$6)',
          [uuidv7(), t.org_id, id, i + 1, m.title, m.dueDate],
        );
    }
    await ctx.audit(tx, { action: 'update', entity: 'task', entityId: id, orgId: t.org_id, before: t, after: input });
  });
  return getTask(ctx, id);
}

/** Moves a task along its graph; assigning needs the 6 rõ complete, closing a task sets it at 100 %. */
export async function moveTask(ctx: RequestContext, id: string, input: In<typeof TaskTransitionSchema>) {
  // Accepting a reported result, or sending it back, is a decision (a leader may take it); other steps are the office's.
  const seen = await loadTask(ctx, id, 'read');
  const t = await loadTask(
    ctx,
    id,
    seen.state === 'reported' && (input.to === 'done' || input.to === 'in_progress') ? 'decide' : 'write',
  );
  const c = canTransition(t.state, input.to, sixClearOf(t));
  if (!c.ok)
    throw new ProblemError('RULE_VIOLATION', { code: 'TRANG_THAI_NHIEM_VU', field: 'body.to', detail: c.reason_vi });
  if ((input.to === 'cancelled' || input.to === 'transferred') && !input.note)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.note',
      detail: 'Hủy hoặc chuyển giao nhiệm vụ cần ghi lý do',
    });
  const on = input.on ?? ctx.today();
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'task', id, input.version, {
      state: input.to,
      assigned_on: input.to === 'assigned' ? on : undefined,
      done_on: input.to === 'done' ? on : undefined,
      percent: input.to === 'done' ? 100 : undefined,
      // What was open on a past date is read from these (a review as of a date).
      reported_on:
        input.to === 'reported' ? on : t.state === 'reported' && input.to === 'in_progress' ? null : undefined,
      closed_on: input.to === 'cancelled' || input.to === 'transferred' ? on : undefined,
    });
    await tx.query('update task set updated_at = now() where id = $1', [id]);
    await ctx.audit(tx, {
      action: input.to === 'done' ? 'accept' : 'transition',
      entity: 'task',
      entityId: id,
      orgId: t.org_id,
      before: { state: t.state },
      after: { state: input.to, on, note: input.note ?? null },
    });
  });
  return getTask(ctx, id);
}

/** Tasks the user may see, filtered; diacritic-insensitive search on title, lead, source and product. */
/** What a list item shows (listItemOf): not the task's search text, milestones or attributes. */
const TASK_LIST_COLUMNS = [
  'id',
  'org_id',
  'title',
  'state',
  'lead_kind',
  'lead_id',
  'lead_name',
  'lead_org_id',
  'due_date',
  'due_label',
  'extended_to',
  'percent',
  'source_kind',
  'source_label',
  'due_meeting_id',
  'assigned_on',
  'version',
]
  .map((c) => `t.${c}`)
  .join(', ');

/** A task the person (the one parameter) leads, supports or supervises. An account with no person has none. */
export const MINE_SQL =
  "(t.lead_id = ?::uuid or t.supervisor_person_id = ?::uuid or t.supporting @> jsonb_build_array(jsonb_build_object('id', ?::text)))";

export async function listTasks(ctx: RequestContext, q: In<typeof TaskListQuerySchema>) {
  const today = q.asOf ?? ctx.today();
  const where: string[] = ['t.confidentiality <= $1'];
  const params: unknown[] = [ctx.user.clearance];
  const add = (sql: string, ...v: unknown[]) => {
    let s = sql;
    for (const x of v) {
      params.push(x);
      s = s.replace('?', `$${params.length}`);
    }
    where.push(s);
  };
  if (q.orgId) {
    await ctx.assertOrg(q.orgId, 'read');
    add('t.org_id = ?', q.orgId);
  } else {
    // Tasks the user's organizations assigned, and those they lead.
    const covered = await ctx.coveredOrgs('read');
    add('(t.org_id = any(?::uuid[]) or t.lead_org_id = any(?::uuid[]))', covered, covered);
  }
  if (q.state === 'open') add('t.state = any(?::text[])', OPEN_TASK_STATES);
  // Today's overdue tasks come from the index on (state, due); on a past date, from the dates each task keeps.
  else if (q.state === 'overdue' && today >= ctx.today())
    add("t.state in ('assigned', 'in_progress') and t.due_effective < ?", today);
  else if (q.state === 'overdue') {
    params.push(today);
    where.push(overdueOnSql(`$${params.length}::date`));
  } else if (q.state) add('t.state = ?', q.state);
  if (q.leadOrgId) add('t.lead_org_id = ?', q.leadOrgId);
  if (q.leadId) add('t.lead_id = ?', q.leadId);
  if (q.supervisorPersonId) add('t.supervisor_person_id = ?', q.supervisorPersonId);
  if (q.mine) add(MINE_SQL, ctx.user.personId, ctx.user.personId, ctx.user.personId);
  if (q.sourceKind) add('t.source_kind = ?', q.sourceKind);
  if (q.sourceBodyId) add('t.source_body_id = ?', q.sourceBodyId);
  if (q.dueFrom) add('t.due_effective >= ?', q.dueFrom);
  if (q.dueTo) add('t.due_effective <= ?', q.dueTo);
  if (q.q)
    for (const word of foldVietnamese(q.q).split(/\s+/).filter(Boolean))
      add("t.search_text like '%' || ? || '%'", word);
  const order =
    q.sort === 'updated'
      ? 't.updated_at desc, t.id'
      : q.sort === 'title'
        ? 't.title, t.id'
        : 't.due_effective nulls last, t.id';
  const w = where.join(' and ');
  // The page's ids and the total in one narrow pass (the sort carries no wide rows), then those rows in full.
  const page = (
    await ctx.db.query<{ id: string; total: number }>(
      `select t.id, count(*) over () as total from task t where ${w} order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
      params,
    )
  ).rows;
  const total =
    page[0]?.total ??
    (q.page > 1
      ? (await ctx.db.query<{ n: number }>(`select count(*)::int as n from task t where ${w}`, params)).rows[0]!.n
      : 0);
  const full = page.length
    ? (
        await ctx.db.query<TaskListRow>(
          `select ${TASK_LIST_COLUMNS}, p.full_name as supervisor_name from task t left join person p on p.id = t.supervisor_person_id where t.id = any($1::uuid[])`,
          [page.map((r) => r.id)],
        )
      ).rows
    : [];
  const byId = new Map(full.map((r) => [r.id, r]));
  const rows = page.map((r) => byId.get(r.id)!);
  return { items: rows.map((r) => listItemOf(r, today)), page: q.page, pageSize: q.pageSize, total };
}

/** A conclusion's action items that no task follows yet, newest notice first. */
export async function pendingActionItems(ctx: RequestContext, orgId: string) {
  await ctx.assertOrg(orgId, 'read');
  const rows = (
    await ctx.db.query<{
      id: string;
      text: string;
      leads: TaskLead[];
      due_date: string | null;
      due_label: string | null;
      symbol: string;
      issued_on: string;
      meeting_id: string;
      title: string;
    }>(
      `select i.id, i.text, i.leads, i.due_date, i.due_label, c.symbol, c.issued_on, m.id as meeting_id, m.title
         from conclusion_item i join conclusion c on c.id = i.conclusion_id join meeting m on m.id = c.meeting_id
        where m.org_id = $1 and m.confidentiality <= $2 and i.kind = 'action'
          and not exists (select 1 from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id)
        order by c.issued_on desc, i.position limit 500`,
      [orgId, ctx.user.clearance],
    )
  ).rows;
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

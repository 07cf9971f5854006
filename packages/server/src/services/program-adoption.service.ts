/**
 * Adopting a program at the competent body's meeting: its items become tasks, the unfinished ones of the period before
 * carried over; and a task made from one item on request.
 */
import { adoptionCheck, formatDateVi, ProblemError, invalidField, ruleViolation } from '@quyche/core';
import type { AdoptProgramSchema, ItemTaskSchema } from '@quyche/core';
import {
  programAdoptionAgendaItem,
  programAdoptionVote,
  programCarryExtendTask,
  programCarryMoveTask,
  programCarryOpenTasks,
  programItemsInOrder,
  touchProgram,
  uuidv7,
} from '@quyche/db';
import type { ProgramItemRow } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { issuerOn, numberDocument } from './document.service.js';
import { regulationFor } from './regulation-in-force.js';
import { loadBody, meetingOfOrg } from './meeting.load.js';
import { updateVersioned } from './sql-update.js';
import { createTask } from './task.service.js';
import { leadOf } from './task.view.js';

import { assertDraft, loadItem, loadProgram, searchText } from './program.records.js';
import type { ProgramFields } from './program.records.js';
import { getProgram } from './program.view.js';

/** The task an item generates: its 6 rõ carried over, its due date the end of its period or its meeting. */
function taskInput(
  p: ProgramFields,
  it: ProgramItemRow,
  sourceLabel: string,
  sourceBodyId: string | null,
  over: In<typeof ItemTaskSchema> = {},
) {
  const lead = leadOf(it);
  return {
    orgId: p.org_id,
    title: over.title ?? it.title,
    leads: over.leads ?? (lead ? [lead] : []),
    supporting: it.supporting,
    dueDate: over.dueDate ?? it.due_date,
    dueMeetingId: it.due_meeting_id,
    dueLabel:
      it.period_kind === 'meeting' ? `Trình ${it.period_label}` : it.period_kind === 'date' ? null : it.period_label,
    supervisorPersonId: it.supervisor_person_id,
    decidingBody: it.deciding_body,
    matter: it.matter,
    product: it.product,
    sourceKind: 'program_item' as const,
    sourceLabel,
    sourceBodyId,
    weight: it.weight,
    confidentiality: p.confidentiality,
    assign: over.assign ?? true,
  };
}

/**
 * Adopts a program at a meeting of the body the regulation names (R11): the full-term programs at the executive
 * committee; another body is refused, citing the clause. The program is numbered (CTr) and its items become tasks.
 */
export async function adoptProgram(ctx: RequestContext, id: string, input: In<typeof AdoptProgramSchema>) {
  const p = await loadProgram(ctx, id, 'write');
  assertDraft(p);
  const m = await meetingOfOrg(ctx, input.meetingId, p.org_id);
  if (!['in_session', 'closed', 'minutes_approved'].includes(m.state))
    throw ruleViolation(
      'TRANG_THAI_HOI_NGHI',
      `Chương trình được thông qua tại hội nghị đang họp hoặc đã họp; "${m.title}" chưa họp`,
      'body.meetingId',
    );
  const adoptedOn = input.adoptedOn ?? m.meeting_date;
  if (adoptedOn < m.meeting_date)
    throw invalidField(
      'body.adoptedOn',
      `Ngày thông qua (${formatDateVi(adoptedOn)}) trước ngày họp (${formatDateVi(m.meeting_date)})`,
    );
  const body = await loadBody(ctx.db, m.body_id);
  const reg = (await regulationFor(ctx.db, p.org_id, m.meeting_date))?.reg;
  const check = adoptionCheck(reg, p.span, p.matter, body.kind, body.name, m.meeting_date);
  if (!check.ok) {
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUONG_TRINH_SAI_THAM_QUYEN',
      title: 'Sai thẩm quyền thông qua chương trình',
      field: 'body.meetingId',
      detail: check.reason_vi,
      ruleIds: check.ruleIds,
      eIds: check.eIds,
      competent: check.competent,
    });
  }
  if (input.agendaItemId) {
    const a = await programAdoptionAgendaItem(ctx.db, input.agendaItemId);
    if (!a || a.meeting_id !== m.id)
      throw invalidField('body.agendaItemId', 'Nội dung này không thuộc hội nghị đã chọn');
    const v = await programAdoptionVote(ctx.db, input.agendaItemId);
    if (v && !v.passed)
      throw ruleViolation(
        'CHUA_THONG_QUA',
        `Biểu quyết không thông qua (${v.yes}/${v.total_members} tán thành)`,
        'body.agendaItemId',
      );
  }
  const { org, term } = await issuerOn(ctx, p.org_id, adoptedOn, 'body');
  const items = await programItemsInOrder(ctx.db, id);
  if (items.length === 0) throw ruleViolation('CHUONG_TRINH_TRONG', 'Chương trình chưa có nội dung nào', 'params.id');
  let created = 0;
  await ctx.db.transaction(async (tx) => {
    const doc = await numberDocument(ctx, tx, {
      org,
      term,
      type: 'CTr',
      title: p.title,
      issuedOn: adoptedOn,
      confidentiality: p.confidentiality,
    });
    const after = await updateVersioned(tx, 'program', id, input.version, {
      state: 'adopted',
      adopted_on: adoptedOn,
      adopted_meeting_id: m.id,
      adopted_agenda_item_id: input.agendaItemId ?? null,
      adopting_body_id: body.id,
      issued_document_id: doc.id,
      symbol: doc.symbol,
      competence: JSON.stringify(check),
      search_text: searchText(p.title, doc.symbol),
    });
    await touchProgram(tx, id);
    await ctx.auditChange(tx, 'adopt', ['program', id, p.org_id], {
      before: { state: p.state },
      after: { ...after, meeting: m.title },
    });
    if (input.generateTasks !== false) {
      const tctx = ctx.withDb(tx);
      const label = p.title;
      for (const it of items) {
        if (
          it.carried_from_item_id &&
          (await carryTasks(tctx, it, { programTitle: p.title, symbol: doc.symbol, adoptedOn, bodyName: body.name })) >
            0
        )
          continue;
        await createTask(tctx, taskInput(p, it, label, p.owner_body_id ?? body.id), it.id);
        created++;
      }
    }
  });
  return { ...(await getProgram(ctx, id)), tasksCreated: created };
}

/**
 * An unfinished item carried over keeps its tasks and their history: the open ones move under the new item, and
 * their deadline becomes the new period's end, recorded as an extension the adopting body decided (so a review of
 * the earlier period still counts them overdue then). Returns how many moved; none means the item needs new tasks.
 */
async function carryTasks(
  ctx: RequestContext,
  it: ProgramItemRow,
  by: { programTitle: string; symbol: string; adoptedOn: string; bodyName: string },
) {
  const open = await programCarryOpenTasks(ctx.db, it.carried_from_item_id!);
  for (const t of open) {
    await programCarryMoveTask(ctx.db, t.id, it.id, by.programTitle);
    let extendedTo = t.extended_to;
    if (!t.due_effective || t.due_effective < it.due_date) {
      await programCarryExtendTask(ctx.db, {
        id: uuidv7(),
        orgId: t.org_id,
        taskId: t.id,
        on: by.adoptedOn,
        to: it.due_date,
        reason: `Chuyển sang ${by.programTitle} (nội dung chưa hoàn thành kỳ trước)`,
        decidedBy: by.bodyName,
        decisionRef: by.symbol,
        createdBy: ctx.user.id,
      });
      extendedTo = it.due_date;
    }
    await ctx.audit(ctx.db, {
      action: 'carry_over',
      entity: 'task',
      entityId: t.id,
      orgId: t.org_id,
      before: { programItemId: it.carried_from_item_id, extendedTo: t.extended_to },
      after: { programItemId: it.id, extendedTo, program: by.symbol },
    });
  }
  return open.length;
}

/** One more task under an adopted program's item (an item done by two leads is two tasks). */
export async function taskFromProgramItem(ctx: RequestContext, itemId: string, input: In<typeof ItemTaskSchema>) {
  const { it, p } = await loadItem(ctx, itemId, 'write');
  if (p.state !== 'adopted')
    throw ruleViolation(
      'CHUONG_TRINH_CHUA_THONG_QUA',
      'Chương trình chưa được thông qua: chưa giao nhiệm vụ',
      'params.id',
    );
  const task = await createTask(ctx, taskInput(p, it, p.title, p.owner_body_id ?? p.adopting_body_id, input), it.id);
  return task;
}

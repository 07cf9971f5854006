import { checkPlanItem, foldVietnamese, formatDateVi, planSelfAssessment, ProblemError } from '@quyche/core';
import type { PlanItemCheckInSchema, PlanItemCreateSchema } from '@quyche/core';
import {
  appendPlanItem,
  checkInPlanItem,
  cellMeetingsAround,
  documentOfMeeting,
  duesOfMember,
  homeCellOf,
  insertMemberPlan,
  meetingDocumentContent,
  openDocumentsOf,
  openTasksLedBy,
  personNames,
  planOfMember,
  uuidv7,
} from '@quyche/db';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { documentDownload } from './meeting-document.service.js';

/** The signed-in member and their home cell today: a member sees their own records and their cell's only. */
async function me(ctx: RequestContext) {
  const personId = ctx.user.personId;
  const cell = personId ? await homeCellOf(ctx.db, personId, ctx.today()) : undefined;
  if (!personId || !cell)
    throw new ProblemError('NOT_FOUND', {
      detail: 'Tài khoản này không gắn với đảng viên đang sinh hoạt tại một chi bộ',
    });
  return { personId, cell };
}

/** The member's page: the cell's next meeting with its documents, the last ones, the plan, tasks and dues. */
export async function myCell(ctx: RequestContext) {
  const { personId, cell } = await me(ctx);
  const today = ctx.today();
  const year = Number(today.slice(0, 4));
  const { next, past } = await cellMeetingsAround(ctx.db, cell.cell_id, today);
  const meetings = [...next.slice(0, 1), ...past];
  const docs = await openDocumentsOf(
    ctx.db,
    meetings.map((m) => m.id),
  );
  const view = (m: (typeof meetings)[number]) => ({
    id: m.id,
    title: m.title,
    date: m.date,
    kind: m.kind,
    state: m.state,
    startsAt: m.starts_at,
    location: m.location,
    documents: docs
      .filter((d) => d.meeting_id === m.id)
      .map((d) => ({ id: d.id, title: d.title, fileName: d.file_name })),
  });
  const plan = await planOfMember(ctx.db, personId, year);
  const name = (await personNames(ctx.db, [personId])).get(personId) ?? '';
  return {
    member: { personId, fullName: name, status: cell.status as 'official' | 'probationary' },
    cell: { id: cell.cell_id, name: cell.cell_name },
    next: next[0] ? view(next[0]) : null,
    past: past.map(view),
    plan: plan
      ? {
          year,
          commitment: plan.commitment,
          items: plan.items.map((i) => ({
            id: i.id,
            position: i.position,
            text: i.text,
            product: i.product,
            dueDate: i.due_date,
            measurable: checkPlanItem({ text: i.text, product: i.product, dueDate: i.due_date }),
            progress: i.progress,
            progressNote: i.progress_note,
            checkedInOn: i.checked_in_on,
          })),
          selfAssessment: planSelfAssessment(
            year,
            plan.items.map((i) => ({ text: i.text, product: i.product, progress: i.progress, note: i.progress_note })),
          ),
        }
      : null,
    tasks: await openTasksLedBy(ctx.db, personId),
    dues: (await duesOfMember(ctx.db, personId, year)).map((d) => ({
      month: d.month,
      status: d.status,
      amount: d.amount === null ? null : Number(d.amount),
      paidOn: d.paid_on,
    })),
  };
}

/** Adds an item to the member's own plan of this year (made if there is none yet), with its product and date. */
export async function addMyPlanItem(ctx: RequestContext, input: z.output<typeof PlanItemCreateSchema>) {
  const { personId, cell } = await me(ctx);
  const year = Number(ctx.today().slice(0, 4));
  if (input.dueDate.slice(0, 4) !== String(year))
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.dueDate',
      detail: `Hạn hoàn thành ${formatDateVi(input.dueDate)} phải trong năm ${year} của kế hoạch`,
    });
  await ctx.db.transaction(async (tx) => {
    let plan = await planOfMember(tx, personId, year);
    if (!plan) {
      await insertMemberPlan(tx, { id: uuidv7(), org_id: cell.cell_id, person_id: personId, year });
      plan = (await planOfMember(tx, personId, year))!;
    }
    const text = [plan.commitment, ...plan.items.map((i) => i.text), input.text].join(' ');
    const itemId = uuidv7();
    await appendPlanItem(
      tx,
      { id: itemId, plan_id: plan.id, text: input.text, product: input.product, due_date: input.dueDate },
      foldVietnamese(text),
    );
    await ctx.auditChange(tx, 'add_plan_item', ['member_plan', plan.id, cell.cell_id], {
      after: { itemId, text: input.text, product: input.product, dueDate: input.dueDate },
    });
  });
  return myCell(ctx);
}

/** A document of one of the member's cell's meetings (not confidential), to open on the phone. */
export async function myDocumentFile(ctx: RequestContext, documentId: string) {
  const { cell } = await me(ctx);
  const d = await documentOfMeeting(ctx.db, documentId);
  if (!d || d.org_id !== cell.cell_id || d.confidentiality > 0 || d.meeting_confidentiality > 0)
    throw new ProblemError('NOT_FOUND', { detail: 'Không có tài liệu này trong các buổi sinh hoạt của chi bộ' });
  return documentDownload(await meetingDocumentContent(ctx.db, documentId, d.meeting_id));
}

/** The member checks in on an item of their own plan (someone else's item is not found). */
export async function checkInMyPlanItem(
  ctx: RequestContext,
  itemId: string,
  input: z.output<typeof PlanItemCheckInSchema>,
) {
  const { personId, cell } = await me(ctx);
  await ctx.db.transaction(async (tx) => {
    const planId = await checkInPlanItem(tx, personId, itemId, {
      progress: input.progress,
      note: input.note || null,
      on: ctx.today(),
    });
    if (!planId) throw new ProblemError('NOT_FOUND', { detail: 'Không có việc này trong kế hoạch của bạn' });
    await ctx.auditChange(tx, 'check_in_plan_item', ['member_plan', planId, cell.cell_id], {
      after: { itemId, progress: input.progress },
    });
  });
  return myCell(ctx);
}

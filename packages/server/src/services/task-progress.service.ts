import {
  canTransition,
  effectiveDue,
  formatDateVi,
  OPEN_TASK_STATES,
  ProblemError,
  invalidField,
  ruleViolation,
} from '@quyche/core';
import type { ExtensionDecisionSchema, ExtensionRequestSchema, TaskReportSchema } from '@quyche/core';
import {
  extendTask,
  insertTaskExtension,
  insertTaskFile,
  insertTaskReport,
  taskExtensionById,
  taskFileContent,
  taskHasPendingExtension,
  updateTaskAfterReport,
  uuidv7,
} from '@quyche/db';
import { decodeAttachment } from '../files/attachment.js';
import type { In, RequestContext } from '../http/context.js';
import { updateVersioned } from './sql-update.js';
import { getTask } from './task.service.js';
import { extensionAuthority, loadTask } from './task.view.js';

/**
 * A progress report of the lead: a percent, what was done, evidence files. The first report starts the task; a
 * report marked finished sends it to the assigning level ("reported"), which accepts it (done) or sends it back.
 */
export async function reportProgress(ctx: RequestContext, id: string, input: In<typeof TaskReportSchema>) {
  const t = await loadTask(ctx, id, 'lead');
  if (!['assigned', 'in_progress'].includes(t.state)) {
    throw ruleViolation(
      'TRANG_THAI_NHIEM_VU',
      t.state === 'draft' ? 'Nhiệm vụ chưa được giao (còn thiếu "6 rõ")' : 'Nhiệm vụ không còn nhận báo cáo tiến độ',
    );
  }
  if (input.finished && input.percent < 100) throw invalidField('body.percent', 'Báo cáo hoàn thành cần tiến độ 100%');
  const files = (input.files ?? []).map((f) => ({
    ...f,
    ...decodeAttachment(f.contentBase64, 'body.files', `Tệp ${f.fileName} vượt quá 8 MB`),
  }));
  const to = input.finished ? 'reported' : 'in_progress';
  const reportId = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await insertTaskReport(tx, {
      id: reportId,
      org_id: t.org_id,
      task_id: id,
      reported_on: input.reportedOn,
      percent: input.percent,
      text: input.text,
      created_by: ctx.user.id,
    });
    for (const f of files) {
      await insertTaskFile(tx, {
        id: uuidv7(),
        org_id: t.org_id,
        task_id: id,
        report_id: reportId,
        file_name: f.fileName,
        media_type: f.mediaType ?? null,
        size: f.size,
        sha256: f.sha256,
        content: f.content,
      });
    }
    const state = t.state === to || canTransition(t.state, to).ok ? to : t.state;
    await updateTaskAfterReport(tx, id, input.percent, state, input.reportedOn);
    await ctx.auditChange(tx, 'report', ['task', id, t.org_id], {
      before: { state: t.state, percent: Number(t.percent) },
      after: { state, percent: input.percent, reportedOn: input.reportedOn, files: files.map((f) => f.fileName) },
    });
  });
  return getTask(ctx, id);
}

export async function taskFile(ctx: RequestContext, id: string, fileId: string) {
  const t = await loadTask(ctx, id);
  const f = await taskFileContent(ctx.db, t.id, fileId);
  if (!f) throw new ProblemError('NOT_FOUND', { detail: 'Không có tệp này' });
  const served = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'];
  return {
    fileName: f.file_name,
    mediaType: f.media_type && served.includes(f.media_type) ? f.media_type : 'application/octet-stream',
    content: Buffer.from(f.content),
  };
}

/** An extension request: to a date after the due date in force, with a reason; one pending at a time. */
export async function requestExtension(ctx: RequestContext, id: string, input: In<typeof ExtensionRequestSchema>) {
  const t = await loadTask(ctx, id, 'lead');
  if (!OPEN_TASK_STATES.includes(t.state))
    throw ruleViolation('TRANG_THAI_NHIEM_VU', 'Chỉ nhiệm vụ đang thực hiện mới xin gia hạn');
  const due = effectiveDue({ dueDate: t.due_date, extendedTo: t.extended_to });
  if (!due)
    throw ruleViolation('KHONG_CO_HAN', 'Nhiệm vụ có hạn theo kỳ họp, không theo ngày: không gia hạn theo ngày');
  if (input.requestedTo <= due)
    throw invalidField('body.requestedTo', `Ngày xin gia hạn phải sau hạn hiện tại ${formatDateVi(due)}`);
  if (await taskHasPendingExtension(ctx.db, id))
    throw new ProblemError('DUPLICATE', {
      field: 'body',
      detail: 'Nhiệm vụ đang có một đề nghị gia hạn chờ quyết định',
    });
  await ctx.db.transaction(async (tx) => {
    const eid = uuidv7();
    await insertTaskExtension(tx, {
      id: eid,
      org_id: t.org_id,
      task_id: id,
      requested_on: input.requestedOn,
      requested_to: input.requestedTo,
      reason: input.reason,
      state: 'requested',
      created_by: ctx.user.id,
    });
    await ctx.auditChange(tx, 'request_extension', ['task_extension', eid, t.org_id], {
      after: { taskId: id, from: due, ...input },
    });
  });
  return getTask(ctx, id);
}

/**
 * The decision on an extension, by the level that assigned the task (a BTV conclusion's task: the BTV); another
 * body's decision is refused naming the competent one. An approval moves the due date in force.
 */
export async function decideExtension(
  ctx: RequestContext,
  id: string,
  extensionId: string,
  input: In<typeof ExtensionDecisionSchema>,
) {
  const t = await loadTask(ctx, id, 'decide');
  const e = await taskExtensionById(ctx.db, id, extensionId);
  if (!e) throw new ProblemError('NOT_FOUND', { detail: 'Không có đề nghị gia hạn này' });
  if (e.state !== 'requested') throw ruleViolation('DA_QUYET_DINH', 'Đề nghị gia hạn này đã được quyết định');
  const authority = await extensionAuthority(ctx.db, t);
  if (authority && input.decidedBy !== authority.code) {
    throw new ProblemError('RULE_VIOLATION', {
      code: 'GIA_HAN_SAI_THAM_QUYEN',
      title: 'Quyết định gia hạn không đúng thẩm quyền',
      field: 'body.decidedBy',
      detail: `Gia hạn nhiệm vụ do ${authority.name} quyết định (cấp đã giao nhiệm vụ), không phải ${input.decidedBy}`,
    });
  }
  if (input.decidedOn < e.requested_on) throw invalidField('body.decidedOn', 'Ngày quyết định trước ngày đề nghị');
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'task_extension', extensionId, input.version, {
      state: input.approved ? 'approved' : 'refused',
      decided_on: input.decidedOn,
      decided_by: input.decidedBy,
      decision_ref: input.decisionRef ?? null,
      note: input.note ?? null,
    });
    if (input.approved) await extendTask(tx, id, e.requested_to);
    await ctx.auditChange(
      tx,
      input.approved ? 'approve_extension' : 'refuse_extension',
      ['task_extension', extensionId, t.org_id],
      {
        before: { extendedTo: t.extended_to },
        after: { ...input, extendedTo: input.approved ? e.requested_to : t.extended_to },
      },
    );
  });
  return getTask(ctx, id);
}

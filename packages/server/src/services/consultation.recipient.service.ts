import { ProblemError, invalidField, ruleViolation } from '@quyche/core';
import type { RecipientStepSchema } from '@quyche/core';
import { listLateConsultationRecipients, setConsultationRecipientReminded } from '@quyche/db';
import type { ConsultationRow, Sql } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { notifyConsultation } from './consultation.live.js';
import { loadConsultation } from './consultation.load.js';
import { getConsultation } from './consultation.service.js';
import { enqueue } from './job.service.js';
import { updateVersioned } from './sql-update.js';

/** Marks a recipient as not answering (or undoes it), so that it no longer blocks the submission. */
export async function stepRecipient(
  ctx: RequestContext,
  id: string,
  recipientId: string,
  input: In<typeof RecipientStepSchema>,
) {
  const { c, recipients } = await loadConsultation(ctx, id, 'manage');
  const r = recipients.find((x) => x.id === recipientId);
  if (!r) throw new ProblemError('NOT_FOUND', { detail: 'Không có nơi nhận này trong đợt lấy ý kiến' });
  if (input.notAnswering && r.answered_on)
    throw ruleViolation(
      'DA_GOP_Y',
      `${r.name} đã góp ý ngày ${r.answered_on.split('-').reverse().join('/')}`,
      'body.notAnswering',
    );
  if (input.notAnswering && !input.note)
    throw invalidField('body.note', 'Ghi lý do xác định không góp ý (ví dụ: đã nhắc, quá hạn không trả lời)');
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, 'consultation_recipient', recipientId, input.version, {
      not_answering: input.notAnswering,
      note: input.note ?? null,
    });
    await ctx.auditChange(tx, 'update', ['consultation_recipient', recipientId, c.org_id], {
      before: { notAnswering: r.not_answering },
      after: { notAnswering: after['not_answering'], note: after['note'] },
    });
    await notifyConsultation(tx, id);
  });
  return getConsultation(ctx, id);
}

/** Reminders to the late recipients (once a day each), through the job system; the caller runs the jobs. */
export async function queueConsultationReminders(
  sql: Sql,
  c: Pick<ConsultationRow, 'id' | 'deadline' | 'state'>,
  today: string,
  minDaysApart = 1,
) {
  if (c.state !== 'open' || today <= c.deadline) return [];
  const late = await listLateConsultationRecipients(sql, c.id, today, minDaysApart);
  const names: string[] = [];
  for (const r of late) {
    if (
      await enqueue(sql, 'consultation_reminder', `consult:${r.id}:${today}`, {
        consultationId: c.id,
        recipientId: r.id,
        today,
      })
    )
      names.push(r.name);
    await setConsultationRecipientReminded(sql, r.id, today);
  }
  return names;
}

export async function remindLate(ctx: RequestContext, id: string, run: () => Promise<unknown>) {
  const { c } = await loadConsultation(ctx, id, 'manage');
  const today = ctx.today();
  if (c.state !== 'open') throw ruleViolation('DA_KET_THUC_LAY_Y_KIEN', 'Đợt lấy ý kiến đã kết thúc', 'params.id');
  if (today <= c.deadline)
    throw ruleViolation(
      'CHUA_DEN_HAN',
      `Chưa hết hạn góp ý (${c.deadline.split('-').reverse().join('/')}): chưa có nơi nào chậm`,
      'params.id',
    );
  const names = await ctx.db.transaction(async (tx) => {
    const n = await queueConsultationReminders(tx, c, today);
    await ctx.auditChange(tx, 'remind', ['consultation', id, c.org_id], { after: { today, recipients: n } });
    return n;
  });
  await run();
  return { reminded: names };
}

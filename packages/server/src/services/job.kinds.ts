import { IsoDateSchema } from '@quyche/core';
import { z } from 'zod';

/**
 * Every kind of background job and the payload it carries. A job is queued with a payload its schema accepts
 * (checked by tsc and at run time), so that a handler never reads a field a queuer forgot or misspelt.
 */
export const JOB_PAYLOADS = {
  reminder_scan: z.strictObject({ today: IsoDateSchema }),
  consultation_scan: z.strictObject({ today: IsoDateSchema }),
  weekly_digest: z.strictObject({ today: IsoDateSchema }),
  send_reminder: z.strictObject({
    taskId: z.uuid(),
    reminder: z.strictObject({
      kind: z.enum(['due_soon', 'due_today', 'overdue']),
      due: IsoDateSchema,
      key: z.string().min(1),
    }),
  }),
  consultation_reminder: z.strictObject({ consultationId: z.uuid(), recipientId: z.uuid(), today: IsoDateSchema }),
  assessment_scan: z.strictObject({ today: IsoDateSchema }),
  assessment_reminder: z.strictObject({
    unitId: z.uuid(),
    year: z.number().int(),
    step: z.enum(['member', 'organization']),
    kind: z.enum(['due_soon', 'due_today', 'overdue']),
    today: IsoDateSchema,
  }),
  backup: z.strictObject({ scheduledAt: z.iso.datetime() }),
} satisfies Record<string, z.ZodType<Record<string, unknown>>>;

export type JobKind = keyof typeof JOB_PAYLOADS;
export type JobPayload<K extends JobKind> = z.output<(typeof JOB_PAYLOADS)[K]>;

/** The payload of a job read back from the queue, or why it cannot be run. */
export function parseJobPayload(
  kind: string,
  payload: unknown,
): { ok: true; payload: Record<string, unknown> } | { ok: false; error: string } {
  const schema = (JOB_PAYLOADS as Record<string, z.ZodType<Record<string, unknown>> | undefined>)[kind];
  if (!schema) return { ok: false, error: `Không có loại công việc "${kind}"` };
  const r = schema.safeParse(payload);
  if (!r.success) return { ok: false, error: `Dữ liệu công việc "${kind}" không hợp lệ: ${z.prettifyError(r.error)}` };
  return { ok: true, payload: r.data };
}

/** What each kind of job is called on the administrator's page. */
export const JOB_KIND_LABELS: Record<JobKind, string> = {
  reminder_scan: 'Quét nhắc hạn nhiệm vụ hằng ngày',
  consultation_scan: 'Quét góp ý dự thảo quá hạn',
  weekly_digest: 'Tổng hợp nhiệm vụ hằng tuần',
  send_reminder: 'Gửi nhắc hạn một nhiệm vụ',
  consultation_reminder: 'Nhắc một đơn vị góp ý dự thảo',
  assessment_scan: 'Quét thời hạn đánh giá, xếp loại hằng ngày',
  assessment_reminder: 'Nhắc thời hạn đánh giá, xếp loại của một đơn vị',
  backup: 'Sao lưu định kỳ',
};

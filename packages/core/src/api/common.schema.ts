import { z } from 'zod';
import { isIsoDate } from '../time/date.js';
import { CONFIDENTIALITY_LEVELS } from '../access/access.rules.js';

export const IsoDateSchema = z
  .string()
  // `format: 'date'` lets a refusal say which field has a bad date, in the words of the form (validation.messages.ts).
  .refine(isIsoDate, { message: 'Ngày không hợp lệ: cần một ngày có thật dạng YYYY-MM-DD', params: { format: 'date' } })
  .meta({ description: 'Ngày dương lịch YYYY-MM-DD', example: '2026-01-01' });
export const IdSchema = z.uuid({ message: 'Mã định danh không hợp lệ (UUID)' });
export const ConfidentialitySchema = z
  .number()
  .int()
  .refine((n) => (CONFIDENTIALITY_LEVELS as readonly number[]).includes(n), {
    message: 'Độ mật là 0 (thường), 1 (Mật), 2 (Tối mật) hoặc 3 (Tuyệt mật)',
  });
export const VersionSchema = z
  .number()
  .int()
  .min(1)
  .max(2_147_483_647)
  .meta({ description: 'Phiên bản bản ghi đã đọc (khóa lạc quan)' });
export const TextSchema = (max: number) => z.string().trim().min(1).max(max);
/** A file sent in a JSON body, base64 (about 8 MB of file at the most). */
export const FileContentSchema = z
  .string()
  .max(11_200_000)
  .regex(/^[A-Za-z0-9+/=\s]*$/, { message: 'Nội dung tệp phải mã hóa base64' });
/** A sheet to import: its name, its content, and whether only to check it. */
export const SheetUploadFields = {
  fileName: TextSchema(255),
  contentBase64: FileContentSchema.min(1),
  /** Checks the sheet and reports what would be imported, writing nothing. */
  dryRun: z.boolean().default(false),
};

export const AsOfQuerySchema = z.strictObject({ asOf: IsoDateSchema.optional() });
export const PageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export const IdParamsSchema = z.strictObject({ id: IdSchema });

/** A rule check as the engine answers it: whether it holds, why, and the rules and evidence it rests on. */
export const RuleCheckSchema = z.object({
  ok: z.boolean(),
  reason_vi: z.string(),
  ruleIds: z.array(z.string()),
  eIds: z.array(z.string()),
});
/** "Sáu rõ" of a conclusion item or a task: what is missing, or why it is refused. */
export const SixClearSchema = z.object({
  complete: z.boolean(),
  missing: z.array(z.object({ code: z.string(), field: z.string(), message_vi: z.string() })),
  refused: z.object({ rule: z.string(), message_vi: z.string() }).nullable(),
});

/** The time a record is in force: from a date until a date, or open-ended (null); to spread among its fields. */
export const validityFields = { validFrom: z.string(), validUntil: z.string().nullable() };
/** A row's validity (valid_from … valid_until) as `validityFields` give it. */
export const validityOf = <F, U>(r: { valid_from: F; valid_until: U }) => ({
  validFrom: r.valid_from,
  validUntil: r.valid_until,
});
/** What every guarded record ends with: its secrecy grade and the version an update must quote back. */
export const guardedRecordFields = { confidentiality: z.number().int(), version: z.number().int() };

/** Whole-number counts by name, in their order, to spread among an object's fields: `...counts('yes', 'no')`. */
export function counts<K extends string>(...names: K[]): Record<K, z.ZodNumber> {
  return Object.fromEntries(names.map((n) => [n, z.number().int()])) as Record<K, z.ZodNumber>;
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    ...counts('page', 'pageSize', 'total'),
  });
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

import { z } from 'zod';
import { DUES_CATEGORIES } from '../member/dues.rates.js';
import { IdSchema, IsoDateSchema } from './common.schema.js';

const MonthSchema = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng năm-tháng, ví dụ 2026-11');
const DUES_STATUSES = ['paid', 'unpaid', 'exempt', 'deferred'] as const;

/** A cell's dues of a month (this month unless given). */
export const CellDuesQuerySchema = z.strictObject({ month: MonthSchema.optional() });

export const CellDuesSchema = z
  .object({
    cellId: IdSchema,
    cellName: z.string(),
    month: z.string(),
    /** The rule the amounts follow (Quy định 01-QĐ/TW ngày 03/02/2026, Điều 3). */
    source_vi: z.string(),
    members: z.array(
      z.object({
        personId: IdSchema,
        fullName: z.string(),
        category: z.enum(DUES_CATEGORIES).nullable(),
        /** The month's dues at the member's rate, and how it was worked out (null: the reason says why). */
        due: z.number().nullable(),
        dueBasis_vi: z.string(),
        status: z.enum(DUES_STATUSES).nullable(),
        amount: z.number().nullable(),
        paidOn: IsoDateSchema.nullable(),
      }),
    ),
    /** What the paid members paid, and what the members not exempt owe at their rates. */
    collected: z.number(),
    expected: z.number(),
    remittance: z
      .object({
        collected: z.number(),
        remitted: z.number(),
        remittedOn: IsoDateSchema,
        toName: z.string().nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'CellDues' });

/** The month's dues as the cell collected them, one line a member. */
export const CellDuesRecordSchema = z.strictObject({
  month: MonthSchema,
  payments: z
    .array(
      z.strictObject({
        personId: IdSchema,
        status: z.enum(DUES_STATUSES),
        /** Paid: the amount (the member's rate unless more is paid); otherwise left out. */
        amount: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
        paidOn: IsoDateSchema.nullable().optional(),
      }),
    )
    .min(1, 'Chưa có đảng viên nào trong danh sách thu')
    .max(2000),
});

/** The cell remits the month's dues to its superior. */
export const DuesRemittanceSchema = z.strictObject({
  month: MonthSchema,
  remitted: z.number().int().min(0).max(10_000_000_000),
  remittedOn: IsoDateSchema,
  note: z.string().trim().max(500).optional(),
});

import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.schema.js';

/** A month's attendance at the cells' regular meetings (this month unless given). */
export const CellAttendanceQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
});

export const CellAttendanceSchema = z
  .object({
    year: z.number().int(),
    month: z.number().int(),
    /** Over every meeting of the month: present / (present + excused + absent). Null when no meeting was recorded. */
    rate: z.number().nullable(),
    rows: z.array(
      z.object({
        cellId: IdSchema,
        name: z.string(),
        meetingId: IdSchema,
        meetingDate: IsoDateSchema,
        present: z.number().int(),
        excused: z.number().int(),
        absent: z.number().int(),
        /** Members exempted from activities on the day: not expected, left out of the rate. */
        exempted: z.number().int(),
        /** Share present, 0–1 (3 decimals); the lowest first. */
        rate: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'CellAttendance' });

/** Members with dues unpaid this year up to a date (today unless given). */
export const DuesArrearsQuerySchema = z.strictObject({ asOf: IsoDateSchema.optional() });

export const DuesArrearsSchema = z
  .object({
    asOf: IsoDateSchema,
    rows: z.array(
      z.object({
        memberId: IdSchema,
        fullName: z.string(),
        cellId: IdSchema,
        cellName: z.string(),
        /** 'YYYY-MM', oldest first. */
        months: z.array(z.string()),
        /** The amounts recorded as due for those months, when recorded (đồng). */
        amount: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'DuesArrears' });

/** Two personal action plans side by side. */
export const PlanCompareQuerySchema = z.strictObject({ a: IdSchema, b: IdSchema });

const PlanSideSchema = z.object({
  id: IdSchema,
  memberId: IdSchema,
  fullName: z.string(),
  cellName: z.string(),
  year: z.number().int(),
  /** The commitment, then each item on its own line: the text the check compares. */
  text: z.string(),
  /** Character ranges [start, end) of `text` that the other plan also has (runs of three words, folded). */
  shared: z.array(z.tuple([z.number().int(), z.number().int()])),
});

export const PlanCompareSchema = z
  .object({
    similarity: z.number(),
    threshold: z.number(),
    a: PlanSideSchema,
    b: PlanSideSchema,
  })
  .meta({ id: 'PlanCompare' });

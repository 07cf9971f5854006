import { z } from 'zod';
import { IdSchema, IsoDateSchema, SheetUploadFields } from './common.schema.js';

/** The members' alerts of an organization's cells as of a date (today unless given). */
export const MemberAlertsQuerySchema = z.strictObject({ asOf: IsoDateSchema.optional() });

export const MemberAlertSchema = z.object({
  memberId: IdSchema,
  fullName: z.string(),
  cellId: IdSchema,
  cellName: z.string(),
  kind: z.enum(['absent_3_months', 'dues_3_months', 'probation_ending']),
  /** 'YYYY-MM', oldest first. */
  months: z.array(z.string()),
  actBy: IsoDateSchema.nullable(),
  basis_vi: z.string(),
});

export const MemberAlertsSchema = z
  .object({
    asOf: IsoDateSchema,
    cells: z.number().int(),
    members: z.number().int(),
    alerts: z.array(MemberAlertSchema),
  })
  .meta({ id: 'MemberAlerts' });

/** Near-copies among the personal action plans of a year (this year unless given) in an organization's subtree. */
export const PlanSimilarityQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const PlanSimilaritySchema = z
  .object({
    year: z.number().int(),
    /** Jaccard similarity of the plans' runs of three words, the documented measure (core plan.similarity.ts). */
    threshold: z.number(),
    plans: z.number().int(),
    pairs: z.array(
      z.object({
        a: IdSchema,
        b: IdSchema,
        similarity: z.number(),
        aName: z.string(),
        bName: z.string(),
      }),
    ),
  })
  .meta({ id: 'PlanSimilarity' });

/** A month's cell meetings (this month unless given) in the cells of an organization's subtree. */
export const CellComplianceQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
});

const CellRegimeStandingSchema = z.object({
  status: z.enum(['ok', 'short', 'excused', 'pending', 'at_risk', 'no_rule']),
  held: z.number().int(),
  expected: z.number().int(),
  reason_vi: z.string(),
  eIds: z.array(z.string()),
});

export const CellComplianceSchema = z
  .object({
    year: z.number().int(),
    month: z.number().int(),
    rows: z.array(
      z.object({
        cellId: IdSchema,
        name: z.string(),
        /** The organization above the cell (its grassroots committee). */
        parentName: z.string(),
        regularHeld: z.boolean(),
        thematicInQuarter: z.boolean(),
        regular: CellRegimeStandingSchema,
        thematic: CellRegimeStandingSchema,
        /** The regulation the cell is judged under: its own, or its superior's model for cells. */
        regulation: z.object({ title: z.string(), own: z.boolean() }).nullable(),
        eIds: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'CellCompliance' });

/** The members' sheet of the national member database, imported into the cells of an organization's subtree. */
export const MemberImportSchema = z.strictObject(SheetUploadFields);

export const MemberImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    byCell: z.array(z.object({ cellId: IdSchema, name: z.string(), members: z.number().int() })),
  })
  .meta({ id: 'MemberImportResult' });

/** Moving a member to another cell from a date (chuyển sinh hoạt đảng chính thức, or tạm thời until a date). */
export const MemberTransferSchema = z
  .strictObject({
    toCellId: IdSchema,
    on: IsoDateSchema,
    kind: z.enum(['permanent', 'temporary']),
    until: IsoDateSchema.nullable().optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((x) => !x.until || x.until >= x.on, {
    message: 'Đến ngày phải sau ngày chuyển',
    path: ['until'],
  });

/** A member's file: the citizen ID masked (last three digits), the cells over time. */
export const MemberFileSchema = z
  .object({
    personId: IdSchema,
    fullName: z.string(),
    birthYear: z.number().int().nullable(),
    gender: z.enum(['nam', 'nu']).nullable(),
    citizenId: z.string().nullable(),
    cardNumber: z.string().nullable(),
    admittedOn: IsoDateSchema.nullable(),
    officialOn: IsoDateSchema.nullable(),
    left: z.object({ on: IsoDateSchema, reason_vi: z.string() }).nullable(),
    asOf: IsoDateSchema,
    cellAsOf: z.object({ id: IdSchema, name: z.string(), status: z.string() }).nullable(),
    temporaryAsOf: z.array(z.object({ id: IdSchema, name: z.string() })),
    history: z.array(
      z.object({
        id: IdSchema,
        cellId: IdSchema,
        cellName: z.string(),
        status: z.enum(['official', 'probationary']),
        kind: z.enum(['home', 'temporary']),
        from: IsoDateSchema,
        until: IsoDateSchema.nullable(),
        endReason: z.string().nullable(),
      }),
    ),
    version: z.number().int(),
  })
  .meta({ id: 'MemberFile' });

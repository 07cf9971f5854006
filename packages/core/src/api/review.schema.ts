import { z } from 'zod';
import { EVIDENCE_KINDS, INDICATOR_GROUPS } from '../review/review.indicators.js';
import { REVIEW_PERIOD_KINDS } from '../review/review.period.js';
import { REPORT_SECTIONS } from '../review/review.report.js';
import { IdSchema, IsoDateSchema, TextSchema, VersionSchema, counts } from './common.schema.js';
import { TaskLeadSchema } from './task.schema.js';
import { ConsultationRecipientInputSchema } from './consultation.schema.js';

/**
 * A review's period: `from` and `to`, or a period code (`2026-H1`, `2026-Q3`, `2026`, `nhiem-ky-giua`, `nhiem-ky`).
 * Dates are checked by the period rules (a real day, in order, begun), so that the refusal names the field.
 */
export const ReviewQuerySchema = z.strictObject({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  period: z.string().max(40).optional(),
});

export const ReviewPeriodSchema = z.object({
  kind: z.enum(REVIEW_PERIOD_KINDS),
  code: z.string(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  label_vi: z.string(),
  label_en: z.string(),
});

export const IndicatorSchema = z
  .object({
    code: z.string(),
    group: z.enum(INDICATOR_GROUPS),
    label_vi: z.string(),
    label_en: z.string(),
    definition_vi: z.string(),
    bodyId: IdSchema.optional(),
    bodyName: z.string().optional(),
    value: z.number(),
    previous: z.number().nullable(),
    better: z.enum(['higher', 'lower']).nullable(),
    ruleIds: z.array(z.string()),
    eIds: z.array(z.string()),
    basis_vi: z.string().nullable(),
    evidence: z.object({ kind: z.enum(EVIDENCE_KINDS), ids: z.array(z.string()) }),
  })
  .meta({ id: 'ReviewIndicator' });

const TaskBreakdownRow = z.object({
  key: z.string().nullable(),
  name: z.string(),
  ...counts('assigned', 'doneOnTime', 'doneLate', 'overdue'),
});

export const ReviewSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  /** The day the organization came into being: no period before it is compared. */
  orgSince: IsoDateSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** The day figures are counted as of: the period's end, or today for a period still running. */
  asOf: IsoDateSchema,
  period: ReviewPeriodSchema,
  previousPeriod: ReviewPeriodSchema,
  /** False when the organization did not exist in the previous period: every `previous` is then null. */
  compared: z.boolean(),
  regulation: z.object({ versionId: IdSchema, regulationId: IdSchema, expression: z.string() }).nullable(),
  indicators: z.array(IndicatorSchema),
  tasksByLead: z.array(TaskBreakdownRow),
  tasksBySupervisor: z.array(TaskBreakdownRow),
});

export const SubordinatesReviewSchema = z.object({
  orgId: IdSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
  asOf: IsoDateSchema,
  period: ReviewPeriodSchema,
  rows: z.array(
    z.object({
      orgId: IdSchema,
      name: z.string(),
      indicators: z.array(z.object({ code: z.string(), value: z.number(), previous: z.number().nullable() })),
      /** Share of tasks due in the period done on time; null when none fell due. */
      onTimeRate: z.number().nullable(),
      rank: z.number().int(),
      /** Why the row stands out (far below the others), in a sentence; null when it does not. */
      flag_vi: z.string().nullable(),
    }),
  ),
});

/** `code` is checked after access (a GET on another organization's review is refused as such, whatever it asks). */
export const EvidenceQuerySchema = ReviewQuerySchema.extend({
  code: z.string().max(60).optional(),
  bodyId: IdSchema.optional(),
});
export const EvidenceSchema = z.object({
  code: z.string(),
  label_vi: z.string(),
  definition_vi: z.string(),
  value: z.number(),
  records: z.array(
    z.object({
      kind: z.enum(EVIDENCE_KINDS),
      id: z.string(),
      title: z.string(),
      date: z.string().nullable(),
      detail_vi: z.string().nullable(),
      href: z.string().nullable(),
      basis_vi: z.string().nullable(),
    }),
  ),
});

const ParagraphSchema = z.strictObject({
  section: z.enum(REPORT_SECTIONS),
  text: z.string().trim().min(1).max(20_000),
});
const OverrideSchema = z.strictObject({
  key: z.string().min(1).max(80),
  stated: z.number().int().min(0).max(100_000_000),
  explanation: z.string().max(2000),
});

/** A review report to draft: the organization, its period (a code or dates) and which report. */
export const CreateReviewReportSchema = z.strictObject({
  orgId: IdSchema,
  kind: z.enum(['period', 'regulation']).default('period'),
  period: z.string().max(40).optional(),
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
});
export const UpdateReviewReportSchema = z.strictObject({
  version: VersionSchema,
  title: TextSchema(500).optional(),
  paragraphs: z.array(ParagraphSchema).min(1).max(400).optional(),
  overrides: z.array(OverrideSchema).max(200).optional(),
  place: TextSchema(200).nullable().optional(),
  recipients: z.array(TextSchema(300)).max(50).optional(),
});
/**
 * The next period's program from a review: its span (by default the review's next quarter, half-year or
 * year), owner, carry-over.
 */
export const NextProgramSchema = z.strictObject({
  span: z.enum(['quarter', 'half', 'year']).optional(),
  ownerBodyId: IdSchema.nullable().optional(),
  /** Carry over the period's unfinished program items (default yes). */
  carryOver: z.boolean().optional(),
});
export const ReviewReportListQuerySchema = z.strictObject({ orgId: IdSchema });
export const ReviewReportListSchema = z.array(
  z.object({
    id: IdSchema,
    kind: z.enum(['period', 'regulation']),
    kindLabel_vi: z.string(),
    title: z.string(),
    state: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    version: z.number().int(),
  }),
);
export const ReviewReportSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  kind: z.enum(['period', 'regulation']),
  kindLabel_vi: z.string(),
  period: ReviewPeriodSchema,
  title: z.string(),
  state: z.enum(['draft', 'circulated', 'adopted', 'cancelled']),
  /** Once adopted, its number and symbol (12-BC/TU). */
  symbol: z.string().nullable(),
  paragraphs: z.array(
    z.object({
      section: z.enum(REPORT_SECTIONS),
      text: z.string(),
      rendered: z.string(),
      figures: z.array(z.string()),
    }),
  ),
  figures: z.array(
    z.object({
      key: z.string(),
      code: z.string(),
      label_vi: z.string(),
      value: z.number(),
      stated: z.number().nullable(),
      explanation: z.string().nullable(),
      evidence: z.object({ kind: z.enum(EVIDENCE_KINDS), ids: z.array(z.string()) }),
      bodyId: IdSchema.nullable(),
    }),
  ),
  place: z.string().nullable(),
  recipients: z.array(z.string()),
  adoptedOn: z.string().nullable(),
  adoptedMeetingId: IdSchema.nullable(),
  consultationId: IdSchema.nullable(),
  /** The program of the next period drafted from this report's key tasks. */
  nextProgram: z.object({ id: IdSchema, title: z.string(), state: z.string() }).nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});

/** A shortcoming named in a review report or an inspection's conclusion: one lead, a remedy, a deadline. */
export const CreateShortcomingSchema = z.strictObject({
  orgId: IdSchema,
  text: TextSchema(2000),
  cause: TextSchema(2000).nullable().optional(),
  remedy: TextSchema(2000),
  lead: TaskLeadSchema,
  dueDate: IsoDateSchema,
  identifiedOn: IsoDateSchema,
  reviewReportId: IdSchema.nullable().optional(),
  inspectionId: IdSchema.nullable().optional(),
});
/** Closing a shortcoming needs the evidence of its remedy. */
export const FixShortcomingSchema = z.strictObject({
  version: VersionSchema,
  fixedOn: IsoDateSchema,
  evidence: TextSchema(4000),
});
export const ShortcomingListQuerySchema = z.strictObject({
  orgId: IdSchema,
  state: z.enum(['open', 'fixed']).optional(),
});
export const ShortcomingSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  text: z.string(),
  cause: z.string().nullable(),
  remedy: z.string(),
  lead: z.object({ kind: z.string(), id: IdSchema.nullable(), name: z.string() }),
  dueDate: z.string(),
  identifiedOn: z.string(),
  source_vi: z.string(),
  reviewReportId: IdSchema.nullable(),
  inspectionId: IdSchema.nullable(),
  state: z.enum(['open', 'fixed']),
  fixedOn: z.string().nullable(),
  evidence: z.string().nullable(),
  version: z.number().int(),
});

export const ShortcomingListSchema = z.array(ShortcomingSchema);

/** Adopting a report at a meeting held by the body the regulation names for it. */
export const AdoptReviewReportSchema = z.strictObject({ version: VersionSchema, meetingId: IdSchema });

/** Circulating a draft report for comments: the existing consultation, paragraph by paragraph, with a deadline. */
export const CirculateReviewReportSchema = z.strictObject({
  version: VersionSchema,
  deadline: IsoDateSchema,
  sentOn: IsoDateSchema.optional(),
  recipients: z.array(ConsultationRecipientInputSchema).min(1, 'Chọn ít nhất một nơi nhận').max(2000),
});

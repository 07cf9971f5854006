import { z } from 'zod';
import { IdSchema, IsoDateSchema, TextSchema, VersionSchema } from './common.schema.js';
import { TaskLeadSchema } from './task.schema.js';

/**
 * A working-group review (đoàn công tác): the superior asks a subordinate organization to report on topics by a
 * deadline; the subordinate submits its report; the group concludes, naming shortcomings (entered in the
 * subordinate's register) and recommendations (followed to an answer).
 */
export const REVIEW_REQUEST_STATES = ['sent', 'submitted', 'concluded', 'cancelled'] as const;
export const REVIEW_REQUEST_STATE_LABELS: Record<(typeof REVIEW_REQUEST_STATES)[number], { vi: string; en: string }> = {
  sent: { vi: 'Đã gửi yêu cầu, chờ báo cáo', en: 'Sent, awaiting the report' },
  submitted: { vi: 'Đã nhận báo cáo', en: 'Report submitted' },
  concluded: { vi: 'Đã kết luận', en: 'Concluded' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const CreateReviewRequestSchema = z.strictObject({
  /** The superior organization that sends the working group. */
  orgId: IdSchema,
  targetOrgId: IdSchema,
  title: TextSchema(500).optional(),
  topics: z.array(TextSchema(1000)).min(1).max(30),
  /** What the report covers; by default from the start of the subordinate's term to the day sent. */
  periodFrom: IsoDateSchema.optional(),
  periodTo: IsoDateSchema.optional(),
  sentOn: IsoDateSchema.optional(),
  deadline: IsoDateSchema,
  team: z
    .array(z.strictObject({ name: TextSchema(200), role: TextSchema(100) }))
    .max(30)
    .optional(),
});
export const SubmitReviewRequestSchema = z.strictObject({
  version: VersionSchema,
  reportId: IdSchema,
  submittedOn: IsoDateSchema.optional(),
});
export const ConcludeReviewRequestSchema = z.strictObject({
  version: VersionSchema,
  conclusionText: TextSchema(20_000),
  concludedOn: IsoDateSchema.optional(),
  /** Each becomes an item of the subordinate's register of shortcomings, led by the subordinate unless named. */
  shortcomings: z
    .array(
      z.strictObject({
        text: TextSchema(2000),
        remedy: TextSchema(2000),
        dueDate: IsoDateSchema,
        lead: TaskLeadSchema.optional(),
      }),
    )
    .max(50)
    .optional(),
  /**
   * Each becomes a recommendation to the superior, from the working group, followed to an answer in
   * the regulation's deadline.
   */
  recommendations: z
    .array(z.strictObject({ title: TextSchema(500), text: TextSchema(4000) }))
    .max(50)
    .optional(),
});
export const ReviewRequestListQuerySchema = z.strictObject({ orgId: IdSchema });

const Link = z.object({ id: IdSchema, title: z.string(), state: z.string() });
export const ReviewRequestSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  targetOrgId: IdSchema,
  targetOrgName: z.string(),
  title: z.string(),
  topics: z.array(z.string()),
  periodFrom: z.string(),
  periodTo: z.string(),
  sentOn: z.string(),
  deadline: z.string(),
  team: z.array(z.object({ name: z.string(), role: z.string() })),
  state: z.enum(REVIEW_REQUEST_STATES),
  stateLabel_vi: z.string(),
  /** Submitted after the deadline, or not submitted and the deadline passed. */
  late: z.boolean(),
  report: Link.nullable(),
  submittedOn: z.string().nullable(),
  conclusionText: z.string().nullable(),
  concludedOn: z.string().nullable(),
  shortcomings: z.array(Link.extend({ dueDate: z.string() })),
  recommendations: z.array(Link.extend({ dueOn: z.string().nullable() })),
  /** What the viewer may do: the superior concludes, the subordinate submits. */
  canConclude: z.boolean(),
  canSubmit: z.boolean(),
  version: z.number().int(),
});
export const ReviewRequestListSchema = z.array(
  ReviewRequestSchema.omit({ shortcomings: true, recommendations: true, conclusionText: true }).extend({
    direction: z.enum(['sent', 'received']),
  }),
);

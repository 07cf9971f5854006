import { z } from 'zod';
import { IdSchema, counts } from './common.schema.js';

/** The register of conclusion notices (thông báo kết luận) with how far their follow-up has come. */
export const ConclusionListQuerySchema = z.strictObject({
  orgId: IdSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(200).optional(),
});
export const ConclusionListItemSchema = z.object({
  id: IdSchema,
  symbol: z.string(),
  issuedOn: z.string(),
  meetingId: IdSchema,
  meetingTitle: z.string(),
  bodyName: z.string(),
  orgName: z.string(),
  /** Action items; those a task follows; their tasks done; overdue; without a task yet. */
  ...counts('items', 'followed', 'done', 'overdue', 'pending'),
  /** Follow-up percentage: the mean progress of the action items (an item without a task counts 0 %). */
  percent: z.number(),
});
export const ConclusionListSchema = z.array(ConclusionListItemSchema);

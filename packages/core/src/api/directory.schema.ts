import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageQuerySchema, counts } from './common.schema.js';

/** The people directory: who holds which position on a date, searchable with or without diacritics. */
export const DirectoryQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  orgId: IdSchema.optional(),
  asOf: IsoDateSchema.optional(),
  /** "1": everyone of the organizations, not only those holding a position on the date. */
  all: z.enum(['1']).optional(),
});

export const DirectoryEntrySchema = z.object({
  id: IdSchema,
  fullName: z.string(),
  orgName: z.string(),
  positions: z.array(
    z.object({
      bodyId: IdSchema,
      bodyName: z.string(),
      role: z.string(),
      title: z.string().nullable(),
      validFrom: z.string(),
    }),
  ),
});
export const DirectorySchema = z.object({
  asOf: z.string(),
  items: z.array(DirectoryEntrySchema),
  ...counts('page', 'pageSize', 'total'),
});

import { z } from 'zod';
import { DOCUMENT_TYPES } from '../meeting/meeting.rules.js';
import { ConfidentialitySchema, IdSchema, IsoDateSchema, TextSchema } from './common.schema.js';

export const IssueDocumentSchema = z.strictObject({
  orgId: IdSchema,
  type: z.string().refine((t) => t in DOCUMENT_TYPES, {
    message: `Loại văn bản là một trong: ${Object.keys(DOCUMENT_TYPES).join(', ')}`,
  }),
  title: TextSchema(500),
  issuedOn: IsoDateSchema,
  confidentiality: ConfidentialitySchema.optional(),
});
export const IssuedDocumentSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  termId: IdSchema,
  termName: z.string(),
  type: z.string(),
  number: z.number().int(),
  symbol: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  confidentiality: z.number().int(),
});
export const DocumentListQuerySchema = z.strictObject({ orgId: IdSchema });

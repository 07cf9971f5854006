import { ASK_KINDS } from '../regulation/reg.ask.js';
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.schema.js';

const RegText = z.string().min(1, { message: 'Văn bản quy chế trống' }).max(2_000_000);

export const RegulationTextSchema = z.strictObject({ text: RegText });
export const CreateRegulationSchema = z.strictObject({
  orgId: IdSchema,
  text: RegText,
  confidentiality: z.number().int().min(0).max(3).optional(),
});
export const CreateRegulationVersionSchema = z.strictObject({ text: RegText });
/** A Word (.docx) or .txt file to turn into .qc.md. */
export const ImportRegulationSchema = z.strictObject({
  fileName: z.string().min(1).max(300),
  contentBase64: z.string().min(1).max(15_000_000),
});
/** A subordinate's draft made from its superior's regulation (a version of it), with a role map. */
export const DeriveRegulationSchema = z.strictObject({
  orgId: IdSchema,
  fromVersionId: IdSchema,
  title: z.string().trim().min(1).max(500),
  work: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .regex(/^\/[a-z0-9/._-]+$/, 'Mã quy chế dạng /vn-an-lac/quy-che/…, chữ thường không dấu')
    .optional(),
  roleMap: z
    .record(
      z.string().regex(/^[A-Z0-9_]+$/),
      z.string().regex(/^[A-Z0-9_]+$/, 'Mã cơ quan, chức danh viết hoa không dấu'),
    )
    .optional(),
  bodies: z
    .record(
      z.string().regex(/^[A-Z0-9_]+$/),
      z.strictObject({ name: z.string().trim().min(1).max(300), part_of: z.string().optional() }),
    )
    .optional(),
});
export const CreateAmendmentSchema = z.strictObject({ text: RegText });
export const AskQuestionSchema = z.strictObject({
  ask: z.enum(ASK_KINDS),
  at: IsoDateSchema,
  input: z.record(z.string(), z.unknown()),
  versionId: IdSchema.optional(),
});
export const DiffQuerySchema = z.strictObject({ from: IdSchema, to: IdSchema });
export const ConsolidatedQuerySchema = z.strictObject({ at: IsoDateSchema });

export const FindingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  eId: z.string(),
  message: z.string(),
  message_en: z.string(),
});
export const ParseErrorSchema = z.object({ line: z.number().int(), column: z.number().int(), message: z.string() });

export interface ElementView {
  kind: string;
  eId: string;
  num: string;
  heading: string;
  text: string;
  line: number;
  children: ElementView[];
}
export const ElementViewSchema: z.ZodType<ElementView> = z.lazy(() =>
  z.object({
    kind: z.string(),
    eId: z.string(),
    num: z.string(),
    heading: z.string(),
    text: z.string(),
    line: z.number().int(),
    children: z.array(ElementViewSchema),
  }),
);

export const RegulationVersionSchema = z.object({
  id: IdSchema,
  regulationId: IdSchema,
  expression: z.string(),
  status: z.string(),
  adoptedOn: z.string().nullable(),
  inForceFrom: z.string().nullable(),
  sha256: z.string(),
  createdAt: z.string(),
});
export const RegulationVersionDetailSchema = RegulationVersionSchema.extend({
  text: z.string(),
  frontMatter: z.record(z.string(), z.unknown()),
  chapters: z.array(ElementViewSchema),
  rules: z.array(z.record(z.string(), z.unknown())),
  tests: z.array(
    z.object({ name: z.string(), passed: z.boolean(), line: z.number().int(), error: z.string().optional() }),
  ),
  findings: z.array(FindingSchema),
});
export const RegulationSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  work: z.string(),
  title: z.string(),
  confidentiality: z.number().int(),
  versionCount: z.number().int(),
  latestExpression: z.string().nullable(),
  latestStatus: z.string().nullable(),
});
export const RegulationDetailSchema = RegulationSchema.extend({
  versions: z.array(RegulationVersionSchema),
  amendments: z.array(
    z.object({
      id: IdSchema,
      work: z.string(),
      title: z.string().nullable(),
      adoptedOn: z.string(),
      inForceFrom: z.string(),
    }),
  ),
});
export const ValidateResultSchema = z.object({
  ok: z.boolean(),
  error: ParseErrorSchema.optional(),
  findings: z.array(FindingSchema),
  articles: z.number().int(),
  rules: z.number().int(),
});
export const AnswerSchema = z.object({
  result: z.record(z.string(), z.unknown()),
  ruleIds: z.array(z.string()),
  eIds: z.array(z.string()),
  reason_vi: z.string(),
  versionId: IdSchema,
  expression: z.string(),
});
export const ComparisonSchema = z.object({
  rows: z.array(
    z.object({
      eId: z.string(),
      cite: z.string(),
      change: z.enum(['added', 'removed', 'changed']),
      before: z.string(),
      after: z.string(),
    }),
  ),
  markdown: z.string(),
});
export const ConsolidatedSchema = z.object({
  at: z.string(),
  text: z.string(),
  provenance: z.array(z.object({ eId: z.string(), note_vi: z.string(), work: z.string(), effect: z.number().int() })),
  pending: z.array(z.object({ work: z.string(), date: z.string(), op: z.string(), target: z.string().nullable() })),
});

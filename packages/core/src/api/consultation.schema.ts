import { z } from 'zod';
import { COMMENT_KINDS, DISPOSITIONS } from '../consultation/consultation.rules.js';
import { ConfidentialitySchema, IdSchema, IsoDateSchema, TextSchema, VersionSchema, counts } from './common.schema.js';
import { RuleCheckSchema } from './common.schema.js';

/** A recipient: an organization below (its committee answers), a body such as a Ban, or a person. */
export const ConsultationRecipientInputSchema = z.strictObject({
  kind: z.enum(['org', 'body', 'person']),
  id: IdSchema,
});

export const CreateConsultationSchema = z
  .strictObject({
    regulationId: IdSchema.optional(),
    /** The draft circulated (a version of that regulation). */
    versionId: IdSchema.optional(),
    /** Or any other draft (a resolution, a report): its organization, its text, and the matter it decides. */
    orgId: IdSchema.optional(),
    document: z
      .strictObject({ title: TextSchema(500), text: z.string().trim().min(1, 'Văn bản dự thảo trống').max(1_000_000) })
      .optional(),
    matter: z.string().trim().min(1).max(100).optional(),
    title: TextSchema(500).optional(),
    sentOn: IsoDateSchema.optional(),
    deadline: IsoDateSchema,
    recipients: z.array(ConsultationRecipientInputSchema).min(1).max(2000),
    confidentiality: ConfidentialitySchema.optional(),
  })
  .superRefine((x, ctx) => {
    if (x.document) {
      if (!x.orgId)
        ctx.addIssue({ code: 'custom', path: ['orgId'], message: 'Văn bản dự thảo cần tổ chức lấy ý kiến' });
      if (!x.matter)
        ctx.addIssue({
          code: 'custom',
          path: ['matter'],
          message: 'Văn bản dự thảo cần nội dung thuộc thẩm quyền (để biết cơ quan thông qua)',
        });
      if (x.regulationId || x.versionId)
        ctx.addIssue({
          code: 'custom',
          path: ['document'],
          message: 'Chọn một: phiên bản quy chế hoặc văn bản dự thảo',
        });
    } else {
      if (!x.regulationId)
        ctx.addIssue({
          code: 'custom',
          path: ['regulationId'],
          message: 'Chọn quy chế (hoặc gửi một văn bản dự thảo)',
        });
      if (!x.versionId) ctx.addIssue({ code: 'custom', path: ['versionId'], message: 'Chọn phiên bản dự thảo' });
    }
  });

export const ConsultationCommentInputSchema = z.strictObject({
  kind: z.enum(COMMENT_KINDS),
  /** The provision commented on, by its id in the draft circulated (art_6__para_1); none for the whole text. */
  eId: z.string().trim().min(1).max(200).nullable().optional(),
  quote: TextSchema(4000).nullable().optional(),
  text: TextSchema(10_000).optional(),
  proposedText: TextSchema(10_000).nullable().optional(),
  siteId: IdSchema.nullable().optional(),
});

/** A recipient's answer: its comments (one "no comment" is an answer too). */
export const ConsultationAnswerSchema = z.strictObject({
  recipientId: IdSchema,
  answeredOn: IsoDateSchema.optional(),
  comments: z.array(ConsultationCommentInputSchema).min(1).max(500),
});

export const DisposeCommentSchema = z.strictObject({
  version: VersionSchema,
  disposition: z.enum(DISPOSITIONS),
  explanation: TextSchema(10_000).nullable().optional(),
  /** The wording taken into the next version; by default the proposal when fully accepted. */
  adoptedText: TextSchema(10_000).nullable().optional(),
});

export const RecipientStepSchema = z.strictObject({
  version: VersionSchema,
  notAnswering: z.boolean(),
  note: TextSchema(2000).nullable().optional(),
});

export const NextVersionSchema = z.strictObject({
  version: VersionSchema,
  /** The expression of the next version (vie@draft-2); by default the circulated one's with "-2", "-3" … */
  expression: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9@._-]+$/, 'Chỉ dùng chữ không dấu, số, @ . _ -')
    .optional(),
  /** The explanatory memo (tờ trình, báo cáo giải trình). */
  memo: TextSchema(20_000),
  /**
   * The whole text of the next version, when the drafting team edited it further; by default the draft with
   * the accepted wording.
   */
  text: z.string().min(1).max(2_000_000).optional(),
});

export const SubmitConsultationSchema = z.strictObject({ version: VersionSchema, meetingId: IdSchema });
export const AdoptConsultationSchema = z.strictObject({
  version: VersionSchema,
  inForceFrom: IsoDateSchema.optional(),
});

export const ConsultationListQuerySchema = z.strictObject({
  orgId: IdSchema.optional(),
  regulationId: IdSchema.optional(),
  /** Only those still open that the user's organizations (or the user) have not answered: "cần góp ý". */
  awaiting: z.enum(['1']).optional(),
});
export const ConsultationCommentsQuerySchema = z.strictObject({
  /** Where the comments sit in another version (the next one, renumbered): by default the draft circulated. */
  against: IdSchema.optional(),
  recipientId: IdSchema.optional(),
  eId: z.string().max(200).optional(),
  disposition: z.enum([...DISPOSITIONS, 'none']).optional(),
});

const Check = RuleCheckSchema.extend({ competent: z.string().nullable() });

export const ConsultationRecipientSchema = z.object({
  id: z.string(),
  kind: z.enum(['org', 'body', 'person']),
  refId: z.string(),
  name: z.string(),
  answeredOn: z.string().nullable(),
  notAnswering: z.boolean(),
  note: z.string().nullable(),
  status: z.enum(['answered', 'pending', 'late', 'not_answering']),
  statusLine: z.string(),
  comments: z.number().int(),
  lastRemindedOn: z.string().nullable(),
  /** The signed-in user answers for this recipient. */
  mine: z.boolean(),
  version: z.number().int(),
});

export const ConsultationCommentSchema = z.object({
  id: z.string(),
  recipientId: z.string(),
  recipientName: z.string(),
  position: z.number().int(),
  kind: z.enum(COMMENT_KINDS),
  anchor: z.object({ wId: z.string().nullable(), eId: z.string().nullable(), quote: z.string().nullable() }),
  /** Where it sits in the version asked for (the draft circulated by default): the provision, or its parent. */
  at: z.object({ eId: z.string().nullable(), cite: z.string(), exact: z.boolean() }),
  text: z.string(),
  proposedText: z.string().nullable(),
  siteId: z.string().nullable(),
  disposition: z.enum(DISPOSITIONS).nullable(),
  explanation: z.string().nullable(),
  adoptedText: z.string().nullable(),
  disposedBy: z.string().nullable(),
  disposedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

const ImpactLineSchema = z.object({
  regulationId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  findings: z.array(
    z.object({ code: z.string(), severity: z.string(), message: z.string(), eId: z.string().nullable() }),
  ),
  taskId: z.string().nullable(),
});

export const ConsultationSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** A regulation's version, or any other document (its text kept on the consultation). */
  kind: z.enum(['regulation', 'document']),
  regulationId: z.string().nullable(),
  regulationTitle: z.string(),
  versionId: z.string().nullable(),
  matter: z.string().nullable(),
  expression: z.string(),
  title: z.string(),
  sentOn: z.string(),
  deadline: z.string(),
  state: z.enum(['open', 'revised', 'submitted', 'adopted', 'rejected', 'cancelled']),
  nextVersionId: z.string().nullable(),
  nextExpression: z.string().nullable(),
  memo: z.string().nullable(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  agendaItemId: z.string().nullable(),
  competence: Check.nullable(),
  vote: z
    .object({ passed: z.boolean(), yes: z.number().int(), totalMembers: z.number().int(), reason_vi: z.string() })
    .nullable(),
  adoptedOn: z.string().nullable(),
  /** Once adopted: the date the version is in force from, and the subordinate regulations it makes inconsistent. */
  inForceFrom: z.string().nullable(),
  impact: z.array(ImpactLineSchema),
  /**
   * The body the regulation in force names to adopt it (known before submission: the meeting picker
   * offers its meetings).
   */
  adoptingBody: z
    .object({ code: z.string(), name: z.string(), reason_vi: z.string(), eIds: z.array(z.string()) })
    .nullable(),
  confidentiality: z.number().int(),
  counts: z.object({
    ...counts('recipients', 'answered', 'late', 'pending', 'notAnswering', 'comments', 'disposed', 'open'),
  }),
  /** What still blocks submitting the next version (empty: it may be submitted). */
  blockers: z.array(z.string()),
  recipients: z.array(ConsultationRecipientSchema),
  /** manage: dispose, revise, submit; answer: comment for a recipient; readAll: see every comment and the synthesis. */
  can: z.object({ manage: z.boolean(), answer: z.boolean(), readAll: z.boolean() }),
  version: z.number().int(),
});

export const ConsultationListItemSchema = ConsultationSchema.pick({
  id: true,
  orgId: true,
  orgName: true,
  kind: true,
  regulationId: true,
  regulationTitle: true,
  title: true,
  sentOn: true,
  deadline: true,
  state: true,
  counts: true,
});

export const SynthesisSchema = z.object({
  title: z.string(),
  rows: z.array(
    z.object({
      no: z.number().int(),
      cite: z.string(),
      eId: z.string().nullable(),
      draftText: z.string(),
      comments: z.array(
        z.object({
          id: z.string(),
          from: z.string(),
          text: z.string(),
          proposedText: z.string().nullable(),
          disposition: z.string(),
          explanation: z.string(),
        }),
      ),
    }),
  ),
  noComment: z.array(z.string()),
  notAnswered: z.array(z.string()),
});

export const NextVersionResultSchema = z.object({
  consultation: ConsultationSchema,
  /** The regulation's new version (none for a document: its text is kept on the consultation). */
  versionId: z.string().nullable(),
  expression: z.string(),
  applied: z.array(z.object({ commentId: z.string(), eId: z.string(), cite: z.string() })),
  comparison: z.array(z.record(z.string(), z.unknown())),
  /** Findings against the superior's regulation the draft is based on (none when it is based on none). */
  consistency: z.array(
    z.object({ code: z.string(), severity: z.string(), message: z.string(), eId: z.string().nullable() }),
  ),
  /** Provisions whose wording was changed and that carry rules: the rules are not edited with the wording. */
  rulesToReview: z.array(z.object({ cite: z.string(), eId: z.string(), ruleIds: z.array(z.string()) })),
});

export const ImpactSchema = z.object({ cause: z.string(), subordinates: z.array(ImpactLineSchema) });

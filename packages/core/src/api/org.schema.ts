import { z } from 'zod';
import {
  BODY_KINDS,
  ORGANIZATION_KINDS,
  PARTY_MEMBER_STATUSES,
  POSITION_ROLES,
  SUCCESSION_KINDS,
} from '../org/org.model.js';
import {
  AsOfQuerySchema,
  ConfidentialitySchema,
  IdSchema,
  IsoDateSchema,
  PageQuerySchema,
  TextSchema,
  VersionSchema,
  guardedRecordFields,
  counts,
  validityFields,
} from './common.schema.js';

const validity = { validFrom: IsoDateSchema, validUntil: IsoDateSchema.nullable().optional() };
function checkOrder(v: { validFrom?: string; validUntil?: string | null }, ctx: z.RefinementCtx) {
  if (v.validFrom && v.validUntil && v.validUntil < v.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở về sau' });
  }
}

export const OrganizationSchema = z
  .object({
    id: IdSchema,
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: z.enum(ORGANIZATION_KINDS),
    symbol: z.string().nullable(),
    ...validityFields,
    ...guardedRecordFields,
  })
  .meta({ id: 'Organization' });
export type Organization = z.infer<typeof OrganizationSchema>;

export const OrgRefSchema = z.object({
  id: IdSchema,
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  shortName: z.string().nullable().optional(),
});
export const SuccessionRefSchema = OrgRefSchema.extend({
  succession: z.enum(SUCCESSION_KINDS),
  effectiveOn: z.string(),
});

export interface TreeNode {
  id: string;
  code: string;
  name: string;
  kind: (typeof ORGANIZATION_KINDS)[number];
  validFrom: string;
  validUntil: string | null;
  childCount: number;
  predecessors: { id: string; name: string; validUntil: string | null; succession: string }[];
  children: TreeNode[];
}
export const TreeNodeSchema: z.ZodType<TreeNode> = z.lazy(() =>
  z.object({
    id: IdSchema,
    code: z.string(),
    name: z.string(),
    kind: z.enum(ORGANIZATION_KINDS),
    ...validityFields,
    childCount: z.number().int(),
    predecessors: z.array(
      z.object({ id: IdSchema, name: z.string(), validUntil: z.string().nullable(), succession: z.string() }),
    ),
    children: z.array(TreeNodeSchema),
  }),
);
export const TreeQuerySchema = z.strictObject({
  asOf: IsoDateSchema.optional(),
  root: IdSchema.optional(),
  depth: z.coerce.number().int().min(1).max(6).default(2),
});
export const TreeSchema = z.object({ asOf: z.string(), roots: z.array(TreeNodeSchema) });

export const ParentLinkSchema = z.object({
  id: IdSchema,
  parent: OrgRefSchema,
  ...validityFields,
});

export const BodySchema = z
  .object({
    id: IdSchema,
    orgId: IdSchema,
    termId: IdSchema.nullable(),
    kind: z.enum(BODY_KINDS),
    name: z.string(),
    symbol: z.string().nullable(),
    partOf: IdSchema.nullable(),
    ...validityFields,
    ...guardedRecordFields,
  })
  .meta({ id: 'Body' });
export type Body = z.infer<typeof BodySchema>;

export const TermSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  name: z.string(),
  ordinal: z.number().int().nullable(),
  ...validityFields,
  congressClosedOn: z.string().nullable(),
  version: z.number().int(),
});

export const OrganizationDetailSchema = OrganizationSchema.extend({
  asOf: z.string(),
  activeOnDate: z.boolean(),
  parent: OrgRefSchema.nullable(),
  parentLinks: z.array(ParentLinkSchema),
  predecessors: z.array(SuccessionRefSchema),
  successors: z.array(SuccessionRefSchema),
  children: z.array(OrgRefSchema),
  bodies: z.array(BodySchema.extend({ memberCount: z.number().int() })),
  terms: z.array(TermSchema),
  partyMemberCount: z.number().int(),
});

export const OrganizationListQuerySchema = PageQuerySchema.extend({
  asOf: IsoDateSchema.optional(),
  q: z.string().max(200).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
});

export const SubtreeQuerySchema = AsOfQuerySchema;
export const SubtreeSchema = z.object({
  asOf: z.string(),
  rootId: IdSchema,
  count: z.number().int(),
  items: z.array(OrgRefSchema.extend({ parentId: IdSchema.nullable(), depth: z.number().int() })),
});

export const CreateOrganizationSchema = z
  .strictObject({
    code: TextSchema(64),
    name: TextSchema(300),
    shortName: TextSchema(100).nullable().optional(),
    kind: z.enum(ORGANIZATION_KINDS),
    symbol: TextSchema(32).nullable().optional(),
    parentId: IdSchema.nullable().optional(),
    confidentiality: ConfidentialitySchema.optional(),
    /** A party cell is created with its members (R13: at least 3 official). */
    partyMembers: z
      .array(z.strictObject({ personId: IdSchema, status: z.enum(PARTY_MEMBER_STATUSES) }))
      .max(5000)
      .optional(),
    ...validity,
  })
  .superRefine(checkOrder);

export const UpdateOrganizationSchema = z
  .strictObject({
    version: VersionSchema,
    name: TextSchema(300).optional(),
    shortName: TextSchema(100).nullable().optional(),
    symbol: TextSchema(32).nullable().optional(),
    confidentiality: ConfidentialitySchema.optional(),
    validFrom: IsoDateSchema.optional(),
    validUntil: IsoDateSchema.nullable().optional(),
  })
  .superRefine(checkOrder);

export const CreateParentLinkSchema = z.strictObject({ parentId: IdSchema, ...validity }).superRefine(checkOrder);

export const CreateTermSchema = z
  .strictObject({
    name: TextSchema(50),
    ordinal: z.number().int().min(1).max(100).nullable().optional(),
    congressClosedOn: IsoDateSchema.nullable().optional(),
    ...validity,
  })
  .superRefine(checkOrder);

export const ReorganizationSchema = z.strictObject({
  kind: z.enum(['merge', 'dissolve']),
  effectiveOn: IsoDateSchema,
  sourceIds: z.array(IdSchema).min(1).max(500),
  successorId: IdSchema.nullable().optional(),
  decisionRef: TextSchema(200).nullable().optional(),
  preview: z.boolean().optional(),
});
export const ReorganizationResultSchema = z.object({
  applied: z.boolean(),
  summary_vi: z.string(),
  closed: z.object({
    ...counts('organizations', 'bodies', 'memberships', 'partyMembers', 'parentLinks'),
  }),
  movedChildren: z.number().int(),
  /** Open tasks led by the organizations that end, moved to the successor. */
  movedTasks: z.number().int(),
});

export const CreateBodySchema = z
  .strictObject({
    orgId: IdSchema,
    termId: IdSchema.nullable().optional(),
    kind: z.enum(BODY_KINDS),
    name: TextSchema(300),
    symbol: TextSchema(32).nullable().optional(),
    partOf: IdSchema.nullable().optional(),
    confidentiality: ConfidentialitySchema.optional(),
    ...validity,
  })
  .superRefine(checkOrder);
export const UpdateBodySchema = z
  .strictObject({
    version: VersionSchema,
    name: TextSchema(300).optional(),
    symbol: TextSchema(32).nullable().optional(),
    confidentiality: ConfidentialitySchema.optional(),
    validFrom: IsoDateSchema.optional(),
    validUntil: IsoDateSchema.nullable().optional(),
  })
  .superRefine(checkOrder);

export const MembershipSchema = z
  .object({
    id: IdSchema,
    bodyId: IdSchema,
    person: z.object({ id: IdSchema, fullName: z.string() }),
    role: z.enum(POSITION_ROLES),
    title: z.string().nullable(),
    ...validityFields,
    endReason: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Membership' });

export const BodyDetailSchema = BodySchema.extend({
  asOf: z.string(),
  organization: OrgRefSchema,
  term: TermSchema.nullable(),
  members: z.array(MembershipSchema),
  history: z.array(MembershipSchema),
});

export const CreateMembershipSchema = z
  .strictObject({
    personId: IdSchema,
    role: z.enum(POSITION_ROLES),
    title: TextSchema(300).nullable().optional(),
    ...validity,
  })
  .superRefine(checkOrder);
export const UpdateMembershipSchema = z
  .strictObject({
    version: VersionSchema,
    role: z.enum(POSITION_ROLES).optional(),
    title: TextSchema(300).nullable().optional(),
    validFrom: IsoDateSchema.optional(),
    validUntil: IsoDateSchema.nullable().optional(),
    endReason: TextSchema(300).nullable().optional(),
  })
  .superRefine(checkOrder);

export const PartyMemberSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  person: z.object({ id: IdSchema, fullName: z.string() }),
  status: z.enum(PARTY_MEMBER_STATUSES),
  ...validityFields,
  version: z.number().int(),
});
export const CreatePartyMemberSchema = z
  .strictObject({ personId: IdSchema, status: z.enum(PARTY_MEMBER_STATUSES), ...validity })
  .superRefine(checkOrder);
export const UpdatePartyMemberSchema = z.strictObject({
  version: VersionSchema,
  status: z.enum(PARTY_MEMBER_STATUSES).optional(),
  validUntil: IsoDateSchema.nullable().optional(),
});

import { z } from 'zod';
import { APP_ROLES } from '../access/access.rules.js';
import {
  ConfidentialitySchema,
  IdSchema,
  IsoDateSchema,
  PageQuerySchema,
  TextSchema,
  VersionSchema,
  guardedRecordFields,
  validityFields,
} from './common.schema.js';
import { MembershipSchema, OrgRefSchema, PartyMemberSchema } from './org.schema.js';

export const PersonSchema = z
  .object({
    id: IdSchema,
    orgId: IdSchema,
    code: z.string().nullable(),
    fullName: z.string(),
    gender: z.enum(['nam', 'nu']).nullable(),
    birthYear: z.number().int().nullable(),
    ...guardedRecordFields,
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

export const PortfolioSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  orgId: IdSchema,
  bodyId: IdSchema.nullable(),
  field: z.string(),
  locality: OrgRefSchema.nullable(),
  ...validityFields,
  version: z.number().int(),
});

export const PersonDetailSchema = PersonSchema.extend({
  asOf: z.string(),
  organization: OrgRefSchema,
  positions: z.array(
    MembershipSchema.extend({ bodyName: z.string(), bodyKind: z.string(), orgId: IdSchema, orgName: z.string() }),
  ),
  positionHistory: z.array(
    MembershipSchema.extend({ bodyName: z.string(), bodyKind: z.string(), orgId: IdSchema, orgName: z.string() }),
  ),
  portfolio: z.array(PortfolioSchema),
  partyMemberships: z.array(PartyMemberSchema.extend({ orgName: z.string() })),
});

export const PersonListQuerySchema = PageQuerySchema.extend({
  q: z.string().max(200).optional(),
  orgId: IdSchema.optional(),
});

export const CreatePersonSchema = z.strictObject({
  orgId: IdSchema,
  code: TextSchema(64).nullable().optional(),
  fullName: TextSchema(200),
  gender: z.enum(['nam', 'nu']).nullable().optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  confidentiality: ConfidentialitySchema.optional(),
});
export const UpdatePersonSchema = z.strictObject({
  version: VersionSchema,
  fullName: TextSchema(200).optional(),
  gender: z.enum(['nam', 'nu']).nullable().optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  confidentiality: ConfidentialitySchema.optional(),
});

export const CreatePortfolioSchema = z
  .strictObject({
    orgId: IdSchema,
    bodyId: IdSchema.nullable().optional(),
    field: TextSchema(300),
    localityOrgId: IdSchema.nullable().optional(),
    validFrom: IsoDateSchema,
    validUntil: IsoDateSchema.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil && v.validUntil < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Ngày kết thúc phải từ ngày bắt đầu trở về sau' });
  });
export const UpdatePortfolioSchema = z.strictObject({
  version: VersionSchema,
  field: TextSchema(300).optional(),
  validUntil: IsoDateSchema.nullable().optional(),
});

export const LoginSchema = z.strictObject({ username: TextSchema(100), password: z.string().min(1).max(200) });
export const GrantSchema = z.object({ role: z.enum(APP_ROLES), orgId: IdSchema });
export const MeSchema = z.object({
  user: z.object({
    id: IdSchema,
    username: z.string(),
    displayName: z.string(),
    personId: IdSchema.nullable(),
    clearance: z.number().int(),
    locale: z.string(),
    /**
     * Set by an administrator's reset: until the user picks a new password, only auth/me, logout and password answer.
     */
    mustChangePassword: z.boolean(),
  }),
  grants: z.array(GrantSchema.extend({ orgName: z.string() })),
  csrfToken: z.string(),
});
export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  problems: z.array(z.object({ seq: z.number().int(), kind: z.string(), message_vi: z.string() })),
});

import { z } from 'zod';
import { PERIOD_KINDS, PROGRAM_KINDS, PROGRAM_SPANS, PROGRAM_STATES } from '../work/program.rules.js';
import { INSPECTION_KINDS, INSPECTION_STATES, TEAM_ROLES } from '../work/inspection.rules.js';
import { RECOMMENDATION_SOURCES, RECOMMENDATION_STATES } from '../work/recommendation.rules.js';
import { ConfidentialitySchema, IdSchema, IsoDateSchema, TextSchema, VersionSchema } from './common.schema.js';
import { RuleCheckSchema } from './common.schema.js';
import { guardedRecordFields } from './common.schema.js';
import { TaskLeadSchema, TaskListItemSchema, TaskSupportSchema } from './task.schema.js';

// — Programs

/** Where an item sits: "2026-05" (month), "2026-Q2" (quarter), "2026-H1" (half-year), an ISO date, or a meeting. */
export const ProgramPeriodSchema = z.strictObject({
  kind: z.enum(PERIOD_KINDS),
  value: z.string().trim().min(1).max(20).nullable().optional(),
  meetingId: IdSchema.nullable().optional(),
});

const ItemFields = {
  title: TextSchema(1000),
  period: ProgramPeriodSchema,
  /** The 6 rõ the item's tasks inherit: exactly one lead. */
  leads: z.array(TaskLeadSchema).max(10).optional(),
  supporting: z.array(TaskSupportSchema).max(50).optional(),
  supervisorPersonId: IdSchema.nullable().optional(),
  decidingBody: z.string().trim().min(1).max(100).nullable().optional(),
  product: TextSchema(500).nullable().optional(),
  matter: z.string().max(100).nullable().optional(),
  inspectionKind: z.enum(INSPECTION_KINDS).nullable().optional(),
  targets: z
    .array(z.strictObject({ id: IdSchema.nullable(), name: TextSchema(300) }))
    .max(200)
    .optional(),
  weight: z.number().int().min(1).max(100).optional(),
};
export const CreateProgramItemSchema = z.strictObject(ItemFields);
export const UpdateProgramItemSchema = z.strictObject({
  version: VersionSchema,
  ...ItemFields,
  title: TextSchema(1000).optional(),
  period: ProgramPeriodSchema.optional(),
});

export const CreateProgramSchema = z.strictObject({
  orgId: IdSchema,
  kind: z.enum(PROGRAM_KINDS),
  span: z.enum(PROGRAM_SPANS),
  /** The year of an annual program; none for a full-term one. */
  year: z.number().int().min(1930).max(2200).nullable().optional(),
  /** The quarter or half-year of such a program: "2026-Q3", "2026-H2". */
  period: z.string().trim().min(1).max(20).nullable().optional(),
  /** The term of a full-term program; by default the organization's term on 1 January of the year, or today's. */
  termId: IdSchema.nullable().optional(),
  title: TextSchema(500).optional(),
  ownerBodyId: IdSchema.nullable().optional(),
  matter: z.string().trim().min(1).max(100).optional(),
  confidentiality: ConfidentialitySchema.optional(),
  items: z.array(CreateProgramItemSchema).max(500).optional(),
});
export const UpdateProgramSchema = z.strictObject({
  version: VersionSchema,
  title: TextSchema(500).optional(),
  ownerBodyId: IdSchema.nullable().optional(),
});
export const AdoptProgramSchema = z.strictObject({
  version: VersionSchema,
  meetingId: IdSchema,
  agendaItemId: IdSchema.nullable().optional(),
  adoptedOn: IsoDateSchema.optional(),
  /** Generate the items' tasks at once (assigned where the 6 rõ are complete). Default: yes. */
  generateTasks: z.boolean().optional(),
});
/** Cancelling a draft program says why. */
export const CancelProgramSchema = z.strictObject({ version: VersionSchema, note: TextSchema(2000) });
/** Deleting an item of a draft names the version read (the query of the DELETE). */
export const DeleteProgramItemQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});
export const ProgramListQuerySchema = z.strictObject({
  orgId: IdSchema,
  year: z.coerce.number().int().min(1930).max(2200).optional(),
  kind: z.enum(PROGRAM_KINDS).optional(),
});
export const ItemTaskSchema = z.strictObject({
  title: TextSchema(1000).optional(),
  leads: z.array(TaskLeadSchema).max(10).optional(),
  dueDate: IsoDateSchema.nullable().optional(),
  assign: z.boolean().optional(),
});

export const ProgramItemSchema = z.object({
  id: IdSchema,
  position: z.number().int(),
  title: z.string(),
  period: z.object({
    kind: z.enum(PERIOD_KINDS),
    value: z.string().nullable(),
    meetingId: IdSchema.nullable(),
    label: z.string(),
  }),
  startsOn: z.string(),
  dueDate: z.string(),
  lead: TaskLeadSchema.nullable(),
  supporting: z.array(TaskSupportSchema),
  supervisorPersonId: IdSchema.nullable(),
  supervisorName: z.string().nullable(),
  decidingBody: z.string().nullable(),
  product: z.string().nullable(),
  matter: z.string().nullable(),
  inspectionKind: z.string().nullable(),
  targets: z.array(z.object({ id: IdSchema.nullable(), name: z.string() })),
  weight: z.number().int(),
  percent: z.number(),
  status: z.object({ code: z.string(), label_vi: z.string() }),
  sixClear: z.object({
    complete: z.boolean(),
    missing: z.array(z.object({ code: z.string(), field: z.string(), message_vi: z.string() })),
  }),
  tasks: z.array(TaskListItemSchema),
  inspections: z.array(z.object({ id: IdSchema, title: z.string(), state: z.string() })),
  /** The item of an earlier period this one continues (carried over unfinished), and the one that continues it. */
  carriedFrom: z
    .object({ itemId: IdSchema, programId: IdSchema, programTitle: z.string(), periodLabel: z.string() })
    .nullable(),
  carriedTo: z
    .object({ itemId: IdSchema, programId: IdSchema, programTitle: z.string(), periodLabel: z.string() })
    .nullable(),
  version: z.number().int(),
});
export const ProgramListItemSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  kind: z.enum(PROGRAM_KINDS),
  span: z.enum(PROGRAM_SPANS),
  year: z.number().int().nullable(),
  /** "2026-Q3", "2026-H2" for a quarter's or half-year's program, with its label ("Quý III/2026"). */
  period: z.string().nullable(),
  periodLabel: z.string().nullable(),
  title: z.string(),
  state: z.enum(PROGRAM_STATES),
  symbol: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  items: z.number().int(),
  percent: z.number(),
  lateItems: z.number().int(),
  version: z.number().int(),
});
export const ProgramSchema = ProgramListItemSchema.extend({
  termId: IdSchema,
  termName: z.string(),
  matter: z.string(),
  ownerBodyId: IdSchema.nullable(),
  ownerBodyName: z.string().nullable(),
  adoptedMeeting: z.object({ id: IdSchema, title: z.string(), date: z.string() }).nullable(),
  adoptingBodyName: z.string().nullable(),
  /** R11: the adopting body against the regulation; before adoption, who must adopt it. */
  competence: RuleCheckSchema.extend({ competent: z.string().nullable() }).nullable(),
  range: z.object({ from: z.string(), to: z.string() }),
  confidentiality: z.number().int(),
  canWrite: z.boolean(),
  itemsDetail: z.array(ProgramItemSchema),
  /** The review whose key tasks it carries (nhiệm vụ trọng tâm kỳ tới). */
  sourceReport: z.object({ id: IdSchema, title: z.string() }).nullable(),
  /** After adoption: how many tasks the items generated. */
  tasksCreated: z.number().int().optional(),
});

// — Inspections

const TeamMember = z.strictObject({ personId: IdSchema, role: z.enum(TEAM_ROLES) });
const Target = z.strictObject({ id: IdSchema.nullable(), name: TextSchema(300) });
export const CreateInspectionSchema = z.strictObject({
  orgId: IdSchema,
  programItemId: IdSchema.nullable().optional(),
  kind: z.enum(INSPECTION_KINDS),
  title: TextSchema(1000),
  decidingBody: z.string().trim().min(1).max(100),
  targets: z.array(Target).max(200).optional(),
  windowFrom: IsoDateSchema.nullable().optional(),
  windowTo: IsoDateSchema.nullable().optional(),
  team: z.array(TeamMember).max(50).optional(),
  confidentiality: ConfidentialitySchema.optional(),
});
export const UpdateInspectionSchema = z.strictObject({
  version: VersionSchema,
  title: TextSchema(1000).optional(),
  targets: z.array(Target).max(200).optional(),
  windowFrom: IsoDateSchema.nullable().optional(),
  windowTo: IsoDateSchema.nullable().optional(),
  team: z.array(TeamMember).max(50).optional(),
  findings: z
    .array(z.strictObject({ target: TextSchema(300), text: TextSchema(20_000), violation: z.boolean().optional() }))
    .max(200)
    .optional(),
});
const RemedySchema = z.strictObject({
  title: TextSchema(1000),
  leads: z.array(TaskLeadSchema).max(10),
  dueDate: IsoDateSchema,
  supervisorPersonId: IdSchema.nullable().optional(),
  product: TextSchema(500).nullable().optional(),
});
export const InspectionStepSchema = z.discriminatedUnion('to', [
  z.strictObject({
    version: VersionSchema,
    to: z.literal('decided'),
    decidedOn: IsoDateSchema,
    decisionSymbol: TextSchema(50).nullable().optional(),
  }),
  z.strictObject({ version: VersionSchema, to: z.literal('in_progress') }),
  z.strictObject({
    version: VersionSchema,
    to: z.literal('concluded'),
    concludedOn: IsoDateSchema,
    conclusionText: TextSchema(50_000),
    conclusionSymbol: TextSchema(50).nullable().optional(),
    remedies: z.array(RemedySchema).max(100).optional(),
  }),
  z.strictObject({
    version: VersionSchema,
    to: z.literal('verified'),
    verifiedOn: IsoDateSchema,
    verificationText: TextSchema(20_000),
  }),
  z.strictObject({ version: VersionSchema, to: z.literal('cancelled'), note: TextSchema(2000) }),
]);
export const InspectionListQuerySchema = z.strictObject({
  orgId: IdSchema,
  state: z.enum(INSPECTION_STATES).optional(),
  year: z.coerce.number().int().min(1930).max(2200).optional(),
});
export const InspectionSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  programItemId: IdSchema.nullable(),
  programTitle: z.string().nullable(),
  programId: IdSchema.nullable(),
  programSymbol: z.string().nullable(),
  kind: z.enum(INSPECTION_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  decidingBody: z.string(),
  decidingBodyName: z.string(),
  decisionSymbol: z.string().nullable(),
  decidedOn: z.string().nullable(),
  team: z.array(z.object({ personId: IdSchema, name: z.string(), role: z.enum(TEAM_ROLES), roleLabel: z.string() })),
  targets: z.array(z.object({ id: IdSchema.nullable(), name: z.string() })),
  windowFrom: z.string().nullable(),
  windowTo: z.string().nullable(),
  findings: z.array(z.object({ target: z.string(), text: z.string(), violation: z.boolean() })),
  conclusionText: z.string().nullable(),
  conclusionSymbol: z.string().nullable(),
  concludedOn: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  verificationText: z.string().nullable(),
  state: z.enum(INSPECTION_STATES),
  stateLabel: z.string(),
  competence: RuleCheckSchema.nullable(),
  remedies: z.array(TaskListItemSchema),
  recommendations: z.array(z.object({ id: IdSchema, title: z.string(), state: z.string() })),
  nextSteps: z.array(z.object({ to: z.enum(INSPECTION_STATES), problems: z.array(z.string()) })),
  ...guardedRecordFields,
});

// — Recommendations

export const CreateRecommendationSchema = z.strictObject({
  /** The receiving organization. */
  orgId: IdSchema,
  toBodyId: IdSchema.nullable().optional(),
  source: z.enum(RECOMMENDATION_SOURCES),
  /** The sending organization (a lower unit): its clerk may file it; it follows the answer. */
  fromOrgId: IdSchema.nullable().optional(),
  fromLabel: TextSchema(300).optional(),
  inspectionId: IdSchema.nullable().optional(),
  title: TextSchema(1000),
  text: TextSchema(50_000),
  receivedOn: IsoDateSchema,
  confidentiality: ConfidentialitySchema.optional(),
});
export const RecommendationStepSchema = z.discriminatedUnion('to', [
  z.strictObject({
    version: VersionSchema,
    to: z.literal('assigned'),
    lead: TaskLeadSchema,
    dueDate: IsoDateSchema.optional(),
    supervisorPersonId: IdSchema.nullable().optional(),
  }),
  z.strictObject({
    version: VersionSchema,
    to: z.literal('answered'),
    answeredOn: IsoDateSchema,
    answerText: TextSchema(50_000),
    answerSymbol: TextSchema(50).nullable().optional(),
  }),
  z.strictObject({ version: VersionSchema, to: z.literal('withdrawn'), note: TextSchema(2000) }),
]);
export const RecommendationListQuerySchema = z.strictObject({
  orgId: IdSchema,
  state: z.enum([...RECOMMENDATION_STATES, 'open', 'overdue']).optional(),
  /** "received": sent to this organization; "sent": sent by it. */
  direction: z.enum(['received', 'sent']).default('received'),
  q: z.string().trim().min(1).max(200).optional(),
});
export const RecommendationSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  orgName: z.string(),
  toBodyId: IdSchema.nullable(),
  toBodyName: z.string().nullable(),
  source: z.enum(RECOMMENDATION_SOURCES),
  fromOrgId: IdSchema.nullable(),
  fromLabel: z.string(),
  inspectionId: IdSchema.nullable(),
  title: z.string(),
  text: z.string(),
  receivedOn: z.string(),
  dueOn: z.string().nullable(),
  dueBasis: RuleCheckSchema.nullable(),
  state: z.enum(RECOMMENDATION_STATES),
  status: z.object({ overdue: z.boolean(), late: z.boolean(), label_vi: z.string() }),
  answerText: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answerSymbol: z.string().nullable(),
  tasks: z.array(TaskListItemSchema),
  confidentiality: z.number().int(),
  canAnswer: z.boolean(),
  version: z.number().int(),
});

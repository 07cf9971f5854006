import { z } from 'zod';
import { TASK_STATES } from '../work/task.rules.js';
import { ConfidentialitySchema, IdSchema, IsoDateSchema, TextSchema, VersionSchema, counts } from './common.schema.js';
import { FileContentSchema, RuleCheckSchema, SheetUploadFields, SixClearSchema } from './common.schema.js';

/** The one lead (rõ người): a unit of the system (a body or an organization) or a person. */
export const TaskLeadSchema = z.strictObject({ kind: z.enum(['unit', 'person']), id: IdSchema, name: TextSchema(300) });
/** A supporting unit may be outside the system (a provincial department): then it has a name and no id. */
export const TaskSupportSchema = z.strictObject({
  kind: z.enum(['unit', 'person']),
  id: IdSchema.nullable(),
  name: TextSchema(300),
});

export const TASK_SOURCE_KINDS = [
  'conclusion_item',
  'program_item',
  'resolution',
  'directive',
  'letter',
  'recommendation',
  'inspection',
  'regulation',
  'other',
] as const;
export const TASK_SOURCE_LABELS: Record<(typeof TASK_SOURCE_KINDS)[number], { vi: string; en: string }> = {
  conclusion_item: { vi: 'Kết luận, thông báo kết luận', en: 'Conclusion' },
  program_item: { vi: 'Chương trình công tác', en: 'Work program' },
  resolution: { vi: 'Nghị quyết', en: 'Resolution' },
  directive: { vi: 'Chỉ thị', en: 'Directive' },
  letter: { vi: 'Công văn', en: 'Letter' },
  recommendation: { vi: 'Kiến nghị, đề xuất', en: 'Recommendation' },
  inspection: { vi: 'Kết luận kiểm tra, giám sát', en: 'Inspection' },
  regulation: { vi: 'Sửa đổi quy chế cấp trên', en: "Superior's regulation amended" },
  other: { vi: 'Khác', en: 'Other' },
};

const TaskFields = {
  title: TextSchema(1000),
  /** Exactly one lead (R9): none keeps the task a draft, two or more are refused. */
  leads: z.array(TaskLeadSchema).max(10).optional(),
  supporting: z.array(TaskSupportSchema).max(50).optional(),
  dueDate: IsoDateSchema.nullable().optional(),
  dueMeetingId: IdSchema.nullable().optional(),
  dueLabel: TextSchema(300).nullable().optional(),
  supervisorPersonId: IdSchema.nullable().optional(),
  decidingBody: z.string().trim().min(1).max(100).nullable().optional(),
  matter: z.string().max(100).nullable().optional(),
  matterAttributes: z.record(z.string().max(100), z.union([z.number(), z.string().max(200), z.boolean()])).optional(),
  product: TextSchema(500).nullable().optional(),
  accountability: TextSchema(1000).nullable().optional(),
  weight: z.number().int().min(1).max(100).optional(),
  milestones: z
    .array(z.strictObject({ title: TextSchema(300), dueDate: IsoDateSchema }))
    .max(50)
    .optional(),
};

export const CreateTaskSchema = z.strictObject({
  orgId: IdSchema,
  ...TaskFields,
  sourceKind: z.enum(TASK_SOURCE_KINDS),
  sourceLabel: TextSchema(300).nullable().optional(),
  sourceBodyId: IdSchema.nullable().optional(),
  confidentiality: ConfidentialitySchema.optional(),
  /** Assign at once when the 6 rõ are complete (else it stays a draft, the missing ones named). */
  assign: z.boolean().optional(),
});
export const UpdateTaskSchema = z.strictObject({
  version: VersionSchema,
  ...TaskFields,
  title: TextSchema(1000).optional(),
});
export const FromConclusionSchema = z.strictObject({
  /** Overrides for what the conclusion item did not state (a matter for the competence check, milestones). */
  matter: z.string().max(100).nullable().optional(),
  milestones: TaskFields.milestones,
  assign: z.boolean().optional(),
});
export const TaskTransitionSchema = z.strictObject({
  version: VersionSchema,
  to: z.enum(TASK_STATES),
  on: IsoDateSchema.optional(),
  note: TextSchema(2000).nullable().optional(),
  /** On accepting the result (`to: done`): what went beyond what was asked; counted in the year's assessment. */
  exceeded: TextSchema(2000).nullable().optional(),
});
export const TaskReportSchema = z.strictObject({
  reportedOn: IsoDateSchema,
  percent: z.number().min(0).max(100),
  text: TextSchema(20_000),
  files: z
    .array(
      z.strictObject({
        fileName: TextSchema(255),
        mediaType: z.string().max(200).nullable().optional(),
        contentBase64: FileContentSchema.min(1),
      }),
    )
    .max(10)
    .optional(),
  /** The lead reports the task finished: it moves to "reported" for the assigning level to accept. */
  finished: z.boolean().optional(),
});
export const ExtensionRequestSchema = z.strictObject({
  requestedOn: IsoDateSchema,
  requestedTo: IsoDateSchema,
  reason: TextSchema(2000),
});
export const ExtensionDecisionSchema = z.strictObject({
  version: VersionSchema,
  approved: z.boolean(),
  decidedOn: IsoDateSchema,
  /** The body that decided, by its code in the regulation (BTV, TT …): it must be the competent level. */
  decidedBy: z.string().trim().min(1).max(100),
  decisionRef: TextSchema(300).nullable().optional(),
  note: TextSchema(2000).nullable().optional(),
});

export const TaskListQuerySchema = z.strictObject({
  orgId: IdSchema.optional(),
  state: z.enum([...TASK_STATES, 'open', 'overdue']).optional(),
  leadOrgId: IdSchema.optional(),
  leadId: IdSchema.optional(),
  supervisorPersonId: IdSchema.optional(),
  /** Tasks the account's own person leads, supports or supervises ("Việc của tôi"). */
  mine: z.enum(['1']).optional(),
  sourceKind: z.enum(TASK_SOURCE_KINDS).optional(),
  sourceBodyId: IdSchema.optional(),
  dueFrom: IsoDateSchema.optional(),
  dueTo: IsoDateSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  asOf: IsoDateSchema.optional(),
  sort: z.enum(['due', 'updated', 'title']).default('due'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const TaskListItemSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  title: z.string(),
  state: z.enum(TASK_STATES),
  status: z.object({ overdue: z.boolean(), extended: z.boolean(), due: z.string().nullable(), label_vi: z.string() }),
  lead: TaskLeadSchema.nullable(),
  dueDate: z.string().nullable(),
  dueLabel: z.string().nullable(),
  extendedTo: z.string().nullable(),
  percent: z.number(),
  supervisorName: z.string().nullable(),
  sourceKind: z.string(),
  sourceLabel: z.string().nullable(),
  dueMeetingId: IdSchema.nullable(),
  assignedOn: z.string().nullable(),
  /** The lead's organization: its staff report progress and ask for extensions. */
  leadOrgId: IdSchema.nullable(),
  version: z.number().int(),
});
export const TaskSchema = TaskListItemSchema.extend({
  supporting: z.array(TaskSupportSchema),
  supervisorPersonId: IdSchema.nullable(),
  decidingBody: z.string().nullable(),
  matter: z.string().nullable(),
  product: z.string().nullable(),
  accountability: z.string().nullable(),
  sourceId: IdSchema.nullable(),
  sourceBodyId: IdSchema.nullable(),
  sourceBodyName: z.string().nullable(),
  weight: z.number().int(),
  doneOn: z.string().nullable(),
  /** Accepted as done beyond what was asked: what exceeded (the year's assessment counts it). */
  exceeded: z.string().nullable(),
  /** The deciding level's name in the organization's regulation (rõ thẩm quyền). */
  decidingBodyName: z.string().nullable(),
  /** Where the source lives: the conclusion's meeting, the item's program. */
  sourceMeetingId: IdSchema.nullable(),
  sourceProgramId: IdSchema.nullable(),
  /**
   * What the user may do: edit and move it (the assigning organization), report and ask for an extension
   * (also the lead's).
   */
  /** decide: extensions and accepting or returning a reported result (a leader, or the office recording it). */
  can: z.object({ write: z.boolean(), report: z.boolean(), decide: z.boolean(), readOrg: z.boolean() }),
  confidentiality: z.number().int(),
  allowedSteps: z.array(z.string()),
  sixClear: SixClearSchema,
  /** R9: the deciding level named against the regulation's competence for the task's matter. */
  competence: RuleCheckSchema.nullable(),
  /** Who decides an extension: the level that assigned the task. */
  extensionAuthority: z.object({ code: z.string(), name: z.string() }).nullable(),
  milestones: z.array(
    z.object({ id: IdSchema, title: z.string(), dueDate: z.string(), doneOn: z.string().nullable() }),
  ),
  reports: z.array(
    z.object({
      id: IdSchema,
      reportedOn: z.string(),
      percent: z.number(),
      text: z.string(),
      files: z.array(z.object({ id: IdSchema, fileName: z.string(), size: z.number().int() })),
    }),
  ),
  extensions: z.array(
    z.object({
      id: IdSchema,
      requestedOn: z.string(),
      requestedTo: z.string(),
      reason: z.string(),
      state: z.string(),
      decidedOn: z.string().nullable(),
      decidedBy: z.string().nullable(),
      decisionRef: z.string().nullable(),
      note: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
});

export const CoverageSchema = z.object({
  orgId: IdSchema,
  asOf: z.string(),
  regulation: z.object({ versionId: IdSchema, regulationId: IdSchema, expression: z.string() }).nullable(),
  findings: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(['gap', 'overlap', 'load']),
      subject: z.string(),
      message_vi: z.string(),
      people: z.array(z.object({ id: IdSchema, name: z.string() })),
      ruleIds: z.array(z.string()),
      eIds: z.array(z.string()),
    }),
  ),
  counts: z.object({ duties: z.number().int(), fields: z.number().int(), members: z.number().int() }),
  load: z.array(
    z.object({
      personId: IdSchema,
      name: z.string(),
      ...counts('fields', 'openTasks', 'overdueTasks'),
    }),
  ),
});

export const TaskDashboardSchema = z.object({
  orgId: IdSchema,
  asOf: z.string(),
  totals: z.object({
    ...counts('open', 'overdue', 'dueSoon', 'draft', 'doneThisYear'),
  }),
  overdueByUnit: z.array(
    z.object({ leadId: IdSchema.nullable(), leadName: z.string(), count: z.number().int(), oldestDue: z.string() }),
  ),
  overdueBySupervisor: z.array(z.object({ personId: IdSchema, name: z.string(), count: z.number().int() })),
  completionByMonth: z.array(
    z.object({ month: z.string(), done: z.number().int(), onTime: z.number().int(), late: z.number().int() }),
  ),
  bottlenecks: z.object({
    mostExtended: z.array(
      z.object({ taskId: IdSchema, title: z.string(), leadName: z.string().nullable(), extensions: z.number().int() }),
    ),
    longestOverdue: z.array(
      z.object({
        taskId: IdSchema,
        title: z.string(),
        leadName: z.string().nullable(),
        due: z.string(),
        daysOverdue: z.number().int(),
      }),
    ),
  }),
});

/** Action items of conclusions that are not tasks yet: what follow-up still has to take up. */
export const PendingActionItemSchema = z.object({
  id: IdSchema,
  text: z.string(),
  leads: z.array(TaskLeadSchema),
  dueDate: z.string().nullable(),
  dueLabel: z.string().nullable(),
  conclusionSymbol: z.string(),
  issuedOn: z.string(),
  meetingId: IdSchema,
  meetingTitle: z.string(),
});
export const PendingActionItemsQuerySchema = z.strictObject({ orgId: IdSchema });

/** A spreadsheet of tasks to import: XLSX as exported by GET /tasks/export.xlsx (the same columns). */
export const TaskImportSchema = z.strictObject({ orgId: IdSchema, ...SheetUploadFields });
export const TaskImportResultSchema = z.object({
  dryRun: z.boolean(),
  ...counts('created', 'updated', 'unchanged'),
  rows: z.array(
    z.object({
      row: z.number().int(),
      id: IdSchema.nullable(),
      title: z.string(),
      lead: z.string().nullable(),
      dueDate: z.string().nullable(),
      action: z.enum(['create', 'update', 'unchanged']),
    }),
  ),
});

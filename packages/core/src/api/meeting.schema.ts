import { z } from 'zod';
import { MEETING_FORMATS, MEETING_KINDS } from '../meeting/meeting.rules.js';
import { ConfidentialitySchema, IdSchema, IsoDateSchema, TextSchema, VersionSchema, counts } from './common.schema.js';
import { FileContentSchema, RuleCheckSchema, SixClearSchema } from './common.schema.js';
import { guardedRecordFields } from './common.schema.js';
import { TaskLeadSchema, TaskSupportSchema } from './task.schema.js';

const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Giờ dạng HH:MM (ví dụ 08:00)' });

/** The when and where of a meeting, as its full view and its list row both show them. */
const meetingSlotFields = {
  title: z.string(),
  meetingDate: z.string(),
  startsAt: z.string().nullable(),
  location: z.string().nullable(),
  format: z.string(),
  provinceWide: z.boolean(),
};
export const CreateMeetingSchema = z.strictObject({
  bodyId: IdSchema,
  kind: z.enum(MEETING_KINDS),
  title: TextSchema(500),
  meetingDate: IsoDateSchema,
  startsAt: TimeSchema.nullable().optional(),
  location: TextSchema(300).nullable().optional(),
  format: z.enum(MEETING_FORMATS).optional(),
  provinceWide: z.boolean().optional(),
  /** Written consultation: the date replies are due. */
  consultationDeadline: IsoDateSchema.nullable().optional(),
  confidentiality: ConfidentialitySchema.optional(),
});
export const UpdateMeetingSchema = z.strictObject({
  version: VersionSchema,
  title: TextSchema(500).optional(),
  meetingDate: IsoDateSchema.optional(),
  startsAt: TimeSchema.nullable().optional(),
  location: TextSchema(300).nullable().optional(),
  format: z.enum(MEETING_FORMATS).optional(),
  provinceWide: z.boolean().optional(),
  consultationDeadline: IsoDateSchema.nullable().optional(),
  chairPersonId: IdSchema.nullable().optional(),
  secretaryName: TextSchema(200).nullable().optional(),
});
export const ConveneMeetingSchema = z.strictObject({
  version: VersionSchema,
  /** The body that decided to convene (its code in the regulation: BTV, TT …); null when there is no decision. */
  convenedBy: z.string().max(50).nullable(),
  conveningRef: TextSchema(200).nullable().optional(),
});
export const SendDocumentsSchema = z.strictObject({ version: VersionSchema, sentOn: IsoDateSchema });
export const MeetingStepSchema = z.strictObject({
  version: VersionSchema,
  on: IsoDateSchema.optional(),
  /** Why a meeting is opened or closed before its date (a record entered afterwards, a test): kept in the audit. */
  earlyReason: TextSchema(500).optional(),
});
export const CancelMeetingSchema = z.strictObject({ version: VersionSchema, reason: TextSchema(500) });
/** Moving a planned or convened meeting to another date (dời ngày họp): the reason is required and kept. */
export const RescheduleMeetingSchema = z.strictObject({
  version: VersionSchema,
  meetingDate: IsoDateSchema,
  /** Omitted: unchanged; null: no time, no place. */
  startsAt: TimeSchema.nullable().optional(),
  location: TextSchema(300).nullable().optional(),
  reason: TextSchema(500),
});

export const ATTENDANCE_STATUSES = ['summoned', 'present', 'absent_excused', 'absent'] as const;
export const AttendanceUpdateSchema = z.strictObject({
  status: z.enum(ATTENDANCE_STATUSES),
  reason: TextSchema(300).nullable().optional(),
  /** The connection point the person attends from (online conferences). */
  siteId: IdSchema.nullable().optional(),
});
export const CreateGuestSchema = z.strictObject({
  name: TextSchema(200),
  title: TextSchema(300).nullable().optional(),
  siteId: IdSchema.nullable().optional(),
});
/** At a connection point, the point is the one in the address. */
export const SiteAttendanceSchema = AttendanceUpdateSchema.omit({ siteId: true });
export const SiteGuestSchema = CreateGuestSchema.omit({ siteId: true });
export const CreateSiteSchema = z.strictObject({
  name: TextSchema(300),
  hostOrgId: IdSchema.nullable().optional(),
  leadPersonId: IdSchema.nullable().optional(),
});

export const CreateAgendaItemSchema = z.strictObject({
  title: TextSchema(500),
  matter: z.string().max(100).nullable().optional(),
  attributes: z.record(z.string().max(100), z.union([z.number(), z.string().max(200), z.boolean()])).optional(),
  topic: z.string().max(100).nullable().optional(),
  presentingUnit: TextSchema(300).nullable().optional(),
  confidentiality: ConfidentialitySchema.optional(),
  /**
   * The item reports back on what a body decided since the last session under a rule that asks it to (the TT
   * to the BTV).
   */
  reportsBack: z.boolean().optional(),
});
export const VOTE_METHODS = ['show_of_hands', 'secret_ballot', 'written'] as const;
export const CastVoteSchema = z.strictObject({
  method: z.enum(VOTE_METHODS),
  yes: z.number().int().min(0).max(100_000),
  no: z.number().int().min(0).max(100_000),
  abstain: z.number().int().min(0).max(100_000),
});
export const ReservedOpinionSchema = z.strictObject({ personId: IdSchema, text: TextSchema(5000) });
export const CreateMeetingDocumentSchema = z.strictObject({
  title: TextSchema(500),
  docType: z.string().max(10).nullable().optional(),
  agendaItemId: IdSchema.nullable().optional(),
  confidentiality: ConfidentialitySchema.optional(),
  fileName: TextSchema(255).nullable().optional(),
  mediaType: z.string().max(200).nullable().optional(),
  /** The file itself, base64 (up to 8 MB). */
  contentBase64: FileContentSchema.nullable().optional(),
});
export const WRITTEN_CHOICES = ['agree', 'disagree', 'abstain'] as const;
export const WrittenResponseSchema = z.strictObject({
  personId: IdSchema,
  receivedOn: IsoDateSchema,
  answers: z
    .array(
      z.strictObject({
        itemId: IdSchema,
        choice: z.enum(WRITTEN_CHOICES),
        comment: TextSchema(2000).nullable().optional(),
      }),
    )
    .min(1)
    .max(100),
});
export const MinutesSchema = z.strictObject({ version: VersionSchema, text: TextSchema(200_000) });

const LeadSchema = TaskLeadSchema;
const SupportSchema = TaskSupportSchema;
export const ConclusionItemInputSchema = z.strictObject({
  kind: z.enum(['conclusion', 'action']),
  text: TextSchema(5000),
  leads: z.array(LeadSchema).max(20).optional(),
  supporting: z.array(SupportSchema).max(50).optional(),
  dueDate: IsoDateSchema.nullable().optional(),
  dueMeetingId: IdSchema.nullable().optional(),
  dueLabel: TextSchema(200).nullable().optional(),
  supervisorPersonId: IdSchema.nullable().optional(),
  decidingBody: z.string().max(100).nullable().optional(),
  product: TextSchema(500).nullable().optional(),
});
export const IssueConclusionSchema = z.strictObject({
  issuedOn: IsoDateSchema,
  /** TB (thông báo kết luận) by default; KL (kết luận) by default for a conference of the BCH. */
  docType: z.enum(['TB', 'KL']).optional(),
  summary: TextSchema(2000),
  signer: z.strictObject({ personId: IdSchema.nullable().optional(), for: TextSchema(200), position: TextSchema(200) }),
  recipients: z.array(TextSchema(300)).max(100).optional(),
  items: z.array(ConclusionItemInputSchema).min(1).max(200),
});

export const ConclusionSchema = z.object({
  id: IdSchema,
  docType: z.enum(['TB', 'KL']),
  symbol: z.string(),
  issuedOn: z.string(),
  summary: z.string(),
  signer: z.object({
    personId: IdSchema.nullable(),
    name: z.string().nullable(),
    for: z.string().nullable(),
    position: z.string().nullable(),
  }),
  recipients: z.array(z.string()),
  deadline: RuleCheckSchema.nullable(),
  items: z.array(
    z.object({
      id: IdSchema,
      position: z.number().int(),
      kind: z.string(),
      text: z.string(),
      leads: z.array(LeadSchema),
      supporting: z.array(SupportSchema),
      dueDate: z.string().nullable(),
      dueMeetingId: IdSchema.nullable(),
      dueLabel: z.string().nullable(),
      supervisorPersonId: IdSchema.nullable(),
      supervisorName: z.string().nullable(),
      decidingBody: z.string().nullable(),
      product: z.string().nullable(),
      sixClear: SixClearSchema.nullable(),
      /** The task following an action item, once it is one. */
      task: z
        .object({ id: IdSchema, state: z.string(), percent: z.number(), overdue: z.boolean(), label_vi: z.string() })
        .nullable(),
    }),
  ),
  /** Follow-up of the action items, weighted over their tasks (items not yet tasks count as 0 %). */
  progress: z.object({
    percent: z.number(),
    ...counts('actionItems', 'tasks', 'done', 'overdue'),
  }),
});

const Attendance = z.object({
  id: IdSchema,
  personId: IdSchema.nullable(),
  fullName: z.string(),
  title: z.string().nullable(),
  role: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  siteId: IdSchema.nullable(),
});
export const LiveSummarySchema = z.object({
  meetingId: IdSchema,
  version: z.number().int(),
  state: z.string(),
  counts: z.object({
    ...counts('summoned', 'present', 'absentExcused', 'absent', 'guests'),
  }),
  quorum: RuleCheckSchema.nullable(),
  sites: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      ...counts('summoned', 'present', 'guests'),
    }),
  ),
  at: z.string(),
});
export const MeetingSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  bodyId: IdSchema,
  bodyKind: z.string(),
  bodyName: z.string(),
  kind: z.enum(MEETING_KINDS),
  state: z.string(),
  allowedSteps: z.array(z.string()),
  ...meetingSlotFields,
  consultationDeadline: z.string().nullable(),
  convenedBy: z.string().nullable(),
  conveningRef: z.string().nullable(),
  documentsSentOn: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** The chair, with the office held in the body on the meeting date and the signing line it gives ("BÍ THƯ"). */
  chair: z
    .object({
      personId: IdSchema,
      fullName: z.string(),
      title: z.string().nullable(),
      signingPosition: z.string().nullable(),
    })
    .nullable(),
  secretaryName: z.string().nullable(),
  /**
   * The meeting's date changes, oldest first, each with its reason and, once convened, the notice check against
   * the new date.
   */
  reschedules: z.array(
    z.object({
      id: IdSchema,
      fromDate: z.string(),
      toDate: z.string(),
      fromStartsAt: z.string().nullable(),
      toStartsAt: z.string().nullable(),
      fromLocation: z.string().nullable(),
      toLocation: z.string().nullable(),
      /** Null: the planned date corrected before convening (no notice had gone out). */
      reason: z.string().nullable(),
      /** The state the meeting was in: once convened, the convening notice is sent again for the new date. */
      state: z.string(),
      notice: RuleCheckSchema.nullable(),
      byName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  ...guardedRecordFields,
  /** What the signed-in user may do here: record (write) and see reserved opinions. */
  can: z.object({ write: z.boolean(), readReserved: z.boolean() }),
  /** The regulation the meeting is held under, with what a form needs of it (matters, topics, the convening body). */
  regulation: z
    .object({
      versionId: IdSchema,
      regulationId: IdSchema,
      expression: z.string(),
      conveningBody: z.string().nullable(),
      bodies: z.array(z.object({ code: z.string(), name: z.string() })),
      matters: z.array(z.object({ code: z.string(), name: z.string(), attributes: z.array(z.string()) })),
      topics: z.array(z.object({ code: z.string(), name: z.string() })),
    })
    .nullable(),
  checks: z.object({
    convening: RuleCheckSchema.nullable(),
    notice: RuleCheckSchema.nullable(),
    quorum: RuleCheckSchema.nullable(),
    conclusionDeadline: RuleCheckSchema.nullable(),
  }),
  attendance: z.array(Attendance),
  counts: z.object({
    ...counts('summoned', 'present', 'absentExcused', 'absent', 'guests'),
  }),
  sites: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      hostOrgId: IdSchema.nullable(),
      leadPersonId: IdSchema.nullable(),
      leadName: z.string().nullable(),
      ...counts('summoned', 'present', 'guests'),
    }),
  ),
  documents: z.array(
    z.object({
      id: IdSchema,
      title: z.string(),
      docType: z.string().nullable(),
      agendaItemId: IdSchema.nullable(),
      confidentiality: z.number().int(),
      fileName: z.string().nullable(),
      size: z.number().int().nullable(),
      createdAt: z.string(),
    }),
  ),
  agenda: z.array(
    z.object({
      id: IdSchema,
      position: z.number().int(),
      title: z.string(),
      matter: z.string().nullable(),
      matterName: z.string().nullable(),
      attributes: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
      topic: z.string().nullable(),
      presentingUnit: z.string().nullable(),
      reportsBack: z.boolean(),
      confidentiality: z.number().int(),
      competence: RuleCheckSchema.nullable(),
      votes: z.array(
        z.object({
          id: IdSchema,
          method: z.string(),
          ...counts('yes', 'no', 'abstain', 'totalMembers', 'present'),
          passed: z.boolean(),
          reason_vi: z.string(),
          ruleIds: z.array(z.string()),
          eIds: z.array(z.string()),
        }),
      ),
      /** Only for those entitled (R12); absent otherwise. */
      reservedOpinions: z
        .array(
          z.object({ id: IdSchema, personId: IdSchema, fullName: z.string(), text: z.string(), createdAt: z.string() }),
        )
        .optional(),
      writtenTally: z
        .object({
          ...counts('agree', 'disagree', 'abstain', 'replied'),
        })
        .nullable(),
    }),
  ),
  minutes: z.object({ text: z.string(), approvedOn: z.string().nullable() }).nullable(),
  conclusion: ConclusionSchema.nullable(),
  /**
   * What follow-up puts before this meeting: tasks due at it, and — when it is the body's next regular meeting — the
   * overdue tasks the body assigned (an overdue task comes back to the body that decided it).
   */
  proposedAgenda: z.array(
    z.object({
      taskId: IdSchema,
      kind: z.enum(['overdue', 'due_here']),
      title: z.string(),
      leadName: z.string().nullable(),
      due: z.string().nullable(),
      sourceLabel: z.string().nullable(),
      reason_vi: z.string(),
    }),
  ),
});
export const SiteViewSchema = z.object({
  /** Whether the user may record attendance at this point (the meeting's organization or the point's host). */
  can: z.object({ write: z.boolean() }),
  meeting: z.object({
    id: IdSchema,
    title: z.string(),
    bodyName: z.string(),
    meetingDate: z.string(),
    startsAt: z.string().nullable(),
    state: z.string(),
    format: z.string(),
  }),
  site: z.object({ id: IdSchema, name: z.string(), hostOrgId: IdSchema.nullable(), leadName: z.string().nullable() }),
  live: LiveSummarySchema,
  /** The meeting's attendance as a site sees it: whether each one is here, at this site. */
  attendance: z.array(Attendance.omit({ personId: true }).extend({ here: z.boolean() })),
});
export const MeetingListItemSchema = z.object({
  id: IdSchema,
  bodyId: IdSchema,
  bodyKind: z.string(),
  bodyName: z.string(),
  kind: z.string(),
  state: z.string(),
  ...meetingSlotFields,
  conclusionSymbol: z.string().nullable(),
});
export const MeetingListQuerySchema = z.strictObject({
  orgId: IdSchema.optional(),
  bodyId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
});
/** `year` defaults to the current year in Vietnam; `asOf` (default today) is the date the periods are judged at. */
export const CalendarQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  asOf: IsoDateSchema.optional(),
});

const CalendarMeetingSchema = z.object({
  id: IdSchema,
  date: z.string(),
  kind: z.string(),
  state: z.string(),
  title: z.string().optional(),
});
const RegulationVersionRef = z.object({ versionId: IdSchema, expression: z.string(), inForceFrom: z.string() });
export const BodyCalendarSchema = z.object({
  body: z.object({ id: IdSchema, kind: z.string(), name: z.string() }),
  year: z.number().int(),
  asOf: z.string(),
  regulations: z.array(RegulationVersionRef),
  meetings: z.array(
    z.object({ id: IdSchema, kind: z.string(), state: z.string(), title: z.string(), meetingDate: z.string() }),
  ),
  regime: z
    .object({
      periods: z.array(
        z.object({
          from: z.string(),
          to: z.string(),
          label_vi: z.string(),
          expected: z.number().int(),
          nominal: z.array(z.string()),
          held: z.array(CalendarMeetingSchema),
          scheduled: z.array(CalendarMeetingSchema),
          other: z.array(CalendarMeetingSchema),
          status: z.enum(['ok', 'short', 'excused', 'pending', 'at_risk']),
          reason_vi: z.string(),
        }),
      ),
      deviations: z.array(
        z.object({
          code: z.string(),
          period: z.object({ from: z.string(), to: z.string(), label_vi: z.string() }),
          expected: z.number().int(),
          held: z.number().int(),
          message_vi: z.string(),
          ruleIds: z.array(z.string()),
          eIds: z.array(z.string()),
        }),
      ),
      reason_vi: z.string(),
      ruleIds: z.array(z.string()),
      eIds: z.array(z.string()),
    })
    .nullable(),
});
export const DeviationReportSchema = z.object({
  orgId: IdSchema,
  year: z.number().int(),
  asOf: z.string(),
  regulations: z.array(RegulationVersionRef),
  deviations: z.array(
    z.object({
      code: z.string(),
      bodyKind: z.string(),
      bodyName: z.string(),
      date: z.string(),
      meetingId: IdSchema.nullable(),
      meetingTitle: z.string().nullable(),
      period: z.string().nullable(),
      message_vi: z.string(),
      ruleIds: z.array(z.string()),
      eIds: z.array(z.string()),
    }),
  ),
});
const RationalSchema = z.object({ num: z.number().int(), den: z.number().int() });
export const ConferenceQuotaReportSchema = z.object({
  orgId: IdSchema,
  year: z.number().int(),
  regulation: z.object({ versionId: IdSchema, regulationId: IdSchema, expression: z.string() }).nullable(),
  totals: z.object({
    ...counts('total', 'inPerson', 'online', 'provinceWide'),
    lastYearTotal: z.number().int().nullable(),
    lastYearSource: z.enum(['records', 'baseline']).nullable(),
    lastYearNote: z.string().nullable(),
  }),
  byMonth: z.array(z.object({ month: z.number().int(), inPerson: z.number().int(), online: z.number().int() })),
  conferences: z.array(
    z.object({
      id: IdSchema,
      title: z.string(),
      meetingDate: z.string(),
      bodyName: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      format: z.string(),
      provinceWide: z.boolean(),
    }),
  ),
  quota: z
    .object({
      rule: z.object({
        maxInPersonShare: RationalSchema.nullable(),
        maxProvinceWide: z.number().int().nullable(),
        minReduction: RationalSchema.nullable(),
      }),
      ok: z.boolean(),
      items: z.array(z.object({ code: z.string(), ok: z.boolean().nullable(), message_vi: z.string() })),
      ruleIds: z.array(z.string()),
      eIds: z.array(z.string()),
    })
    .nullable(),
});

export const FeedTokenSchema = z.object({
  token: z.string(),
  bodyFeedTemplate: z.string(),
  personFeedTemplate: z.string(),
});

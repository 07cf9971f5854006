import { z } from 'zod';
import { MEETING_KINDS } from '../meeting/meeting.rules.js';
import { IdSchema, IsoDateSchema, TextSchema, VersionSchema } from './common.schema.js';

export const CreateMeetingSchema = z.strictObject({
  bodyId: IdSchema,
  kind: z.enum(MEETING_KINDS),
  title: TextSchema(500),
  meetingDate: IsoDateSchema,
});
export const ConveneMeetingSchema = z.strictObject({
  version: VersionSchema,
  /** The body that decided to convene (its code in the regulation: BTV, TT …); null when there is no decision. */
  convenedBy: z.string().max(50).nullable(),
  conveningRef: TextSchema(200).nullable().optional(),
});
export const SendDocumentsSchema = z.strictObject({ version: VersionSchema, sentOn: IsoDateSchema });
export const AttendanceUpdateSchema = z.strictObject({
  status: z.enum(['summoned', 'present', 'absent_excused', 'absent']),
  reason: TextSchema(300).nullable().optional(),
});
export const CreateAgendaItemSchema = z.strictObject({
  title: TextSchema(500),
  matter: z.string().max(100).nullable().optional(),
  attributes: z.record(z.string().max(100), z.union([z.number(), z.string().max(200), z.boolean()])).optional(),
  topic: z.string().max(100).nullable().optional(),
  presentingUnit: TextSchema(300).nullable().optional(),
});
export const CastVoteSchema = z.strictObject({
  method: z.enum(['show_of_hands', 'secret_ballot', 'written']),
  yes: z.number().int().min(0).max(100_000),
  no: z.number().int().min(0).max(100_000),
  abstain: z.number().int().min(0).max(100_000),
});
const Check = z.object({ ok: z.boolean(), reason_vi: z.string(), ruleIds: z.array(z.string()), eIds: z.array(z.string()) });
export const MeetingSchema = z.object({
  id: IdSchema,
  orgId: IdSchema,
  bodyId: IdSchema,
  bodyName: z.string(),
  kind: z.enum(MEETING_KINDS),
  state: z.string(),
  title: z.string(),
  meetingDate: z.string(),
  convenedBy: z.string().nullable(),
  conveningRef: z.string().nullable(),
  documentsSentOn: z.string().nullable(),
  version: z.number().int(),
  regulation: z.object({ versionId: IdSchema, expression: z.string() }).nullable(),
  checks: z.object({ convening: Check.nullable(), notice: Check.nullable(), quorum: Check.nullable() }),
  attendance: z.array(z.object({ id: IdSchema, personId: IdSchema, fullName: z.string(), role: z.string(), status: z.string(), reason: z.string().nullable() })),
  counts: z.object({ summoned: z.number().int(), present: z.number().int() }),
  agenda: z.array(
    z.object({
      id: IdSchema,
      position: z.number().int(),
      title: z.string(),
      matter: z.string().nullable(),
      topic: z.string().nullable(),
      presentingUnit: z.string().nullable(),
      competence: Check.nullable(),
      votes: z.array(z.object({ id: IdSchema, method: z.string(), yes: z.number().int(), no: z.number().int(), abstain: z.number().int(), totalMembers: z.number().int(), present: z.number().int(), passed: z.boolean(), reason_vi: z.string() })),
    }),
  ),
});

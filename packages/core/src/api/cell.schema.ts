import { z } from 'zod';
import { counts, IdSchema, IsoDateSchema, RuleCheckSchema, TextSchema } from './common.schema.js';

// `format: 'time'`: a time left blank is "Thiếu …", a malformed one names the field (validation.messages.ts).
const TimeSchema = z.string().refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), {
  message: 'Giờ dạng HH:MM (ví dụ 16:00)',
  params: { format: 'time' },
});

/** A cell's meeting as its secretary records it once held: when, who attended (and why not), the resolution. */
export const CellMeetingRecordSchema = z
  .strictObject({
    kind: z.enum(['regular', 'thematic']),
    meetingDate: IsoDateSchema,
    startsAt: TimeSchema,
    endsAt: TimeSchema,
    location: z.string().trim().max(300).optional(),
    theme: z.string().trim().max(500).optional(),
    attendance: z
      .array(
        z.strictObject({
          personId: IdSchema,
          status: z.enum(['present', 'absent_excused', 'absent']),
          reason: z.string().trim().max(500).optional(),
        }),
      )
      .min(1)
      .max(500),
    resolution: TextSchema(20_000),
    /** The superior committee's member who attended to observe (dự, chỉ đạo), if any. */
    observer: z.strictObject({ name: TextSchema(200), title: z.string().trim().max(300).optional() }).optional(),
  })
  .refine((x) => x.endsAt > x.startsAt, { message: 'Giờ kết thúc phải sau giờ bắt đầu', path: ['endsAt'] })
  .refine((x) => x.kind !== 'thematic' || Boolean(x.theme), {
    message: 'Buổi sinh hoạt chuyên đề cần ghi chuyên đề',
    path: ['theme'],
  })
  .superRefine((x, ctx) =>
    x.attendance.forEach((a, i) => {
      if (a.status === 'absent_excused' && !a.reason)
        ctx.addIssue({
          code: 'custom',
          message: 'Vắng có lý do cần ghi lý do',
          path: ['attendance', i, 'reason'],
        });
    }),
  );

export const CellMeetingRecordResultSchema = z
  .object({
    id: IdSchema,
    /** The cell's assembly (the body whose resolution the meeting adopted: the tasks it gives cite it). */
    bodyId: IdSchema,
    title: z.string(),
    date: IsoDateSchema,
    observer: z.string().nullable(),
    counts: z.object(counts('summoned', 'present', 'absentExcused', 'absent')),
    /** The meeting's length against the regulation's minimum (null: none set). */
    length: RuleCheckSchema.nullable(),
  })
  .meta({ id: 'CellMeetingRecord' });

/** Who the cell's assembly summons on a date, for the secretary's attendance list. */
export const CellRosterQuerySchema = z.strictObject({ date: IsoDateSchema.optional() });
export const CellRosterSchema = z
  .object({
    cellId: IdSchema,
    cellName: z.string(),
    date: IsoDateSchema,
    members: z.array(
      z.object({
        personId: IdSchema,
        fullName: z.string(),
        status: z.enum(['official', 'probationary']),
        exempted: z.boolean(),
      }),
    ),
    /** The minimum length of a regular and of a thematic meeting under the cell's regulation, with the clause. */
    minMinutes: z.object({ regular: z.number().int().nullable(), thematic: z.number().int().nullable() }),
    regulation: z.string().nullable(),
  })
  .meta({ id: 'CellRoster' });

const MyMeetingSchema = z.object({
  id: IdSchema,
  title: z.string(),
  date: IsoDateSchema,
  kind: z.string(),
  state: z.string(),
  startsAt: z.string().nullable(),
  location: z.string().nullable(),
  documents: z.array(z.object({ id: IdSchema, title: z.string(), fileName: z.string().nullable() })),
});

/** A member's own page: their cell's next meeting and its documents, their plan, tasks and dues. */
export const MyCellSchema = z
  .object({
    member: z.object({ personId: IdSchema, fullName: z.string(), status: z.enum(['official', 'probationary']) }),
    cell: z.object({ id: IdSchema, name: z.string() }),
    next: MyMeetingSchema.nullable(),
    past: z.array(MyMeetingSchema),
    plan: z
      .object({
        year: z.number().int(),
        commitment: z.string(),
        items: z.array(
          z.object({
            id: IdSchema,
            position: z.number().int(),
            text: z.string(),
            product: z.string().nullable(),
            dueDate: IsoDateSchema.nullable(),
            /** Can it be measured at the year's end (a product, a date, a figure), and what it lacks. */
            measurable: z.object({ ok: z.boolean(), reason_vi: z.string() }),
            progress: z.enum(['not_started', 'in_progress', 'done', 'dropped']),
            progressNote: z.string().nullable(),
            checkedInOn: IsoDateSchema.nullable(),
          }),
        ),
        /** The plan carried into the year-end self-assessment (QĐ 366-QĐ/TW Điều 6), as last checked in. */
        selfAssessment: z.object({
          ...counts('done', 'inProgress', 'notStarted', 'dropped', 'total'),
          text_vi: z.string(),
        }),
      })
      .nullable(),
    tasks: z.array(z.object({ id: IdSchema, title: z.string(), state: z.string(), due: IsoDateSchema.nullable() })),
    dues: z.array(
      z.object({
        month: z.string(),
        status: z.string(),
        amount: z.number().nullable(),
        paidOn: IsoDateSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'MyCell' });

/** The member's check-in on an item of their plan (mid-year and after): how far it got, and a note. */
export const PlanItemCheckInSchema = z.strictObject({
  progress: z.enum(['not_started', 'in_progress', 'done', 'dropped']),
  note: z.string().trim().max(1000).optional(),
});

/** An item of the member's own action plan of this year: what, its product and its date (measurable). */
export const PlanItemCreateSchema = z.strictObject({
  text: TextSchema(1000),
  product: TextSchema(500),
  dueDate: IsoDateSchema,
});

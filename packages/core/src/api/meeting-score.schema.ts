import { z } from 'zod';
import { IsoDateSchema } from './common.schema.js';

const ScoreLinesSchema = z
  .array(z.strictObject({ criterion: z.string().min(1).max(64), points: z.number().min(0).max(1000) }))
  .min(1, 'Chưa chấm tiêu chí nào')
  .max(50);

/** The cell scores its meeting on the province's sheet. */
export const MeetingScoreInputSchema = z.strictObject({ scores: ScoreLinesSchema });

/** The grassroots committee checks the cell's score (its points are the official ones), at the version it read. */
export const MeetingScoreCheckSchema = z.strictObject({
  version: z.number().int().min(1),
  scores: ScoreLinesSchema,
  note: z.string().trim().max(2000).optional(),
});

const ScoredSchema = z.object({
  scores: z.array(z.object({ criterion: z.string(), points: z.number() })),
  total: z.number(),
  grade: z.string().nullable(),
  by: z.string().nullable(),
  on: IsoDateSchema.nullable(),
  note: z.string().nullable(),
});

export const MeetingScoreSchema = z
  .object({
    meetingId: z.string(),
    /** The province's sheet in force on the meeting's day (null: the regulation has none; `reason_vi` says so). */
    sheet: z
      .object({
        criteria: z.array(z.object({ id: z.string(), text: z.string(), max: z.number() })),
        grades: z.array(z.object({ min: z.number(), label: z.string() })),
        max: z.number(),
        eIds: z.array(z.string()),
        regulation: z.string(),
      })
      .nullable(),
    reason_vi: z.string(),
    scored: ScoredSchema.nullable(),
    checked: ScoredSchema.nullable(),
    version: z.number().int().nullable(),
    /** What this user may do: score (the cell), check (the grassroots committee). */
    mayScore: z.boolean(),
    mayCheck: z.boolean(),
  })
  .meta({ id: 'MeetingScore' });

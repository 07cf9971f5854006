import { z } from 'zod';
import { ADJUSTABLE_FIGURES, ASSESSMENT_FACTS } from '../assessment/assessment.evidence.js';
import { ASSESSMENT_LEVELS } from '../regulation/reg.model.js';
import { IdSchema, IsoDateSchema } from './common.schema.js';

const Year = z.coerce.number().int().min(2000).max(2100);
const Version = z.number().int().min(1);
const Level = z.enum(ASSESSMENT_LEVELS);

export const AssessmentYearSchema = z.strictObject({ year: Year });
/** The year asked; the current one (of the server's today) unless given. */
export const AssessmentListQuerySchema = z.strictObject({ year: Year.optional() });

/** The member's (or the organization's) self-assessment: points per criterion group, and what they write. */
export const SelfAssessmentSchema = z.strictObject({
  version: Version,
  points: z.record(z.string().min(1).max(64), z.number().min(0).max(100)),
  text: z.string().trim().max(20_000).optional(),
});

/** The assessor changes a prefilled figure or records a fact; the reason is kept beside the number. */
export const AdjustAssessmentSchema = z.strictObject({
  version: Version,
  field: z.enum([...ADJUSTABLE_FIGURES, ...ASSESSMENT_FACTS]),
  value: z.union([z.number().int().min(0).max(100_000), z.boolean()]),
  reason: z.string().trim().min(10, 'Lý do thay đổi số liệu cần ít nhất 10 ký tự').max(2000),
});

/** The cell's (or the committee's) opinion and the level it proposes. */
export const AssessmentOpinionSchema = z.strictObject({
  version: Version,
  text: z.string().trim().min(1, 'Chưa ghi ý kiến').max(20_000),
  level: Level.optional(),
});

/** The competent level's decision: the level, and where the rules allow it the unit found outstanding. */
export const DecideAssessmentSchema = z.strictObject({
  version: Version,
  level: Level,
  outstanding: z.boolean().optional(),
  justification: z.string().trim().max(5000).optional(),
});

const FigureSchema = z.object({ value: z.number(), records: z.array(z.string()), basis_vi: z.string() });
const AnswerLike = z.object({ ruleIds: z.array(z.string()), eIds: z.array(z.string()), reason_vi: z.string() });

export const AssessmentSchema = z
  .object({
    id: IdSchema,
    year: z.number().int(),
    subject: z.enum(['member', 'organization']),
    name: z.string(),
    orgId: IdSchema,
    orgName: z.string(),
    unitId: IdSchema,
    personId: IdSchema.nullable(),
    state: z.enum(['open', 'self_assessed', 'reviewed', 'decided']),
    rules: z.object({ regulationId: IdSchema, title: z.string(), expression: z.string() }),
    criteria: z.array(z.object({ id: z.string(), text: z.string(), max: z.number() })),
    evidence: z.record(z.string(), FigureSchema.extend({ label_vi: z.string(), adjusted: z.boolean() })),
    facts: z.record(z.string(), z.object({ value: z.boolean(), label_vi: z.string() })),
    adjustments: z.array(
      z.object({
        field: z.string(),
        label_vi: z.string(),
        from: z.union([z.number(), z.boolean()]),
        to: z.union([z.number(), z.boolean()]),
        reason: z.string(),
        by: z.string(),
        on: IsoDateSchema,
      }),
    ),
    self: z
      .object({ points: z.record(z.string(), z.number()), total: z.number(), text: z.string(), on: IsoDateSchema })
      .nullable(),
    /** What the rules give for the record and the points (self-assessed, or 0 before): the ceiling of a decision. */
    classification: AnswerLike.extend({ level: Level, label_vi: z.string() }).nullable(),
    opinion: z.object({ text: z.string(), level: Level.nullable(), on: IsoDateSchema.nullable() }).nullable(),
    decision: z
      .object({ level: Level, label_vi: z.string(), points: z.number().nullable(), on: IsoDateSchema.nullable() })
      .extend({ justification: z.string().nullable(), basis: AnswerLike.nullable() })
      .nullable(),
    mayEditSelf: z.boolean(),
    mayAssess: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Assessment' });

export const AssessmentListSchema = z
  .object({
    year: z.number().int(),
    rules: z.object({ regulationId: IdSchema, title: z.string(), expression: z.string() }).nullable(),
    rows: z.array(
      z.object({
        id: IdSchema,
        subject: z.enum(['member', 'organization']),
        name: z.string(),
        orgName: z.string(),
        state: z.enum(['open', 'self_assessed', 'reviewed', 'decided']),
        selfTotal: z.number().nullable(),
        selfLevel: Level.nullable(),
        opinionLevel: Level.nullable(),
        decidedLevel: Level.nullable(),
        /** What the rules give for the record and the self-assessed points (as decided, once decided). */
        recordLevel: Level.nullable(),
        /** Undecided on or after its step's "before" day. */
        late: z.boolean(),
      }),
    ),
    /** The year's deadlines by step, as the unit stands (null: the rules set none). */
    timetable: z
      .object({
        steps: z.array(
          z.object({
            step: z.enum(['member', 'organization', 'report']),
            label_vi: z.string(),
            before: IsoDateSchema,
            lastDay: IsoDateSchema,
            basis_vi: z.string(),
            total: z.number().int(),
            /** Sheets of the step not decided yet (null for the report upward, not recorded here). */
            pending: z.number().int().nullable(),
            state: z.enum(['done', 'open', 'late']).nullable(),
            /** Days from today to the last day (0: today is the last day; negative once late). */
            daysLeft: z.number().int(),
          }),
        ),
        order_vi: z.string().nullable(),
      })
      .nullable(),
    quota: z.array(
      z.object({
        unitId: IdSchema,
        unitName: z.string(),
        subject: z.enum(['member', 'organization']),
        xuat_sac: z.number().int(),
        tot: z.number().int(),
        max: z.number().int(),
        ok: z.boolean(),
        reason_vi: z.string(),
        /** The same counted on what is proposed (the cell's proposal, else the self-assessment, else the decision). */
        proposed: z.object({
          xuat_sac: z.number().int(),
          tot: z.number().int(),
          max: z.number().int(),
          ok: z.boolean(),
        }),
      }),
    ),
  })
  .meta({ id: 'AssessmentList' });

const LevelCounts = z.object({
  xuat_sac: z.number().int(),
  tot: z.number().int(),
  hoan_thanh: z.number().int(),
  khong_hoan_thanh: z.number().int(),
  /** Sheets opened and not decided yet. */
  undecided: z.number().int(),
});
export const AssessmentRollupSchema = z
  .object({
    year: z.number().int(),
    rows: z.array(
      z.object({
        orgId: IdSchema,
        orgName: z.string(),
        members: LevelCounts,
        organizations: LevelCounts,
      }),
    ),
    total: z.object({ members: LevelCounts, organizations: LevelCounts }),
    /** The same totals for the five years to this one, oldest first. */
    trend: z.array(z.object({ year: z.number().int(), members: LevelCounts, organizations: LevelCounts })),
  })
  .meta({ id: 'AssessmentRollup' });

export const MyAssessmentsSchema = z
  .object({
    rows: z.array(
      z.object({
        id: IdSchema,
        year: z.number().int(),
        orgName: z.string(),
        state: z.enum(['open', 'self_assessed', 'reviewed', 'decided']),
        decidedLevel: Level.nullable(),
        /** Until decided: the members' step's "before" day by the rules, its clause, and whether it is reached. */
        due: z.object({ before: IsoDateSchema, basis_vi: z.string(), late: z.boolean() }).nullable(),
      }),
    ),
  })
  .meta({ id: 'MyAssessments' });

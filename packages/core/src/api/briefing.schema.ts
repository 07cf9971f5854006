import { z } from 'zod';
import { BRIEFING_TASK_STATES } from '../review/briefing.rules.js';
import { IdSchema, IsoDateSchema, counts } from './common.schema.js';
import { ReviewPeriodSchema, ReviewQuerySchema } from './review.schema.js';

/**
 * The briefing of the advisory units (giao ban các ban tham mưu, giúp việc) over a period given as the review's is
 * (`from`/`to`, or a code such as `2026-Q3`, `2026-H1`), for all of the organization's advisory units or one.
 */
export const BriefingQuerySchema = ReviewQuerySchema.extend({ unitId: IdSchema.optional() });

const StateFields = {
  state: z.enum(BRIEFING_TASK_STATES),
  stateLabel_vi: z.string(),
};

/** A task as the briefing lists it: where it stood at the period's end. */
export const BriefingTaskSchema = z
  .object({
    taskId: IdSchema,
    title: z.string(),
    leadName: z.string().nullable(),
    /** The deadline in force on the period's end; null when the task is due at a meeting (`dueLabel`). */
    dueDate: IsoDateSchema.nullable(),
    dueLabel: z.string().nullable(),
    /** The meeting it is due at, when its deadline is a meeting rather than a date. */
    dueMeetingId: IdSchema.nullable(),
    dueMeetingDate: IsoDateSchema.nullable(),
    assignedOn: IsoDateSchema,
    /** Accepted as done on (by the period's end). */
    doneOn: IsoDateSchema.nullable(),
    ...StateFields,
    /** Days past the deadline on the period's end, for a task overdue then. */
    daysOverdue: z.number().int().nullable(),
  })
  .meta({ id: 'BriefingTask' });

const CountsSchema = z.object({
  ...counts('total', 'overdue', 'open', 'reported', 'doneLate', 'doneOnTime', 'closed'),
});

const TaskGroupSchema = z.object({ counts: CountsSchema, items: z.array(BriefingTaskSchema) });

export const BriefingUnitSchema = z.object({
  bodyId: IdSchema,
  name: z.string(),
  /** Tasks it leads that were under way at some time in the period (not finished before it began). */
  tasksLed: TaskGroupSchema,
  /** Tasks it supports (named among the supporting units), likewise. */
  tasksSupported: TaskGroupSchema,
  /** Overdue at the period's end, led or supported: the first thing the briefing hears. */
  overdue: z.array(BriefingTaskSchema.extend({ role: z.enum(['lead', 'support']) })),
  /** Agenda items it presented at held meetings of the BTV and the TT dated in the period. */
  presented: z.array(
    z.object({
      meetingId: IdSchema,
      meetingTitle: z.string(),
      meetingDate: IsoDateSchema,
      bodyName: z.string(),
      agendaItemId: IdSchema,
      agendaItemTitle: z.string(),
    }),
  ),
  /** Tasks it leads with another advisory unit supporting, or supports with another leading. */
  coordination: z.array(
    z.object({
      taskId: IdSchema,
      title: z.string(),
      role: z.enum(['lead', 'support']),
      otherUnitId: IdSchema,
      otherUnit: z.string(),
      dueDate: IsoDateSchema.nullable(),
      ...StateFields,
    }),
  ),
});

export const BriefingSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** The day states are read on: the period's end, or today for a period still running. */
  asOf: IsoDateSchema,
  period: ReviewPeriodSchema,
  periodLabel: z.string(),
  units: z.array(BriefingUnitSchema),
});

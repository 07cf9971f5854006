import { z } from 'zod';
import { IdSchema } from './common.schema.js';

/**
 * "Việc của tôi": each figure carries the web address of the list that shows the same records, so the page's count
 * and the list's total are one query apart, never two different ideas of "mine".
 */
const Figure = z.object({ count: z.number().int(), href: z.string() });
const TaskLine = z.object({
  id: IdSchema,
  title: z.string(),
  due: z.string().nullable(),
  overdue: z.boolean(),
  leadName: z.string().nullable(),
  role: z.enum(['lead', 'support', 'supervise', 'org']),
});

export const HomeSchema = z.object({
  today: z.string(),
  week: z.object({ from: z.string(), to: z.string() }),
  /** Whose tasks: the account's own person (lead, support, supervise), or the tasks of its organizations. */
  taskScope: z.enum(['person', 'organization']),
  tasks: z.object({ overdue: Figure, dueThisWeek: Figure, open: Figure, items: z.array(TaskLine) }),
  meetings: z.object({
    count: z.number().int(),
    href: z.string(),
    items: z.array(
      z.object({
        id: IdSchema,
        title: z.string(),
        bodyName: z.string(),
        date: z.string(),
        startsAt: z.string().nullable(),
        state: z.string(),
        lacks: z.array(z.string()),
      }),
    ),
  }),
  consultations: z.object({
    count: z.number().int(),
    href: z.string(),
    items: z.array(
      z.object({ id: IdSchema, title: z.string(), orgName: z.string(), deadline: z.string(), late: z.boolean() }),
    ),
  }),
  notifications: z.object({
    unread: z.number().int(),
    href: z.string(),
    items: z.array(z.object({ id: IdSchema, title: z.string(), createdAt: z.string(), href: z.string().nullable() })),
  }),
  conclusions: z.object({
    count: z.number().int(),
    href: z.string(),
    items: z.array(
      z.object({ id: IdSchema, text: z.string(), symbol: z.string(), issuedOn: z.string(), meetingId: IdSchema }),
    ),
  }),
  /** A leader's view of what the committee supervises: overdue tasks by leading unit. */
  supervision: z
    .object({
      overdue: Figure,
      byUnit: z.array(z.object({ name: z.string(), overdue: z.number().int(), href: z.string() })),
    })
    .nullable(),
});

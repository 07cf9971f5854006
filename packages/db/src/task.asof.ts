import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/**
 * What a task was on a past date, read from the dates it keeps (assigned_on, reported_on, done_on, closed_on) and
 * the dates its extensions were decided: a review as of 30/06 counts the tasks overdue then, those done in July
 * included, and judges each against the deadline in force that day, not an extension granted later.
 * `date` is a date expression (a parameter: sql`${on}::date`), `t` the task's alias in the statement.
 */
type OnDate = Expression<string> | RawBuilder<unknown>;

/** The deadline in force on `date`: the last extension approved by then, else the due date. */
export function taskDueOn(date: OnDate, t = 't'): RawBuilder<string | null> {
  const task = sql.table(t);
  return sql`coalesce((select e.requested_to from task_extension e where e.task_id = ${task}.id and e.state = 'approved'
    and e.decided_on <= ${date}
                     order by e.decided_on desc, e.created_at desc limit 1), ${task}.due_date)`;
}

/** Assigned and not yet reported finished, accepted, cancelled or transferred on `date`. */
export function taskOpenOn(date: OnDate, t = 't'): RawBuilder<SqlBool> {
  const task = sql.table(t);
  return sql`(${task}.state <> 'draft' and ${task}.assigned_on <= ${date} and (${task}.done_on is null
    or ${task}.done_on > ${date})
           and (${task}.closed_on is null or ${task}.closed_on > ${date}) and (${task}.reported_on is null
             or ${task}.reported_on > ${date}))`;
}

/** Open on `date` and past the deadline in force that day. */
export function taskOverdueOn(date: OnDate, t = 't'): RawBuilder<SqlBool> {
  return sql`(${taskOpenOn(date, t)} and ${taskDueOn(date, t)} < ${date})`;
}

// Statements not yet typed take the same fragments as text around a bind parameter (`'$3::date'`).
const compiler: Sql = {
  query: () => Promise.reject(new Error('task.asof: compile only')),
};
const textOf = (fragment: RawBuilder<unknown>) => fragment.compile(qb(compiler)).sql;

export const dueOnSql = (date: string, t = 't'): string => textOf(taskDueOn(sql.raw(date), t));
export const openOnSql = (date: string, t = 't'): string => textOf(taskOpenOn(sql.raw(date), t));
export const overdueOnSql = (date: string, t = 't'): string => textOf(taskOverdueOn(sql.raw(date), t));

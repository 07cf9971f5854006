/**
 * What a task was on a past date, read from the dates it keeps (assigned_on, reported_on, done_on, closed_on) and
 * the dates its extensions were decided: a review as of 30/06 counts the tasks overdue then, those done in July
 * included, and judges each against the deadline in force that day, not an extension granted later.
 */
export function dueOnSql(date: string, t = 't'): string {
  return `coalesce((select e.requested_to from task_extension e where e.task_id = ${t}.id and e.state = 'approved' and e.decided_on <= ${date}
                     order by e.decided_on desc, e.created_at desc limit 1), ${t}.due_date)`;
}

/** Assigned and not yet reported finished, accepted, cancelled or transferred on `date` (a bind parameter, e.g. `$2`). */
export function openOnSql(date: string, t = 't'): string {
  return `(${t}.state <> 'draft' and ${t}.assigned_on <= ${date} and (${t}.done_on is null or ${t}.done_on > ${date})
           and (${t}.closed_on is null or ${t}.closed_on > ${date}) and (${t}.reported_on is null or ${t}.reported_on > ${date}))`;
}

/** Open on `date` and past the deadline in force that day. */
export function overdueOnSql(date: string, t = 't'): string {
  return `(${openOnSql(date, t)} and ${dueOnSql(date, t)} < ${date})`;
}

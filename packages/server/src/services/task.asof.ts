// The as-of fragments live with the task queries in @quyche/db (typed: taskDueOn, taskOpenOn, taskOverdueOn); the
// statements of the briefing and the review that are not yet typed read their text from here.
export { dueOnSql, openOnSql, overdueOnSql } from '@quyche/db';

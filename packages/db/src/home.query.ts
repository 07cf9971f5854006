import { sql as q } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** The home page's few reads of its own; its other figures come from the lists they link to. */

/** The supervisor of each task listed (to say whether the user leads, supervises or supports it). */
export async function homeTaskSupervisors(sql: Sql, taskIds: string[]) {
  const { rows } = await q<{ id: string; s: string | null }>`
    select id, supervisor_person_id as s from task where id = any(${taskIds}::uuid[])`.execute(qb(sql));
  return rows;
}

/** Members summoned to a meeting and those who sent word they will be absent (guests not counted). */
export async function homeAttendanceCounts(sql: Sql, meetingId: string) {
  const { rows } = await q<{ summoned: number; out: number }>`
    select count(*)::int as summoned, count(*) filter (where status in ('absent_excused', 'absent'))::int as out
      from meeting_attendance where meeting_id = ${meetingId} and role <> 'guest'`.execute(qb(sql));
  return rows[0]!;
}

/** The five newest unread notifications, each with the total unread. */
export async function homeUnreadNotifications(sql: Sql, userId: string) {
  const { rows } = await q<{ id: string; title: string; created_at: Date; task_id: string | null; total: number }>`
    select id, title, created_at, task_id, count(*) over ()::int as total from notification
     where user_id = ${userId} and read_at is null order by created_at desc limit 5`.execute(qb(sql));
  return rows;
}

/** Overdue tasks of the organizations covered, by leading unit: the eight with most. */
export async function homeOverdueByLead(sql: Sql, orgIds: string[], clearance: number, today: string) {
  const { rows } = await q<{ lead_id: string; lead_name: string; n: number }>`
    select t.lead_id, min(t.lead_name) as lead_name, count(*)::int as n from task t
     where t.confidentiality <= ${clearance} and (t.org_id = any(${orgIds}::uuid[])
       or t.lead_org_id = any(${orgIds}::uuid[]))
       and t.state in ('assigned', 'in_progress') and t.due_effective < ${today} and t.lead_id is not null
     group by t.lead_id order by n desc, lead_name limit 8`.execute(qb(sql));
  return rows;
}

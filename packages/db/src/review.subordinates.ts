import { sql as q } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, validDuring } from './query.helpers.js';
import { taskOverdueOn } from './task.asof.js';

/**
 * The superior's table of its subordinates: each figure counted for all of them at once, one grouped query per
 * figure (a province has thousands of communes), over `from`..`end`.
 */
export interface SubordinatesSpan {
  orgIds: string[];
  from: string;
  end: string;
}

/** Tasks per organization: assigned in the span, done on time or late in it, overdue at its end. */
export async function reviewSubordinateTasks(sql: Sql, s: SubordinatesSpan, clearance: number) {
  const { rows } = await q<{ org_id: string; assigned: number; on_time: number; late: number; overdue: number }>`
    select t.org_id,
           count(*) filter (where t.assigned_on >= ${s.from})::int as assigned,
           count(*) filter (where t.state = 'done' and t.done_on between ${s.from} and ${s.end}
             and (t.due_effective is null or t.done_on <= t.due_effective))::int as on_time,
           count(*) filter (where t.state = 'done' and t.done_on between ${s.from} and ${s.end}
             and t.done_on > t.due_effective)::int as late,
           count(*) filter (where ${taskOverdueOn(q`${s.end}::date`)})::int as overdue
      from task t
     where t.org_id in (select unnest(${s.orgIds}::uuid[])) and t.state <> 'draft' and t.assigned_on <= ${s.end}
       and t.confidentiality <= ${clearance}
       and (t.assigned_on >= ${s.from} or t.done_on >= ${s.from} or t.done_on is null)
     group by t.org_id`.execute(qb(sql));
  return rows;
}

/** Regular meetings held per organization and body kind (of the kinds given). */
export async function reviewSubordinateMeetings(sql: Sql, s: SubordinatesSpan, clearance: number, kinds: string[]) {
  const { rows } = await q<{ org_id: string; body_kind: string; held: number }>`
    select m.org_id, b.kind as body_kind, count(*)::int as held
      from meeting m join body b on b.id = m.body_id
     where m.org_id in (select unnest(${s.orgIds}::uuid[])) and m.kind = 'regular'
       and m.state in ('in_session', 'closed', 'minutes_approved')
       and m.meeting_date between ${s.from} and ${s.end} and m.confidentiality <= ${clearance}
         and b.kind = any(${kinds}::text[])
     group by m.org_id, b.kind`.execute(qb(sql));
  return rows;
}

/** Bodies of the kinds given that exist at some time of `from`..`to` in each organization. */
export async function reviewSubordinateBodies(
  sql: Sql,
  orgIds: string[],
  range: { from: string; to: string },
  kinds: string[],
) {
  const { rows } = await q<{ org_id: string; kind: string }>`
    select org_id, kind from body
     where org_id in (select unnest(${orgIds}::uuid[])) and kind = any(${kinds}::text[])
       and ${validDuring('body', dateParam(range.from), dateParam(range.to))}`.execute(qb(sql));
  return rows;
}

/** Each organization's regulation version in force on `end` (its hash: most share one text). */
export async function reviewSubordinateRegulations(sql: Sql, orgIds: string[], end: string) {
  const { rows } = await q<{ org_id: string; sha256: string; id: string }>`
    select distinct on (r.org_id) r.org_id, v.sha256, v.id from regulation_version v join regulation r
      on r.id = v.regulation_id
     where r.org_id in (select unnest(${orgIds}::uuid[])) and r.applies_to = 'own'
       and v.status in ('adopted', 'consolidated')
       and v.in_force_from <= ${end}::date
     order by r.org_id, v.in_force_from desc, v.created_at desc`.execute(qb(sql));
  return rows;
}

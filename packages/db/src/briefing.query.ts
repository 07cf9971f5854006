import { type NotNull, sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, validDuring } from './query.helpers.js';
import { taskDueOn, taskOpenOn, taskOverdueOn } from './task.asof.js';

/** Read models of the advisory units' briefing (giao ban các ban tham mưu, giúp việc) over a period. */

/** The advisory units of an organization in being at some time in the period (sorted by the caller). */
export async function briefingUnits(s: Sql, orgId: string, period: { from: string; to: string }, clearance: number) {
  return qb(s)
    .selectFrom('body')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'ADVISORY')
    .where('confidentiality', '<=', clearance)
    .where(validDuring('body', dateParam(period.from), dateParam(period.to)))
    .execute();
}

export interface BriefingTaskRow {
  id: string;
  title: string;
  lead_kind: string | null;
  lead_id: string | null;
  lead_name: string | null;
  supporting: { kind: string; id: string | null; name: string }[] | null;
  due_label: string | null;
  due_meeting_id: string | null;
  due_meeting_date: string | null;
  assigned_on: string;
  done_on: string | null;
  reported_on: string | null;
  due_at_end: string | null;
  open_at_end: boolean;
  overdue_at_end: boolean;
}

/**
 * Tasks the units led or supported under way at some time in the period: assigned by its end and not finished (done,
 * cancelled, transferred) before it began; only tasks the user may list (those its organizations assigned or lead),
 * up to its clearance; each with where it stood at the end.
 */
export async function briefingTasks(
  s: Sql,
  f: { unitIds: string[]; from: string; end: string; clearance: number; orgIds: string[] },
) {
  const end = sql`${f.end}::date`;
  const r = await sql<BriefingTaskRow>`
    select t.id, t.title, t.lead_kind, t.lead_id, t.lead_name, t.supporting, t.due_label, t.due_meeting_id,
           (select m.meeting_date from meeting m where m.id = t.due_meeting_id) as due_meeting_date, t.assigned_on,
           case when t.state = 'done' then t.done_on end as done_on, t.reported_on,
           ${taskDueOn(end)} as due_at_end, ${taskOpenOn(end)} as open_at_end, ${taskOverdueOn(end)} as overdue_at_end
      from task t
     where t.state <> 'draft' and t.assigned_on <= ${f.end} and t.confidentiality <= ${f.clearance}
       and (t.done_on is null or t.done_on >= ${f.from}) and (t.closed_on is null or t.closed_on >= ${f.from})
       and (t.org_id = any(${f.orgIds}::uuid[]) or t.lead_org_id = any(${f.orgIds}::uuid[]))
       and ((t.lead_kind = 'unit' and t.lead_id = any(${f.unitIds}::uuid[]))
            or exists (select 1 from unnest(${f.unitIds}::uuid[]) u(id)
                        where t.supporting @> jsonb_build_array(jsonb_build_object('kind', 'unit', 'id',
                          u.id::text))))`.execute(qb(s));
  return r.rows;
}

/** Agenda items presented to the BTV and the TT in the period by a named unit, at meetings in the given states. */
export async function briefingPresentedItems(
  s: Sql,
  f: { orgId: string; from: string; end: string; clearance: number; states: readonly string[] },
) {
  return qb(s)
    .selectFrom('agenda_item as a')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select([
      'a.id as agenda_item_id',
      'a.title as agenda_item_title',
      'a.presenting_unit',
      'm.id as meeting_id',
      'm.title as meeting_title',
      'm.meeting_date',
      'b.name as body_name',
    ])
    .where('m.org_id', '=', f.orgId)
    .where('b.kind', 'in', ['BTV', 'TT'])
    .where('m.meeting_date', '>=', f.from)
    .where('m.meeting_date', '<=', f.end)
    .where('m.state', '=', sql<string>`any(${[...f.states]}::text[])`)
    .where('m.confidentiality', '<=', f.clearance)
    .where('a.confidentiality', '<=', f.clearance)
    .where('a.presenting_unit', 'is not', null)
    .orderBy('m.meeting_date')
    .orderBy('m.id')
    .orderBy('a.position')
    .$narrowType<{ presenting_unit: NotNull }>()
    .execute();
}

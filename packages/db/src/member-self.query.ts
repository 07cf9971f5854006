import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { cellAssemblyMeetingsOf } from './meeting.base.js';
import { dateParam, validOn } from './query.helpers.js';

/** The cell a member attends as their home on a date, with their status then. */
export async function homeCellOf(s: Sql, personId: string, on: string) {
  return qb(s)
    .selectFrom('party_membership as pm')
    .innerJoin('organization as o', 'o.id', 'pm.org_id')
    .select(['pm.org_id as cell_id', 'o.name as cell_name', 'pm.status'])
    .where('pm.person_id', '=', personId)
    .where('pm.kind', '=', 'home')
    .where(validOn('pm', dateParam(on)))
    .executeTakeFirst();
}

const cellMeetings = (s: Sql, cellId: string) =>
  cellAssemblyMeetingsOf(s, [cellId])
    .select(['mt.id', 'mt.title', 'mt.kind', 'mt.state', 'mt.starts_at', 'mt.ends_at', 'mt.location'])
    .select(sql<string>`to_char(mt.meeting_date, 'YYYY-MM-DD')`.as('date'))
    .where('mt.state', '!=', 'cancelled')
    .where('mt.confidentiality', '=', 0);

/** The cell's meetings still to be held from a date on (the next first), and the last ones held (the latest first). */
export async function cellMeetingsAround(s: Sql, cellId: string, on: string) {
  const next = await cellMeetings(s, cellId)
    .where('mt.meeting_date', '>=', on)
    .where('mt.state', 'in', ['planned', 'convened', 'documents_sent', 'in_session'])
    .orderBy('mt.meeting_date')
    .limit(2)
    .execute();
  const past = await cellMeetings(s, cellId)
    .where('mt.meeting_date', '<=', on)
    .where('mt.state', 'in', ['closed', 'minutes_approved'])
    .orderBy('mt.meeting_date', 'desc')
    .limit(3)
    .execute();
  return { next, past };
}

/** A meeting's documents that anyone of the cell may read (not confidential), without their content. */
export async function openDocumentsOf(s: Sql, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return qb(s)
    .selectFrom('meeting_document')
    .select(['id', 'meeting_id', 'title', 'file_name', 'size'])
    .where('meeting_id', 'in', meetingIds)
    .where('confidentiality', '=', 0)
    .orderBy('created_at')
    .execute();
}

/** A member's action plan of a year with its items in order. */
export async function planOfMember(s: Sql, personId: string, year: number) {
  const plan = await qb(s)
    .selectFrom('member_plan')
    .select(['id', 'org_id', 'commitment', 'version'])
    .where('person_id', '=', personId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!plan) return undefined;
  const items = await qb(s)
    .selectFrom('member_plan_item')
    .select(['id', 'position', 'text', 'product', 'progress', 'progress_note'])
    .select(sql<string | null>`to_char(due_date, 'YYYY-MM-DD')`.as('due_date'))
    .select(sql<string | null>`to_char(checked_in_on, 'YYYY-MM-DD')`.as('checked_in_on'))
    .$narrowType<{ progress: 'not_started' | 'in_progress' | 'done' | 'dropped' }>()
    .where('plan_id', '=', plan.id)
    .orderBy('position')
    .execute();
  return { ...plan, items };
}

/** A member's dues of a year, by month. */
export async function duesOfMember(s: Sql, personId: string, year: number) {
  return qb(s)
    .selectFrom('member_dues')
    .select(['month', 'status', 'amount'])
    .select(sql<string | null>`to_char(paid_on, 'YYYY-MM-DD')`.as('paid_on'))
    .where('person_id', '=', personId)
    .where('month', 'like', `${year}-%`)
    .orderBy('month')
    .execute();
}

/** Open tasks led by a person in person (lead kind 'person'). */
export async function openTasksLedBy(s: Sql, personId: string) {
  return qb(s)
    .selectFrom('task')
    .select(['id', 'title', 'state'])
    .select(sql<string | null>`to_char(due_effective, 'YYYY-MM-DD')`.as('due'))
    .where('lead_kind', '=', 'person')
    .where('lead_id', '=', personId)
    .where('state', 'in', ['assigned', 'in_progress', 'reported'])
    .orderBy('due_effective')
    .limit(20)
    .execute();
}

export async function insertMemberPlan(s: Sql, row: { id: string; org_id: string; person_id: string; year: number }) {
  await qb(s).insertInto('member_plan').values(row).execute();
}

/** Adds an item at the end of a plan and refreshes the plan's folded text (the copied-plan check reads it). */
export async function appendPlanItem(
  s: Sql,
  row: { id: string; plan_id: string; text: string; product: string | null; due_date: string | null },
  searchText: string,
) {
  await qb(s)
    .insertInto('member_plan_item')
    .values((eb) => ({
      ...row,
      position: eb
        .selectFrom('member_plan_item')
        .select(sql<number>`coalesce(max(position), 0) + 1`.as('p'))
        .where('plan_id', '=', row.plan_id),
    }))
    .execute();
  await qb(s)
    .updateTable('member_plan')
    .set({ search_text: searchText, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', row.plan_id)
    .execute();
}

/** The cell's assembly (body kind CHI_BO) on a date: the body its meetings are held by. */
export async function cellAssemblyBody(s: Sql, cellId: string, on: string) {
  return qb(s)
    .selectFrom('body')
    .select(['id', 'name'])
    .where('org_id', '=', cellId)
    .where('kind', '=', 'CHI_BO')
    .where(validOn('body', dateParam(on)))
    .executeTakeFirst();
}

/** A document of a meeting, with its meeting's cell and confidentiality, to decide whether a member may open it. */
export async function documentOfMeeting(s: Sql, documentId: string) {
  return qb(s)
    .selectFrom('meeting_document as d')
    .innerJoin('meeting as mt', 'mt.id', 'd.meeting_id')
    .select(['d.id', 'd.meeting_id', 'mt.org_id', 'd.confidentiality', 'mt.confidentiality as meeting_confidentiality'])
    .where('d.id', '=', documentId)
    .executeTakeFirst();
}

/** The member's check-in on an item of their own plan: how far it got, a note, the day. Returns the rows changed. */
export async function checkInPlanItem(
  s: Sql,
  personId: string,
  itemId: string,
  v: { progress: string; note: string | null; on: string },
) {
  const r = await qb(s)
    .updateTable('member_plan_item as i')
    .set({ progress: v.progress, progress_note: v.note, checked_in_on: v.on, version: sql`i.version + 1` })
    .where('i.id', '=', itemId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('member_plan as p')
          .select('p.id')
          .whereRef('p.id', '=', 'i.plan_id')
          .where('p.person_id', '=', personId),
      ),
    )
    .returning('i.plan_id')
    .execute();
  return r[0]?.plan_id ?? null;
}

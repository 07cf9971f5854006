import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import type { Database } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, uuidList, validOn } from './query.helpers.js';

/** The memberships (`pm`) of these cells on a date, with the person (`p`) and their member record (`m`, if any). */
export const cellMembershipsOn = (s: Sql, cellIds: readonly string[], on: string) =>
  qb(s)
    .selectFrom('party_membership as pm')
    .innerJoin('person as p', 'p.id', 'pm.person_id')
    .leftJoin('party_member as m', 'm.person_id', 'pm.person_id')
    .where(sql<boolean>`pm.org_id = any(${uuidList(cellIds)})`)
    .where(validOn('pm', dateParam(on)));

/**
 * The members whose home cell is one of `cellIds` on `asOf`, with their admission (the member's record, or the
 * membership's start when the record has none) — the register the alerts are computed over.
 */
export async function cellMembersOn(s: Sql, cellIds: string[], asOf: string) {
  if (cellIds.length === 0) return [];
  return cellMembershipsOn(s, cellIds, asOf)
    .select(['pm.person_id', 'pm.org_id', 'pm.status', 'p.full_name'])
    .select((eb) => eb.fn.coalesce('m.admitted_on', 'pm.valid_from').as('admitted_on'))
    .$narrowType<{ status: 'official' | 'probationary'; admitted_on: string }>()
    .where('pm.kind', '=', 'home')
    .orderBy('pm.person_id')
    .execute();
}

/** The exemptions from activities of these members. */
export async function exemptionsOf(s: Sql, personIds: string[]) {
  if (personIds.length === 0) return [];
  return qb(s)
    .selectFrom('member_exemption')
    .select(['person_id', 'valid_from', 'valid_until', 'reason'])
    .where(sql<boolean>`person_id = any(${uuidList(personIds)})`)
    .execute();
}

/**
 * Attendance at the regular meetings of the cells' assemblies (body kind CHI_BO) in a year, a row a member a month
 * ('YYYY-MM'): the cell's record of who was present, excused or absent.
 */
export async function cellMeetingAttendance(s: Sql, cellIds: string[], year: number) {
  if (cellIds.length === 0) return [];
  return qb(s)
    .selectFrom('meeting_attendance as a')
    .innerJoin('meeting as mt', 'mt.id', 'a.meeting_id')
    .innerJoin('body as b', 'b.id', 'mt.body_id')
    .select(['a.person_id', 'a.status', 'mt.org_id'])
    .select(sql<string>`to_char(mt.meeting_date, 'YYYY-MM')`.as('month'))
    .$narrowType<{ person_id: string }>()
    .where('a.person_id', 'is not', null)
    .where(sql<boolean>`mt.org_id = any(${uuidList(cellIds)})`)
    .where('b.kind', '=', 'CHI_BO')
    .where('mt.kind', '=', 'regular')
    .where('mt.state', 'not in', ['cancelled', 'planned'])
    .where('mt.meeting_date', '>=', `${year}-01-01`)
    .where('mt.meeting_date', '<=', `${year}-12-31`)
    .execute();
}

/** The dues recorded for these members in a year. */
export async function duesOf(s: Sql, personIds: string[], year: number) {
  if (personIds.length === 0) return [];
  return qb(s)
    .selectFrom('member_dues')
    .select(['person_id', 'month', 'status'])
    .$narrowType<{ status: 'paid' | 'unpaid' | 'exempt' | 'deferred' }>()
    .where(sql<boolean>`person_id = any(${uuidList(personIds)})`)
    .where('month', 'like', `${year}-%`)
    .execute();
}

/** A plan's items' text, one a line in order (`mp` the plan): what the copied-plan check compares. */
const planItemsText = (eb: ExpressionBuilder<Database & { mp: Database['member_plan'] }, 'mp'>) =>
  eb
    .selectFrom('member_plan_item as i')
    .select(sql<string>`coalesce(string_agg(i.text, E'\\n' order by i.position), '')`.as('t'))
    .whereRef('i.plan_id', '=', 'mp.id')
    .as('items');

/** Personal action plans (`mp`) with their member's name (`p`) and their items' text in order. */
export const plansWithText = (s: Sql) =>
  qb(s)
    .selectFrom('member_plan as mp')
    .innerJoin('person as p', 'p.id', 'mp.person_id')
    .select(['mp.id', 'mp.org_id', 'mp.person_id', 'p.full_name', 'mp.commitment'])
    .select(planItemsText)
    .$narrowType<{ items: string }>();

/** The personal action plans of a year in these organizations, each with its items' text in order. */
export async function plansOf(s: Sql, orgIds: string[], year: number) {
  if (orgIds.length === 0) return [];
  return plansWithText(s)
    .where(sql<boolean>`mp.org_id = any(${uuidList(orgIds)})`)
    .where('mp.year', '=', year)
    .orderBy('mp.id')
    .execute();
}

/** The member (`pm`) attends another cell than `cellId` on a temporary transfer on the date. */
const temporaryElsewhere = (cellId: string, d: RawBuilder<string>) =>
  sql<boolean>`exists (select 1 from party_membership t where t.person_id = pm.person_id and t.kind = 'temporary'
    and t.org_id <> ${cellId}::uuid and ${validOn('t', d)})`;

/**
 * A cell's members on a date as a vote is counted over them (QĐ 294-QĐ/TW điểm 9.3.2): the home members, each
 * with whether exempted from activities then and whether attending another cell on a temporary transfer then.
 */
export async function cellVoteRoster(s: Sql, cellId: string, on: string) {
  const d = sql.val(on);
  return qb(s)
    .selectFrom('party_membership as pm')
    .select(['pm.person_id', 'pm.status'])
    .select(
      sql<boolean>`exists (select 1 from member_exemption e where e.person_id = pm.person_id
        and ${validOn('e', d)})`.as('exempted'),
    )
    .select(temporaryElsewhere(cellId, d).as('temporary_elsewhere'))
    .$narrowType<{ status: 'official' | 'probationary' }>()
    .where('pm.org_id', '=', cellId)
    .where('pm.kind', '=', 'home')
    .where(validOn('pm', d))
    .orderBy('pm.person_id')
    .execute();
}

/**
 * Who a cell's assembly summons on a date: its home members but those attending another cell on a temporary
 * transfer, and the members attending it on one.
 */
export async function cellSummonedOn(s: Sql, cellId: string, on: string): Promise<string[]> {
  const d = sql.val(on);
  const rows = await qb(s)
    .selectFrom('party_membership as pm')
    .select('pm.person_id')
    .distinct()
    .where('pm.org_id', '=', cellId)
    .where(validOn('pm', d))
    .where((eb) => eb.or([eb('pm.kind', '=', 'temporary'), eb.not(temporaryElsewhere(cellId, d))]))
    .execute();
  return rows.map((r) => r.person_id);
}

import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { cellAssemblyMeetingsOf } from './meeting.base.js';
import { plansWithText } from './member.query.js';
import { uuidList, validOn } from './query.helpers.js';

/** The attendance row's member was exempted from activities on the meeting's day. */
const exempted = sql<boolean>`exists (select 1 from member_exemption e where e.person_id = a.person_id
  and ${validOn('e', sql.ref('mt.meeting_date'))})`;

/**
 * The members' attendance at each cell's regular meetings held in a month (the assembly, body kind CHI_BO), a row a
 * meeting: how many were present, excused (a valid reason) and absent without one; members exempted from activities
 * then are counted apart (they are not expected, as in the quorum). Guests are not counted.
 */
export async function cellMonthAttendance(s: Sql, cellIds: readonly string[], year: number, month: number) {
  if (cellIds.length === 0) return [];
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  return cellAssemblyMeetingsOf(s, cellIds)
    .leftJoin('meeting_attendance as a', (j) => j.onRef('a.meeting_id', '=', 'mt.id').on('a.person_id', 'is not', null))
    .select(['mt.id as meeting_id', 'mt.org_id'])
    .select(sql<string>`to_char(mt.meeting_date, 'YYYY-MM-DD')`.as('meeting_date'))
    .select(sql<number>`count(*) filter (where a.status = 'present' and not ${exempted})::int`.as('present'))
    .select(sql<number>`count(*) filter (where a.status = 'absent_excused' and not ${exempted})::int`.as('excused'))
    .select(sql<number>`count(*) filter (where a.status = 'absent' and not ${exempted})::int`.as('absent'))
    .select(sql<number>`count(*) filter (where ${exempted})::int`.as('exempted'))
    .where('mt.kind', '=', 'regular')
    .where('mt.state', 'not in', ['cancelled', 'planned'])
    .where(sql<boolean>`mt.meeting_date >= ${from}::date and mt.meeting_date < ${from}::date + interval '1 month'`)
    .groupBy(['mt.id', 'mt.org_id', 'mt.meeting_date'])
    .orderBy('mt.meeting_date')
    .execute();
}

/** The months recorded unpaid for these members up to a month ('YYYY-MM') of its year, with the amount due. */
export async function unpaidDuesOf(s: Sql, personIds: readonly string[], upTo: string) {
  if (personIds.length === 0) return [];
  return qb(s)
    .selectFrom('member_dues')
    .select(['person_id', 'month'])
    .select(sql<number | null>`amount::float8`.as('amount'))
    .where(sql<boolean>`person_id = any(${uuidList([...personIds])})`)
    .where('status', '=', 'unpaid')
    .where('month', '>=', `${upTo.slice(0, 4)}-01`)
    .where('month', '<=', upTo)
    .orderBy('person_id')
    .orderBy('month')
    .execute();
}

/** Personal action plans by id, each with its member, cell and items' text in order (for showing a pair). */
export async function plansByIds(s: Sql, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return plansWithText(s)
    .innerJoin('organization as o', 'o.id', 'mp.org_id')
    .select(['mp.year', 'o.name as org_name'])
    .where(sql<boolean>`mp.id = any(${uuidList([...ids])})`)
    .execute();
}

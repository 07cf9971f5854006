import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, inIds, validOn } from './query.helpers.js';

// The records an assessment reads, for many subjects at once: a unit's year is read in a few statements whatever
// its size (a province has about 100,000 members), and one subject's sheet is the same read for a list of one.

/** Tasks led by these people or organizations whose effective due date falls in a year, in no order. */
export async function tasksLedInYear(s: Sql, leadKind: 'person' | 'org', leadIds: readonly string[], year: number) {
  if (leadIds.length === 0) return [];
  return qb(s)
    .selectFrom('task')
    .select(['id', 'title', 'state', 'lead_id'])
    .select(sql<boolean>`exceeded_note is not null`.as('exceeded'))
    .select(sql<string | null>`to_char(due_effective, 'YYYY-MM-DD')`.as('due'))
    .select(sql<string | null>`to_char(done_on, 'YYYY-MM-DD')`.as('done_on'))
    .$narrowType<{ lead_id: string }>()
    .where('lead_kind', '=', leadKind)
    .where(inIds('lead_id', leadIds))
    .where('due_effective', '>=', `${year}-01-01`)
    .where('due_effective', '<=', `${year}-12-31`)
    .execute();
}

/** The shortcomings named for these organizations at the review before the year (identified in the year before). */
export async function shortcomingsNamedFor(s: Sql, orgIds: readonly string[], year: number) {
  if (orgIds.length === 0) return [];
  return qb(s)
    .selectFrom('shortcoming')
    .select(['id', 'text', 'lead_id'])
    .select(sql<string | null>`to_char(fixed_on, 'YYYY-MM-DD')`.as('fixed_on'))
    .$narrowType<{ lead_id: string }>()
    .where('lead_kind', '=', 'org')
    .where(inIds('lead_id', orgIds))
    .where('identified_on', '>=', `${year - 1}-01-01`)
    .where('identified_on', '<=', `${year - 1}-12-31`)
    .orderBy('identified_on')
    .orderBy('id')
    .execute();
}

/** The cells these people were in (home or temporary) at any time of a year. */
export async function cellsOfPeopleInYear(s: Sql, personIds: readonly string[], year: number) {
  if (personIds.length === 0) return [];
  return qb(s)
    .selectFrom('party_membership')
    .select(['person_id', 'org_id'])
    .distinct()
    .where(inIds('person_id', personIds))
    .where('valid_from', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', `${year}-01-01`)]))
    .execute();
}

/** The items of these people's personal plans of a year. */
export async function planItemsOf(s: Sql, personIds: readonly string[], year: number) {
  if (personIds.length === 0) return [];
  return qb(s)
    .selectFrom('member_plan_item as i')
    .innerJoin('member_plan as p', 'p.id', 'i.plan_id')
    .select(['p.person_id', 'i.id', 'i.text', 'i.progress'])
    .where(inIds('p.person_id', personIds))
    .where('p.year', '=', year)
    .orderBy('p.person_id')
    .orderBy('i.position')
    .execute();
}

/**
 * The sheets of some years under an organization as of a date, counted by year, branch (the organization itself, or
 * the one directly under it whose subtree holds the sheet's organization), subject and decided level ('undecided'
 * while open). One statement, set-based for a country (455,000 organizations, 5.6 million sheets): the links in force
 * are read once and the walk hash-joins them level by level (a walk by index lookups estimated as a few rows took 7 of
 * 10 s), and the sheets are counted by organization before they meet the walk.
 */
export async function assessmentCountsByBranch(
  s: Sql,
  rootId: string,
  asOf: string,
  clearance: number,
  [from, to]: [number, number],
) {
  const r = await sql<{ year: number; branch: string; subject: 'member' | 'organization'; level: string; n: number }>`
    with recursive links as materialized (
      select p.org_id, p.parent_id from organization_parent p
        join organization c on c.id = p.org_id and ${validOn('c', dateParam(asOf))}
          and c.confidentiality <= ${clearance}
       where ${validOn('p', dateParam(asOf))}
    ), t(id, branch, depth) as (
      select ${rootId}::uuid, ${rootId}::uuid, 0
      union all
      select l.org_id, case when t.depth = 0 then l.org_id else t.branch end, t.depth + 1 from t
        join links l on l.parent_id = t.id
       where t.depth < 20
    ), counts as (
      select org_id, year, subject, coalesce(decided_level, 'undecided') as level, count(*) as n
        from assessment where year between ${from} and ${to}
       group by 1, 2, 3, 4
    )
    select c.year, t.branch, c.subject, c.level, sum(c.n)::int as n
      from counts c join t on t.id = c.org_id
     group by 1, 2, 3, 4`.execute(qb(s));
  return r.rows;
}

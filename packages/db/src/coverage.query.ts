import { sql as q } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, validOn } from './query.helpers.js';

/** Who answers for what on a date: the units that exist, the fields held, each member's load. */

/** Names of an organization's bodies existing on a date. */
export async function coverageUnitsOn(sql: Sql, orgId: string, asOf: string) {
  const { rows } = await q<{ name: string }>`
    select name from body where org_id = ${orgId} and valid_from <= ${asOf} and (valid_until is null
      or valid_until >= ${asOf})`.execute(qb(sql));
  return rows;
}

/** Names its bodies ever had (a duty given to a unit since dissolved is named as such). */
export async function coverageUnitsEver(sql: Sql, orgId: string) {
  return qb(sql).selectFrom('body').select('name').distinct().where('org_id', '=', orgId).execute();
}

/** Fields of portfolio held on a date, by member. */
export async function coverageHoldings(sql: Sql, orgId: string, asOf: string) {
  const { rows } = await q<{ person_id: string; full_name: string; field: string }>`
    select a.person_id, p.full_name, a.field from portfolio_assignment a join person p on p.id = a.person_id
     where a.org_id = ${orgId} and ${validOn('a', dateParam(asOf))}
     order by p.full_name, a.field`.execute(qb(sql));
  return rows;
}

/** Each member holding a field on a date: fields held, open tasks supervised, overdue ones; the most loaded first. */
export async function coverageLoad(sql: Sql, orgId: string, asOf: string) {
  const { rows } = await q<{ person_id: string; full_name: string; fields: number; open: number; overdue: number }>`
    select p.id as person_id, p.full_name,
           (select count(*)::int from portfolio_assignment a where a.person_id = p.id and a.org_id = ${orgId}
             and ${validOn('a', dateParam(asOf))}) as fields,
           (select count(*)::int from task t where t.supervisor_person_id = p.id
             and t.state in ('assigned', 'in_progress', 'reported')) as open,
           (select count(*)::int from task t where t.supervisor_person_id = p.id
             and t.state in ('assigned', 'in_progress') and t.due_effective < ${asOf}) as overdue
      from person p
     where p.id in (select person_id from portfolio_assignment
                     where org_id = ${orgId} and ${validOn('portfolio_assignment', dateParam(asOf))})
     order by 5 desc, 4 desc, 3 desc, p.full_name`.execute(qb(sql));
  return rows;
}

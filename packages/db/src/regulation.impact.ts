import { sql as q } from 'kysely';
import type { Insertable } from 'kysely';
import type { RegulationImpactTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, insertRow, validOn } from './query.helpers.js';

/** The regulations whose adopted versions are based on `work` (their front matter's based_on names it). */
export async function regulationsBasedOn(sql: Sql, work: string) {
  const { rows } = await q<{ id: string; org_id: string; title: string }>`
    select distinct g.id, g.org_id, g.title from regulation g join regulation_version v on v.regulation_id = g.id
     where v.status in ('adopted', 'consolidated')
       and v.parsed -> 'frontMatter' -> 'based_on' @> ${JSON.stringify([{ work }])}::jsonb`.execute(qb(sql));
  return rows;
}

/**
 * The superior's BTV members who may follow a subordinate on a date: the one following its locality first, then the
 * one in charge of organization and personnel, then party building.
 */
export async function regulationImpactSupervisors(sql: Sql, superiorOrgId: string, subOrgId: string, on: string) {
  const { rows } = await q<{ person_id: string; locality_org_id: string | null; field: string }>`
    select person_id, locality_org_id, field from portfolio_assignment
     where org_id = ${superiorOrgId} and ${validOn('portfolio_assignment', dateParam(on))}
       and (locality_org_id = ${subOrgId} or field in ('TO_CHUC_CAN_BO', 'XAY_DUNG_DANG'))
     order by (locality_org_id = ${subOrgId}) desc nulls last, (field = 'TO_CHUC_CAN_BO') desc, person_id`.execute(
    qb(sql),
  );
  return rows;
}

/** An organization's standing committee, else its executive committee. */
export async function regulationImpactLeadBody(sql: Sql, orgId: string) {
  return qb(sql)
    .selectFrom('body')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('kind', 'in', ['BTV', 'BCH'])
    .orderBy(q`(kind = 'BTV')`, 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The impact already recorded for a cause on a subordinate regulation (at most one: a task once per cause). */
export async function regulationImpactFor(sql: Sql, cause: string, subordinateRegulationId: string) {
  return qb(sql)
    .selectFrom('regulation_impact')
    .select('task_id')
    .where('cause', '=', cause)
    .where('subordinate_regulation_id', '=', subordinateRegulationId)
    .executeTakeFirst();
}

export const insertRegulationImpact = (sql: Sql, row: Insertable<RegulationImpactTable>) =>
  insertRow(sql, 'regulation_impact', row);

/** The impact recorded for a regulation, with each subordinate regulation's organization and title, newest first. */
export async function regulationImpactsOf(sql: Sql, regulationId: string) {
  return qb(sql)
    .selectFrom('regulation_impact as i')
    .innerJoin('regulation as g', 'g.id', 'i.subordinate_regulation_id')
    .select(['i.cause', 'i.subordinate_regulation_id', 'i.findings', 'i.task_id', 'g.org_id', 'g.title'])
    .where('i.regulation_id', '=', regulationId)
    .orderBy('i.created_at', 'desc')
    .execute();
}

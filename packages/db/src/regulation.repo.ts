import { sql as q, sql } from 'kysely';
import type { Insertable, RawBuilder, Selectable } from 'kysely';
import type { RegulationAmendmentTable, RegulationTable, RegulationVersionTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, insertRow, rowExists, validOn } from './query.helpers.js';

export type RegulationRow = Selectable<RegulationTable>;
// `parsed` stays unknown: callers cast it to the engine's own types (Amendment, the front matter).
export type RegulationVersionRow = Omit<Selectable<RegulationVersionTable>, 'parsed'> & { parsed: unknown };
export type RegulationAmendmentRow = Omit<Selectable<RegulationAmendmentTable>, 'parsed'> & { parsed: unknown };

const REGULATION_COLUMNS = [
  'id',
  'org_id',
  'work',
  'title',
  'confidentiality',
  'search_text',
  'version',
  'created_at',
  'applies_to',
] as const;
/** What a version and an amendment both record of their text: its parse, adoption, entry into force, entry. */
const TEXT_RECORD_COLUMNS = ['parsed', 'adopted_on', 'in_force_from', 'created_by', 'created_at'] as const;
const VERSION_COLUMNS = [
  'id',
  'regulation_id',
  'org_id',
  'expression',
  'status',
  'source_text',
  'sha256',
  ...TEXT_RECORD_COLUMNS,
] as const;
const AMENDMENT_COLUMNS = [
  'id',
  'regulation_id',
  'org_id',
  'work',
  'title',
  'source_text',
  ...TEXT_RECORD_COLUMNS,
] as const;

export async function getRegulation(sql: Sql, id: string): Promise<RegulationRow | undefined> {
  return qb(sql).selectFrom('regulation').select(REGULATION_COLUMNS).where('id', '=', id).executeTakeFirst();
}
export async function getRegulationByWork(sql: Sql, work: string): Promise<RegulationRow | undefined> {
  return qb(sql).selectFrom('regulation').select(REGULATION_COLUMNS).where('work', '=', work).executeTakeFirst();
}
export async function listRegulations(sql: Sql, visible: string[], clearance: number) {
  const { rows } = await q<
    RegulationRow & {
      org_name: string;
      versions: number;
      latest_expression: string | null;
      latest_status: string | null;
    }
  >`select r.id, r.org_id, r.work, r.title, r.confidentiality, r.search_text, r.version, r.created_at, r.applies_to,
    o.name as org_name,
          (select count(*)::int from regulation_version v where v.regulation_id = r.id) as versions,
          (select v.expression from regulation_version v where v.regulation_id = r.id order by v.created_at desc
            limit 1) as latest_expression,
          (select v.status from regulation_version v where v.regulation_id = r.id order by v.created_at desc
            limit 1) as latest_status
     from regulation r join organization o on o.id = r.org_id
    where r.org_id = any(${visible}::uuid[]) and r.confidentiality <= ${clearance}
     -- An organization's own regulation before the model it issues for its cells.
     order by o.name, r.applies_to = 'cells', r.title`.execute(qb(sql));
  return rows;
}
export async function versionsOf(sql: Sql, regulationId: string) {
  return qb(sql)
    .selectFrom('regulation_version')
    .select([
      'id',
      'regulation_id',
      'org_id',
      'expression',
      'status',
      'sha256',
      'adopted_on',
      'in_force_from',
      'created_at',
    ])
    .where('regulation_id', '=', regulationId)
    .orderBy('in_force_from', (o) => o.asc().nullsLast())
    .orderBy('created_at')
    .execute();
}
export async function getVersion(sql: Sql, id: string): Promise<RegulationVersionRow | undefined> {
  return qb(sql).selectFrom('regulation_version').select(VERSION_COLUMNS).where('id', '=', id).executeTakeFirst();
}
/** The adopted version in force on a date: the latest whose in_force_from is on or before it. */
export async function versionInForce(
  sql: Sql,
  regulationId: string,
  on: string,
): Promise<RegulationVersionRow | undefined> {
  return qb(sql)
    .selectFrom('regulation_version')
    .select(VERSION_COLUMNS)
    .where('regulation_id', '=', regulationId)
    .where('status', 'in', ['adopted', 'consolidated'])
    .where('in_force_from', '<=', q<string>`${on}::date`)
    .orderBy('in_force_from', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export async function amendmentsOf(sql: Sql, regulationId: string): Promise<RegulationAmendmentRow[]> {
  return qb(sql)
    .selectFrom('regulation_amendment')
    .select(AMENDMENT_COLUMNS)
    .where('regulation_id', '=', regulationId)
    .orderBy('in_force_from')
    .orderBy('adopted_on')
    .execute();
}

/** A version's text alone (tens of kilobytes: read only where it is parsed). */
export async function regulationVersionText(sql: Sql, versionId: string) {
  return qb(sql).selectFrom('regulation_version').select('source_text').where('id', '=', versionId).executeTakeFirst();
}
export const regulationVersionExists = (sql: Sql, regulationId: string, expression: string) =>
  rowExists(sql, 'regulation_version', { regulation_id: regulationId, expression });
export const insertRegulation = (sql: Sql, row: Insertable<RegulationTable>) => insertRow(sql, 'regulation', row);
export async function insertRegulationVersion(
  sql: Sql,
  row: Insertable<RegulationVersionTable>,
): Promise<RegulationVersionRow> {
  return qb(sql).insertInto('regulation_version').values(row).returning(VERSION_COLUMNS).executeTakeFirstOrThrow();
}
export const insertRegulationAmendment = (sql: Sql, row: Insertable<RegulationAmendmentTable>) =>
  insertRow(sql, 'regulation_amendment', row);

/**
 * Regulation versions (`v`, with their regulation `r`) that have come into force by `on`: adopted or consolidated,
 * in force from that day or before. Which of them is in force on `on` is the latest of a regulation.
 */
export const versionsInForceBy = (s: Sql, on: string | RawBuilder<string>) =>
  qb(s)
    .selectFrom('regulation_version as v')
    .innerJoin('regulation as r', 'r.id', 'v.regulation_id')
    .where('v.status', 'in', ['adopted', 'consolidated'])
    .where('v.in_force_from', '<=', on);

/**
 * Every version of an organization's regulation in force at some date up to `to`, oldest first, with its text:
 * the timeline a review over a period reads.
 */
export async function regulationVersionsInForceUpTo(sql: Sql, orgId: string, to: string) {
  return versionsInForceBy(sql, q<string>`${to}::date`)
    .select(['v.id', 'v.expression', 'v.source_text', 'v.in_force_from', 'v.sha256'])
    .where('r.org_id', '=', orgId)
    .where('r.applies_to', '=', 'own')
    .orderBy('v.in_force_from')
    .orderBy('v.created_at')
    .$narrowType<{ in_force_from: string }>()
    .execute();
}

/**
 * The version in force on a date of the nearest regulation up an organization's chain (itself first) that applies to
 * `appliesTo`: the model for cells, the assessment rules. `cellsOnly` starts the chain only at a cell.
 */
export async function nearestRegulationUp(
  s: Sql,
  q: { orgId: string; on: string; appliesTo: 'cells' | 'assessment'; cellsOnly?: boolean },
) {
  const start = q.cellsOnly
    ? sql`select o.id, 0 from organization o where o.id = ${q.orgId}::uuid and o.kind = 'CELL'`
    : sql`select ${q.orgId}::uuid, 0`;
  const r = await sql<{ id: string; regulation_id: string; expression: string; sha256: string; title: string }>`
    with recursive up(id, depth) as (
      ${start}
      union all
      select p.parent_id, up.depth + 1 from up join organization_parent p on p.org_id = up.id
        and ${validOn('p', dateParam(q.on))}
      where up.depth < 20
    )
    select v.id, v.regulation_id, v.expression, v.sha256, r.title from up
      join regulation r on r.org_id = up.id and r.applies_to = ${q.appliesTo}
      join regulation_version v on v.regulation_id = r.id and v.status in ('adopted', 'consolidated')
        and v.in_force_from <= ${dateParam(q.on)}
     order by up.depth, v.in_force_from desc, v.created_at desc
     limit 1`.execute(qb(s));
  return r.rows[0];
}

import { sql } from 'kysely';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, uuidList, validOn } from './query.helpers.js';
import { nearestRegulationUp, versionsInForceBy } from './regulation.repo.js';
import { cellAssemblyMeetingsOf } from './meeting.base.js';

/**
 * The meetings of the cells' assemblies (body kind CHI_BO) between two dates, cancelled ones left out: what the
 * cells' calendar is judged on. One statement whatever the number of cells (a province has some ten thousand).
 */
export async function cellAssemblyMeetings(s: Sql, cellIds: readonly string[], from: string, to: string) {
  if (cellIds.length === 0) return [];
  return cellAssemblyMeetingsOf(s, cellIds)
    .select(['mt.id', 'mt.org_id', 'mt.kind', 'mt.state', 'mt.title'])
    .select(sql<string>`to_char(mt.meeting_date, 'YYYY-MM-DD')`.as('date'))
    .where('mt.state', '!=', 'cancelled')
    .where('mt.meeting_date', '>=', from)
    .where('mt.meeting_date', '<=', to)
    .execute();
}

/** A regulation version that governs a cell: the cell's own, or a superior's model regulation for its cells. */
export interface CellRegulationVersion {
  org_id: string;
  version_id: string;
  sha256: string;
  in_force_from: string;
  expression: string;
  title: string;
}

const versionsInForce = (s: Sql, to: string) =>
  versionsInForceBy(s, to)
    .select(['r.org_id', 'r.title', 'v.id as version_id', 'v.sha256', 'v.expression'])
    .select(sql<string>`to_char(v.in_force_from, 'YYYY-MM-DD')`.as('in_force_from'))
    .orderBy('v.in_force_from')
    .orderBy('v.created_at');

/**
 * The regulation versions in force up to `to` that can govern these cells: their own regulations, and the model
 * regulations for cells ('cells') of every organization (a handful: a province's, a grassroots committee's).
 */
export async function cellRegulationVersions(s: Sql, cellIds: readonly string[], to: string) {
  const own =
    cellIds.length === 0
      ? []
      : await versionsInForce(s, to)
          .where(sql<boolean>`r.org_id = any(${uuidList(cellIds)})`)
          .where('r.applies_to', '=', 'own')
          .execute();
  const models = await versionsInForce(s, to).where('r.applies_to', '=', 'cells').execute();
  return { own: own as CellRegulationVersion[], models: models as CellRegulationVersion[] };
}

/** The organization's superiors on a date, nearest first (its parent, the parent's parent…). */
export async function superiorsOf(s: Sql, orgId: string, on: string): Promise<string[]> {
  const r = await sql<{ id: string; depth: number }>`with recursive up(id, depth) as (
      select ${orgId}::uuid, 0
      union all
      select p.parent_id, up.depth + 1 from up join organization_parent p on p.org_id = up.id
        and ${validOn('p', dateParam(on))}
      where up.depth < 20
    ) select id, depth from up where depth > 0 order by depth`.execute(qb(s));
  return r.rows.map((x) => x.id);
}

/**
 * The model regulation for cells that governs a cell with none of its own on a date: the nearest superior's (the
 * grassroots committee's before the province's), the version in force then. Null for an organization not a cell.
 */
export async function modelRegulationVersionFor(s: Sql, cellId: string, on: string) {
  return nearestRegulationUp(s, { orgId: cellId, on, appliesTo: 'cells', cellsOnly: true });
}

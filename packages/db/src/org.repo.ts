import { foldVietnamese, validityOf } from '@quyche/core';
import type { Organization } from '@quyche/core';
import type { Selectable } from 'kysely';
import type { OrganizationTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { recordWrites } from './versioned-update.js';
import type { ListRequest } from './query.helpers.js';
import { dateParam, listedFor, pageOf, validOn } from './query.helpers.js';

/** An organization as the services read it (the search text and timestamps stay in the database). */
export interface OrgRow
  extends Omit<Selectable<OrganizationTable>, 'kind' | 'search_text' | 'created_at' | 'updated_at'> {
  kind: Organization['kind'];
}
const ORG_COLUMNS = [
  'o.id',
  'o.code',
  'o.name',
  'o.short_name',
  'o.kind',
  'o.symbol',
  'o.valid_from',
  'o.valid_until',
  'o.confidentiality',
  'o.version',
] as const;
/** The same columns unas an insert returns them. */
const ORG_FIELDS = [
  'id',
  'code',
  'name',
  'short_name',
  'kind',
  'symbol',
  'valid_from',
  'valid_until',
  'confidentiality',
  'version',
] as const;

export function toOrganization(r: OrgRow): Organization {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    symbol: r.symbol,
    ...validityOf(r),
    confidentiality: r.confidentiality,
    version: r.version,
  };
}
export const orgRef = (r: {
  id: string;
  code: string;
  name: string;
  kind: Organization['kind'];
  short_name?: string | null;
}) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  ...(r.short_name !== undefined ? { shortName: r.short_name } : {}),
});

export function orgSearchText(name: string, shortName?: string | null, code?: string): string {
  return foldVietnamese([name, shortName ?? '', code ?? ''].join(' '));
}

const orgs = (s: Sql) => qb(s).selectFrom('organization as o').select(ORG_COLUMNS).$narrowType<OrgRow>();

export async function getOrganization(s: Sql, id: string): Promise<OrgRow | undefined> {
  return orgs(s).where('o.id', '=', id).executeTakeFirst();
}
export async function getOrganizationByCode(s: Sql, code: string): Promise<OrgRow | undefined> {
  return orgs(s).where('o.code', '=', code).executeTakeFirst();
}

export async function listOrganizations(
  s: Sql,
  o: ListRequest & { asOf?: string | undefined; kind?: string | undefined },
): Promise<{ rows: OrgRow[]; total: number }> {
  let where = qb(s)
    .selectFrom('organization as o')
    .where(listedFor('o', 'o.id', o));
  if (o.asOf) where = where.where(validOn('o', dateParam(o.asOf)));
  if (o.kind) where = where.where('o.kind', '=', o.kind);
  return pageOf(where, o, (q) => q.select(ORG_COLUMNS).$narrowType<OrgRow>().orderBy('o.name'));
}

/** The organizations directly under `orgId` on `asOf`, both ends in force then. */
export async function childrenAsOf(s: Sql, orgId: string, asOf: string, clearance: number): Promise<OrgRow[]> {
  return qb(s)
    .selectFrom('organization_parent as p')
    .innerJoin('organization as o', 'o.id', 'p.org_id')
    .select(ORG_COLUMNS)
    .$narrowType<OrgRow>()
    .where('p.parent_id', '=', orgId)
    .where(validOn('p', dateParam(asOf)))
    .where(validOn('o', dateParam(asOf)))
    .where('o.confidentiality', '<=', clearance)
    .orderBy('o.name')
    .execute();
}

const writes = recordWrites<'organization', OrgRow>('organization', ORG_FIELDS);
/** A new organization; the row as read back. */
export const insertOrganization = writes.insert;
/** Changes the organization at the version the client read; undefined when that version is no longer current. */
export const updateOrganizationVersioned = writes.updateAtVersion;

export async function searchOrganizations(
  s: Sql,
  o: { visible: string[] | null; q: string; clearance: number; limit: number },
) {
  return qb(s)
    .selectFrom('organization as o')
    .select(['o.id', 'o.code', 'o.name', 'o.kind', 'o.valid_from', 'o.valid_until'])
    .where(listedFor('o', 'o.id', o))
    .orderBy((eb) => eb('o.valid_until', 'is not', null))
    .orderBy('o.name')
    .limit(o.limit)
    .execute();
}

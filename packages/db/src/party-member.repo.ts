import { validityOf } from '@quyche/core';
import { type Insertable, type Selectable, sql } from 'kysely';
import type { PartyMembershipTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { validOn } from './query.helpers.js';

/** A person's membership of the Party in an organization (a cell, usually), with the person's name. */
export interface PartyMemberRow extends Omit<Selectable<PartyMembershipTable>, 'status'> {
  status: 'official' | 'probationary';
  full_name: string;
}
const PARTY_MEMBER_COLUMNS = [
  'pm.id',
  'pm.org_id',
  'pm.person_id',
  'pm.status',
  'pm.valid_from',
  'pm.valid_until',
  'pm.version',
  'pm.kind',
  'pm.end_reason',
  'p.full_name',
] as const;

export const toPartyMember = (r: PartyMemberRow) => ({
  id: r.id,
  orgId: r.org_id,
  person: { id: r.person_id, fullName: r.full_name },
  status: r.status,
  ...validityOf(r),
  version: r.version,
});

const partyMembers = (s: Sql) =>
  qb(s)
    .selectFrom('party_membership as pm')
    .innerJoin('person as p', 'p.id', 'pm.person_id')
    .select(PARTY_MEMBER_COLUMNS)
    .$narrowType<PartyMemberRow>();

/** The organization's party members (those on `asOf`, or all when null), by name. */
export async function partyMembersOf(s: Sql, orgId: string, asOf: string | null): Promise<PartyMemberRow[]> {
  let q = partyMembers(s).where('pm.org_id', '=', orgId);
  if (asOf) q = q.where(validOn('pm', sql<string>`${asOf}::date`));
  return q.orderBy('p.full_name').execute();
}
export async function getPartyMember(s: Sql, id: string): Promise<PartyMemberRow | undefined> {
  return partyMembers(s).where('pm.id', '=', id).executeTakeFirst();
}

/** A person's party memberships, latest first, with the organization named. */
export async function partyMembershipsOfPerson(s: Sql, personId: string) {
  return partyMembers(s)
    .innerJoin('organization as o', 'o.id', 'pm.org_id')
    .select('o.name as org_name')
    .where('pm.person_id', '=', personId)
    .orderBy('pm.valid_from', 'desc')
    .execute();
}

export async function insertPartyMembership(s: Sql, row: Insertable<PartyMembershipTable>) {
  await qb(s).insertInto('party_membership').values(row).execute();
}

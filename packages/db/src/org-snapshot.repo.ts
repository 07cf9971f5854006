import type { BodyRecord, MembershipRecord, OrgSnapshot, PartyMemberRecord } from '@quyche/core';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { getOrganization } from './org.repo.js';
import { uuidList } from './query.helpers.js';

/*
 * What the integrity rules and the reorganization planner look at: the records of organizations as plain dated
 * facts (bodies, positions, party memberships, parent links).
 */

/** Everything the integrity rules of one organization look at. */
export async function orgSnapshot(s: Sql, orgId: string): Promise<OrgSnapshot | undefined> {
  const org = await getOrganization(s, orgId);
  if (!org) return undefined;
  return {
    org: { id: org.id, code: org.code, name: org.name, kind: org.kind, from: org.valid_from, until: org.valid_until },
    ...(await factsOf(s, [orgId], false)),
  };
}

/**
 * The records of the organizations `ids` (the parent links also where they are the parent), as the planner reads
 * them.
 */
export const orgFactsOf = (s: Sql, ids: string[]) => factsOf(s, ids, true);

/** A record's time in force, as the snapshot names it. */
const SPAN = ['valid_from as from', 'valid_until as until'] as const;

/** The records of the organizations `ids`; their parent links also where they are the parent when `asParent`. */
async function factsOf(s: Sql, ids: string[], asParent: boolean): Promise<Omit<OrgSnapshot, 'org'>> {
  const k = qb(s);
  const bodies = await k
    .selectFrom('body')
    .select(['id', 'org_id as orgId', 'kind', 'name', ...SPAN])
    .where('org_id', '=', (eb) => eb.fn.any(uuidList(ids)))
    .$narrowType<Pick<BodyRecord, 'kind'>>()
    .execute();
  const memberships = await k
    .selectFrom('membership')
    .select(['id', 'body_id as bodyId', 'person_id as personId', 'role', ...SPAN])
    .where('org_id', '=', (eb) => eb.fn.any(uuidList(ids)))
    .$narrowType<Pick<MembershipRecord, 'role'>>()
    .execute();
  const partyMembers = await k
    .selectFrom('party_membership')
    .select(['id', 'org_id as orgId', 'person_id as personId', 'status', ...SPAN])
    .where('org_id', '=', (eb) => eb.fn.any(uuidList(ids)))
    .$narrowType<Pick<PartyMemberRecord, 'status'>>()
    .execute();
  const parentLinks = await k
    .selectFrom('organization_parent')
    .select(['id', 'org_id as orgId', 'parent_id as parentId', ...SPAN])
    .where((eb) =>
      eb.or([
        eb('org_id', '=', eb.fn.any(uuidList(ids))),
        ...(asParent ? [eb('parent_id', '=', eb.fn.any(uuidList(ids)))] : []),
      ]),
    )
    .execute();
  return { bodies, memberships, partyMembers, parentLinks };
}

export async function personNames(s: Sql, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await qb(s)
    .selectFrom('person')
    .select(['id', 'full_name'])
    .where('id', '=', (eb) => eb.fn.any(uuidList(ids)))
    .execute();
  return new Map(rows.map((x) => [x.id, x.full_name]));
}

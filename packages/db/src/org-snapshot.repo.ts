import type { OrgSnapshot } from '@quyche/core';
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
  const k = qb(s);
  const bodies = await k
    .selectFrom('body')
    .select(['id', 'org_id', 'kind', 'name', 'valid_from', 'valid_until'])
    .where('org_id', '=', orgId)
    .execute();
  const memberships = await k
    .selectFrom('membership')
    .select(['id', 'body_id', 'person_id', 'role', 'valid_from', 'valid_until'])
    .where('org_id', '=', orgId)
    .execute();
  const pms = await k
    .selectFrom('party_membership')
    .select(['id', 'org_id', 'person_id', 'status', 'valid_from', 'valid_until'])
    .where('org_id', '=', orgId)
    .execute();
  const links = await k
    .selectFrom('organization_parent')
    .select(['id', 'org_id', 'parent_id', 'valid_from', 'valid_until'])
    .where('org_id', '=', orgId)
    .execute();
  return {
    org: { id: org.id, code: org.code, name: org.name, kind: org.kind, from: org.valid_from, until: org.valid_until },
    ...toFacts({ bodies, memberships, pms, links }),
  };
}

/**
 * The records of the organizations `ids` (the parent links also where they are the parent), as the planner reads
 * them.
 */
export async function orgFactsOf(s: Sql, ids: string[]) {
  const k = qb(s);
  const bodies = await k
    .selectFrom('body')
    .select(['id', 'org_id', 'kind', 'name', 'valid_from', 'valid_until'])
    .where('org_id', '=', (eb) => eb.fn.any(uuidList(ids)))
    .execute();
  const memberships = await k
    .selectFrom('membership')
    .select(['id', 'body_id', 'person_id', 'role', 'valid_from', 'valid_until'])
    .where('org_id', '=', (eb) => eb.fn.any(uuidList(ids)))
    .execute();
  const pms = await k
    .selectFrom('party_membership')
    .select(['id', 'org_id', 'person_id', 'status', 'valid_from', 'valid_until'])
    .where('org_id', '=', (eb) => eb.fn.any(uuidList(ids)))
    .execute();
  const links = await k
    .selectFrom('organization_parent')
    .select(['id', 'org_id', 'parent_id', 'valid_from', 'valid_until'])
    .where((eb) => eb.or([eb('org_id', '=', eb.fn.any(uuidList(ids))), eb('parent_id', '=', eb.fn.any(uuidList(ids)))]))
    .execute();
  return toFacts({ bodies, memberships, pms, links });
}

function toFacts(r: {
  bodies: { id: string; org_id: string; kind: string; name: string; valid_from: string; valid_until: string | null }[];
  memberships: {
    id: string;
    body_id: string;
    person_id: string;
    role: string;
    valid_from: string;
    valid_until: string | null;
  }[];
  pms: {
    id: string;
    org_id: string;
    person_id: string;
    status: string;
    valid_from: string;
    valid_until: string | null;
  }[];
  links: { id: string; org_id: string; parent_id: string; valid_from: string; valid_until: string | null }[];
}): Omit<OrgSnapshot, 'org'> {
  return {
    bodies: r.bodies.map((b) => ({
      id: b.id,
      orgId: b.org_id,
      kind: b.kind as OrgSnapshot['bodies'][number]['kind'],
      name: b.name,
      ...span(b),
    })),
    memberships: r.memberships.map((m) => ({
      id: m.id,
      bodyId: m.body_id,
      personId: m.person_id,
      role: m.role as OrgSnapshot['memberships'][number]['role'],
      ...span(m),
    })),
    partyMembers: r.pms.map((p) => ({
      id: p.id,
      orgId: p.org_id,
      personId: p.person_id,
      status: p.status as OrgSnapshot['partyMembers'][number]['status'],
      ...span(p),
    })),
    parentLinks: r.links.map((l) => ({ id: l.id, orgId: l.org_id, parentId: l.parent_id, ...span(l) })),
  };
}

/** A record's time in force, as the snapshot names it. */
const span = (r: { valid_from: string; valid_until: string | null }) => ({ from: r.valid_from, until: r.valid_until });

export async function personNames(s: Sql, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await qb(s)
    .selectFrom('person')
    .select(['id', 'full_name'])
    .where('id', '=', (eb) => eb.fn.any(uuidList(ids)))
    .execute();
  return new Map(rows.map((x) => [x.id, x.full_name]));
}

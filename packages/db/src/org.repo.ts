import { compareVietnamese, foldVietnamese } from '@quyche/core';
import type { Body, Organization, OrgSnapshot, TreeNode } from '@quyche/core';
import type { Sql } from './db.types.js';

const active = (a: string, d: string) =>
  `${a}.valid_from <= ${d} and (${a}.valid_until is null or ${a}.valid_until >= ${d})`;

export interface OrgRow {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: Organization['kind'];
  symbol: string | null;
  valid_from: string;
  valid_until: string | null;
  confidentiality: number;
  version: number;
}
export function toOrganization(r: OrgRow): Organization {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    symbol: r.symbol,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
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

export interface BodyRow {
  id: string;
  org_id: string;
  term_id: string | null;
  kind: Body['kind'];
  name: string;
  symbol: string | null;
  part_of: string | null;
  valid_from: string;
  valid_until: string | null;
  confidentiality: number;
  version: number;
}
export function toBody(r: BodyRow): Body {
  return {
    id: r.id,
    orgId: r.org_id,
    termId: r.term_id,
    kind: r.kind,
    name: r.name,
    symbol: r.symbol,
    partOf: r.part_of,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    confidentiality: r.confidentiality,
    version: r.version,
  };
}

export function orgSearchText(name: string, shortName?: string | null, code?: string): string {
  return foldVietnamese([name, shortName ?? '', code ?? ''].join(' '));
}

export async function getOrganization(sql: Sql, id: string): Promise<OrgRow | undefined> {
  return (await sql.query<OrgRow>('select * from organization where id = $1', [id])).rows[0];
}
export async function getOrganizationByCode(sql: Sql, code: string): Promise<OrgRow | undefined> {
  return (await sql.query<OrgRow>('select * from organization where code = $1', [code])).rows[0];
}

/** The organization, everything above it at any date, and the organizations that succeeded any of them. */
export async function orgChainUp(sql: Sql, orgId: string): Promise<string[]> {
  const r = await sql.query<{ id: string }>(
    `with recursive up(id) as (
       select $1::uuid
       union
       select e.b from up join (
         select org_id as a, parent_id as b from organization_parent
         union all select predecessor_id, successor_id from organization_succession
       ) e on e.a = up.id
     ) select id from up`,
    [orgId],
  );
  return r.rows.map((x) => x.id);
}

/** Every organization a grant on `roots` covers: descendants at any date, predecessors and theirs. */
export async function orgsCovered(sql: Sql, roots: string[]): Promise<string[]> {
  const r = await sql.query<{ id: string }>(
    `with recursive down(id) as (
       select unnest($1::uuid[])
       union
       select e.b from down join (
         select parent_id as a, org_id as b from organization_parent
         union all select successor_id, predecessor_id from organization_succession
       ) e on e.a = down.id
     ) select id from down`,
    [roots],
  );
  return r.rows.map((x) => x.id);
}

export async function listOrganizations(
  sql: Sql,
  o: {
    visible: string[] | null;
    asOf?: string | undefined;
    q?: string | undefined;
    kind?: string | undefined;
    clearance: number;
    page: number;
    pageSize: number;
  },
): Promise<{ rows: OrgRow[]; total: number }> {
  const where: string[] = ['o.confidentiality <= $1'];
  const params: unknown[] = [o.clearance];
  if (o.visible) {
    params.push(o.visible);
    where.push(`o.id = any($${params.length}::uuid[])`);
  }
  if (o.asOf) {
    params.push(o.asOf);
    where.push(active('o', `$${params.length}::date`));
  }
  if (o.kind) {
    params.push(o.kind);
    where.push(`o.kind = $${params.length}`);
  }
  for (const term of foldVietnamese(o.q ?? '')
    .split(' ')
    .filter(Boolean)) {
    params.push(`%${term}%`);
    where.push(`o.search_text like $${params.length}`);
  }
  const w = where.join(' and ');
  const total = (await sql.query<{ n: number }>(`select count(*)::int as n from organization o where ${w}`, params))
    .rows[0]!.n;
  params.push(o.pageSize, (o.page - 1) * o.pageSize);
  const rows = (
    await sql.query<OrgRow>(
      `select o.* from organization o where ${w} order by o.name limit $${params.length - 1} offset $${params.length}`,
      params,
    )
  ).rows;
  return { rows, total };
}

interface TreeRow extends OrgRow {
  parent_id: string | null;
  depth: number;
  child_count: number;
}

/** The tree as it stood on `asOf`, from `roots` down to `depth` levels. */
export async function orgTree(
  sql: Sql,
  roots: string[],
  asOf: string,
  depth: number,
  clearance: number,
): Promise<TreeNode[]> {
  const rows = (
    await sql.query<TreeRow>(
      `with recursive t(id, parent_id, depth) as (
         select o.id, null::uuid, 0 from organization o
          where o.id = any($1::uuid[]) and ${active('o', '$2::date')} and o.confidentiality <= $4
         union all
         select p.org_id, p.parent_id, t.depth + 1 from t
           join organization_parent p on p.parent_id = t.id and ${active('p', '$2::date')}
           join organization c on c.id = p.org_id and ${active('c', '$2::date')} and c.confidentiality <= $4
          where t.depth < $3
       )
       select o.*, t.parent_id, t.depth,
         (select count(*)::int from organization_parent p2 join organization c2 on c2.id = p2.org_id
           where p2.parent_id = t.id and ${active('p2', '$2::date')} and ${active('c2', '$2::date')} and c2.confidentiality <= $4) as child_count
       from t join organization o on o.id = t.id`,
      [roots, asOf, depth, clearance],
    )
  ).rows;
  const preds = rows.length
    ? (
        await sql.query<{ successor_id: string; id: string; name: string; valid_until: string | null; kind: string }>(
          `select s.successor_id, o.id, o.name, o.valid_until, s.kind from organization_succession s join organization o on o.id = s.predecessor_id
            where s.successor_id = any($1::uuid[]) order by o.name`,
          [rows.map((r) => r.id)],
        )
      ).rows
    : [];
  const nodes = new Map<string, TreeNode>();
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      childCount: r.child_count,
      predecessors: preds
        .filter((p) => p.successor_id === r.id)
        .map((p) => ({ id: p.id, name: p.name, validUntil: p.valid_until, succession: p.kind })),
      children: [],
    });
  }
  const out: TreeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    if (r.depth === 0) out.push(node);
    else nodes.get(r.parent_id!)?.children.push(node);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name, 'vi', { numeric: true }));
    for (const n of list) sort(n.children);
  };
  sort(out);
  return out;
}

const KIND_ORDER = [
  'CENTRAL_PARTY_ORG',
  'PROVINCIAL_PARTY_ORG',
  'AGENCIES_PARTY_ORG',
  'GOVERNMENT_PARTY_ORG',
  'BLOC_PARTY_COMMITTEE',
  'DISTRICT_PARTY_ORG',
  'GRASSROOTS_PARTY_ORG',
  'COMMUNE_PARTY_ORG',
  'CELL',
];
const kindOrder = (k: string) => KIND_ORDER.indexOf(k);

/** Roots of the tree on `asOf` for grants on `grantOrgs`: a grant org not yet founded shows its predecessors. */
export async function treeRoots(sql: Sql, grantOrgs: string[], asOf: string): Promise<string[]> {
  const r = await sql.query<{ id: string }>(
    `with recursive back(id) as (
       select unnest($1::uuid[])
       union
       select s.predecessor_id from back join organization o on o.id = back.id and o.valid_from > $2::date
         join organization_succession s on s.successor_id = back.id
     )
     select b.id from back b join organization o on o.id = b.id
      where ${active('o', '$2::date')}
        -- a predecessor that then sat under another predecessor (a district under the old province) is not a root
        and not exists (select 1 from organization_parent p join back b2 on b2.id = p.parent_id
                         where p.org_id = b.id and ${active('p', '$2::date')})`,
    [grantOrgs, asOf],
  );
  return r.rows.map((x) => x.id);
}

/** The subtree of $1 as of $2 for clearance $3 (exported so that the benchmark runs the very same statement raw). */
export const ORG_SUBTREE_SQL = `with recursive t(id, parent_id, depth) as (
     select $1::uuid, null::uuid, 0
     union all
     select p.org_id, p.parent_id, t.depth + 1 from t
       join organization_parent p on p.parent_id = t.id and ${active('p', '$2::date')}
       join organization c on c.id = p.org_id and ${active('c', '$2::date')} and c.confidentiality <= $3
   )
   select o.id, o.code, o.name, o.kind, o.confidentiality, t.parent_id, t.depth from t join organization o on o.id = t.id`;

export async function orgSubtree(sql: Sql, rootId: string, asOf: string, clearance: number) {
  return (
    await sql.query<{
      id: string;
      code: string;
      name: string;
      kind: Organization['kind'];
      confidentiality: number;
      parent_id: string | null;
      depth: number;
    }>(ORG_SUBTREE_SQL, [rootId, asOf, clearance])
  ).rows.sort((a, b) => a.depth - b.depth || compareVietnamese(a.name, b.name)); // sorted here: collation in WASM is slow
}

export async function parentLinks(sql: Sql, orgId: string) {
  return (
    await sql.query<{
      id: string;
      org_id: string;
      parent_id: string;
      valid_from: string;
      valid_until: string | null;
      p_code: string;
      p_name: string;
      p_kind: Organization['kind'];
    }>(
      `select l.*, p.code as p_code, p.name as p_name, p.kind as p_kind from organization_parent l join organization p on p.id = l.parent_id
        where l.org_id = $1 order by l.valid_from`,
      [orgId],
    )
  ).rows;
}

export async function successions(sql: Sql, orgId: string) {
  return (
    await sql.query<{
      direction: 'pred' | 'succ';
      id: string;
      code: string;
      name: string;
      kind: Organization['kind'];
      succession: string;
      effective_on: string;
    }>(
      `select 'pred' as direction, o.id, o.code, o.name, o.kind, s.kind as succession, s.effective_on
         from organization_succession s join organization o on o.id = s.predecessor_id where s.successor_id = $1
       union all
       select 'succ', o.id, o.code, o.name, o.kind, s.kind, s.effective_on
         from organization_succession s join organization o on o.id = s.successor_id where s.predecessor_id = $1`,
      [orgId],
    )
  ).rows;
}

export async function childrenAsOf(sql: Sql, orgId: string, asOf: string, clearance: number) {
  return (
    await sql.query<OrgRow>(
      `select c.* from organization_parent p join organization c on c.id = p.org_id
        where p.parent_id = $1 and ${active('p', '$2::date')} and ${active('c', '$2::date')} and c.confidentiality <= $3 order by c.name`,
      [orgId, asOf, clearance],
    )
  ).rows;
}

export async function bodiesOf(sql: Sql, orgId: string, asOf: string | null, clearance: number) {
  return (
    await sql.query<BodyRow & { member_count: number }>(
      `select b.*, (select count(*)::int from membership m where m.body_id = b.id and ${active('m', 'coalesce($2::date, current_date)')}) as member_count
         from body b where b.org_id = $1 and b.confidentiality <= $3 ${asOf ? `and ${active('b', '$2::date')}` : ''}
        order by array_position(array['BCH','BTV','TT','UBKT','ADVISORY','PUBLIC_UNIT','DANG_DOAN','BAN_CAN_SU','CHI_UY'], b.kind), b.name`,
      [orgId, asOf, clearance],
    )
  ).rows;
}

export async function termsOf(sql: Sql, orgId: string) {
  return (
    await sql.query<{
      id: string;
      org_id: string;
      name: string;
      ordinal: number | null;
      valid_from: string;
      valid_until: string | null;
      congress_closed_on: string | null;
      version: number;
    }>('select * from term where org_id = $1 order by valid_from', [orgId])
  ).rows;
}
export const toTerm = (t: Awaited<ReturnType<typeof termsOf>>[number]) => ({
  id: t.id,
  orgId: t.org_id,
  name: t.name,
  ordinal: t.ordinal,
  validFrom: t.valid_from,
  validUntil: t.valid_until,
  congressClosedOn: t.congress_closed_on,
  version: t.version,
});

export async function getBody(sql: Sql, id: string) {
  return (await sql.query<BodyRow>('select * from body where id = $1', [id])).rows[0];
}

export interface MembershipRow {
  id: string;
  org_id: string;
  body_id: string;
  person_id: string;
  role: OrgSnapshot['memberships'][number]['role'];
  title: string | null;
  valid_from: string;
  valid_until: string | null;
  end_reason: string | null;
  version: number;
  full_name: string;
}
export const toMembership = (m: MembershipRow) => ({
  id: m.id,
  bodyId: m.body_id,
  person: { id: m.person_id, fullName: m.full_name },
  role: m.role,
  title: m.title,
  validFrom: m.valid_from,
  validUntil: m.valid_until,
  endReason: m.end_reason,
  version: m.version,
});

export async function membershipsOfBody(sql: Sql, bodyId: string) {
  return (
    await sql.query<MembershipRow>(
      `select m.*, p.full_name from membership m join person p on p.id = m.person_id where m.body_id = $1
        order by array_position(array['BI_THU','PHO_BI_THU_TT','PHO_BI_THU','CHU_NHIEM','PHO_CHU_NHIEM','TRUONG_BAN','PHO_TRUONG_BAN','UY_VIEN','CAN_BO'], m.role), m.valid_from, p.full_name`,
      [bodyId],
    )
  ).rows;
}
export async function getMembership(sql: Sql, id: string) {
  return (
    await sql.query<MembershipRow>(
      'select m.*, p.full_name from membership m join person p on p.id = m.person_id where m.id = $1',
      [id],
    )
  ).rows[0];
}

export interface PartyMemberRow {
  id: string;
  org_id: string;
  person_id: string;
  status: 'official' | 'probationary';
  valid_from: string;
  valid_until: string | null;
  version: number;
  full_name: string;
}
export const toPartyMember = (r: PartyMemberRow) => ({
  id: r.id,
  orgId: r.org_id,
  person: { id: r.person_id, fullName: r.full_name },
  status: r.status,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  version: r.version,
});
export async function partyMembersOf(sql: Sql, orgId: string, asOf: string | null) {
  return (
    await sql.query<PartyMemberRow>(
      `select pm.*, p.full_name from party_membership pm join person p on p.id = pm.person_id
        where pm.org_id = $1 ${asOf ? `and ${active('pm', '$2::date')}` : ''} order by p.full_name`,
      asOf ? [orgId, asOf] : [orgId],
    )
  ).rows;
}
export async function getPartyMember(sql: Sql, id: string) {
  return (
    await sql.query<PartyMemberRow>(
      'select pm.*, p.full_name from party_membership pm join person p on p.id = pm.person_id where pm.id = $1',
      [id],
    )
  ).rows[0];
}

/** Everything the integrity rules of one organization look at. */
export async function orgSnapshot(sql: Sql, orgId: string): Promise<OrgSnapshot | undefined> {
  const org = await getOrganization(sql, orgId);
  if (!org) return undefined;
  const bodies = (await sql.query<BodyRow>('select * from body where org_id = $1', [orgId])).rows;
  const memberships = (
    await sql.query<MembershipRow>("select m.*, '' as full_name from membership m where m.org_id = $1", [orgId])
  ).rows;
  const pms = (
    await sql.query<PartyMemberRow>("select pm.*, '' as full_name from party_membership pm where pm.org_id = $1", [
      orgId,
    ])
  ).rows;
  const links = (
    await sql.query<{ id: string; org_id: string; parent_id: string; valid_from: string; valid_until: string | null }>(
      'select * from organization_parent where org_id = $1',
      [orgId],
    )
  ).rows;
  return {
    org: { id: org.id, code: org.code, name: org.name, kind: org.kind, from: org.valid_from, until: org.valid_until },
    bodies: bodies.map((b) => ({
      id: b.id,
      orgId: b.org_id,
      kind: b.kind,
      name: b.name,
      from: b.valid_from,
      until: b.valid_until,
    })),
    memberships: memberships.map((m) => ({
      id: m.id,
      bodyId: m.body_id,
      personId: m.person_id,
      role: m.role,
      from: m.valid_from,
      until: m.valid_until,
    })),
    partyMembers: pms.map((p) => ({
      id: p.id,
      orgId: p.org_id,
      personId: p.person_id,
      status: p.status,
      from: p.valid_from,
      until: p.valid_until,
    })),
    parentLinks: links.map((l) => ({
      id: l.id,
      orgId: l.org_id,
      parentId: l.parent_id,
      from: l.valid_from,
      until: l.valid_until,
    })),
  };
}

export async function personNames(sql: Sql, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await sql.query<{ id: string; full_name: string }>(
    'select id, full_name from person where id = any($1::uuid[])',
    [ids],
  );
  return new Map(r.rows.map((x) => [x.id, x.full_name]));
}

/** The generations of sessions and grants (`auth`) and of the organization tree (`org`), counted by triggers. */
export async function cacheGenerations(sql: Sql): Promise<{ auth: number; org: number }> {
  const rows = (await sql.query<{ name: string; n: number }>('select name, n from cache_generation')).rows;
  return {
    auth: Number(rows.find((r) => r.name === 'auth')?.n ?? 0),
    org: Number(rows.find((r) => r.name === 'org')?.n ?? 0),
  };
}

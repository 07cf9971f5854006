import { compareVietnamese, validityOf } from '@quyche/core';
import type { Organization, TreeNode } from '@quyche/core';
import { type Insertable, type RawBuilder, sql } from 'kysely';
import type { OrganizationParentTable } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { dateParam, uuidList, validOn, insertRow } from './query.helpers.js';

/*
 * The organization tree: parent links and successions, both dated. The walks are recursive CTEs (Kysely's sql
 * template, typed); the lookups beside them use the builder.
 */

/** The tree's edges a → b, walked up (child to parent, predecessor to successor) or down (the reverse). */
const EDGES = {
  up: sql`select org_id as a, parent_id as b from organization_parent
          union all select predecessor_id, successor_id from organization_succession`,
  down: sql`select parent_id as a, org_id as b from organization_parent
            union all select successor_id, predecessor_id from organization_succession`,
};

/** The organizations `start` selects and every one reached from them along the edges, at any date. */
async function walk(s: Sql, start: RawBuilder<unknown>, direction: keyof typeof EDGES): Promise<string[]> {
  const r = await sql<{ id: string }>`with recursive walk(id) as (
       ${start}
       union
       select e.b from walk join (${EDGES[direction]}) e on e.a = walk.id
     ) select id from walk`.execute(qb(s));
  return r.rows.map((x) => x.id);
}

/** The organization, everything above it at any date, and the organizations that succeeded any of them. */
export const orgChainUp = (s: Sql, orgId: string) => walk(s, sql`select ${orgId}::uuid`, 'up');

/** Every organization a grant on `roots` covers: descendants at any date, predecessors and theirs. */
export const orgsCovered = (s: Sql, roots: string[]) => walk(s, sql`select unnest(${uuidList(roots)})`, 'down');

interface TreeRow {
  id: string;
  code: string;
  name: string;
  kind: Organization['kind'];
  valid_from: string;
  valid_until: string | null;
  parent_id: string | null;
  depth: number;
  child_count: number;
}

/** The tree as it stood on `asOf`, from `roots` down to `depth` levels. */
export async function orgTree(
  s: Sql,
  roots: string[],
  asOf: string,
  depth: number,
  clearance: number,
): Promise<TreeNode[]> {
  const d = dateParam(asOf);
  const { rows } = await sql<TreeRow>`with recursive t(id, parent_id, depth) as (
         select o.id, null::uuid, 0 from organization o
          where o.id = any(${uuidList(roots)}) and ${validOn('o', d)} and o.confidentiality <= ${clearance}
         union all
         select p.org_id, p.parent_id, t.depth + 1 from t
           join organization_parent p on p.parent_id = t.id and ${validOn('p', d)}
           join organization c on c.id = p.org_id and ${validOn('c', d)} and c.confidentiality <= ${clearance}
          where t.depth < ${depth}
       )
       select o.id, o.code, o.name, o.kind, o.valid_from, o.valid_until, t.parent_id, t.depth,
         (select count(*)::int from organization_parent p2 join organization c2 on c2.id = p2.org_id
           where p2.parent_id = t.id and ${validOn('p2', d)} and ${validOn('c2', d)}
             and c2.confidentiality <= ${clearance}) as child_count
       from t join organization o on o.id = t.id`.execute(qb(s));
  const preds = rows.length
    ? await qb(s)
        .selectFrom('organization_succession as s')
        .innerJoin('organization as o', 'o.id', 's.predecessor_id')
        .select(['s.successor_id', 'o.id', 'o.name', 'o.valid_until', 's.kind'])
        .where('s.successor_id', '=', (eb) => eb.fn.any(uuidList(rows.map((r) => r.id))))
        .orderBy('o.name')
        .execute()
    : [];
  const nodes = new Map<string, TreeNode>();
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      ...validityOf(r),
      childCount: r.child_count,
      predecessors: preds
        .filter((p) => p.successor_id === r.id)
        .map((p) => ({ id: p.id, name: p.name, validUntil: p.valid_until, succession: p.kind as never })),
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
export async function treeRoots(s: Sql, grantOrgs: string[], asOf: string): Promise<string[]> {
  const d = dateParam(asOf);
  const r = await sql<{ id: string }>`with recursive back(id) as (
       select unnest(${uuidList(grantOrgs)})
       union
       select s.predecessor_id from back join organization o on o.id = back.id and o.valid_from > ${d}
         join organization_succession s on s.successor_id = back.id
     )
     select b.id from back b join organization o on o.id = b.id
      where ${validOn('o', d)}
        -- a predecessor that then sat under another predecessor (a district under the old province) is not a root
        and not exists (select 1 from organization_parent p join back b2 on b2.id = p.parent_id
                         where p.org_id = b.id and ${validOn('p', d)})`.execute(qb(s));
  return r.rows.map((x) => x.id);
}

export interface OrgSubtreeRow {
  id: string;
  code: string;
  name: string;
  kind: Organization['kind'];
  confidentiality: number;
  parent_id: string | null;
  depth: number;
}
/* Each value is bound once, in `arg` ($1 root, $2 date, $3 clearance), so that the benchmark can send the very
 * same statement raw with those three parameters (ORG_SUBTREE_SQL). */
const subtreeQuery = (rootId: string, asOf: string, clearance: number) =>
  sql<OrgSubtreeRow>`with recursive arg as (select ${rootId}::uuid as root, ${asOf}::date as d,
    ${clearance}::int as clearance),
   t(id, parent_id, depth) as (
     select arg.root, null::uuid, 0 from arg
     union all
     select p.org_id, p.parent_id, t.depth + 1 from t cross join arg
       join organization_parent p on p.parent_id = t.id and ${validOn('p', sql.ref('arg.d'))}
       join organization c on c.id = p.org_id and ${validOn('c', sql.ref('arg.d'))}
         and c.confidentiality <= arg.clearance
   )
   select o.id, o.code, o.name, o.kind, o.confidentiality, t.parent_id, t.depth from t join organization o
     on o.id = t.id`;

/** The subtree of $1 as of $2 for clearance $3 (exported so that the benchmark runs the very same statement raw). */
export const ORG_SUBTREE_SQL = subtreeQuery('', '', 0).compile(
  qb({ query: () => Promise.reject(new Error('only compiled')) }),
).sql;

export async function orgSubtree(s: Sql, rootId: string, asOf: string, clearance: number) {
  const { rows } = await subtreeQuery(rootId, asOf, clearance).execute(qb(s));
  // Sorted here: collation in WASM is slow.
  return rows.sort((a, b) => a.depth - b.depth || compareVietnamese(a.name, b.name));
}

/** The organization's parent links over time, with the parent named. */
export async function parentLinks(s: Sql, orgId: string) {
  return qb(s)
    .selectFrom('organization_parent as l')
    .innerJoin('organization as p', 'p.id', 'l.parent_id')
    .select(['l.id', 'l.org_id', 'l.parent_id', 'l.valid_from', 'l.valid_until', 'l.version'])
    .select(['p.code as p_code', 'p.name as p_name', 'p.kind as p_kind'])
    .$narrowType<{ p_kind: Organization['kind'] }>()
    .where('l.org_id', '=', orgId)
    .orderBy('l.valid_from')
    .execute();
}

/** A dated link of an organization to its parent. */
export const insertOrganizationParent = (s: Sql, row: Insertable<OrganizationParentTable>) =>
  insertRow(s, 'organization_parent', row);

/** Whether `fromId` reaches `toId` going up the parent links of any date (a new link back would close a cycle). */
export async function orgReachesUp(s: Sql, fromId: string, toId: string): Promise<boolean> {
  const r = await sql<{ found: number }>`with recursive up(id) as (
      select ${fromId}::uuid union select p.parent_id from up join organization_parent p on p.org_id = up.id
    ) select 1 as found from up where id = ${toId}`.execute(qb(s));
  return r.rows.length > 0;
}

/** The organization's predecessors ('pred') and successors ('succ'). */
export async function successions(s: Sql, orgId: string) {
  const side = (direction: 'pred' | 'succ') =>
    qb(s)
      .selectFrom('organization_succession as s')
      .innerJoin('organization as o', 'o.id', direction === 'pred' ? 's.predecessor_id' : 's.successor_id')
      .select([sql.lit(direction).$castTo<'pred' | 'succ'>().as('direction'), 'o.id', 'o.code', 'o.name', 'o.kind'])
      .select(['s.kind as succession', 's.effective_on'])
      .$narrowType<{ kind: Organization['kind'] }>()
      .where(direction === 'pred' ? 's.successor_id' : 's.predecessor_id', '=', orgId);
  return side('pred').unionAll(side('succ')).execute();
}

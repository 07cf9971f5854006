import { ProblemError, invalidField, validityOf } from '@quyche/core';
import type { CreateOrganizationSchema, CreateParentLinkSchema, UpdateOrganizationSchema } from '@quyche/core';
import {
  bodiesOf,
  childrenAsOf,
  insertOrganization,
  insertOrganizationParent,
  insertPartyMembership,
  listOrganizations,
  orgReachesUp,
  orgRef,
  orgSearchText,
  orgSubtree,
  orgTree,
  parentLinks,
  partyMembersOf,
  successions,
  termsOf,
  toBody,
  toOrganization,
  toTerm,
  treeRoots,
  updateOrganizationVersioned,
  uuidv7,
} from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { withIntegrity } from './integrity.js';
import { loadOrg, visiblePerson } from './org.load.js';
import { versionProblem } from './version-conflict.js';
import { visiblePage } from './record.access.js';

/*
 * Organizations: the tree, one organization's page, and creating or changing one. Bodies, terms, positions and
 * reorganizations have their own services (body, term, position, reorganization).
 */

export async function getTree(
  ctx: RequestContext,
  q: { asOf?: string | undefined; root?: string | undefined; depth: number },
) {
  const asOf = q.asOf ?? ctx.today();
  let roots: string[];
  if (q.root) {
    await loadOrg(ctx, q.root);
    roots = [q.root];
  } else {
    roots = await treeRoots(ctx.db, ctx.grantRoots('read'), asOf);
  }
  return { asOf, roots: await orgTree(ctx.db, roots, asOf, q.depth, ctx.user.clearance) };
}

export async function listOrgs(
  ctx: RequestContext,
  q: { asOf?: string | undefined; q?: string | undefined; kind?: string | undefined; page: number; pageSize: number },
) {
  return visiblePage(ctx, q, listOrganizations, toOrganization);
}

export async function getOrgDetail(ctx: RequestContext, id: string, asOfIn?: string) {
  const asOf = asOfIn ?? ctx.today();
  const org = await loadOrg(ctx, id);
  const links = await parentLinks(ctx.db, id);
  const succ = await successions(ctx.db, id);
  const current = links.find((l) => l.valid_from <= asOf && (l.valid_until === null || l.valid_until >= asOf));
  const members = await partyMembersOf(ctx.db, id, asOf);
  return {
    ...toOrganization(org),
    asOf,
    activeOnDate: org.valid_from <= asOf && (org.valid_until === null || org.valid_until >= asOf),
    parent: current
      ? { id: current.parent_id, code: current.p_code, name: current.p_name, kind: current.p_kind }
      : null,
    parentLinks: links.map((l) => ({
      id: l.id,
      parent: { id: l.parent_id, code: l.p_code, name: l.p_name, kind: l.p_kind },
      ...validityOf(l),
    })),
    predecessors: succ
      .filter((s) => s.direction === 'pred')
      .map((s) => ({ ...orgRef(s), succession: s.succession as never, effectiveOn: s.effective_on })),
    successors: succ
      .filter((s) => s.direction === 'succ')
      .map((s) => ({ ...orgRef(s), succession: s.succession as never, effectiveOn: s.effective_on })),
    children: (await childrenAsOf(ctx.db, id, asOf, ctx.user.clearance)).map(orgRef),
    bodies: (await bodiesOf(ctx.db, id, asOf, ctx.user.clearance)).map((b) => ({
      ...toBody(b),
      memberCount: b.member_count,
    })),
    terms: (await termsOf(ctx.db, id)).map(toTerm),
    partyMemberCount: members.length,
  };
}

export async function getSubtree(ctx: RequestContext, id: string, asOfIn?: string) {
  const asOf = asOfIn ?? ctx.today();
  // One statement: the root comes back first (depth 0) with its confidentiality, checked before anything is shown.
  const items = await orgSubtree(ctx.db, id, asOf, ctx.user.clearance);
  const root = items.find((i) => i.depth === 0);
  if (!root) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy tổ chức' });
  await ctx.assertOrg(root.id, 'read', root.confidentiality);
  return {
    asOf,
    rootId: id,
    count: items.length,
    items: items.map((i) => ({ ...orgRef(i), parentId: i.parent_id, depth: i.depth })),
  };
}

export async function createOrganization(ctx: RequestContext, input: In<typeof CreateOrganizationSchema>) {
  // The new organization lands under its parent: the parent decides the scope.
  if (input.parentId) await loadOrg(ctx, input.parentId, 'write');
  else if (!ctx.user.grants.some((g) => g.role === 'admin')) {
    throw new ProblemError('FORBIDDEN', {
      detail: 'Chỉ quản trị viên được tạo tổ chức không có cấp trên',
      field: 'body.parentId',
    });
  }
  ctx.assertClearance(input.confidentiality ?? 0);
  if (input.kind === 'CELL' && !input.partyMembers) {
    throw invalidField(
      'body.partyMembers',
      'Chi bộ được lập cùng danh sách đảng viên (ít nhất 3 đảng viên chính thức)',
    );
  }
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    const row = await withIntegrity(tx, id, async () => {
      const r = await insertOrganization(tx, {
        id,
        code: input.code,
        name: input.name,
        short_name: input.shortName ?? null,
        kind: input.kind,
        symbol: input.symbol ?? null,
        valid_from: input.validFrom,
        valid_until: input.validUntil ?? null,
        confidentiality: input.confidentiality ?? 0,
        search_text: orgSearchText(input.name, input.shortName, input.code),
      });
      if (input.parentId) {
        await insertOrganizationParent(tx, {
          id: uuidv7(),
          org_id: id,
          parent_id: input.parentId,
          valid_from: input.validFrom,
          valid_until: input.validUntil ?? null,
        });
      }
      for (const m of input.partyMembers ?? []) {
        await visiblePerson(ctx, tx, m.personId, 'body.partyMembers');
        await insertPartyMembership(tx, {
          id: uuidv7(),
          org_id: id,
          person_id: m.personId,
          status: m.status,
          valid_from: input.validFrom,
          valid_until: input.validUntil ?? null,
        });
      }
      return r;
    });
    await ctx.auditChange(tx, 'create', ['organization', id, id], { after: { ...input } });
    return toOrganization(row);
  });
}

export async function updateOrganization(ctx: RequestContext, id: string, input: In<typeof UpdateOrganizationSchema>) {
  const org = await loadOrg(ctx, id, 'write');
  if (input.confidentiality !== undefined) ctx.assertClearance(input.confidentiality);
  const { version, ...changes } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await withIntegrity(tx, id, async () => {
      // The search text follows the names; the code never changes.
      const renamed = changes.name !== undefined || changes.shortName !== undefined;
      const r = await updateOrganizationVersioned(tx, id, version, {
        name: changes.name,
        short_name: changes.shortName,
        symbol: changes.symbol,
        confidentiality: changes.confidentiality,
        valid_from: changes.validFrom,
        valid_until: changes.validUntil,
        search_text: renamed
          ? orgSearchText(
              changes.name ?? org.name,
              changes.shortName === undefined ? org.short_name : changes.shortName,
              org.code,
            )
          : undefined,
      });
      if (!r) throw await versionProblem(tx, 'organization', id, version);
      return r;
    });
    await ctx.auditChange(tx, 'update', ['organization', id, id], {
      before: toOrganization(org),
      after: toOrganization(row),
    });
    return toOrganization(row);
  });
}

export async function addParentLink(ctx: RequestContext, id: string, input: In<typeof CreateParentLinkSchema>) {
  await loadOrg(ctx, id, 'write');
  await loadOrg(ctx, input.parentId, 'write');
  if (input.parentId === id) throw invalidField('body.parentId', 'Một tổ chức không trực thuộc chính nó');
  return ctx.db.transaction(async (tx) => {
    if (await orgReachesUp(tx, input.parentId, id))
      throw invalidField('body.parentId', 'Quan hệ trực thuộc tạo thành vòng');
    const linkId = uuidv7();
    await withIntegrity(tx, id, () =>
      insertOrganizationParent(tx, {
        id: linkId,
        org_id: id,
        parent_id: input.parentId,
        valid_from: input.validFrom,
        valid_until: input.validUntil ?? null,
      }),
    );
    await ctx.auditChange(tx, 'create', ['organization_parent', linkId, id], { after: input });
    return { id: linkId };
  });
}

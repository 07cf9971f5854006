import { planReorganization, problem, ProblemError, ReorganizationError } from '@quyche/core';
import type { z } from 'zod';
import type {
  CreateBodySchema,
  CreateMembershipSchema,
  CreateOrganizationSchema,
  CreateParentLinkSchema,
  CreatePartyMemberSchema,
  CreateTermSchema,
  ReorganizationSchema,
  UpdateBodySchema,
  UpdateMembershipSchema,
  UpdateOrganizationSchema,
  UpdatePartyMemberSchema,
} from '@quyche/core';
import {
  bodiesOf,
  childrenAsOf,
  getBody,
  getMembership,
  getOrganization,
  getPartyMember,
  getPerson,
  listOrganizations,
  membershipsOfBody,
  orgRef,
  orgSearchText,
  orgSubtree,
  orgTree,
  parentLinks,
  partyMembersOf,
  successions,
  termsOf,
  toBody,
  toMembership,
  toOrganization,
  toPartyMember,
  toTerm,
  treeRoots,
  uuidv7,
} from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { withIntegrity } from './integrity.js';
import { updateVersioned } from './sql-update.js';

type In<T extends z.ZodType> = z.output<T>;

async function loadOrg(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read', sql: Sql = ctx.db) {
  const org = await getOrganization(sql, id);
  if (!org) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy tổ chức' });
  await ctx.assertOrg(org.id, action, org.confidentiality, sql);
  return org;
}

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
  const { rows, total } = await listOrganizations(ctx.db, {
    ...q,
    visible: await ctx.coveredOrgs(),
    clearance: ctx.user.clearance,
  });
  return { items: rows.map(toOrganization), page: q.page, pageSize: q.pageSize, total };
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
      validFrom: l.valid_from,
      validUntil: l.valid_until,
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

/**
 * A person named in a write must be one the user may see: a person of an organization out of scope (or above the
 * user's clearance) is answered as not found, so the write neither succeeds nor reveals that the person exists.
 */
async function visiblePerson(ctx: RequestContext, sql: Sql, personId: string, field: string) {
  const p = await getPerson(sql, personId);
  const notFound = () =>
    new ProblemError('VALIDATION_FAILED', { field, detail: `Không tìm thấy người mã ${personId}` });
  if (!p) throw notFound();
  try {
    await ctx.assertOrg(p.org_id, 'read', p.confidentiality, sql);
  } catch (e) {
    if (e instanceof ProblemError) throw notFound();
    throw e;
  }
  return p;
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
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.partyMembers',
      detail: 'Chi bộ được lập cùng danh sách đảng viên (ít nhất 3 đảng viên chính thức)',
    });
  }
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    const row = await withIntegrity(tx, id, async () => {
      const r = (
        await tx.query(
          `insert into organization (id, code, name, short_name, kind, symbol, valid_from, valid_until, confidentiality, search_text)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) returning *`,
          [
            id,
            input.code,
            input.name,
            input.shortName ?? null,
            input.kind,
            input.symbol ?? null,
            input.validFrom,
            input.validUntil ?? null,
            input.confidentiality ?? 0,
            orgSearchText(input.name, input.shortName, input.code),
          ],
        )
      ).rows[0] as unknown as Parameters<typeof toOrganization>[0];
      if (input.parentId) {
        await tx.query(
          'insert into organization_parent (id, org_id, parent_id, valid_from, valid_until) values ($1,$2,$3,$4,$5)',
          [uuidv7(), id, input.parentId, input.validFrom, input.validUntil ?? null],
        );
      }
      for (const m of input.partyMembers ?? []) {
        await visiblePerson(ctx, tx, m.personId, 'body.partyMembers');
        await tx.query(
          'insert into party_membership (id, org_id, person_id, status, valid_from, valid_until) values ($1,$2,$3,$4,$5,$6)',
          [uuidv7(), id, m.personId, m.status, input.validFrom, input.validUntil ?? null],
        );
      }
      return r;
    });
    await ctx.audit(tx, { action: 'create', entity: 'organization', entityId: id, orgId: id, after: { ...input } });
    return toOrganization(row);
  });
}

export async function updateOrganization(ctx: RequestContext, id: string, input: In<typeof UpdateOrganizationSchema>) {
  const org = await loadOrg(ctx, id, 'write');
  if (input.confidentiality !== undefined) ctx.assertClearance(input.confidentiality);
  const { version, ...changes } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await withIntegrity(tx, id, async () => {
      const fields: Record<string, unknown> = {
        name: changes.name,
        short_name: changes.shortName,
        symbol: changes.symbol,
        confidentiality: changes.confidentiality,
        valid_from: changes.validFrom,
        valid_until: changes.validUntil,
      };
      if (changes.name !== undefined || changes.shortName !== undefined) {
        fields['search_text'] = orgSearchText(
          changes.name ?? org.name,
          changes.shortName === undefined ? org.short_name : changes.shortName,
          org.code,
        );
      }
      return updateVersioned(tx, 'organization', id, version, fields);
    });
    await ctx.audit(tx, {
      action: 'update',
      entity: 'organization',
      entityId: id,
      orgId: id,
      before: toOrganization(org),
      after: toOrganization(row as never),
    });
    return toOrganization(row as never);
  });
}

/** UPDATE … WHERE version = $expected: 409 when someone changed the record since it was read. */

export async function addParentLink(ctx: RequestContext, id: string, input: In<typeof CreateParentLinkSchema>) {
  await loadOrg(ctx, id, 'write');
  await loadOrg(ctx, input.parentId, 'write');
  if (input.parentId === id)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.parentId',
      detail: 'Một tổ chức không trực thuộc chính nó',
    });
  return ctx.db.transaction(async (tx) => {
    const cycle = (
      await tx.query(
        `with recursive up(id) as (select $1::uuid union select p.parent_id from up join organization_parent p on p.org_id = up.id) select 1 from up where id = $2`,
        [input.parentId, id],
      )
    ).rows;
    if (cycle.length)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.parentId',
        detail: 'Quan hệ trực thuộc tạo thành vòng',
      });
    const linkId = uuidv7();
    await withIntegrity(tx, id, () =>
      tx.query(
        'insert into organization_parent (id, org_id, parent_id, valid_from, valid_until) values ($1,$2,$3,$4,$5)',
        [linkId, id, input.parentId, input.validFrom, input.validUntil ?? null],
      ),
    );
    await ctx.audit(tx, { action: 'create', entity: 'organization_parent', entityId: linkId, orgId: id, after: input });
    return { id: linkId };
  });
}

export async function addTerm(ctx: RequestContext, id: string, input: In<typeof CreateTermSchema>) {
  await loadOrg(ctx, id, 'write');
  return ctx.db.transaction(async (tx) => {
    const termId = uuidv7();
    const row = (
      await tx.query(
        'insert into term (id, org_id, name, ordinal, valid_from, valid_until, congress_closed_on) values ($1,$2,$3,$4,$5,$6,$7) returning *',
        [
          termId,
          id,
          input.name,
          input.ordinal ?? null,
          input.validFrom,
          input.validUntil ?? null,
          input.congressClosedOn ?? null,
        ],
      )
    ).rows[0];
    await ctx.audit(tx, { action: 'create', entity: 'term', entityId: termId, orgId: id, after: input });
    return toTerm(row as never);
  });
}

export async function listPartyMembers(ctx: RequestContext, orgId: string, asOf?: string) {
  await loadOrg(ctx, orgId);
  return (await partyMembersOf(ctx.db, orgId, asOf ?? ctx.today())).map(toPartyMember);
}

export async function addPartyMember(ctx: RequestContext, orgId: string, input: In<typeof CreatePartyMemberSchema>) {
  await loadOrg(ctx, orgId, 'write');
  await visiblePerson(ctx, ctx.db, input.personId, 'body.personId');
  return ctx.db.transaction(async (tx) => {
    const id = uuidv7();
    await withIntegrity(tx, orgId, () =>
      tx.query(
        'insert into party_membership (id, org_id, person_id, status, valid_from, valid_until) values ($1,$2,$3,$4,$5,$6)',
        [id, orgId, input.personId, input.status, input.validFrom, input.validUntil ?? null],
      ),
    );
    const row = (await getPartyMember(tx, id))!;
    await ctx.audit(tx, {
      action: 'create',
      entity: 'party_membership',
      entityId: id,
      orgId,
      after: toPartyMember(row),
    });
    return toPartyMember(row);
  });
}

export async function updatePartyMember(ctx: RequestContext, id: string, input: In<typeof UpdatePartyMemberSchema>) {
  const before = await getPartyMember(ctx.db, id);
  if (!before) throw new ProblemError('NOT_FOUND');
  await loadOrg(ctx, before.org_id, 'write');
  return ctx.db.transaction(async (tx) => {
    await withIntegrity(tx, before.org_id, () =>
      updateVersioned(tx, 'party_membership', id, input.version, {
        status: input.status,
        valid_until: input.validUntil,
      }),
    );
    const after = (await getPartyMember(tx, id))!;
    await ctx.audit(tx, {
      action: 'update',
      entity: 'party_membership',
      entityId: id,
      orgId: before.org_id,
      before: toPartyMember(before),
      after: toPartyMember(after),
    });
    return toPartyMember(after);
  });
}

export async function reorganize(ctx: RequestContext, input: In<typeof ReorganizationSchema>) {
  const sources: Awaited<ReturnType<typeof loadOrg>>[] = [];
  for (const id of input.sourceIds) sources.push(await loadOrg(ctx, id, 'write'));
  const successor = input.successorId ? await loadOrg(ctx, input.successorId, 'write') : null;
  const rec = (o: NonNullable<typeof successor>) => ({
    id: o.id,
    code: o.code,
    name: o.name,
    kind: o.kind,
    from: o.valid_from,
    until: o.valid_until,
  });
  const ids = input.sourceIds;
  return ctx.db.transaction(async (tx) => {
    const bodies = (
      await tx.query<{
        id: string;
        org_id: string;
        kind: string;
        name: string;
        valid_from: string;
        valid_until: string | null;
      }>('select * from body where org_id = any($1::uuid[])', [ids])
    ).rows;
    const memberships = (
      await tx.query<{
        id: string;
        body_id: string;
        person_id: string;
        role: string;
        valid_from: string;
        valid_until: string | null;
      }>('select * from membership where org_id = any($1::uuid[])', [ids])
    ).rows;
    const pms = (
      await tx.query<{
        id: string;
        org_id: string;
        person_id: string;
        status: string;
        valid_from: string;
        valid_until: string | null;
      }>('select * from party_membership where org_id = any($1::uuid[])', [ids])
    ).rows;
    const links = (
      await tx.query<{ id: string; org_id: string; parent_id: string; valid_from: string; valid_until: string | null }>(
        'select * from organization_parent where org_id = any($1::uuid[]) or parent_id = any($1::uuid[])',
        [ids],
      )
    ).rows;
    let plan: ReturnType<typeof planReorganization>;
    try {
      plan = planReorganization({
        kind: input.kind,
        effectiveOn: input.effectiveOn,
        sources: sources.map(rec),
        successor: successor ? rec(successor) : null,
        bodies: bodies.map((b) => ({
          id: b.id,
          orgId: b.org_id,
          kind: b.kind as never,
          name: b.name,
          from: b.valid_from,
          until: b.valid_until,
        })),
        memberships: memberships.map((m) => ({
          id: m.id,
          bodyId: m.body_id,
          personId: m.person_id,
          role: m.role as never,
          from: m.valid_from,
          until: m.valid_until,
        })),
        partyMembers: pms.map((p) => ({
          id: p.id,
          orgId: p.org_id,
          personId: p.person_id,
          status: p.status as never,
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
      });
    } catch (e) {
      if (e instanceof ReorganizationError)
        throw new ProblemError(problem('RULE_VIOLATION', { code: e.code, detail: e.message, field: 'body' }));
      throw e;
    }
    const result = {
      applied: !input.preview,
      summary_vi: plan.summary_vi,
      closed: {
        organizations: plan.closeOrganizations.length,
        bodies: plan.closeBodies.length,
        memberships: plan.closeMemberships.length,
        partyMembers: plan.closePartyMembers.length,
        parentLinks: plan.closeParentLinks.length,
      },
      movedChildren: plan.newParentLinks.length,
      movedTasks: 0,
    };
    // Open tasks led by an organization that ends (or by one of its bodies) go to the successor.
    const openTasks = successor
      ? (
          await tx.query<{
            id: string;
            org_id: string;
            lead_kind: string | null;
            lead_id: string | null;
            lead_name: string | null;
            lead_org_id: string;
          }>(
            "select id, org_id, lead_kind, lead_id, lead_name, lead_org_id from task where lead_org_id = any($1::uuid[]) and state in ('draft', 'assigned', 'in_progress', 'reported') order by id",
            [ids],
          )
        ).rows
      : [];
    result.movedTasks = openTasks.length;
    if (input.preview) return result;
    const close = async (table: string, items: { id: string; until: string }[]) => {
      for (const c of items)
        await tx.query(`update ${table} set valid_until = $2, version = version + 1 where id = $1`, [c.id, c.until]);
    };
    await close('membership', plan.closeMemberships);
    await close('party_membership', plan.closePartyMembers);
    await close('body', plan.closeBodies);
    await close('organization_parent', plan.closeParentLinks);
    await close('organization', plan.closeOrganizations);
    await tx.query("update membership set end_reason = 'Sắp xếp tổ chức' where id = any($1::uuid[])", [
      plan.closeMemberships.map((m) => m.id),
    ]);
    for (const l of plan.newParentLinks)
      await tx.query('insert into organization_parent (id, org_id, parent_id, valid_from) values ($1,$2,$3,$4)', [
        uuidv7(),
        l.orgId,
        l.parentId,
        l.from,
      ]);
    for (const s of plan.successions) {
      await tx.query(
        `insert into organization_succession (id, org_id, predecessor_id, successor_id, kind, effective_on, decision_ref) values ($1,$2,$3,$4,$5,$6,$7)
         on conflict (predecessor_id, successor_id) do update set kind = excluded.kind, effective_on = excluded.effective_on, decision_ref = excluded.decision_ref`,
        [uuidv7(), s.successorId, s.predecessorId, s.successorId, s.kind, s.effectiveOn, input.decisionRef ?? null],
      );
    }
    const sourceBodies = new Set(bodies.map((b) => b.id));
    for (const t of openTasks) {
      // A unit lead that ends with its organization is replaced by the successor; a person stays the lead.
      const unitEnds =
        t.lead_kind === 'unit' && t.lead_id !== null && (ids.includes(t.lead_id) || sourceBodies.has(t.lead_id));
      const lead = unitEnds
        ? { lead_id: successor!.id, lead_name: successor!.short_name ?? successor!.name }
        : { lead_id: t.lead_id, lead_name: t.lead_name };
      await tx.query(
        'update task set lead_org_id = $2, lead_id = $3, lead_name = $4, version = version + 1, updated_at = now() where id = $1',
        [t.id, successor!.id, lead.lead_id, lead.lead_name],
      );
      await ctx.audit(tx, {
        action: 'transfer',
        entity: 'task',
        entityId: t.id,
        orgId: t.org_id,
        before: { leadOrgId: t.lead_org_id, leadId: t.lead_id, leadName: t.lead_name },
        after: {
          leadOrgId: successor!.id,
          leadId: lead.lead_id,
          leadName: lead.lead_name,
          reason: `${input.kind} ${input.effectiveOn}`,
        },
      });
    }
    await ctx.audit(tx, {
      action: input.kind,
      entity: 'reorganization',
      entityId: null,
      orgId: successor?.id ?? ids[0]!,
      before: { sources: sources.map(toOrganization) },
      after: { ...input, plan, movedTasks: openTasks.map((t) => t.id) },
    });
    return result;
  });
}

async function loadBody(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  const body = await getBody(ctx.db, id);
  if (!body) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy cơ quan' });
  await ctx.assertOrg(body.org_id, action, body.confidentiality);
  return body;
}

export async function getBodyDetail(ctx: RequestContext, id: string, asOfIn?: string) {
  const asOf = asOfIn ?? ctx.today();
  const body = await loadBody(ctx, id);
  const org = (await getOrganization(ctx.db, body.org_id))!;
  const terms = await termsOf(ctx.db, body.org_id);
  const all = (await membershipsOfBody(ctx.db, id)).map(toMembership);
  return {
    ...toBody(body),
    asOf,
    organization: orgRef(org),
    term: body.term_id ? (terms.map(toTerm).find((t) => t.id === body.term_id) ?? null) : null,
    members: all.filter((m) => m.validFrom <= asOf && (m.validUntil === null || m.validUntil >= asOf)),
    history: all,
  };
}

export async function createBody(ctx: RequestContext, input: In<typeof CreateBodySchema>) {
  await loadOrg(ctx, input.orgId, 'write');
  ctx.assertClearance(input.confidentiality ?? 0);
  if (input.partOf) {
    const parent = await getBody(ctx.db, input.partOf);
    if (!parent || parent.org_id !== input.orgId)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.partOf',
        detail: 'Cơ quan cấp trên phải thuộc cùng tổ chức',
      });
  }
  if (input.termId) {
    const term = (await ctx.db.query<{ org_id: string }>('select org_id from term where id = $1', [input.termId]))
      .rows[0];
    if (!term || term.org_id !== input.orgId)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.termId',
        detail: 'Khóa, nhiệm kỳ phải là của chính tổ chức này',
      });
  }
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    const row = await withIntegrity(
      tx,
      input.orgId,
      async () =>
        (
          await tx.query(
            `insert into body (id, org_id, term_id, kind, name, symbol, part_of, valid_from, valid_until, confidentiality, search_text)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) returning *`,
            [
              id,
              input.orgId,
              input.termId ?? null,
              input.kind,
              input.name,
              input.symbol ?? null,
              input.partOf ?? null,
              input.validFrom,
              input.validUntil ?? null,
              input.confidentiality ?? 0,
              orgSearchText(input.name),
            ],
          )
        ).rows[0],
    );
    await ctx.audit(tx, { action: 'create', entity: 'body', entityId: id, orgId: input.orgId, after: input });
    return toBody(row as never);
  });
}

export async function updateBody(ctx: RequestContext, id: string, input: In<typeof UpdateBodySchema>) {
  const body = await loadBody(ctx, id, 'write');
  if (input.confidentiality !== undefined) ctx.assertClearance(input.confidentiality);
  const { version, ...c } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await withIntegrity(tx, body.org_id, () =>
      updateVersioned(tx, 'body', id, version, {
        name: c.name,
        symbol: c.symbol,
        confidentiality: c.confidentiality,
        valid_from: c.validFrom,
        valid_until: c.validUntil,
        search_text: c.name ? orgSearchText(c.name) : undefined,
      }),
    );
    await ctx.audit(tx, {
      action: 'update',
      entity: 'body',
      entityId: id,
      orgId: body.org_id,
      before: toBody(body),
      after: toBody(row as never),
    });
    return toBody(row as never);
  });
}

export async function addMembership(ctx: RequestContext, bodyId: string, input: In<typeof CreateMembershipSchema>) {
  const body = await loadBody(ctx, bodyId, 'write');
  await visiblePerson(ctx, ctx.db, input.personId, 'body.personId');
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    await withIntegrity(tx, body.org_id, () =>
      tx.query(
        'insert into membership (id, org_id, body_id, person_id, role, title, valid_from, valid_until) values ($1,$2,$3,$4,$5,$6,$7,$8)',
        [
          id,
          body.org_id,
          bodyId,
          input.personId,
          input.role,
          input.title ?? null,
          input.validFrom,
          input.validUntil ?? null,
        ],
      ),
    );
    const row = toMembership((await getMembership(tx, id))!);
    await ctx.audit(tx, { action: 'create', entity: 'membership', entityId: id, orgId: body.org_id, after: row });
    return row;
  });
}

export async function updateMembership(ctx: RequestContext, id: string, input: In<typeof UpdateMembershipSchema>) {
  const before = await getMembership(ctx.db, id);
  if (!before) throw new ProblemError('NOT_FOUND');
  const body = await loadBody(ctx, before.body_id, 'write');
  const { version, ...c } = input;
  return ctx.db.transaction(async (tx) => {
    await withIntegrity(tx, body.org_id, () =>
      updateVersioned(tx, 'membership', id, version, {
        role: c.role,
        title: c.title,
        valid_from: c.validFrom,
        valid_until: c.validUntil,
        end_reason: c.endReason,
      }),
    );
    const after = toMembership((await getMembership(tx, id))!);
    await ctx.audit(tx, {
      action: 'update',
      entity: 'membership',
      entityId: id,
      orgId: body.org_id,
      before: toMembership(before),
      after,
    });
    return after;
  });
}

import { isActiveOn, ProblemError, invalidField, validityOf } from '@quyche/core';
import type {
  CreatePersonSchema,
  CreatePortfolioSchema,
  UpdatePersonSchema,
  UpdatePortfolioSchema,
} from '@quyche/core';
import {
  getBody,
  getOrganization,
  getPerson,
  getPortfolio,
  insertPerson,
  insertPortfolio,
  listPeople as listPeopleRepo,
  orgRef,
  partyMembershipsOfPerson,
  personSearchText,
  portfolioOfPerson,
  positionsOfPerson,
  toPartyMember,
  toPerson,
  updatePersonVersioned,
  updatePortfolioVersioned,
  uuidv7,
} from '@quyche/db';
import type { PortfolioRow } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { versionProblem } from './version-conflict.js';
import { accessible, visiblePage } from './record.access.js';

async function loadPerson(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  return accessible(ctx, await getPerson(ctx.db, id), action, 'Không tìm thấy người này');
}

export async function listPeople(
  ctx: RequestContext,
  q: { q?: string | undefined; orgId?: string | undefined; page: number; pageSize: number },
) {
  if (q.orgId) await ctx.assertOrg(q.orgId, 'read');
  return visiblePage(ctx, q, listPeopleRepo, toPerson);
}

export async function getPersonDetail(ctx: RequestContext, id: string, asOfIn?: string) {
  const asOf = asOfIn ?? ctx.today();
  const p = await loadPerson(ctx, id);
  const org = (await getOrganization(ctx.db, p.org_id))!;
  const positions = (await positionsOfPerson(ctx.db, id))
    .filter((m) => m.org_conf <= ctx.user.clearance && m.body_conf <= ctx.user.clearance)
    .map((m) => ({
      id: m.id,
      bodyId: m.body_id,
      person: { id: m.person_id, fullName: m.full_name },
      role: m.role as never,
      title: m.title,
      ...validityOf(m),
      endReason: m.end_reason,
      version: m.version,
      bodyName: m.body_name,
      bodyKind: m.body_kind,
      orgId: m.org_id,
      orgName: m.org_name,
    }));
  const portfolio = (await portfolioOfPerson(ctx.db, id)).map((a) => ({
    id: a.id,
    personId: a.person_id,
    orgId: a.org_id,
    bodyId: a.body_id,
    field: a.field,
    locality: a.locality_org_id
      ? { id: a.locality_org_id, code: a.l_code!, name: a.l_name!, kind: a.l_kind as never }
      : null,
    ...validityOf(a),
    version: a.version,
  }));
  const at = (x: { validFrom: string; validUntil: string | null }) =>
    isActiveOn({ from: x.validFrom, until: x.validUntil }, asOf);
  return {
    ...toPerson(p),
    asOf,
    organization: orgRef(org),
    positions: positions.filter(at),
    positionHistory: positions,
    portfolio: portfolio.filter(at),
    partyMemberships: (await partyMembershipsOfPerson(ctx.db, id)).map((r) => ({
      ...toPartyMember(r),
      orgName: r.org_name,
    })),
  };
}

export async function createPerson(ctx: RequestContext, input: In<typeof CreatePersonSchema>) {
  await ctx.assertOrg(input.orgId, 'write');
  ctx.assertClearance(input.confidentiality ?? 0);
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    const row = await insertPerson(tx, {
      id,
      org_id: input.orgId,
      code: input.code ?? null,
      full_name: input.fullName.normalize('NFC'),
      gender: input.gender ?? null,
      birth_year: input.birthYear ?? null,
      confidentiality: input.confidentiality ?? 0,
      search_text: personSearchText(input.fullName, input.code),
    });
    await ctx.auditChange(tx, 'create', ['person', id, input.orgId], { after: toPerson(row) });
    return toPerson(row);
  });
}

export async function updatePerson(ctx: RequestContext, id: string, input: In<typeof UpdatePersonSchema>) {
  const before = await loadPerson(ctx, id, 'write');
  if (input.confidentiality !== undefined) ctx.assertClearance(input.confidentiality);
  const { version, ...c } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await updatePersonVersioned(tx, id, version, {
      full_name: c.fullName?.normalize('NFC'),
      gender: c.gender,
      birth_year: c.birthYear,
      confidentiality: c.confidentiality,
      search_text: c.fullName ? personSearchText(c.fullName, before.code) : undefined,
    });
    if (!row) throw await versionProblem(tx, 'person', id, version);
    await ctx.auditChange(tx, 'update', ['person', id, before.org_id], {
      before: toPerson(before),
      after: toPerson(row),
    });
    return toPerson(row);
  });
}

const toPortfolio = (a: PortfolioRow, locality: ReturnType<typeof orgRef> | null) => ({
  id: a.id,
  personId: a.person_id,
  orgId: a.org_id,
  bodyId: a.body_id,
  field: a.field,
  locality,
  ...validityOf(a),
  version: a.version,
});

export async function addPortfolio(ctx: RequestContext, personId: string, input: In<typeof CreatePortfolioSchema>) {
  await loadPerson(ctx, personId);
  await ctx.assertOrg(input.orgId, 'write');
  if (input.bodyId) {
    const b = await getBody(ctx.db, input.bodyId);
    if (!b || b.org_id !== input.orgId) throw invalidField('body.bodyId', 'Cơ quan phải thuộc tổ chức được phân công');
  }
  let locality = null;
  if (input.localityOrgId) {
    const l = await getOrganization(ctx.db, input.localityOrgId);
    if (!l) throw invalidField('body.localityOrgId', 'Không tìm thấy địa bàn');
    await ctx.assertOrg(l.id, 'read', l.confidentiality);
    locality = orgRef(l);
  }
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    const row = await insertPortfolio(tx, {
      id,
      org_id: input.orgId,
      person_id: personId,
      body_id: input.bodyId ?? null,
      field: input.field,
      locality_org_id: input.localityOrgId ?? null,
      valid_from: input.validFrom,
      valid_until: input.validUntil ?? null,
    });
    const out = toPortfolio(row, locality);
    await ctx.auditChange(tx, 'create', ['portfolio_assignment', id, input.orgId], { after: out });
    return out;
  });
}

export async function updatePortfolio(ctx: RequestContext, id: string, input: In<typeof UpdatePortfolioSchema>) {
  const before = await getPortfolio(ctx.db, id);
  if (!before) throw new ProblemError('NOT_FOUND');
  await ctx.assertOrg(before.org_id, 'write');
  if (input.validUntil && input.validUntil < before.valid_from) {
    throw invalidField('body.validUntil', 'Ngày kết thúc phải từ ngày bắt đầu trở về sau');
  }
  return ctx.db.transaction(async (tx) => {
    const row = await updatePortfolioVersioned(tx, id, input.version, {
      field: input.field,
      valid_until: input.validUntil,
    });
    if (!row) throw await versionProblem(tx, 'portfolio_assignment', id, input.version);
    const l = row.locality_org_id ? await getOrganization(tx, row.locality_org_id) : undefined;
    const out = toPortfolio(row, l ? orgRef(l) : null);
    await ctx.auditChange(tx, 'update', ['portfolio_assignment', id, before.org_id], {
      before,
      after: out,
    });
    return out;
  });
}

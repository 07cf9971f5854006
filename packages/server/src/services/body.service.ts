import { invalidField } from '@quyche/core';
import type { CreateBodySchema, UpdateBodySchema } from '@quyche/core';
import {
  getBody,
  getOrganization,
  insertBody,
  membershipsOfBody,
  orgRef,
  orgSearchText,
  termOrgId,
  termsOf,
  toBody,
  toMembership,
  toTerm,
  updateBodyVersioned,
  uuidv7,
} from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { withIntegrity } from './integrity.js';
import { loadBody, loadOrg } from './org.load.js';
import { versionProblem } from './version-conflict.js';

/* Bodies of an organization (committees, standing committees, boards …): their page, creating and changing one. */

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
      throw invalidField('body.partOf', 'Cơ quan cấp trên phải thuộc cùng tổ chức');
  }
  if (input.termId) {
    const termOrg = await termOrgId(ctx.db, input.termId);
    if (termOrg !== input.orgId) throw invalidField('body.termId', 'Khóa, nhiệm kỳ phải là của chính tổ chức này');
  }
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    const row = await withIntegrity(tx, input.orgId, () =>
      insertBody(tx, {
        id,
        org_id: input.orgId,
        term_id: input.termId ?? null,
        kind: input.kind,
        name: input.name,
        symbol: input.symbol ?? null,
        part_of: input.partOf ?? null,
        valid_from: input.validFrom,
        valid_until: input.validUntil ?? null,
        confidentiality: input.confidentiality ?? 0,
        search_text: orgSearchText(input.name),
      }),
    );
    await ctx.auditChange(tx, 'create', ['body', id, input.orgId], { after: input });
    return toBody(row);
  });
}

export async function updateBody(ctx: RequestContext, id: string, input: In<typeof UpdateBodySchema>) {
  const body = await loadBody(ctx, id, 'write');
  if (input.confidentiality !== undefined) ctx.assertClearance(input.confidentiality);
  const { version, ...c } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await withIntegrity(tx, body.org_id, async () => {
      const r = await updateBodyVersioned(tx, id, version, {
        name: c.name,
        symbol: c.symbol,
        confidentiality: c.confidentiality,
        valid_from: c.validFrom,
        valid_until: c.validUntil,
        search_text: c.name ? orgSearchText(c.name) : undefined,
      });
      if (!r) throw await versionProblem(tx, 'body', id, version);
      return r;
    });
    await ctx.auditChange(tx, 'update', ['body', id, body.org_id], { before: toBody(body), after: toBody(row) });
    return toBody(row);
  });
}

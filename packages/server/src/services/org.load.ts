import { ProblemError, invalidField } from '@quyche/core';
import { getBody, getOrganization, getPerson } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { accessible } from './record.access.js';

/** The organization `id`, once the user may `action` on it (404 when absent or hidden, 403 when out of scope). */
export async function loadOrg(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read', sql: Sql = ctx.db) {
  const org = await getOrganization(sql, id);
  if (!org) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy tổ chức' });
  await ctx.assertOrg(org.id, action, org.confidentiality, sql);
  return org;
}

/** The body `id`, once the user may `action` on its organization. */
export async function loadBody(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  return accessible(ctx, await getBody(ctx.db, id), action, 'Không tìm thấy cơ quan');
}

/**
 * A person named in a write must be one the user may see: a person of an organization out of scope (or above the
 * user's clearance) is answered as not found, so the write neither succeeds nor reveals that the person exists.
 */
export async function visiblePerson(ctx: RequestContext, sql: Sql, personId: string, field: string) {
  const p = await getPerson(sql, personId);
  const notFound = () => invalidField(field, `Không tìm thấy người mã ${personId}`);
  if (!p) throw notFound();
  try {
    await ctx.assertOrg(p.org_id, 'read', p.confidentiality, sql);
  } catch (e) {
    if (e instanceof ProblemError) throw notFound();
    throw e;
  }
  return p;
}

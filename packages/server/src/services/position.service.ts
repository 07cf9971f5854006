import { ProblemError } from '@quyche/core';
import type {
  CreateMembershipSchema,
  CreatePartyMemberSchema,
  UpdateMembershipSchema,
  UpdatePartyMemberSchema,
} from '@quyche/core';
import {
  getMembership,
  getPartyMember,
  insertMembership,
  insertPartyMembership,
  partyMembersOf,
  toMembership,
  toPartyMember,
  updateAtVersion,
  uuidv7,
} from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { withIntegrity } from './integrity.js';
import { loadBody, loadOrg, visiblePerson } from './org.load.js';
import { versionProblem } from './version-conflict.js';

/* Who holds what: positions in bodies (memberships) and party memberships of an organization. */

export async function addMembership(ctx: RequestContext, bodyId: string, input: In<typeof CreateMembershipSchema>) {
  const body = await loadBody(ctx, bodyId, 'write');
  await visiblePerson(ctx, ctx.db, input.personId, 'body.personId');
  const id = uuidv7();
  return ctx.db.transaction(async (tx) => {
    await withIntegrity(tx, body.org_id, () =>
      insertMembership(tx, {
        id,
        org_id: body.org_id,
        body_id: bodyId,
        person_id: input.personId,
        role: input.role,
        title: input.title ?? null,
        valid_from: input.validFrom,
        valid_until: input.validUntil ?? null,
      }),
    );
    const row = toMembership((await getMembership(tx, id))!);
    await ctx.auditChange(tx, 'create', ['membership', id, body.org_id], { after: row });
    return row;
  });
}

export async function updateMembership(ctx: RequestContext, id: string, input: In<typeof UpdateMembershipSchema>) {
  const before = await getMembership(ctx.db, id);
  if (!before) throw new ProblemError('NOT_FOUND');
  const body = await loadBody(ctx, before.body_id, 'write');
  const { version, ...c } = input;
  return ctx.db.transaction(async (tx) => {
    await withIntegrity(tx, body.org_id, async () => {
      const changed = await updateAtVersion(tx, 'membership', id, version, {
        role: c.role,
        title: c.title,
        valid_from: c.validFrom,
        valid_until: c.validUntil,
        end_reason: c.endReason,
      });
      if (!changed) throw await versionProblem(tx, 'membership', id, version);
    });
    const after = toMembership((await getMembership(tx, id))!);
    await ctx.auditChange(tx, 'update', ['membership', id, body.org_id], {
      before: toMembership(before),
      after,
    });
    return after;
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
      insertPartyMembership(tx, {
        id,
        org_id: orgId,
        person_id: input.personId,
        status: input.status,
        valid_from: input.validFrom,
        valid_until: input.validUntil ?? null,
      }),
    );
    const row = (await getPartyMember(tx, id))!;
    await ctx.auditChange(tx, 'create', ['party_membership', id, orgId], {
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
    await withIntegrity(tx, before.org_id, async () => {
      const changed = await updateAtVersion(tx, 'party_membership', id, input.version, {
        status: input.status,
        valid_until: input.validUntil,
      });
      if (!changed) throw await versionProblem(tx, 'party_membership', id, input.version);
    });
    const after = (await getPartyMember(tx, id))!;
    await ctx.auditChange(tx, 'update', ['party_membership', id, before.org_id], {
      before: toPartyMember(before),
      after: toPartyMember(after),
    });
    return toPartyMember(after);
  });
}

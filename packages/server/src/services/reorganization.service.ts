import { planReorganization, problem, ProblemError, ReorganizationError } from '@quyche/core';
import type { z } from 'zod';
import type { ReorganizationSchema } from '@quyche/core';
import {
  reorganizationCloseRecord,
  insertOrganizationParent,
  orgFactsOf,
  reorganizationMoveTask,
  reorganizationOpenTasks,
  setMembershipEndReason,
  toOrganization,
  upsertOrganizationSuccession,
  uuidv7,
} from '@quyche/db';
import type { ClosableTable, OrgRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { loadOrg } from './org.load.js';

/**
 * Merging, splitting, dissolving organizations: the plan (core's planReorganization) closes the records of the
 * organizations that end, moves their children, records the successions and hands their open tasks to the successor.
 * With `preview` nothing is written.
 */
export async function reorganize(ctx: RequestContext, input: z.output<typeof ReorganizationSchema>) {
  const sources: OrgRow[] = [];
  for (const id of input.sourceIds) sources.push(await loadOrg(ctx, id, 'write'));
  const successor = input.successorId ? await loadOrg(ctx, input.successorId, 'write') : null;
  const rec = (o: OrgRow) => ({
    id: o.id,
    code: o.code,
    name: o.name,
    kind: o.kind,
    from: o.valid_from,
    until: o.valid_until,
  });
  const ids = input.sourceIds;
  return ctx.db.transaction(async (tx) => {
    const facts = await orgFactsOf(tx, ids);
    let plan: ReturnType<typeof planReorganization>;
    try {
      plan = planReorganization({
        kind: input.kind,
        effectiveOn: input.effectiveOn,
        sources: sources.map(rec),
        successor: successor ? rec(successor) : null,
        ...facts,
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
    const openTasks = successor ? await reorganizationOpenTasks(tx, ids) : [];
    result.movedTasks = openTasks.length;
    if (input.preview) return result;
    const close = async (table: ClosableTable, items: { id: string; until: string }[]) => {
      for (const c of items) await reorganizationCloseRecord(tx, table, c.id, c.until);
    };
    await close('membership', plan.closeMemberships);
    await close('party_membership', plan.closePartyMembers);
    await close('body', plan.closeBodies);
    await close('organization_parent', plan.closeParentLinks);
    await close('organization', plan.closeOrganizations);
    await setMembershipEndReason(
      tx,
      plan.closeMemberships.map((m) => m.id),
      'Sắp xếp tổ chức',
    );
    for (const l of plan.newParentLinks)
      await insertOrganizationParent(tx, { id: uuidv7(), org_id: l.orgId, parent_id: l.parentId, valid_from: l.from });
    for (const s of plan.successions) {
      await upsertOrganizationSuccession(tx, {
        id: uuidv7(),
        org_id: s.successorId,
        predecessor_id: s.predecessorId,
        successor_id: s.successorId,
        kind: s.kind,
        effective_on: s.effectiveOn,
        decision_ref: input.decisionRef ?? null,
      });
    }
    await moveTasks(ctx, tx, openTasks, successor, new Set(facts.bodies.map((b) => b.id)), input);
    await ctx.auditChange(tx, input.kind, ['reorganization', null, successor?.id ?? ids[0]!], {
      before: { sources: sources.map(toOrganization) },
      after: { ...input, plan, movedTasks: openTasks.map((t) => t.id) },
    });
    return result;
  });
}

/** Each open task to the successor, with its audit entry. */
async function moveTasks(
  ctx: RequestContext,
  tx: Sql,
  openTasks: Awaited<ReturnType<typeof reorganizationOpenTasks>>,
  successor: OrgRow | null,
  sourceBodies: Set<string>,
  input: z.output<typeof ReorganizationSchema>,
) {
  const ids = input.sourceIds;
  for (const t of openTasks) {
    // A unit lead that ends with its organization is replaced by the successor; a person stays the lead.
    const unitEnds =
      t.lead_kind === 'unit' && t.lead_id !== null && (ids.includes(t.lead_id) || sourceBodies.has(t.lead_id));
    const lead = unitEnds
      ? { lead_id: successor!.id, lead_name: successor!.short_name ?? successor!.name }
      : { lead_id: t.lead_id, lead_name: t.lead_name };
    await reorganizationMoveTask(tx, t.id, { lead_org_id: successor!.id, ...lead });
    await ctx.auditChange(tx, 'transfer', ['task', t.id, t.org_id], {
      before: { leadOrgId: t.lead_org_id, leadId: t.lead_id, leadName: t.lead_name },
      after: {
        leadOrgId: successor!.id,
        leadId: lead.lead_id,
        leadName: lead.lead_name,
        reason: `${input.kind} ${input.effectiveOn}`,
      },
    });
  }
}

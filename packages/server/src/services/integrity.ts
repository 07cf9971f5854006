import { checkOrgIntegrity, newViolations, ORG_RULES, ProblemError } from '@quyche/core';
import { orgSnapshot, personNames } from '@quyche/db';
import type { Sql } from '@quyche/db';

/**
 * Runs `write` and refuses it (rolling back the transaction) when it introduces a violation of the
 * organization's integrity rules; the problem's `code` is the rule id, its title the rule in Vietnamese.
 */
export async function withIntegrity<T>(tx: Sql, orgId: string, write: () => Promise<T>): Promise<T> {
  const before = await violationsOf(tx, orgId);
  const result = await write();
  const added = newViolations(before, await violationsOf(tx, orgId));
  if (added.length > 0) {
    const v = added[0]!;
    throw new ProblemError('RULE_VIOLATION', {
      code: v.rule,
      title: ORG_RULES[v.rule].vi,
      detail: v.message_vi,
      rule: v.rule,
      basis: v.basis,
      violations: added.map((x) => ({ rule: x.rule, message_vi: x.message_vi, message_en: x.message_en })),
    });
  }
  return result;
}

async function violationsOf(tx: Sql, orgId: string) {
  const snap = await orgSnapshot(tx, orgId);
  if (!snap) return [];
  const names = await personNames(tx, [
    ...new Set([...snap.memberships.map((m) => m.personId), ...snap.partyMembers.map((p) => p.personId)]),
  ]);
  return checkOrgIntegrity(snap, (id) => names.get(id) ?? id);
}

import { roleAllows } from '@quyche/core';
import type { AppRole } from '@quyche/core';
import type { Me } from '../session';
import type { OrgDetail } from '../types';

/** The organizations an account's grants are on, once each, with their names. */
export const grantRoots = (me: Me): [string, string][] => [
  ...new Map(me.grants.map((g) => [g.orgId, g.orgName])).entries(),
];

/**
 * The organizations a committee's page may be looked at for: the account's own, the one shown, and the ones under
 * it that are not cells (marked "—"), each once — a step down the tree at a time.
 */
export function orgChoices(roots: [string, string][], org: OrgDetail | undefined) {
  const mine = (id: string) => roots.some(([r]) => r === id);
  return [
    ...roots.map(([id, name]) => ({ value: id, label: name })),
    ...(org && !mine(org.id) ? [{ value: org.id, label: org.name }] : []),
    ...(org?.children ?? [])
      .filter((c) => c.kind !== 'CELL' && !mine(c.id))
      .map((c) => ({ value: c.id, label: `— ${c.name}` })),
  ];
}

/** Whether the account may write anywhere (the server decides whether a given organization is within such a grant). */
export const writesSomewhere = (me: Pick<Me, 'grants'> | null | undefined) =>
  !!me?.grants.some((g) => roleAllows(g.role as AppRole, 'write'));

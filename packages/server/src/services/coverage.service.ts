import { coverageReport } from '@quyche/core';
import { coverageHoldings, coverageLoad, coverageUnitsEver, coverageUnitsOn } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { regulationFor } from './regulation-in-force.js';

/**
 * Who answers for what on a date: the regulation's duties against the units that exist, the fields of portfolio
 * against the members' assignments, and each member's load (fields held, open tasks supervised, overdue ones).
 */
export async function coverage(ctx: RequestContext, orgId: string, asOfIn?: string) {
  await ctx.assertOrg(orgId, 'read');
  const asOf = asOfIn ?? ctx.today();
  const r = await regulationFor(ctx.db, orgId, asOf);
  const units = (await coverageUnitsOn(ctx.db, orgId, asOf)).map((u) => u.name);
  const unitsEver = (await coverageUnitsEver(ctx.db, orgId)).map((u) => u.name);
  const holdings = await coverageHoldings(ctx.db, orgId, asOf);
  const load = await coverageLoad(ctx.db, orgId, asOf);
  const report = r
    ? coverageReport(r.reg, asOf, {
        units,
        unitsEver,
        holdings: holdings.map((h) => ({ personId: h.person_id, name: h.full_name, field: h.field })),
      })
    : null;
  return {
    orgId,
    asOf,
    regulation: r ? { versionId: r.versionId, regulationId: r.regulationId, expression: r.expression } : null,
    findings: report?.findings ?? [],
    counts: { duties: report?.duties ?? 0, fields: report?.fields ?? 0, members: report?.members ?? 0 },
    load: load.map((l) => ({
      personId: l.person_id,
      name: l.full_name,
      fields: l.fields,
      openTasks: l.open,
      overdueTasks: l.overdue,
    })),
  };
}

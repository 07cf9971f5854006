import { coverageReport } from '@quyche/core';
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
  const q = <T>(sql: string, p: unknown[]) => ctx.db.query<T>(sql, p).then((x) => x.rows);
  const units = (
    await q<{ name: string }>(
      'select name from body where org_id = $1 and valid_from <= $2 and (valid_until is null or valid_until >= $2)',
      [orgId, asOf],
    )
  ).map((u) => u.name);
  const unitsEver = (await q<{ name: string }>('select distinct name from body where org_id = $1', [orgId])).map(
    (u) => u.name,
  );
  const holdings = await q<{ person_id: string; full_name: string; field: string }>(
    `select a.person_id, p.full_name, a.field from portfolio_assignment a join person p on p.id = a.person_id
      where a.org_id = $1 and a.valid_from <= $2 and (a.valid_until is null or a.valid_until >= $2) order by p.full_name, a.field`,
    [orgId, asOf],
  );
  const load = await q<{ person_id: string; full_name: string; fields: number; open: number; overdue: number }>(
    `select p.id as person_id, p.full_name,
            (select count(*)::int from portfolio_assignment a where a.person_id = p.id and a.org_id = $1 and a.valid_from <= $2 and (a.valid_until is null or a.valid_until >= $2)) as fields,
            (select count(*)::int from task t where t.supervisor_person_id = p.id and t.state in ('assigned', 'in_progress', 'reported')) as open,
            (select count(*)::int from task t where t.supervisor_person_id = p.id and t.state in ('assigned', 'in_progress') and t.due_effective < $2) as overdue
       from person p where p.id in (select person_id from portfolio_assignment where org_id = $1 and valid_from <= $2 and (valid_until is null or valid_until >= $2))
      order by 5 desc, 4 desc, 3 desc, p.full_name`,
    [orgId, asOf],
  );
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

import { memberAlerts, PLAN_SIMILARITY, similarPlans, VIETNAM_CALENDAR } from '@quyche/core';
import type { MemberMonth } from '@quyche/core';
import { cellMeetingAttendance, cellMembersOn, duesOf, exemptionsOf, orgSubtree, plansOf } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

/** The cells of an organization's subtree as of a date that the user may read (the organization itself if a cell). */
export async function cellsUnder(ctx: RequestContext, orgId: string, asOf: string) {
  await ctx.assertOrg(orgId, 'read');
  const tree = await orgSubtree(ctx.db, orgId, asOf, ctx.user.clearance);
  return new Map(tree.filter((o) => o.kind === 'CELL').map((o) => [o.id, o.name]));
}

/**
 * The alerts the record raises for the members of an organization's cells on `asOf` (Điều lệ Điều 8 khoản 1, Điều
 * 5): months absent from the cell's regular meeting without a valid reason or with dues unpaid, probations ending.
 */
export async function memberAlertsOf(ctx: RequestContext, orgId: string, asOf = ctx.today()) {
  const cells = await cellsUnder(ctx, orgId, asOf);
  const cellIds = [...cells.keys()];
  const members = await cellMembersOn(ctx.db, cellIds, asOf);
  const ids = members.map((m) => m.person_id);
  const year = Number(asOf.slice(0, 4));
  // Grouped by member once: a province's register is read in one pass, not once a member.
  const exemptions = new Map<string, { from: string; until: string | null }[]>();
  for (const e of await exemptionsOf(ctx.db, ids))
    exemptions.set(e.person_id, [...(exemptions.get(e.person_id) ?? []), { from: e.valid_from, until: e.valid_until }]);
  const attendance = await cellMeetingAttendance(ctx.db, cellIds, year);
  const dues = await duesOf(ctx.db, ids, year);
  const record = new Map<string, Map<string, MemberMonth>>();
  const monthOf = (person: string, month: string) => {
    const months = record.get(person) ?? new Map<string, MemberMonth>();
    record.set(person, months);
    const m = months.get(month) ?? { month, meeting: null, dues: null };
    months.set(month, m);
    return m;
  };
  for (const a of attendance)
    if (a.status === 'present' || a.status === 'absent_excused' || a.status === 'absent')
      monthOf(a.person_id, a.month).meeting = a.status;
  for (const d of dues) monthOf(d.person_id, d.month).dues = d.status;
  const alerts = members.flatMap((m) =>
    memberAlerts(
      {
        id: m.person_id,
        status: m.status,
        admittedOn: m.admitted_on,
        exemptions: exemptions.get(m.person_id) ?? [],
      },
      [...(record.get(m.person_id)?.values() ?? [])],
      asOf,
      VIETNAM_CALENDAR,
    ).map((a) => ({ ...a, fullName: m.full_name, cellId: m.org_id, cellName: cells.get(m.org_id) ?? '' })),
  );
  // By cell, then by name: the same order whatever the order of the register's ids.
  alerts.sort(
    (a, b) =>
      a.cellName.localeCompare(b.cellName, 'vi') ||
      a.fullName.localeCompare(b.fullName, 'vi') ||
      a.kind.localeCompare(b.kind),
  );
  return { asOf, cells: cellIds.length, members: members.length, alerts };
}

/** Near-copies among the personal action plans of a year in an organization's cells (core plan.similarity.ts). */
export async function planSimilarityOf(ctx: RequestContext, orgId: string, year: number) {
  const asOf = `${year}-12-31` < ctx.today() ? `${year}-12-31` : ctx.today();
  const cells = await cellsUnder(ctx, orgId, asOf);
  const plans = await plansOf(ctx.db, [...cells.keys()], year);
  const names = new Map(plans.map((p) => [p.id, p.full_name]));
  const found = similarPlans(plans.map((p) => ({ id: p.id, text: `${p.commitment}\n${p.items}` })));
  return {
    year,
    threshold: PLAN_SIMILARITY.threshold,
    plans: plans.length,
    pairs: found.pairs.map((x) => ({ ...x, aName: names.get(x.a) ?? '', bName: names.get(x.b) ?? '' })),
  };
}

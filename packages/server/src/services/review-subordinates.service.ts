import { EngineError, previousPeriod, rankSubordinates, regimeCalendar } from '@quyche/core';
import type { Regulation, ReviewPeriod } from '@quyche/core';
import {
  childrenAsOf,
  reviewSubordinateBodies,
  reviewSubordinateMeetings,
  reviewSubordinateRegulations,
  reviewSubordinateTasks,
} from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { regulationFor } from './regulation-in-force.js';
import { periodOfQuery } from './review.service.js';
import { REGIME_BODIES } from './calendar.service.js';

/**
 * The superior's view of its subordinate organizations over a period: the same figures for each, counted for all
 * of them at once (one grouped query per figure, not one review per organization: a province has thousands of
 * communes), ranked, the outliers flagged.
 */

interface Figures {
  assigned: number;
  onTime: number;
  late: number;
  overdue: number;
  held: number;
  required: number | null;
}

async function figuresOf(
  sql: Sql,
  orgs: string[],
  range: { from: string; to: string },
  end: string,
  clearance: number,
): Promise<Map<string, Figures>> {
  const out = new Map<string, Figures>(
    orgs.map((o) => [o, { assigned: 0, onTime: 0, late: 0, overdue: 0, held: 0, required: null }]),
  );
  const span = { orgIds: orgs, from: range.from, end };
  for (const r of await reviewSubordinateTasks(sql, span, clearance)) {
    Object.assign(out.get(r.org_id)!, { assigned: r.assigned, onTime: r.on_time, late: r.late, overdue: r.overdue });
  }
  const held = await reviewSubordinateMeetings(sql, span, clearance, REGIME_BODIES);
  for (const r of held) out.get(r.org_id)!.held += r.held;
  // Meetings required: from each organization's regulation, computed once per version in force (most share one).
  const bodies = await reviewSubordinateBodies(sql, orgs, range, REGIME_BODIES);
  const byOrg = new Map<string, string[]>();
  for (const b of bodies) byOrg.set(b.org_id, [...(byOrg.get(b.org_id) ?? []), b.kind]);
  const versions = await reviewSubordinateRegulations(sql, orgs, end);
  const required = new Map<string, number | null>();
  for (const v of versions) {
    const kinds = byOrg.get(v.org_id) ?? [];
    const k = `${v.sha256}|${kinds.join(',')}`;
    if (!required.has(k)) {
      const reg = (await regulationFor(sql, v.org_id, end))?.reg;
      required.set(k, reg ? requiredMeetings(reg, kinds, range, end) : null);
    }
    out.get(v.org_id)!.required = required.get(k) ?? null;
  }
  return out;
}

function requiredMeetings(
  reg: Regulation,
  kinds: string[],
  range: { from: string; to: string },
  asOf: string,
): number | null {
  let n = 0;
  let any = false;
  for (const kind of kinds) {
    try {
      n += regimeCalendar(reg, kind, range, [], asOf).result.periods.reduce((s, p) => s + p.expected, 0);
      any = true;
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
    }
  }
  return any ? n : null;
}

export async function subordinatesReview(
  ctx: RequestContext,
  orgId: string,
  q: { from?: string; to?: string; period?: string },
) {
  await ctx.assertOrg(orgId, 'read');
  const period = await periodOfQuery(ctx.db, orgId, q, ctx.today());
  return subordinatesTable(ctx.db, orgId, period, ctx.today(), ctx.user.clearance);
}

/** The table itself, for a period already read and access already checked (the benchmark calls it too). */
export async function subordinatesTable(
  sql: Sql,
  orgId: string,
  period: ReviewPeriod,
  today: string,
  clearance: number,
) {
  const prev = previousPeriod(period);
  const end = period.to < today ? period.to : today;
  const children = await childrenAsOf(sql, orgId, end, clearance);
  const ids = children.map((c) => c.id);
  const now = await figuresOf(sql, ids, period, end, clearance);
  const before = await figuresOf(sql, ids, prev, prev.to < today ? prev.to : today, clearance);
  const ranked = new Map(
    rankSubordinates(children.map((c) => ({ orgId: c.id, name: c.name, ...now.get(c.id)! }))).map((r) => [r.orgId, r]),
  );
  const ind = (f: Figures, p: Figures | undefined) => [
    { code: 'tasks_assigned', value: f.assigned, previous: p?.assigned ?? null },
    { code: 'tasks_done_on_time', value: f.onTime, previous: p?.onTime ?? null },
    { code: 'tasks_done_late', value: f.late, previous: p?.late ?? null },
    { code: 'tasks_overdue', value: f.overdue, previous: p?.overdue ?? null },
    { code: 'meetings_held', value: f.held, previous: p?.held ?? null },
    ...(f.required !== null ? [{ code: 'meetings_required', value: f.required, previous: p?.required ?? null }] : []),
  ];
  const rows = children
    .map((c) => {
      const r = ranked.get(c.id)!;
      return {
        orgId: c.id,
        name: c.name,
        indicators: ind(now.get(c.id)!, before.get(c.id)),
        onTimeRate: r.onTimeRate,
        rank: r.rank,
        flag_vi: r.flag_vi,
      };
    })
    .sort((a, b) => a.rank - b.rank);
  return { orgId, from: period.from, to: period.to, asOf: end, period, rows };
}

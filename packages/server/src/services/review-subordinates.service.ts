import { EngineError, previousPeriod, rankSubordinates, regimeCalendar } from '@quyche/core';
import type { Regulation, ReviewPeriod } from '@quyche/core';
import { childrenAsOf } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { regulationFor } from './regulation-in-force.js';
import { periodOfQuery } from './review.service.js';
import { overdueOnSql } from './task.asof.js';
import { REGIME_BODIES } from './calendar.service.js';

/**
 * The superior's view of its subordinate organizations over a period: the same figures for each, counted for all
 * of them at once (one grouped query per figure, not one review per organization: a province has thousands of
 * communes), ranked, the outliers flagged.
 */

export const SUBORDINATES_SQL = {
  tasks: `select t.org_id,
                 count(*) filter (where t.assigned_on >= $2)::int as assigned,
                 count(*) filter (where t.state = 'done' and t.done_on between $2 and $3 and (t.due_effective is null or t.done_on <= t.due_effective))::int as on_time,
                 count(*) filter (where t.state = 'done' and t.done_on between $2 and $3 and t.done_on > t.due_effective)::int as late,
                 count(*) filter (where ${overdueOnSql('$3::date')})::int as overdue
            from task t
           where t.org_id in (select unnest($1::uuid[])) and t.state <> 'draft' and t.assigned_on <= $3 and t.confidentiality <= $4
             and (t.assigned_on >= $2 or t.done_on >= $2 or t.done_on is null)
           group by t.org_id`,
  meetings: `select m.org_id, b.kind as body_kind, count(*)::int as held
               from meeting m join body b on b.id = m.body_id
              where m.org_id in (select unnest($1::uuid[])) and m.kind = 'regular' and m.state in ('in_session', 'closed', 'minutes_approved')
                and m.meeting_date between $2 and $3 and m.confidentiality <= $4 and b.kind = any($5::text[])
              group by m.org_id, b.kind`,
  bodies: `select org_id, kind from body where org_id in (select unnest($1::uuid[])) and kind = any($4::text[]) and valid_from <= $3 and (valid_until is null or valid_until >= $2)`,
  recommendations: `select from_org_id as org_id, count(*)::int as sent from recommendation where from_org_id in (select unnest($1::uuid[])) and received_on between $2 and $3 group by from_org_id`,
} as const;

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
  for (const r of (
    await sql.query<{ org_id: string; assigned: number; on_time: number; late: number; overdue: number }>(
      SUBORDINATES_SQL.tasks,
      [orgs, range.from, end, clearance],
    )
  ).rows) {
    Object.assign(out.get(r.org_id)!, { assigned: r.assigned, onTime: r.on_time, late: r.late, overdue: r.overdue });
  }
  const held = (
    await sql.query<{ org_id: string; body_kind: string; held: number }>(SUBORDINATES_SQL.meetings, [
      orgs,
      range.from,
      end,
      clearance,
      REGIME_BODIES,
    ])
  ).rows;
  for (const r of held) out.get(r.org_id)!.held += r.held;
  // Meetings required: from each organization's regulation, computed once per version in force (most share one).
  const bodies = (
    await sql.query<{ org_id: string; kind: string }>(SUBORDINATES_SQL.bodies, [
      orgs,
      range.from,
      range.to,
      REGIME_BODIES,
    ])
  ).rows;
  const byOrg = new Map<string, string[]>();
  for (const b of bodies) byOrg.set(b.org_id, [...(byOrg.get(b.org_id) ?? []), b.kind]);
  const versions = (
    await sql.query<{ org_id: string; sha256: string; id: string }>(
      `select distinct on (r.org_id) r.org_id, v.sha256, v.id from regulation_version v join regulation r on r.id = v.regulation_id
        where r.org_id in (select unnest($1::uuid[])) and v.status in ('adopted', 'consolidated') and v.in_force_from <= $2::date
        order by r.org_id, v.in_force_from desc, v.created_at desc`,
      [orgs, end],
    )
  ).rows;
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

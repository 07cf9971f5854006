import { cellMeetingCompliance, monthAndQuarter } from '@quyche/core';
import type { Regulation } from '@quyche/core';
import { cellAssemblyMeetings, cellRegulationVersions, orgSubtree, superiorsOf } from '@quyche/db';
import type { CellRegulationVersion, OrgSubtreeRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { parsedVersion } from './regulation-in-force.js';

interface CellRegulation {
  at: (d: string) => Regulation | undefined;
  title: string;
  own: boolean;
}

/**
 * The regulation each cell of a subtree works under up to `to`: its own, else the model for cells of its nearest
 * superior (inside the subtree, then above its root). Each text is parsed once (most cells share one model).
 */
async function cellRegulations(db: Sql, tree: OrgSubtreeRow[], rootId: string, to: string) {
  const cells = tree.filter((o) => o.kind === 'CELL');
  const { own, models } = await cellRegulationVersions(
    db,
    cells.map((c) => c.id),
    to,
  );
  const byOrg = (rows: CellRegulationVersion[]) => {
    const m = new Map<string, CellRegulationVersion[]>();
    for (const v of rows) m.set(v.org_id, [...(m.get(v.org_id) ?? []), v]);
    return m;
  };
  const ownOf = byOrg(own);
  const modelOf = byOrg(models);
  const parsed = new Map<string, Regulation | undefined>();
  for (const v of [...own, ...models])
    if (!parsed.has(v.sha256)) parsed.set(v.sha256, await parsedVersion(db, { id: v.version_id, sha256: v.sha256 }));
  const timeline = (versions: CellRegulationVersion[], isOwn: boolean): CellRegulation => ({
    at: (d) => {
      const v = versions.filter((x) => x.in_force_from <= d).at(-1);
      return v ? parsed.get(v.sha256) : undefined;
    },
    title: versions.at(-1)!.title,
    own: isOwn,
  });
  const parent = new Map(tree.map((o) => [o.id, o.parent_id]));
  const above = models.length ? await superiorsOf(db, rootId, to) : [];
  const out = new Map<string, CellRegulation | null>();
  for (const c of cells) {
    const mine = ownOf.get(c.id);
    if (mine) {
      out.set(c.id, timeline(mine, true));
      continue;
    }
    let found: CellRegulation | null = null;
    for (let o = parent.get(c.id) ?? null; o && !found; o = parent.get(o) ?? null) {
      const m = modelOf.get(o);
      if (m) found = timeline(m, false);
    }
    for (const o of above) {
      if (found) break;
      const m = modelOf.get(o);
      if (m) found = timeline(m, false);
    }
    out.set(c.id, found);
  }
  return out;
}

/**
 * A month's cell meetings in the cells of an organization's subtree (Điều lệ khoản 2 Điều 24; the cell's regulation):
 * for each cell, whether its regular meeting of the month was held and whether the quarter had its thematic one,
 * each with the clause judged by. Cells short of a meeting come first.
 */
export async function cellComplianceOf(ctx: RequestContext, orgId: string, year: number, month: number) {
  await ctx.assertOrg(orgId, 'read');
  return cellCompliance(ctx.db, orgId, ctx.user.clearance, year, month, ctx.today());
}

/** The same over the database alone (the benchmark measures it on a national register). */
export async function cellCompliance(
  db: Sql,
  orgId: string,
  clearance: number,
  year: number,
  month: number,
  today: string,
) {
  const r = monthAndQuarter(year, month);
  const asOfTree = r.month.to < today ? r.month.to : today;
  const tree = await orgSubtree(db, orgId, asOfTree, clearance);
  const names = new Map(tree.map((o) => [o.id, o.name]));
  const cells = tree.filter((o) => o.kind === 'CELL');
  const regs = await cellRegulations(db, tree, orgId, r.quarter.to);
  const meetings = await cellAssemblyMeetings(
    db,
    cells.map((c) => c.id),
    r.quarter.from,
    r.quarter.to,
  );
  const byCell = new Map<string, typeof meetings>();
  for (const m of meetings) byCell.set(m.org_id, [...(byCell.get(m.org_id) ?? []), m]);
  const rows = cells.map((c) => {
    const reg = regs.get(c.id) ?? null;
    const mine = (byCell.get(c.id) ?? []).map((m) => ({ id: m.id, date: m.date, kind: m.kind, state: m.state }));
    const verdict = cellMeetingCompliance(reg?.at, mine, year, month, today);
    return {
      cellId: c.id,
      name: c.name,
      parentName: (c.parent_id && names.get(c.parent_id)) || '',
      ...verdict,
      regulation: reg && { title: reg.title, own: reg.own },
    };
  });
  const rank = (x: (typeof rows)[number]) => Number(x.regularHeld) + Number(x.thematicInQuarter);
  rows.sort((a, b) => rank(a) - rank(b));
  return { year, month, rows };
}

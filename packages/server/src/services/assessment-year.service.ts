import { assessmentInput, classify, quotaCheck } from '@quyche/core';
import type { Regulation } from '@quyche/core';
import {
  assessmentsOfPerson,
  assessmentsOfUnits,
  cellMembersOn,
  exemptionsOf,
  insertAssessments,
  orgSubtree,
  uuidv7,
} from '@quyche/db';
import type { NewAssessment } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { evidenceOfMany } from './assessment-evidence.service.js';
import { yearTimetable } from './assessment-timetable.service.js';
import { assessmentRules, yearAsOf } from './assessment.service.js';

/** The day six months before (Quy định 366 Điều 5 điểm 2.1: members admitted less than six months are not assessed). */
function sixMonthsBefore(d: string) {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 - 6, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  t.setUTCDate(Math.min(day, last));
  return t.toISOString().slice(0, 10);
}

/**
 * Opens a year's assessment in an organization: a sheet for each member of its cells on the year's reading day (not
 * those exempted from activities, nor those admitted less than six months before — Điều 5 khoản 2 điểm 2.1) and for
 * each cell and grassroots organization below it; the organization is the unit whose quota counts them. Sheets already
 * open stay as they are.
 */
export async function openAssessmentYear(ctx: RequestContext, orgId: string, year: number) {
  ctx.assertMayWriteSomewhere();
  await ctx.assertOrg(orgId, 'write');
  const asOf = yearAsOf(ctx, year);
  await assessmentRules(ctx, orgId, asOf);
  const tree = await orgSubtree(ctx.db, orgId, asOf, ctx.user.clearance);
  const cells = tree.filter((o) => o.kind === 'CELL').map((o) => o.id);
  const members = await cellMembersOn(ctx.db, cells, asOf);
  const exempt = new Set(
    (
      await exemptionsOf(
        ctx.db,
        members.map((m) => m.person_id),
      )
    )
      .filter((e) => e.valid_from <= asOf && (e.valid_until === null || e.valid_until >= asOf))
      .map((e) => e.person_id),
  );
  const newest = sixMonthsBefore(asOf);
  const assessed = members.filter((m) => !exempt.has(m.person_id) && m.admitted_on <= newest);
  const orgs = tree.filter((o) => o.id !== orgId && (o.kind === 'CELL' || o.kind === 'GRASSROOTS_PARTY_ORG'));
  const rows: NewAssessment[] = [
    ...assessed.map((m) => ({
      id: uuidv7(),
      org_id: m.org_id,
      unit_id: orgId,
      year,
      subject: 'member' as const,
      person_id: m.person_id,
      subject_org_id: null,
      evidence: {},
    })),
    ...orgs.map((o) => ({
      id: uuidv7(),
      org_id: o.id,
      unit_id: orgId,
      year,
      subject: 'organization' as const,
      person_id: null,
      subject_org_id: o.id,
      evidence: {},
    })),
  ];
  const created = await ctx.db.transaction(async (tx) => {
    const n = await insertAssessments(tx, rows);
    await ctx.auditChange(tx, 'open_assessments', ['assessment', null, orgId], { after: { year, created: n } });
    return n;
  });
  return {
    year,
    created,
    members: assessed.length,
    organizations: orgs.length,
    exempted: members.filter((m) => exempt.has(m.person_id)).length,
    newlyAdmitted: members.filter((m) => !exempt.has(m.person_id) && m.admitted_on > newest).length,
  };
}

export const total = (p: Record<string, number> | null) =>
  p ? Math.round(Object.values(p).reduce((s, x) => s + x, 0) * 100) / 100 : null;
type Level = 'xuat_sac' | 'tot' | 'hoan_thanh' | 'khong_hoan_thanh';

/**
 * What the rules give each sheet for its record and self-assessed points: the open sheets' evidence read for all of
 * them at once, then classified one by one; a decided sheet keeps its decision, a sheet not self-assessed has none.
 */
async function recordLevels(
  ctx: RequestContext,
  reg: Regulation,
  rows: Awaited<ReturnType<typeof assessmentsOfUnits>>,
  asOf: string,
) {
  const open = rows.filter((r) => r.state !== 'decided' && r.self_points !== null);
  const evidence = await evidenceOfMany(ctx.db, open, asOf, 'classified');
  const levels = new Map<string, string>();
  for (const r of rows) if (r.decided_level) levels.set(r.id, r.decided_level);
  for (const r of open) {
    const input = assessmentInput(r.subject, total(r.self_points) ?? 0, evidence.get(r.id)!, r.adjustments);
    levels.set(r.id, classify(reg, input, asOf).result.level);
  }
  return levels;
}

/**
 * A year's assessments in an organization's subtree, members by cell and name, then organizations; and each unit's
 * quota of the top level as decided so far (Điều 11 khoản 1 điểm 1.5).
 */
export async function listAssessments(ctx: RequestContext, orgId: string, year: number) {
  await ctx.assertOrg(orgId, 'read');
  const asOf = yearAsOf(ctx, year);
  const tree = await orgSubtree(ctx.db, orgId, asOf, ctx.user.clearance);
  const names = new Map(tree.map((o) => [o.id, o.name]));
  const rows = await assessmentsOfUnits(
    ctx.db,
    tree.map((o) => o.id),
    year,
  );
  const rules = await assessmentRules(ctx, orgId, asOf).catch(() => null);
  const quota = [];
  const groups = new Map<string, typeof rows>();
  for (const r of rows)
    groups.set(`${r.unit_id}|${r.subject}`, [...(groups.get(`${r.unit_id}|${r.subject}`) ?? []), r]);
  for (const [key, list] of groups) {
    const [unitId, subject] = key.split('|') as [string, 'member' | 'organization'];
    if (!rules) continue;
    const count = (l: string) => list.filter((r) => r.decided_level === l).length;
    const q = quotaCheck(rules.reg, { xuat_sac: count('xuat_sac'), tot: count('tot') }, asOf);
    // As proposed: the cell's proposal, else the self-assessment, else the decision.
    const proposed = (l: string) =>
      list.filter((r) => (r.opinion_level ?? r.self_level ?? r.decided_level) === l).length;
    const p = quotaCheck(rules.reg, { xuat_sac: proposed('xuat_sac'), tot: proposed('tot') }, asOf);
    quota.push({
      unitId,
      unitName: names.get(unitId) ?? '',
      subject,
      xuat_sac: q.result.count,
      tot: q.result.base,
      max: q.result.max,
      ok: q.result.ok,
      reason_vi: q.reason_vi,
      proposed: { xuat_sac: p.result.count, tot: p.result.base, max: p.result.max, ok: p.result.ok },
    });
  }
  const byRecord = rules ? await recordLevels(ctx, rules.reg, rows, asOf) : new Map<string, string>();
  await ctx.db.transaction((tx) =>
    ctx.auditChange(tx, 'read_assessments', ['assessment', null, orgId], { after: { year, rows: rows.length } }),
  );
  const timetable = rules ? yearTimetable(rules.reg, year, asOf, ctx.today(), rows) : null;
  const late = new Map((timetable?.steps ?? []).map((s) => [s.step, ctx.today() >= s.before]));
  return {
    year,
    rules: rules?.info ?? null,
    timetable,
    rows: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      name: r.name,
      orgName: r.org_name,
      state: r.state,
      selfTotal: total(r.self_points),
      selfLevel: r.self_level as Level | null,
      opinionLevel: r.opinion_level as Level | null,
      decidedLevel: r.decided_level as Level | null,
      recordLevel: (byRecord.get(r.id) ?? null) as Level | null,
      late: r.state !== 'decided' && late.get(r.subject) === true,
    })),
    quota,
  };
}

/** The signed-in member's own sheets ("Đánh giá, xếp loại của tôi"), latest year first. */
export async function myAssessments(ctx: RequestContext) {
  if (!ctx.user.personId) return { rows: [] };
  const rows = await assessmentsOfPerson(ctx.db, ctx.user.personId);
  const due = async (r: (typeof rows)[number]) => {
    if (r.state === 'decided') return null;
    const rules = await assessmentRules(ctx, r.org_id, yearAsOf(ctx, r.year)).catch(() => null);
    const step = rules && yearTimetable(rules.reg, r.year, yearAsOf(ctx, r.year), ctx.today(), [])?.steps[0];
    return step?.step === 'member'
      ? { before: step.before, basis_vi: step.basis_vi, late: ctx.today() >= step.before }
      : null;
  };
  return {
    rows: await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        year: r.year,
        orgName: r.org_name,
        state: r.state,
        decidedLevel: r.decided_level as 'xuat_sac' | 'tot' | 'hoan_thanh' | 'khong_hoan_thanh' | null,
        due: await due(r),
      })),
    ),
  };
}

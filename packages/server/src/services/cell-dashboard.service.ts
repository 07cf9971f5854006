import {
  invalidField,
  jaccard,
  monthEndOrToday,
  PLAN_SIMILARITY,
  planWords,
  ProblemError,
  sharedPassages,
  shingleSet,
} from '@quyche/core';
import { cellMembersOn, cellMonthAttendance, plansByIds, unpaidDuesOf } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { cellsUnder } from './member-alerts.service.js';

const share = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 1000) / 1000);

/**
 * Attendance at the cells' regular meetings of a month in an organization's subtree, the lowest rate first: a
 * committee sees where members stay away (a meeting recorded without attendance has no rate).
 */
export async function cellAttendanceOf(ctx: RequestContext, orgId: string, year: number, month: number) {
  const cells = await cellsUnder(ctx, orgId, monthEndOrToday(year, month, ctx.today()));
  const meetings = await cellMonthAttendance(ctx.db, [...cells.keys()], year, month);
  const rows = meetings
    .map((m) => ({
      cellId: m.org_id,
      name: cells.get(m.org_id) ?? '',
      meetingId: m.meeting_id,
      meetingDate: m.meeting_date,
      present: m.present,
      excused: m.excused,
      absent: m.absent,
      exempted: m.exempted,
      rate: share(m.present, m.present + m.excused + m.absent),
    }))
    .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.name.localeCompare(b.name, 'vi'));
  const sum = (k: 'present' | 'excused' | 'absent') => rows.reduce((n, r) => n + r[k], 0);
  return { year, month, rate: share(sum('present'), sum('present') + sum('excused') + sum('absent')), rows };
}

/** Members of an organization's cells with dues recorded unpaid this year up to `asOf`, the most months first. */
export async function duesArrearsOf(ctx: RequestContext, orgId: string, asOf = ctx.today()) {
  const cells = await cellsUnder(ctx, orgId, asOf);
  const members = await cellMembersOn(ctx.db, [...cells.keys()], asOf);
  const unpaid = await unpaidDuesOf(
    ctx.db,
    members.map((m) => m.person_id),
    asOf.slice(0, 7),
  );
  const byMember = new Map<string, { months: string[]; amount: number | null }>();
  for (const d of unpaid) {
    const r = byMember.get(d.person_id) ?? { months: [], amount: null };
    r.months.push(d.month);
    if (d.amount !== null) r.amount = (r.amount ?? 0) + d.amount;
    byMember.set(d.person_id, r);
  }
  const rows = members
    .filter((m) => byMember.has(m.person_id))
    .map((m) => ({
      memberId: m.person_id,
      fullName: m.full_name,
      cellId: m.org_id,
      cellName: cells.get(m.org_id) ?? '',
      ...byMember.get(m.person_id)!,
    }))
    .sort((a, b) => b.months.length - a.months.length || a.fullName.localeCompare(b.fullName, 'vi'));
  return { asOf, rows };
}

/**
 * Two personal action plans side by side with the passages they share marked: who may read both cells sees them,
 * and the read of two members' plans is in the audit log.
 */
export async function comparePlans(ctx: RequestContext, a: string, b: string) {
  if (a === b) throw invalidField('query.b', 'Chọn hai kế hoạch khác nhau để so sánh');
  const plans = await plansByIds(ctx.db, [a, b]);
  const pa = plans.find((p) => p.id === a);
  const pb = plans.find((p) => p.id === b);
  if (!pa || !pb) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy kế hoạch hành động này' });
  await ctx.assertOrg(pa.org_id, 'read');
  await ctx.assertOrg(pb.org_id, 'read');
  const textOf = (p: typeof pa) => [p.commitment, p.items].filter((x) => x.trim() !== '').join('\n');
  const [ta, tb] = [textOf(pa), textOf(pb)];
  const marks = sharedPassages(ta, tb);
  await ctx.db.transaction(async (tx) => {
    for (const p of [pa, pb])
      await ctx.audit(tx, { action: 'read_member_plan', entity: 'member_plan', entityId: p.id, orgId: p.org_id });
  });
  const side = (p: typeof pa, text: string, shared: [number, number][]) => ({
    id: p.id,
    memberId: p.person_id,
    fullName: p.full_name,
    cellName: p.org_name,
    year: p.year,
    text,
    shared,
  });
  return {
    similarity: Math.round(jaccard(shingleSet(planWords(ta)), shingleSet(planWords(tb))) * 1000) / 1000,
    threshold: PLAN_SIMILARITY.threshold,
    a: side(pa, ta, marks.a),
    b: side(pb, tb, marks.b),
  };
}

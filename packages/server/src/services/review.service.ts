import {
  customPeriod,
  INDICATOR_BY_CODE,
  indicatorBasis,
  parseReviewPeriod,
  previousPeriod,
  ProblemError,
} from '@quyche/core';
import type { ReviewPeriod } from '@quyche/core';
import { getOrganization, reviewTermOn } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { regulationFor } from './regulation-in-force.js';
import { evidenceRecords } from './review.evidence.js';
import { periodRecord } from './review.indicators.js';
import type { RawIndicator, TaskFlags } from './review.indicators.js';

/** A review's period from the query: `from`/`to`, or a code (`2026-H1`, `nhiem-ky-giua`: the term in force today). */
export async function periodOfQuery(
  sql: Sql,
  orgId: string,
  q: { from?: string; to?: string; period?: string },
  today: string,
): Promise<ReviewPeriod> {
  if (q.period) {
    const term = await reviewTermOn(sql, orgId, today);
    return parseReviewPeriod(q.period, {
      today,
      term: term ? { name: term.name, from: term.valid_from, to: term.valid_until } : null,
    });
  }
  if (!q.from)
    throw new ProblemError('VALIDATION_FAILED', {
      code: 'THIEU_KY_SO_KET',
      field: 'query.from',
      detail: 'Cần chọn kỳ sơ kết: ngày bắt đầu và ngày kết thúc, hoặc một kỳ (quý, 6 tháng, năm, nhiệm kỳ)',
    });
  if (!q.to)
    throw new ProblemError('VALIDATION_FAILED', {
      code: 'THIEU_KY_SO_KET',
      field: 'query.to',
      detail: 'Cần ngày kết thúc của kỳ sơ kết',
    });
  return customPeriod(q.from, q.to, { today });
}

const min = (a: string, b: string) => (a < b ? a : b);
const key = (i: { code: string; bodyId?: string; bodyKind?: string }) => `${i.code}|${i.bodyKind ?? ''}`;
const EVIDENCE_IDS_SHOWN = 500;

function breakdown(tasks: TaskFlags[], by: (t: TaskFlags) => { key: string | null; name: string } | null) {
  const rows = new Map<
    string,
    { key: string | null; name: string; assigned: number; doneOnTime: number; doneLate: number; overdue: number }
  >();
  for (const t of tasks) {
    const k = by(t);
    if (!k) continue;
    const r = rows.get(k.key ?? '') ?? { ...k, assigned: 0, doneOnTime: 0, doneLate: 0, overdue: 0 };
    r.assigned += t.assigned ? 1 : 0;
    r.doneOnTime += t.on_time ? 1 : 0;
    r.doneLate += t.late ? 1 : 0;
    r.overdue += t.overdue ? 1 : 0;
    rows.set(k.key ?? '', r);
  }
  return [...rows.values()]
    .filter((r) => r.assigned + r.doneOnTime + r.doneLate + r.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || b.doneLate - a.doneLate || a.name.localeCompare(b.name, 'vi'));
}

/**
 * An organization's review over a period, beside the previous period of the same kind: every figure counted from
 * the record, with its definition, the clauses it measures against and the records behind it.
 */
export async function organizationReview(
  ctx: RequestContext,
  orgId: string,
  q: { from?: string; to?: string; period?: string },
) {
  await ctx.assertOrg(orgId, 'read');
  const org = await getOrganization(ctx.db, orgId);
  if (!org) throw new ProblemError('NOT_FOUND');
  const today = ctx.today();
  const period = await periodOfQuery(ctx.db, orgId, q, today);
  const prev = previousPeriod(period);
  const asOf = min(period.to, today);
  const now = await periodRecord(ctx.db, orgId, period, asOf, ctx.user.clearance);
  // No comparison with a span before the organization existed (An Lạc was formed by the merger of 01/07/2025).
  const compared = org.valid_from <= prev.to;
  const before = compared ? await periodRecord(ctx.db, orgId, prev, min(prev.to, today), ctx.user.clearance) : null;
  const previous = new Map((before?.indicators ?? []).map((i) => [key(i), i.value]));
  const reg = await regulationFor(ctx.db, orgId, asOf);
  return {
    orgId,
    orgName: org.short_name ?? org.name,
    orgSince: org.valid_from,
    from: period.from,
    to: period.to,
    asOf,
    period,
    previousPeriod: prev,
    compared,
    regulation: reg ? { versionId: reg.versionId, regulationId: reg.regulationId, expression: reg.expression } : null,
    indicators: now.indicators.map((i) => present(i, previous.get(key(i)) ?? null, now.regulation)),
    tasksByLead: breakdown(now.tasks, (t) => ({ key: t.lead_id, name: t.lead_name ?? '(chưa có đơn vị chủ trì)' })),
    tasksBySupervisor: breakdown(now.tasks, (t) =>
      t.supervisor_person_id ? { key: t.supervisor_person_id, name: t.supervisor_name ?? '' } : null,
    ),
  };
}

function present(i: RawIndicator, previous: number | null, reg: Parameters<typeof indicatorBasis>[1]) {
  const def = INDICATOR_BY_CODE.get(i.code)!;
  const basis = indicatorBasis(def, reg, i.bodyKind);
  return {
    code: i.code,
    group: def.group,
    label_vi: i.bodyName ? `${def.label_vi}: ${i.bodyName}` : def.label_vi,
    label_en: def.label_en,
    definition_vi: def.definition_vi,
    ...(i.bodyId ? { bodyId: i.bodyId, bodyName: i.bodyName } : {}),
    value: i.value,
    previous,
    better: def.better,
    ...basis,
    evidence: { kind: i.kind, ids: i.ids.slice(0, EVIDENCE_IDS_SHOWN) },
  };
}

/** Records behind one figure of a review (the drill-down): titles, dates, and where each is opened. */
export async function reviewEvidence(
  ctx: RequestContext,
  orgId: string,
  q: { from?: string; to?: string; period?: string; code?: string; bodyId?: string },
) {
  await ctx.assertOrg(orgId, 'read');
  const def = q.code ? INDICATOR_BY_CODE.get(q.code) : undefined;
  if (!def)
    throw new ProblemError('VALIDATION_FAILED', {
      code: 'CHI_SO_KHONG_CO',
      field: 'query.code',
      detail: q.code ? `Không có chỉ số "${q.code.slice(0, 60)}"` : 'Cần chỉ số muốn xem chi tiết',
    });
  const today = ctx.today();
  const period = await periodOfQuery(ctx.db, orgId, q, today);
  const rec = await periodRecord(ctx.db, orgId, period, min(period.to, today), ctx.user.clearance);
  const ind = rec.indicators.find((i) => i.code === def.code && (!q.bodyId || i.bodyId === q.bodyId));
  if (!ind)
    throw new ProblemError('VALIDATION_FAILED', {
      code: 'CHI_SO_KHONG_CO',
      field: 'query.bodyId',
      detail: 'Cơ quan này không có chỉ số đó trong kỳ',
    });
  const records = await evidenceRecords(ctx.db, ind, rec.deviations);
  return {
    code: ind.code,
    label_vi: ind.bodyName ? `${def.label_vi}: ${ind.bodyName}` : def.label_vi,
    definition_vi: def.definition_vi,
    value: ind.value,
    records,
  };
}

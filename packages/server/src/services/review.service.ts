import {
  customPeriod,
  formatDateVi,
  INDICATOR_BY_CODE,
  indicatorBasis,
  parseReviewPeriod,
  previousPeriod,
  ProblemError,
} from '@quyche/core';
import type { ReviewPeriod } from '@quyche/core';
import { getOrganization } from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { regulationFor } from './regulation-in-force.js';
import { periodRecord } from './review.indicators.js';
import type { PeriodRecord } from './review.indicators.js';
import type { RawIndicator, TaskFlags } from './review.indicators.js';

/** A review's period from the query: `from`/`to`, or a code (`2026-H1`, `nhiem-ky-giua`: the term in force today). */
export async function periodOfQuery(
  sql: Sql,
  orgId: string,
  q: { from?: string; to?: string; period?: string },
  today: string,
): Promise<ReviewPeriod> {
  if (q.period) {
    const term = (
      await sql.query<{ name: string; valid_from: string; valid_until: string | null }>(
        'select name, valid_from, valid_until from term where org_id = $1 and valid_from <= $2 order by valid_from desc limit 1',
        [orgId, today],
      )
    ).rows[0];
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

type Rec = {
  kind: RawIndicator['kind'];
  id: string;
  title: string;
  date: string | null;
  detail_vi: string | null;
  href: string | null;
  basis_vi: string | null;
};

async function evidenceRecords(sql: Sql, ind: RawIndicator, deviations: PeriodRecord['deviations']): Promise<Rec[]> {
  const ids = ind.ids;
  const q = async <T>(text: string) => (await sql.query<T>(text, [ids])).rows;
  const d = (x: string | null) => (x ? formatDateVi(x) : null);
  switch (ind.kind) {
    case 'deviation': {
      const byId = new Map(deviations.map((x) => [x.id, x]));
      return ids
        .map((id) => byId.get(id)!)
        .map((x) => ({
          kind: 'deviation',
          id: x.id,
          title: x.meetingTitle ?? `${x.bodyName} — ${x.period ?? ''}`,
          date: x.date,
          detail_vi: x.message_vi,
          href: x.meetingId ? `/meetings/${x.meetingId}` : null,
          basis_vi: null,
        }));
    }
    case 'agenda_item': {
      const rows = await q<{
        id: string;
        title: string;
        meeting_id: string;
        meeting_title: string;
        meeting_date: string;
      }>(
        'select a.id, a.title, m.id as meeting_id, m.title as meeting_title, m.meeting_date::text from agenda_item a join meeting m on m.id = a.meeting_id where a.id = any($1::uuid[]) order by m.meeting_date, a.position',
      );
      return rows.map((r) => ({
        kind: 'agenda_item',
        id: r.id,
        title: r.title,
        date: r.meeting_date,
        detail_vi: r.meeting_title,
        href: `/meetings/${r.meeting_id}`,
        basis_vi: null,
      }));
    }
    case 'meeting': {
      const rows = await q<{ id: string; title: string; meeting_date: string; body_name: string }>(
        'select m.id, m.title, m.meeting_date, b.name as body_name from meeting m join body b on b.id = m.body_id where m.id = any($1::uuid[]) order by m.meeting_date, m.id',
      );
      return rows.map((r) => ({
        kind: 'meeting',
        id: r.id,
        title: r.title,
        date: r.meeting_date,
        detail_vi: r.body_name,
        href: `/meetings/${r.id}`,
        basis_vi: null,
      }));
    }
    case 'conclusion': {
      const rows = await q<{ id: string; symbol: string; issued_on: string; meeting_id: string; title: string }>(
        'select c.id, c.symbol, c.issued_on, m.id as meeting_id, m.title from conclusion c join meeting m on m.id = c.meeting_id where c.id = any($1::uuid[]) order by c.issued_on, c.symbol',
      );
      return rows.map((r) => ({
        kind: 'conclusion',
        id: r.id,
        title: `Thông báo ${r.symbol}`,
        date: r.issued_on,
        detail_vi: r.title,
        href: `/meetings/${r.meeting_id}`,
        basis_vi: null,
      }));
    }
    case 'conclusion_item': {
      const rows = await q<{
        id: string;
        text: string;
        symbol: string;
        issued_on: string;
        meeting_id: string;
        task_id: string | null;
      }>(
        "select i.id, i.text, c.symbol, c.issued_on, c.meeting_id, (select t.id from task t where t.source_kind = 'conclusion_item' and t.source_id = i.id limit 1) as task_id from conclusion_item i join conclusion c on c.id = i.conclusion_id where i.id = any($1::uuid[]) order by c.issued_on, i.position",
      );
      return rows.map((r) => ({
        kind: 'conclusion_item',
        id: r.id,
        title: r.text,
        date: r.issued_on,
        detail_vi: `Theo Thông báo ${r.symbol}${r.task_id ? '' : ' — chưa có nhiệm vụ theo dõi'}`,
        href: r.task_id ? `/tasks/${r.task_id}` : `/meetings/${r.meeting_id}`,
        basis_vi: null,
      }));
    }
    case 'task': {
      const rows = await q<{
        id: string;
        title: string;
        lead_name: string | null;
        due_effective: string | null;
        done_on: string | null;
        state: string;
      }>(
        'select id, title, lead_name, due_effective, done_on, state from task where id = any($1::uuid[]) order by due_effective nulls last, id',
      );
      return rows.map((r) => ({
        kind: 'task',
        id: r.id,
        title: r.title,
        date: r.due_effective,
        detail_vi: [
          r.lead_name,
          r.due_effective ? `hạn ${d(r.due_effective)}` : null,
          r.done_on ? `hoàn thành ${d(r.done_on)}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
        href: `/tasks/${r.id}`,
        basis_vi: null,
      }));
    }
    case 'program_item': {
      const rows = await q<{ id: string; title: string; due_date: string; program_id: string; program_title: string }>(
        'select i.id, i.title, i.due_date, p.id as program_id, p.title as program_title from program_item i join program p on p.id = i.program_id where i.id = any($1::uuid[]) order by i.due_date, i.position',
      );
      return rows.map((r) => ({
        kind: 'program_item',
        id: r.id,
        title: r.title,
        date: r.due_date,
        detail_vi: r.program_title,
        href: `/programs/${r.program_id}`,
        basis_vi: null,
      }));
    }
    case 'inspection': {
      const rows = await q<{ id: string; title: string; concluded_on: string | null; verified_on: string | null }>(
        'select id, title, concluded_on, verified_on from inspection where id = any($1::uuid[]) order by concluded_on, id',
      );
      return rows.map((r) => ({
        kind: 'inspection',
        id: r.id,
        title: r.title,
        date: r.concluded_on,
        detail_vi: r.verified_on ? `Kiểm tra việc khắc phục ngày ${d(r.verified_on)}` : null,
        href: `/inspections/${r.id}`,
        basis_vi: null,
      }));
    }
    case 'recommendation': {
      const rows = await q<{
        id: string;
        title: string;
        from_label: string;
        received_on: string;
        due_on: string | null;
        answered_on: string | null;
      }>(
        'select id, title, from_label, received_on, due_on, answered_on from recommendation where id = any($1::uuid[]) order by received_on, id',
      );
      return rows.map((r) => ({
        kind: 'recommendation',
        id: r.id,
        title: r.title,
        date: r.received_on,
        detail_vi: [
          r.from_label,
          r.due_on ? `hạn trả lời ${d(r.due_on)}` : null,
          r.answered_on ? `trả lời ${d(r.answered_on)}` : 'chưa trả lời',
        ]
          .filter(Boolean)
          .join(' · '),
        href: `/recommendations/${r.id}`,
        basis_vi: null,
      }));
    }
    case 'consultation_recipient': {
      const rows = await q<{
        id: string;
        name: string;
        answered_on: string | null;
        deadline: string;
        consultation_id: string;
        title: string;
      }>(
        'select r.id, r.name, r.answered_on, c.deadline, c.id as consultation_id, c.title from consultation_recipient r join consultation c on c.id = r.consultation_id where r.id = any($1::uuid[]) order by c.deadline, r.name',
      );
      return rows.map((r) => ({
        kind: 'consultation_recipient',
        id: r.id,
        title: r.name,
        date: r.deadline,
        detail_vi: `${r.title} · ${r.answered_on ? `góp ý ngày ${d(r.answered_on)}` : 'chưa góp ý'}`,
        href: `/consultations/${r.consultation_id}`,
        basis_vi: null,
      }));
    }
    case 'shortcoming': {
      const rows = await q<{
        id: string;
        text: string;
        identified_on: string;
        fixed_on: string | null;
        due_date: string;
        lead_name: string;
        review_report_id: string | null;
      }>(
        'select id, text, identified_on, fixed_on, due_date, lead_name, review_report_id from shortcoming where id = any($1::uuid[]) order by identified_on, id',
      );
      return rows.map((r) => ({
        kind: 'shortcoming',
        id: r.id,
        title: r.text,
        date: r.identified_on,
        detail_vi: `${r.lead_name} chủ trì khắc phục · ${r.fixed_on ? `đã khắc phục ngày ${d(r.fixed_on)}` : `hạn ${d(r.due_date)}`}`,
        href: r.review_report_id ? `/review-reports/${r.review_report_id}` : null,
        basis_vi: null,
      }));
    }
    case 'regulation_impact': {
      const rows = await q<{ id: string; name: string; created_at: string; task_id: string | null }>(
        'select i.id, r.title as name, i.created_at::date::text as created_at, i.task_id from regulation_impact i join regulation r on r.id = i.subordinate_regulation_id where i.id = any($1::uuid[]) order by i.created_at',
      );
      return rows.map((r) => ({
        kind: 'regulation_impact',
        id: r.id,
        title: r.name,
        date: r.created_at,
        detail_vi: null,
        href: r.task_id ? `/tasks/${r.task_id}` : null,
        basis_vi: null,
      }));
    }
  }
}

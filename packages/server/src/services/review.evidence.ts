import { formatDateVi } from '@quyche/core';
import {
  reviewEvidenceAgendaItems,
  reviewEvidenceConclusionItems,
  reviewEvidenceConclusions,
  reviewEvidenceConsultationRecipients,
  reviewEvidenceInspections,
  reviewEvidenceMeetings,
  reviewEvidenceProgramItems,
  reviewEvidenceRecommendations,
  reviewEvidenceRegulationImpacts,
  reviewEvidenceShortcomings,
  reviewEvidenceTasks,
} from '@quyche/db';
import type { Sql } from '@quyche/db';
import type { PeriodRecord, RawIndicator } from './review.indicators.js';

/** The records behind one figure of a review (the drill-down): titles, dates, and where each is opened. */
type Rec = {
  kind: RawIndicator['kind'];
  id: string;
  title: string;
  date: string | null;
  detail_vi: string | null;
  href: string | null;
  basis_vi: string | null;
};

/** What one record shows: everything but its kind, id and basis, which are the same for every kind. */
type Shown = Pick<Rec, 'title' | 'date' | 'detail_vi' | 'href'>;
type Read = (sql: Sql, ids: string[]) => Promise<Omit<Rec, 'kind'>[]>;

const d = (x: string | null) => (x ? formatDateVi(x) : null);

/** A kind read from the database: its rows by id, each shown; the id and the (empty) basis added once here. */
const from =
  <R extends { id: string }>(rows: (sql: Sql, ids: string[]) => Promise<R[]>, show: (r: R) => Shown): Read =>
  async (sql, ids) =>
    (await rows(sql, ids)).map((r) => ({ id: r.id, ...show(r), basis_vi: null }));

const READS: Record<Exclude<Rec['kind'], 'deviation'>, Read> = {
  agenda_item: from(reviewEvidenceAgendaItems, (r) => ({
    title: r.title,
    date: r.meeting_date,
    detail_vi: r.meeting_title,
    href: `/meetings/${r.meeting_id}`,
  })),
  meeting: from(reviewEvidenceMeetings, (r) => ({
    title: r.title,
    date: r.meeting_date,
    detail_vi: r.body_name,
    href: `/meetings/${r.id}`,
  })),
  conclusion: from(reviewEvidenceConclusions, (r) => ({
    title: `Thông báo ${r.symbol}`,
    date: r.issued_on,
    detail_vi: r.title,
    href: `/meetings/${r.meeting_id}`,
  })),
  conclusion_item: from(reviewEvidenceConclusionItems, (r) => ({
    title: r.text,
    date: r.issued_on,
    detail_vi: `Theo Thông báo ${r.symbol}${r.task_id ? '' : ' — chưa có nhiệm vụ theo dõi'}`,
    href: r.task_id ? `/tasks/${r.task_id}` : `/meetings/${r.meeting_id}`,
  })),
  task: from(reviewEvidenceTasks, (r) => ({
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
  })),
  program_item: from(reviewEvidenceProgramItems, (r) => ({
    title: r.title,
    date: r.due_date,
    detail_vi: r.program_title,
    href: `/programs/${r.program_id}`,
  })),
  inspection: from(reviewEvidenceInspections, (r) => ({
    title: r.title,
    date: r.concluded_on,
    detail_vi: r.verified_on ? `Kiểm tra việc khắc phục ngày ${d(r.verified_on)}` : null,
    href: `/inspections/${r.id}`,
  })),
  recommendation: from(reviewEvidenceRecommendations, (r) => ({
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
  })),
  consultation_recipient: from(reviewEvidenceConsultationRecipients, (r) => ({
    title: r.name,
    date: r.deadline,
    detail_vi: `${r.title} · ${r.answered_on ? `góp ý ngày ${d(r.answered_on)}` : 'chưa góp ý'}`,
    href: `/consultations/${r.consultation_id}`,
  })),
  shortcoming: from(reviewEvidenceShortcomings, (r) => ({
    title: r.text,
    date: r.identified_on,
    detail_vi:
      `${r.lead_name} chủ trì khắc phục · ` +
      `${r.fixed_on ? `đã khắc phục ngày ${d(r.fixed_on)}` : `hạn ${d(r.due_date)}`}`,
    href: r.review_report_id ? `/review-reports/${r.review_report_id}` : null,
  })),
  regulation_impact: from(reviewEvidenceRegulationImpacts, (r) => ({
    title: r.name,
    date: r.created_at,
    detail_vi: null,
    href: r.task_id ? `/tasks/${r.task_id}` : null,
  })),
};

export async function evidenceRecords(
  sql: Sql,
  ind: RawIndicator,
  deviations: PeriodRecord['deviations'],
): Promise<Rec[]> {
  const kind = ind.kind;
  if (kind !== 'deviation') return (await READS[kind](sql, ind.ids)).map((r) => ({ kind, ...r }));
  // Deviations are computed with the period, not stored: they are taken from its record.
  const byId = new Map(deviations.map((x) => [x.id, x]));
  return ind.ids
    .map((id) => byId.get(id)!)
    .map((x) => ({
      kind,
      id: x.id,
      title: x.meetingTitle ?? `${x.bodyName} — ${x.period ?? ''}`,
      date: x.date,
      detail_vi: x.message_vi,
      href: x.meetingId ? `/meetings/${x.meetingId}` : null,
      basis_vi: null,
    }));
}

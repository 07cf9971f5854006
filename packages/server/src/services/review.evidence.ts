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

export async function evidenceRecords(
  sql: Sql,
  ind: RawIndicator,
  deviations: PeriodRecord['deviations'],
): Promise<Rec[]> {
  const ids = ind.ids;
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
      const rows = await reviewEvidenceAgendaItems(sql, ids);
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
      const rows = await reviewEvidenceMeetings(sql, ids);
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
      const rows = await reviewEvidenceConclusions(sql, ids);
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
      const rows = await reviewEvidenceConclusionItems(sql, ids);
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
      const rows = await reviewEvidenceTasks(sql, ids);
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
      const rows = await reviewEvidenceProgramItems(sql, ids);
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
      const rows = await reviewEvidenceInspections(sql, ids);
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
      const rows = await reviewEvidenceRecommendations(sql, ids);
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
      const rows = await reviewEvidenceConsultationRecipients(sql, ids);
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
      const rows = await reviewEvidenceShortcomings(sql, ids);
      return rows.map((r) => ({
        kind: 'shortcoming',
        id: r.id,
        title: r.text,
        date: r.identified_on,
        detail_vi:
          `${r.lead_name} chủ trì khắc phục · ` +
          `${r.fixed_on ? `đã khắc phục ngày ${d(r.fixed_on)}` : `hạn ${d(r.due_date)}`}`,
        href: r.review_report_id ? `/review-reports/${r.review_report_id}` : null,
        basis_vi: null,
      }));
    }
    case 'regulation_impact': {
      const rows = await reviewEvidenceRegulationImpacts(sql, ids);
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

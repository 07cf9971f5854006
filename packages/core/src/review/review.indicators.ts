import { citeVi } from '../regulation/reg.parse.js';
import type { Regulation, Rule } from '../regulation/reg.model.js';

/**
 * The figures a review is made of, each computed from the record over a period, each with what it counts, the
 * regulation's rule it measures against and the records behind it. The codes are part of the API contract
 * (GET /organizations/:id/review): other tools read them.
 */
export const EVIDENCE_KINDS = [
  'meeting',
  'agenda_item',
  'deviation',
  'conclusion',
  'conclusion_item',
  'task',
  'program_item',
  'inspection',
  'recommendation',
  'consultation_recipient',
  'regulation_impact',
  'shortcoming',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const INDICATOR_GROUPS = [
  'meetings',
  'conclusions',
  'tasks',
  'programs',
  'inspections',
  'recommendations',
  'consultations',
  'shortcomings',
  'subordinates',
] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];
export const INDICATOR_GROUP_LABELS: Record<IndicatorGroup, { vi: string; en: string }> = {
  meetings: { vi: 'Chế độ họp, hội nghị', en: 'Meetings' },
  conclusions: { vi: 'Kết luận và thông báo kết luận', en: 'Conclusions' },
  tasks: { vi: 'Nhiệm vụ được giao', en: 'Tasks' },
  programs: { vi: 'Chương trình làm việc, kiểm tra, giám sát', en: 'Programs' },
  inspections: { vi: 'Kiểm tra, giám sát', en: 'Inspections' },
  recommendations: { vi: 'Kiến nghị, đề xuất', en: 'Recommendations' },
  consultations: { vi: 'Lấy ý kiến dự thảo', en: 'Consultations' },
  shortcomings: { vi: 'Hạn chế, khuyết điểm', en: 'Shortcomings' },
  subordinates: { vi: 'Quy chế của cấp dưới', en: "Subordinates' regulations" },
};

export interface IndicatorDef {
  code: string;
  group: IndicatorGroup;
  label_vi: string;
  label_en: string;
  /** What is counted, in a sentence a clerk reads under the figure. */
  definition_vi: string;
  evidence: EvidenceKind;
  /** Whether more is better (on-time answers) or worse (overdue tasks); null when neither (meetings required). */
  better: 'higher' | 'lower' | null;
  /** The rules it measures against, found in the regulation in force by this test. */
  rules?: (r: Rule) => boolean;
  /** One figure per body (meetings held and required). */
  perBody?: boolean;
}

const duty = (d: string) => (r: Rule) => (r.kind === 'deadline' || r.kind === 'duty') && r.duty === d;
const kind = (k: Rule['kind']) => (r: Rule) => r.kind === k;

export const INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'meetings_required',
    group: 'meetings',
    perBody: true,
    label_vi: 'Kỳ họp thường lệ theo quy chế',
    label_en: 'Regular meetings required',
    definition_vi: 'Số kỳ họp thường lệ chế độ họp của quy chế đòi hỏi trong kỳ (theo tháng, quý, tuần)',
    evidence: 'meeting',
    better: null,
    rules: kind('meeting_regime'),
  },
  {
    code: 'meetings_held',
    group: 'meetings',
    perBody: true,
    label_vi: 'Kỳ họp thường lệ đã họp',
    label_en: 'Regular meetings held',
    definition_vi:
      'Hội nghị, phiên họp thường lệ đã khai mạc trong kỳ (không tính họp bất thường, hội nghị quán triệt)',
    evidence: 'meeting',
    better: 'higher',
    rules: kind('meeting_regime'),
  },
  {
    code: 'meetings_other',
    group: 'meetings',
    label_vi: 'Hội nghị bất thường, chuyên đề, quán triệt',
    label_en: 'Other meetings held',
    definition_vi: 'Hội nghị, phiên họp đã họp trong kỳ không phải kỳ họp thường lệ',
    evidence: 'meeting',
    better: null,
  },
  {
    code: 'conferences_held',
    group: 'meetings',
    label_vi: 'Hội nghị đã tổ chức',
    label_en: 'Conferences held',
    definition_vi:
      'Hội nghị Ban Chấp hành và hội nghị chuyên đề, mở rộng, quán triệt đã họp trong kỳ: ' +
      'các hội nghị tính vào hạn mức hội nghị theo Kết luận 226-KL/TW',
    evidence: 'meeting',
    better: null,
    rules: kind('conference_quota'),
  },
  {
    code: 'conferences_in_person',
    group: 'meetings',
    label_vi: 'Hội nghị tổ chức trực tiếp',
    label_en: 'Conferences in person',
    definition_vi:
      'Trong các hội nghị đã họp, số hội nghị tổ chức trực tiếp (hạn mức: ' +
      'tỷ lệ trực tiếp không vượt mức quy chế quy định)',
    evidence: 'meeting',
    better: 'lower',
    rules: kind('conference_quota'),
  },
  {
    code: 'deviations',
    group: 'meetings',
    label_vi: 'Sai lệch so với quy chế',
    label_en: 'Departures from the regulation',
    definition_vi:
      'Mọi sai lệch trong kỳ: thiếu kỳ họp, gửi tài liệu chậm, không đủ điều kiện hợp lệ, ' +
      'thông báo kết luận chậm hoặc chưa có, sai thẩm quyền',
    evidence: 'deviation',
    better: 'lower',
  },
  {
    code: 'meetings_short_of_regime',
    group: 'meetings',
    label_vi: 'Tháng, quý thiếu kỳ họp',
    label_en: 'Periods short of the regime',
    definition_vi: 'Số tháng, quý (theo chế độ họp) đã kết thúc mà họp ít hơn quy chế quy định',
    evidence: 'deviation',
    better: 'lower',
    rules: kind('meeting_regime'),
  },
  {
    code: 'documents_late',
    group: 'meetings',
    label_vi: 'Gửi tài liệu chậm',
    label_en: 'Documents sent late',
    definition_vi: 'Cuộc họp gửi tài liệu cho thành viên muộn hơn số ngày làm việc quy chế quy định',
    evidence: 'deviation',
    better: 'lower',
    rules: kind('notice'),
  },
  {
    code: 'meetings_without_quorum',
    group: 'meetings',
    label_vi: 'Không đủ điều kiện hợp lệ',
    label_en: 'Meetings without a quorum',
    definition_vi: 'Cuộc họp có số thành viên có mặt dưới tỷ lệ quy chế quy định',
    evidence: 'deviation',
    better: 'lower',
    rules: kind('quorum'),
  },
  {
    code: 'agenda_outside_competence',
    group: 'meetings',
    label_vi: 'Nội dung sai thẩm quyền',
    label_en: 'Agenda items outside competence',
    definition_vi: 'Nội dung đưa ra cơ quan không có thẩm quyền quyết định, hoặc đẩy lên từ việc của cấp dưới',
    evidence: 'deviation',
    better: 'lower',
    rules: kind('authority'),
  },
  {
    code: 'delegated_decisions',
    group: 'meetings',
    label_vi: 'Việc quyết định phải báo cáo lại',
    label_en: 'Decisions to report back',
    definition_vi:
      'Nội dung một cơ quan quyết định trong kỳ theo thẩm quyền hoặc ủy quyền có điều kiện báo cáo lại (Thường trực ' +
      'quyết định việc giữa hai kỳ họp, báo cáo Ban Thường vụ tại phiên họp gần nhất)',
    evidence: 'agenda_item',
    better: null,
    rules: (r) => (r.kind === 'authority' || r.kind === 'delegation') && !!r.report_back,
  },
  {
    code: 'delegated_reported_back',
    group: 'meetings',
    label_vi: 'Đã báo cáo lại đúng quy chế',
    label_en: 'Reported back',
    definition_vi:
      'Việc quyết định phải báo cáo lại mà phiên họp kế tiếp của cơ quan nhận báo cáo (trong kỳ) ' +
      'có nội dung báo cáo lại',
    evidence: 'agenda_item',
    better: 'higher',
    rules: (r) => (r.kind === 'authority' || r.kind === 'delegation') && !!r.report_back,
  },
  {
    code: 'delegated_not_reported_back',
    group: 'meetings',
    label_vi: 'Chưa báo cáo lại',
    label_en: 'Not reported back',
    definition_vi:
      'Việc quyết định phải báo cáo lại mà phiên họp kế tiếp của cơ quan nhận báo cáo đã họp, ' +
      'không có nội dung báo cáo lại',
    evidence: 'agenda_item',
    better: 'lower',
    rules: (r) => (r.kind === 'authority' || r.kind === 'delegation') && !!r.report_back,
  },
  {
    code: 'conclusions_issued',
    group: 'conclusions',
    label_vi: 'Thông báo kết luận đã ban hành',
    label_en: 'Conclusion notices issued',
    definition_vi: 'Thông báo kết luận ban hành trong kỳ',
    evidence: 'conclusion',
    better: null,
    rules: duty('BAN_HANH_THONG_BAO_KET_LUAN'),
  },
  {
    code: 'conclusions_late',
    group: 'conclusions',
    label_vi: 'Thông báo kết luận chậm hoặc chưa có',
    label_en: 'Conclusion notices late or missing',
    definition_vi:
      'Phiên họp có quyết định mà thông báo kết luận ban hành quá hạn quy chế quy định, ' +
      'hoặc đã quá hạn mà chưa ban hành',
    evidence: 'deviation',
    better: 'lower',
    rules: duty('BAN_HANH_THONG_BAO_KET_LUAN'),
  },
  {
    code: 'conclusion_actions',
    group: 'conclusions',
    label_vi: 'Việc giao trong kết luận',
    label_en: 'Action items in conclusions',
    definition_vi: 'Nhiệm vụ giao trong các thông báo kết luận ban hành trong kỳ',
    evidence: 'conclusion_item',
    better: null,
  },
  {
    code: 'conclusion_actions_followed',
    group: 'conclusions',
    label_vi: 'Việc giao đã thành nhiệm vụ theo dõi',
    label_en: 'Action items followed as tasks',
    definition_vi: 'Nhiệm vụ giao trong kết luận của kỳ đã được chuyển thành nhiệm vụ theo dõi',
    evidence: 'conclusion_item',
    better: 'higher',
    rules: duty('THEO_DOI_KET_LUAN'),
  },
  {
    code: 'tasks_assigned',
    group: 'tasks',
    label_vi: 'Nhiệm vụ đã giao',
    label_en: 'Tasks assigned',
    definition_vi: 'Nhiệm vụ có ngày giao trong kỳ',
    evidence: 'task',
    better: null,
  },
  {
    code: 'tasks_done_on_time',
    group: 'tasks',
    label_vi: 'Hoàn thành đúng hạn',
    label_en: 'Done on time',
    definition_vi: 'Nhiệm vụ được nhận kết quả trong kỳ, không muộn hơn hạn (kể cả hạn đã gia hạn)',
    evidence: 'task',
    better: 'higher',
    rules: duty('THEO_DOI_KET_LUAN'),
  },
  {
    code: 'tasks_done_late',
    group: 'tasks',
    label_vi: 'Hoàn thành chậm',
    label_en: 'Done late',
    definition_vi: 'Nhiệm vụ được nhận kết quả trong kỳ nhưng sau hạn',
    evidence: 'task',
    better: 'lower',
    rules: duty('THEO_DOI_KET_LUAN'),
  },
  {
    code: 'tasks_overdue',
    group: 'tasks',
    label_vi: 'Quá hạn cuối kỳ',
    label_en: 'Overdue at the end',
    definition_vi: 'Nhiệm vụ đang thực hiện mà đã quá hạn vào ngày cuối kỳ (hạn có hiệu lực ngày đó)',
    evidence: 'task',
    better: 'lower',
    rules: duty('THEO_DOI_KET_LUAN'),
  },
  {
    code: 'tasks_extended',
    group: 'tasks',
    label_vi: 'Được gia hạn',
    label_en: 'Extended',
    definition_vi: 'Nhiệm vụ có đề nghị gia hạn được chấp thuận trong kỳ',
    evidence: 'task',
    better: null,
  },
  {
    code: 'tasks_outside_competence',
    group: 'tasks',
    label_vi: 'Nhiệm vụ giao sai thẩm quyền',
    label_en: 'Tasks outside competence',
    definition_vi: 'Nhiệm vụ giao trong kỳ mà cơ quan quyết định không có thẩm quyền với loại việc đó theo quy chế',
    evidence: 'task',
    better: 'lower',
    rules: kind('authority'),
  },
  {
    code: 'program_items_planned',
    group: 'programs',
    label_vi: 'Mục chương trình đến hạn',
    label_en: 'Program items due',
    definition_vi: 'Mục của các chương trình đã thông qua có hạn trong kỳ',
    evidence: 'program_item',
    better: null,
    rules: (r) => r.kind === 'authority' && ['CTR_NAM', 'CTR_TOAN_KHOA'].includes(r.matter),
  },
  {
    code: 'program_items_done',
    group: 'programs',
    label_vi: 'Mục chương trình đã hoàn thành',
    label_en: 'Program items done',
    definition_vi: 'Mục đến hạn trong kỳ mà mọi nhiệm vụ theo mục đã hoàn thành vào ngày cuối kỳ',
    evidence: 'program_item',
    better: 'higher',
  },
  {
    code: 'inspections_concluded',
    group: 'inspections',
    label_vi: 'Cuộc kiểm tra, giám sát đã kết luận',
    label_en: 'Inspections concluded',
    definition_vi: 'Cuộc kiểm tra, giám sát có kết luận trong kỳ',
    evidence: 'inspection',
    better: null,
  },
  {
    code: 'inspections_remedies_verified',
    group: 'inspections',
    label_vi: 'Đã kiểm tra việc khắc phục',
    label_en: 'Remedies verified',
    definition_vi: 'Cuộc kiểm tra, giám sát được kiểm tra lại việc khắc phục sau kết luận trong kỳ',
    evidence: 'inspection',
    better: 'higher',
  },
  {
    code: 'recommendations_received',
    group: 'recommendations',
    label_vi: 'Kiến nghị nhận được',
    label_en: 'Recommendations received',
    definition_vi: 'Kiến nghị, đề xuất gửi tới tổ chức trong kỳ',
    evidence: 'recommendation',
    better: null,
  },
  {
    code: 'recommendations_answered_on_time',
    group: 'recommendations',
    label_vi: 'Trả lời kiến nghị đúng hạn',
    label_en: 'Answered on time',
    definition_vi: 'Kiến nghị được trả lời trong kỳ, trong thời hạn quy chế quy định',
    evidence: 'recommendation',
    better: 'higher',
    rules: duty('TRA_LOI_KIEN_NGHI'),
  },
  {
    code: 'recommendations_answered_late',
    group: 'recommendations',
    label_vi: 'Trả lời kiến nghị chậm',
    label_en: 'Answered late',
    definition_vi: 'Kiến nghị được trả lời trong kỳ nhưng sau hạn quy chế quy định',
    evidence: 'recommendation',
    better: 'lower',
    rules: duty('TRA_LOI_KIEN_NGHI'),
  },
  {
    code: 'recommendations_overdue',
    group: 'recommendations',
    label_vi: 'Kiến nghị quá hạn chưa trả lời',
    label_en: 'Unanswered past the deadline',
    definition_vi: 'Kiến nghị chưa được trả lời vào ngày cuối kỳ mà đã quá hạn trả lời',
    evidence: 'recommendation',
    better: 'lower',
    rules: duty('TRA_LOI_KIEN_NGHI'),
  },
  {
    code: 'consultation_recipients',
    group: 'consultations',
    label_vi: 'Nơi được xin ý kiến',
    label_en: 'Units consulted',
    definition_vi: 'Đơn vị, cá nhân được gửi dự thảo xin ý kiến có hạn góp ý trong kỳ',
    evidence: 'consultation_recipient',
    better: null,
  },
  {
    code: 'consultation_answered',
    group: 'consultations',
    label_vi: 'Nơi đã góp ý đúng hạn',
    label_en: 'Answered by the deadline',
    definition_vi: 'Nơi được xin ý kiến đã góp ý (hoặc trả lời nhất trí) không muộn hơn hạn góp ý',
    evidence: 'consultation_recipient',
    better: 'higher',
  },
  {
    code: 'shortcomings_carried_over',
    group: 'shortcomings',
    label_vi: 'Hạn chế chuyển từ kỳ trước',
    label_en: 'Shortcomings carried over',
    definition_vi: 'Hạn chế, khuyết điểm nêu ở lần sơ kết trước hoặc trước kỳ, đầu kỳ chưa khắc phục xong',
    evidence: 'shortcoming',
    better: 'lower',
  },
  {
    code: 'shortcomings_new',
    group: 'shortcomings',
    label_vi: 'Hạn chế mới nêu trong kỳ',
    label_en: 'Shortcomings named in the period',
    definition_vi: 'Hạn chế, khuyết điểm nêu trong kỳ tại kết luận kiểm tra, giám sát',
    evidence: 'shortcoming',
    better: null,
  },
  {
    code: 'shortcomings_fixed',
    group: 'shortcomings',
    label_vi: 'Hạn chế đã khắc phục',
    label_en: 'Shortcomings fixed',
    definition_vi: 'Hạn chế, khuyết điểm được khắc phục, có minh chứng, trong kỳ',
    evidence: 'shortcoming',
    better: 'higher',
  },
  {
    code: 'shortcomings_open',
    group: 'shortcomings',
    label_vi: 'Hạn chế chưa khắc phục cuối kỳ',
    label_en: 'Shortcomings open at the end',
    definition_vi: 'Hạn chế, khuyết điểm chưa khắc phục vào ngày cuối kỳ: chuyển sang kỳ sau',
    evidence: 'shortcoming',
    better: 'lower',
  },
  {
    code: 'subordinate_regulations_to_review',
    group: 'subordinates',
    label_vi: 'Quy chế cấp dưới phải rà soát',
    label_en: "Subordinates' regulations to revise",
    definition_vi: 'Quy chế của cấp dưới phải rà soát, sửa đổi sau khi quy chế của tổ chức được sửa đổi trong kỳ',
    evidence: 'regulation_impact',
    better: null,
    rules: duty('RA_SOAT_QUY_CHE_CAP_DUOI'),
  },
  {
    code: 'subordinate_regulations_revised_on_time',
    group: 'subordinates',
    label_vi: 'Cấp dưới đã rà soát đúng hạn',
    label_en: 'Revised within the deadline',
    definition_vi: 'Quy chế cấp dưới đã được rà soát, sửa đổi trong thời hạn sau khi quy chế cấp trên sửa đổi',
    evidence: 'regulation_impact',
    better: 'higher',
    rules: duty('RA_SOAT_QUY_CHE_CAP_DUOI'),
  },
  {
    code: 'subordinate_regulations_inconsistent',
    group: 'subordinates',
    label_vi: 'Quy chế cấp dưới chưa phù hợp',
    label_en: "Subordinates' regulations inconsistent",
    definition_vi:
      'Quy chế của cấp dưới mà khi rà soát theo quy chế sửa đổi trong kỳ có điểm trái hoặc lỏng hơn ' +
      'quy chế của tổ chức (lỗi khi kiểm tra tính nhất quán)',
    evidence: 'regulation_impact',
    better: 'lower',
    rules: duty('RA_SOAT_QUY_CHE_CAP_DUOI'),
  },
];

export const INDICATOR_BY_CODE: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.code, d]));

/** The rules of `reg` an indicator measures against, with their clauses ("khoản 1 Điều 13"). */
export function indicatorBasis(
  def: IndicatorDef,
  reg: Regulation | null | undefined,
  bodyKind?: string,
): { ruleIds: string[]; eIds: string[]; basis_vi: string | null } {
  if (!def.rules || !reg) return { ruleIds: [], eIds: [], basis_vi: null };
  const rules = reg.rules.filter(
    (r) => def.rules!(r) && (!bodyKind || !('body' in r) || !r.body || r.body === bodyKind),
  );
  const eIds = [...new Set(rules.map((r) => r.basis))];
  return { ruleIds: rules.map((r) => r.id), eIds, basis_vi: eIds.length ? eIds.map(citeVi).join('; ') : null };
}

/** The change from the previous period, as a card shows it: "+3", "−2", "=" (null when there is nothing to compare). */
export function changeOf(
  value: number,
  previous: number | null,
): { delta: number; label: string; direction: 'up' | 'down' | 'same' } | null {
  if (previous === null) return null;
  const delta = value - previous;
  return {
    delta,
    label: delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '=',
    direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same',
  };
}

/** Whether a change is for the better (true), the worse (false) or neither (null). */
export function changeIsBetter(def: IndicatorDef, value: number, previous: number | null): boolean | null {
  if (previous === null || value === previous || !def.better) return null;
  return def.better === 'higher' ? value > previous : value < previous;
}

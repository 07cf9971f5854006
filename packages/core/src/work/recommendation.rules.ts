import { formatDateVi } from '../time/date.js';
import type { IsoDate } from '../time/date.js';

/**
 * Recommendations and proposals (kiến nghị, đề xuất) from a lower unit or a review delegation to a higher body,
 * followed until the body answers. The answer is due within the regulation's deadline for the duty below.
 */
export const RECOMMENDATION_DUTY = 'TRA_LOI_KIEN_NGHI';
export const RECOMMENDATION_EVENT = 'recommendation_received';
export const RECOMMENDATION_STATES = ['received', 'assigned', 'answered', 'withdrawn'] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];
export const RECOMMENDATION_STATE_LABELS: Record<RecommendationState, { vi: string; en: string }> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  assigned: { vi: 'Đã giao tham mưu', en: 'Assigned for advice' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};
export const RECOMMENDATION_SOURCES = ['lower_unit', 'delegation', 'member'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];
export const RECOMMENDATION_SOURCE_LABELS: Record<RecommendationSource, { vi: string; en: string }> = {
  lower_unit: { vi: 'Cấp dưới', en: 'Lower unit' },
  delegation: { vi: 'Đoàn kiểm tra, giám sát, khảo sát', en: 'Review delegation' },
  member: { vi: 'Cấp ủy viên, đảng viên', en: 'Member' },
};

export const RECOMMENDATION_TRANSITIONS: Record<RecommendationState, readonly RecommendationState[]> = {
  received: ['assigned', 'answered', 'withdrawn'],
  assigned: ['answered', 'withdrawn'],
  answered: [],
  withdrawn: [],
};

/** Overdue when not answered past the due date; the line a list shows. */
export function recommendationStatus(
  r: { state: RecommendationState; dueOn: IsoDate | null; answeredOn: IsoDate | null },
  today: IsoDate,
) {
  const open = r.state === 'received' || r.state === 'assigned';
  const overdue = open && r.dueOn !== null && r.dueOn < today;
  const late = r.state === 'answered' && r.dueOn !== null && r.answeredOn !== null && r.answeredOn > r.dueOn;
  const parts = [RECOMMENDATION_STATE_LABELS[r.state].vi];
  if (r.state === 'answered' && r.answeredOn)
    parts.push(`ngày ${formatDateVi(r.answeredOn)}${late ? ', chậm so với hạn' : ''}`);
  if (open && r.dueOn)
    parts.push(overdue ? `quá hạn trả lời từ ${formatDateVi(r.dueOn)}` : `hạn trả lời ${formatDateVi(r.dueOn)}`);
  return { overdue, late, label_vi: parts.join(', ') };
}

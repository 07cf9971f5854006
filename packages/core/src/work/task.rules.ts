import { formatDateVi, isIsoDate } from '../time/date.js';

/**
 * "6 rõ" (Kết luận 226-KL/TW): every assigned task has exactly one lead and states who, what, when,
 * accountability, the deciding level and the expected product. A task missing one stays a draft.
 */
export const SIX_CLEAR = ['ro_nguoi', 'ro_viec', 'ro_thoi_gian', 'ro_trach_nhiem', 'ro_tham_quyen', 'ro_san_pham'] as const;
export type SixClear = (typeof SIX_CLEAR)[number];

export const SIX_CLEAR_LABELS: Record<SixClear, { vi: string; en: string; field: string }> = {
  ro_nguoi: { vi: 'Rõ người (một đầu mối chủ trì)', en: 'Clear lead (exactly one)', field: 'leads' },
  ro_viec: { vi: 'Rõ việc', en: 'Clear task', field: 'title' },
  ro_thoi_gian: { vi: 'Rõ thời gian (hạn hoặc kỳ họp)', en: 'Clear deadline', field: 'due' },
  ro_trach_nhiem: { vi: 'Rõ trách nhiệm (Ủy viên BTV theo dõi)', en: 'Clear accountability (supervising member)', field: 'supervisorId' },
  ro_tham_quyen: { vi: 'Rõ thẩm quyền (cấp quyết định)', en: 'Clear competence (deciding level)', field: 'decidingBody' },
  ro_san_pham: { vi: 'Rõ sản phẩm', en: 'Clear product', field: 'product' },
};

export interface TaskLead {
  kind: 'unit' | 'person';
  id: string;
  name: string;
}

export interface TaskDraft {
  title?: string | null;
  leads: TaskLead[];
  /** A supporting unit outside the system has no id. */
  supporting?: (Omit<TaskLead, 'id'> & { id: string | null })[];
  due?: { date?: string | null; meetingId?: string | null; label?: string | null } | null;
  supervisorId?: string | null;
  decidingBody?: string | null;
  product?: string | null;
}

export interface SixClearCheck {
  /** True when every "rõ" is stated and there is exactly one lead. */
  complete: boolean;
  missing: { code: SixClear; field: string; message_vi: string }[];
  /** Two or more leads: refused outright (R9), not just kept as a draft. */
  refused: { rule: 'MOT_DAU_MOI_CHU_TRI'; message_vi: string } | null;
}

const blank = (s: string | null | undefined) => !s || s.trim().length === 0;

export function checkSixClear(t: TaskDraft): SixClearCheck {
  const missing: SixClearCheck['missing'] = [];
  const miss = (code: SixClear, why?: string) => missing.push({ code, field: SIX_CLEAR_LABELS[code].field, message_vi: `Thiếu ${SIX_CLEAR_LABELS[code].vi}${why ? `: ${why}` : ''}` });
  let refused: SixClearCheck['refused'] = null;
  if (t.leads.length === 0) miss('ro_nguoi');
  if (t.leads.length > 1) {
    refused = {
      rule: 'MOT_DAU_MOI_CHU_TRI',
      message_vi: `Mỗi nhiệm vụ chỉ có một đầu mối chủ trì (Kết luận 226-KL/TW, "6 rõ"); nhiệm vụ này có ${t.leads.length}: ${t.leads.map((l) => l.name).join(', ')}. Hãy tách thành ${t.leads.length} nhiệm vụ, mỗi nhiệm vụ một đơn vị chủ trì, các đơn vị khác là phối hợp.`,
    };
  }
  if (blank(t.title)) miss('ro_viec');
  const due = t.due;
  if (!due || (!due.meetingId && !(due.date && isIsoDate(due.date)))) miss('ro_thoi_gian', due?.date ? `"${due.date}" không phải một ngày` : undefined);
  if (blank(t.supervisorId)) miss('ro_trach_nhiem');
  if (blank(t.decidingBody)) miss('ro_tham_quyen');
  if (blank(t.product)) miss('ro_san_pham');
  if ((t.supporting ?? []).some((s) => t.leads.some((l) => l.kind === s.kind && l.id === s.id))) {
    missing.push({ code: 'ro_nguoi', field: 'supporting', message_vi: 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp' });
  }
  return { complete: missing.length === 0 && refused === null, missing, refused };
}

/** Task life cycle as an explicit graph (after OpenSlides' motion workflows). */
export const TASK_STATES = ['draft', 'assigned', 'in_progress', 'reported', 'done', 'overdue', 'extended', 'cancelled', 'transferred'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_TRANSITIONS: Record<TaskState, readonly TaskState[]> = {
  draft: ['assigned', 'cancelled'],
  assigned: ['in_progress', 'reported', 'overdue', 'extended', 'cancelled', 'transferred'],
  in_progress: ['reported', 'overdue', 'extended', 'cancelled', 'transferred'],
  overdue: ['in_progress', 'reported', 'extended', 'cancelled', 'transferred'],
  extended: ['in_progress', 'reported', 'overdue', 'cancelled', 'transferred'],
  reported: ['done', 'in_progress'],
  done: [],
  cancelled: [],
  transferred: [],
};

export const TASK_STATE_LABELS: Record<TaskState, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  assigned: { vi: 'Đã giao', en: 'Assigned' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  reported: { vi: 'Đã báo cáo', en: 'Reported' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  extended: { vi: 'Được gia hạn', en: 'Extended' },
  cancelled: { vi: 'Hủy', en: 'Cancelled' },
  transferred: { vi: 'Chuyển giao', en: 'Transferred' },
};

export function canTransition(from: TaskState, to: TaskState, check?: SixClearCheck): { ok: boolean; reason_vi: string } {
  if (!TASK_TRANSITIONS[from].includes(to)) {
    return { ok: false, reason_vi: `Không chuyển được từ "${TASK_STATE_LABELS[from].vi}" sang "${TASK_STATE_LABELS[to].vi}"` };
  }
  if (from === 'draft' && to === 'assigned' && check && !check.complete) {
    return { ok: false, reason_vi: `Chưa giao được: ${[check.refused?.message_vi, ...check.missing.map((m) => m.message_vi)].filter(Boolean).join('; ')}` };
  }
  return { ok: true, reason_vi: 'Được phép' };
}

/** Overdue on `today` when not finished and past its (possibly extended) due date. */
export function isOverdue(t: { state: TaskState; dueDate: string | null; extendedTo?: string | null }, today: string): boolean {
  if (['done', 'cancelled', 'transferred', 'reported', 'draft'].includes(t.state)) return false;
  const due = t.extendedTo ?? t.dueDate;
  return due !== null && due < today;
}

/** Weighted progress roll-up (Decidim accountability): children's percent weighted, 0–100, exact to 0.1. */
export function rollUpProgress(children: { percent: number; weight?: number; state?: TaskState }[]): number {
  const live = children.filter((c) => c.state !== 'cancelled' && c.state !== 'transferred');
  const total = live.reduce((s, c) => s + (c.weight ?? 1), 0);
  if (total === 0) return 0;
  const sum = live.reduce((s, c) => s + Math.min(100, Math.max(0, c.percent)) * (c.weight ?? 1), 0);
  return Math.round((sum / total) * 10) / 10;
}

export function describeDue(due: TaskDraft['due']): string {
  if (!due) return '';
  if (due.date) return formatDateVi(due.date);
  return due.label ?? 'tại kỳ họp';
}

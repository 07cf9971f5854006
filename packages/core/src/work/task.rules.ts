import { formatDateVi, isIsoDate } from '../time/date.js';

/**
 * "6 rõ" (Kết luận 226-KL/TW): every assigned task has exactly one lead and states who, what, when,
 * accountability, the deciding level and the expected product. A task missing one stays a draft.
 */
export const SIX_CLEAR = [
  'ro_nguoi',
  'ro_viec',
  'ro_thoi_gian',
  'ro_trach_nhiem',
  'ro_tham_quyen',
  'ro_san_pham',
] as const;
export type SixClear = (typeof SIX_CLEAR)[number];

export const SIX_CLEAR_LABELS: Record<SixClear, { vi: string; en: string; field: string }> = {
  ro_nguoi: { vi: 'Rõ người (một đầu mối chủ trì)', en: 'Clear lead (exactly one)', field: 'leads' },
  ro_viec: { vi: 'Rõ việc', en: 'Clear task', field: 'title' },
  ro_thoi_gian: { vi: 'Rõ thời gian (hạn hoặc kỳ họp)', en: 'Clear deadline', field: 'due' },
  ro_trach_nhiem: {
    vi: 'Rõ trách nhiệm (Ủy viên BTV theo dõi)',
    en: 'Clear accountability (supervising member)',
    field: 'supervisorId',
  },
  ro_tham_quyen: {
    vi: 'Rõ thẩm quyền (cấp quyết định)',
    en: 'Clear competence (deciding level)',
    field: 'decidingBody',
  },
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
  const miss = (code: SixClear, why?: string) =>
    missing.push({
      code,
      field: SIX_CLEAR_LABELS[code].field,
      message_vi: `Thiếu ${SIX_CLEAR_LABELS[code].vi}${why ? `: ${why}` : ''}`,
    });
  let refused: SixClearCheck['refused'] = null;
  if (t.leads.length === 0) miss('ro_nguoi');
  if (t.leads.length > 1) {
    refused = {
      rule: 'MOT_DAU_MOI_CHU_TRI',
      message_vi:
        `Mỗi nhiệm vụ chỉ có một đầu mối chủ trì (Kết luận 226-KL/TW, "6 rõ"); nhiệm vụ này có ${t.leads.length}: ` +
        `${t.leads.map((l) => l.name).join(', ')}. Hãy tách thành ${t.leads.length} nhiệm vụ, ` +
        `mỗi nhiệm vụ một đơn vị chủ trì, các đơn vị khác là phối hợp.`,
    };
  }
  if (blank(t.title)) miss('ro_viec');
  const due = t.due;
  if (!due || (!due.meetingId && !(due.date && isIsoDate(due.date))))
    miss('ro_thoi_gian', due?.date ? `"${due.date}" không phải một ngày` : undefined);
  if (blank(t.supervisorId)) miss('ro_trach_nhiem');
  if (blank(t.decidingBody)) miss('ro_tham_quyen');
  if (blank(t.product)) miss('ro_san_pham');
  if ((t.supporting ?? []).some((s) => t.leads.some((l) => l.kind === s.kind && l.id === s.id))) {
    missing.push({
      code: 'ro_nguoi',
      field: 'supporting',
      message_vi: 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp',
    });
  }
  return { complete: missing.length === 0 && refused === null, missing, refused };
}

/**
 * Task life cycle as an explicit graph (after OpenSlides' motion workflows). "Overdue" and "extended" are not states
 * a clerk moves a task into: they follow from the dates (see `taskStatus`), so no job has to flip them on time.
 */
export const TASK_STATES = [
  'draft',
  'assigned',
  'in_progress',
  'reported',
  'done',
  'cancelled',
  'transferred',
] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const OPEN_TASK_STATES: readonly TaskState[] = ['assigned', 'in_progress', 'reported'];

export const TASK_TRANSITIONS: Record<TaskState, readonly TaskState[]> = {
  draft: ['assigned', 'cancelled'],
  assigned: ['in_progress', 'reported', 'cancelled', 'transferred'],
  in_progress: ['reported', 'cancelled', 'transferred'],
  // A report accepted closes the task; one sent back reopens it.
  reported: ['done', 'in_progress'],
  done: [],
  cancelled: [],
  transferred: [],
};

export const TASK_STATE_LABELS: Record<TaskState | 'overdue' | 'extended', { vi: string; en: string }> = {
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

export function canTransition(
  from: TaskState,
  to: TaskState,
  check?: SixClearCheck,
): { ok: boolean; reason_vi: string } {
  if (!TASK_TRANSITIONS[from]?.includes(to)) {
    return {
      ok: false,
      reason_vi:
        `Không chuyển được từ "${TASK_STATE_LABELS[from]?.vi ?? from}" sang ` + `"${TASK_STATE_LABELS[to]?.vi ?? to}"`,
    };
  }
  if (from === 'draft' && to === 'assigned' && check && !check.complete) {
    return {
      ok: false,
      reason_vi:
        `Chưa giao được: ` +
        `${[check.refused?.message_vi, ...check.missing.map((m) => m.message_vi)].filter(Boolean).join('; ')}`,
    };
  }
  return { ok: true, reason_vi: 'Được phép' };
}

/** The due date in force: the approved extension's, else the original. */
export const effectiveDue = (t: { dueDate: string | null; extendedTo?: string | null }) => t.extendedTo ?? t.dueDate;

/** Overdue on `today` when still open and past its (possibly extended) due date. */
export function isOverdue(
  t: { state: TaskState; dueDate: string | null; extendedTo?: string | null },
  today: string,
): boolean {
  if (!OPEN_TASK_STATES.includes(t.state) || t.state === 'reported') return false;
  const due = effectiveDue(t);
  return due !== null && due < today;
}

/** What a task page shows: its state, and whether it is overdue or runs on an extension, with a Vietnamese line. */
export function taskStatus(t: { state: TaskState; dueDate: string | null; extendedTo?: string | null }, today: string) {
  const overdue = isOverdue(t, today);
  const extended = Boolean(t.extendedTo);
  const due = effectiveDue(t);
  const parts = [TASK_STATE_LABELS[t.state].vi];
  if (extended) parts.push(`gia hạn đến ${formatDateVi(t.extendedTo!)}`);
  if (overdue && due) parts.push(`quá hạn từ ${formatDateVi(due)}`);
  return { state: t.state, overdue, extended, due, label_vi: parts.join(', ') };
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

import { formatDateVi } from '../time/date.js';

/** A task of the year as the record holds it: its effective due date (after extensions) and when it was done. */
export interface TaskRecord {
  id: string;
  title: string;
  due: string | null;
  doneOn: string | null;
  state: string;
  /** Accepted as done beyond what was asked (the note written when its result was accepted). */
  exceeded?: boolean;
}
/** A month of the member's cell: the regular meeting's attendance and the month's dues. */
export interface MemberMonthRecord {
  month: string;
  meeting: 'present' | 'absent_excused' | 'absent' | null;
  dues: 'paid' | 'unpaid' | 'exempt' | null;
}
export interface PlanItemRecord {
  id: string;
  text: string;
  progress: string;
}
export interface ShortcomingRecord {
  id: string;
  text: string;
  fixedOn: string | null;
}

/** One figure of the record: its value and the records behind it (ids, months), said in a sentence. */
export interface Figure {
  value: number;
  records: string[];
  basis_vi: string;
}
/** The figures the classification reads, and the others the assessor weighs; each with its records. */
export type Evidence = Record<string, Figure>;

/** The figures an assessor may change (with a reason), and the facts they may record. */
export const ADJUSTABLE_FIGURES = [
  'tasks_total',
  'tasks_on_time',
  'tasks_late',
  'tasks_exceeded',
  'shortcomings_total',
  'shortcomings_fixed',
] as const;
export const ASSESSMENT_FACTS = [
  'disciplined',
  'degraded',
  'member_disciplined',
  'leader_disciplined',
  'disunity',
  'mitigated',
] as const;
export const FIGURE_LABEL_VI: Record<string, string> = {
  tasks_total: 'Số nhiệm vụ được giao đến hạn trong năm',
  tasks_on_time: 'Số nhiệm vụ hoàn thành đúng hạn',
  tasks_late: 'Số nhiệm vụ hoàn thành chậm',
  tasks_failed: 'Số nhiệm vụ không hoàn thành',
  tasks_pending: 'Số nhiệm vụ chưa đến hạn',
  tasks_exceeded: 'Số nhiệm vụ hoàn thành vượt mức yêu cầu',
  shortcomings_total: 'Số hạn chế, khuyết điểm được chỉ ra ở kỳ trước',
  shortcomings_fixed: 'Số hạn chế, khuyết điểm đã khắc phục',
  meetings_held: 'Số buổi sinh hoạt chi bộ thường kỳ',
  meetings_present: 'Số buổi có mặt',
  meetings_absent: 'Số buổi vắng không có lý do',
  dues_unpaid: 'Số tháng chưa đóng đảng phí',
  plan_items: 'Số việc trong kế hoạch hành động cá nhân',
  plan_items_done: 'Số việc đã hoàn thành',
  disciplined: 'Bị kỷ luật từ khiển trách trở lên trong năm',
  degraded: 'Bị kết luận có biểu hiện suy thoái',
  member_disciplined: 'Có đảng viên, đơn vị trực thuộc bị kỷ luật',
  leader_disciplined: 'Có thành viên cấp ủy bị kỷ luật từ khiển trách trở lên',
  disunity: 'Có sai phạm trong công tác cán bộ, mất đoàn kết nội bộ',
  mitigated: 'Đã tự giác nhận lỗi, khắc phục xong hậu quả',
};

/** The figures in the order a sheet reads them: tasks, shortcomings, the cell's life, dues, the personal plan. */
export const ASSESSMENT_FIGURE_ORDER = [
  'tasks_total',
  'tasks_on_time',
  'tasks_late',
  'tasks_failed',
  'tasks_pending',
  'tasks_exceeded',
  'shortcomings_total',
  'shortcomings_fixed',
  'meetings_held',
  'meetings_present',
  'meetings_absent',
  'dues_unpaid',
  'plan_items',
  'plan_items_done',
] as const;

const fig = (records: string[], basis_vi: string): Figure => ({ value: records.length, records, basis_vi });

/**
 * The year's tasks by how they ended, as on `asOf`: due in the year (after extensions), done on or before the due
 * date, done after it, not done once due (or by the year's end), or not due yet.
 */
export function taskFigures(tasks: readonly TaskRecord[], year: number, asOf: string): Evidence {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  const inYear = tasks.filter(
    (t) => t.state !== 'draft' && t.state !== 'cancelled' && t.due && t.due >= from && t.due <= end,
  );
  const done = (t: TaskRecord) => t.state === 'done' && t.doneOn !== null;
  const onTime = inYear.filter((t) => done(t) && t.doneOn! <= t.due!);
  const late = inYear.filter((t) => done(t) && t.doneOn! > t.due!);
  const failed = inYear.filter((t) => !done(t) && t.due! < asOf);
  const pending = inYear.filter((t) => !done(t) && t.due! >= asOf);
  const due = [...onTime, ...late, ...failed];
  const ids = (xs: TaskRecord[]) => xs.map((t) => t.id);
  const span = `hạn trong năm ${year}, tính đến ngày ${formatDateVi(asOf)}`;
  return {
    tasks_total: fig(ids(due), `Nhiệm vụ chủ trì có ${span} đã đến hạn`),
    tasks_on_time: fig(ids(onTime), 'Hoàn thành trước hoặc đúng hạn (kể cả hạn đã gia hạn)'),
    tasks_late: fig(ids(late), 'Hoàn thành sau hạn'),
    tasks_failed: fig(ids(failed), 'Đã quá hạn mà chưa hoàn thành'),
    tasks_pending: fig(ids(pending), 'Chưa đến hạn: không tính'),
    // Exceeded as its result was accepted, and on time: a late task is not counted as beyond what was asked.
    tasks_exceeded: fig(
      ids(onTime.filter((t) => t.exceeded === true)),
      'Hoàn thành đúng hạn, được ghi vượt mức yêu cầu khi nhận kết quả',
    ),
  };
}

/** The member's months in the cell: regular meetings held, attended, missed without reason; months of dues unpaid. */
export function memberMonthFigures(months: readonly MemberMonthRecord[]): Evidence {
  const held = months.filter((m) => m.meeting !== null);
  const list = (xs: MemberMonthRecord[]) => xs.map((m) => m.month);
  return {
    meetings_held: fig(list(held), 'Các tháng chi bộ sinh hoạt thường kỳ có triệu tập đảng viên'),
    meetings_present: fig(list(held.filter((m) => m.meeting === 'present')), 'Các tháng có mặt'),
    meetings_absent: fig(list(held.filter((m) => m.meeting === 'absent')), 'Các tháng vắng không có lý do chính đáng'),
    dues_unpaid: fig(list(months.filter((m) => m.dues === 'unpaid')), 'Các tháng ghi chưa đóng đảng phí'),
  };
}

export function planFigures(items: readonly PlanItemRecord[]): Evidence {
  return {
    plan_items: fig(
      items.filter((i) => i.progress !== 'dropped').map((i) => i.id),
      'Việc trong kế hoạch (trừ việc đã bỏ)',
    ),
    plan_items_done: fig(
      items.filter((i) => i.progress === 'done').map((i) => i.id),
      'Việc đánh dấu đã hoàn thành',
    ),
  };
}

/** The shortcomings named at the last review (before the year) and those fixed by `asOf`. */
export function shortcomingFigures(items: readonly ShortcomingRecord[], asOf: string): Evidence {
  return {
    shortcomings_total: fig(
      items.map((s) => s.id),
      'Hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước',
    ),
    shortcomings_fixed: fig(
      items.filter((s) => s.fixedOn !== null && s.fixedOn <= asOf).map((s) => s.id),
      'Đã khắc phục (có ngày khắc phục)',
    ),
  };
}

/** A change the assessor made to a figure or a fact, with the reason kept beside it. */
export interface Adjustment {
  field: string;
  from: number | boolean;
  to: number | boolean;
  reason: string;
  by: string;
  on: string;
}

/**
 * The record the classification reads: the figures of the evidence as last changed by the assessor, the facts as
 * recorded (false unless recorded), and the total points given.
 */
export function assessmentInput(
  subject: 'member' | 'organization',
  points: number,
  evidence: Evidence,
  adjustments: readonly Adjustment[],
): Record<string, unknown> {
  const value = (k: string): number | boolean | undefined => {
    const last = [...adjustments].reverse().find((a) => a.field === k);
    return last ? last.to : evidence[k]?.value;
  };
  const num = (k: string) => Number(value(k) ?? 0);
  const total = num('tasks_total');
  const onTime = Math.min(num('tasks_on_time'), total);
  const late = Math.min(num('tasks_late'), total - onTime);
  const out: Record<string, unknown> = {
    subject,
    points,
    tasks_total: total,
    tasks_on_time: onTime,
    tasks_late: late,
    tasks_exceeded: Math.min(num('tasks_exceeded'), total),
    shortcomings_total: num('shortcomings_total'),
    shortcomings_fixed: Math.min(num('shortcomings_fixed'), num('shortcomings_total')),
  };
  for (const f of ASSESSMENT_FACTS) out[f] = value(f) === true;
  return out;
}

import { cite, EngineError, inForce } from '../regulation/engine.base.js';
import type { Answer } from '../regulation/engine.base.js';
import { citeVi } from '../regulation/reg.parse.js';
import type { Finding } from '../regulation/reg.findings.js';
import type { AssessmentOrderRule, AssessmentTimetableRule, Regulation } from '../regulation/reg.model.js';
import { addDays, formatDateVi } from '../time/date.js';

/** The steps of a year's assessment a deadline may name: members' sheets, organizations' sheets, the report upward. */
export const TIMETABLE_STEPS = ['member', 'organization', 'report'] as const;
export type TimetableStep = (typeof TIMETABLE_STEPS)[number];
export const TIMETABLE_STEP_VI: Record<TimetableStep, string> = {
  member: 'Đánh giá, xếp loại đảng viên',
  organization: 'Đánh giá, xếp loại tổ chức đảng',
  report: 'Báo cáo kết quả lên cấp trên',
};

export interface StepDeadline {
  step: TimetableStep;
  label_vi: string;
  /** The day it must be done before (HD 43: "kết thúc trước ngày 31/12"), and so the last day it may be done on. */
  before: string;
  lastDay: string;
  ruleId: string;
  basis: string;
  basis_vi: string;
}

const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;

/** The day a rule's "before dd/mm" falls on for the year assessed (`next_year`: in the year after it). */
export function beforeDay(rule: AssessmentTimetableRule, year: number): string {
  const m = DAY_MONTH.exec(String(rule.before ?? '').trim());
  const day = m ? Number(m[1]) : 0;
  const month = m ? Number(m[2]) : 0;
  const y = year + (rule.next_year === true ? 1 : 0);
  const iso = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const t = new Date(`${iso}T00:00:00Z`);
  if (!m || Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso)
    throw new EngineError(
      'BAD_INPUT',
      `Quy tắc ${rule.id} (${cite(rule)}): "before" phải là ngày/tháng có thật, ví dụ 31/12; ` +
        `đang là "${String(rule.before ?? '')}"`,
      [rule.id],
    );
  return iso;
}

const stepsOf = (r: AssessmentTimetableRule): readonly TimetableStep[] =>
  r.step === undefined || r.step === 'all'
    ? (['member', 'organization'] as const)
    : TIMETABLE_STEPS.filter((s) => s === r.step);

/**
 * The year's deadlines (Hướng dẫn 43-HD/BTCTW mục 4): for each step the earliest "before" of the rules in force that
 * name it or all assessments — a province's own earlier day for its cells wins over the central 31/12.
 */
export function assessmentTimetable(reg: Regulation, year: number, on: string): Answer<{ steps: StepDeadline[] }> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new EngineError('BAD_INPUT', '"year" phải là năm đánh giá, ví dụ 2026');
  const rules = reg.rules.filter(
    (r): r is AssessmentTimetableRule => r.kind === 'assessment_timetable' && inForce(reg, r, on),
  );
  const steps: StepDeadline[] = [];
  for (const step of TIMETABLE_STEPS) {
    let best: { rule: AssessmentTimetableRule; before: string } | null = null;
    for (const rule of rules.filter((r) => stepsOf(r).includes(step))) {
      const before = beforeDay(rule, year);
      if (!best || before < best.before) best = { rule, before };
    }
    if (best)
      steps.push({
        step,
        label_vi: TIMETABLE_STEP_VI[step],
        before: best.before,
        lastDay: addDays(best.before, -1),
        ruleId: best.rule.id,
        basis: best.rule.basis,
        basis_vi: cite(best.rule),
      });
  }
  if (!steps.length) throw new EngineError('NO_RULE', 'Quy định không có thời hạn đánh giá, xếp loại trong năm');
  return {
    result: { steps },
    ruleIds: [...new Set(steps.map((s) => s.ruleId))],
    eIds: [...new Set(steps.map((s) => s.basis))],
    reason_vi: steps.map((s) => `${s.label_vi}: trước ngày ${formatDateVi(s.before)} (${s.basis_vi})`).join('; '),
  };
}

/** Where a step stands on a day: done, still open within its time, or late (its "before" day reached). */
export function stepState(d: Pick<StepDeadline, 'before'>, pending: number, today: string) {
  if (pending === 0) return 'done' as const;
  return today >= d.before ? ('late' as const) : ('open' as const);
}

/** What must be decided before an organization's own sheet (Điều 12 khoản 2): its members, the organizations below. */
export function orderBefore(
  reg: Regulation,
  on: string,
): { members: boolean; below: boolean; rule?: AssessmentOrderRule } {
  const rule = reg.rules.find(
    (r): r is AssessmentOrderRule =>
      r.kind === 'assessment_order' && r.subject === 'organization' && inForce(reg, r, on),
  );
  const after = Array.isArray(rule?.after) ? rule.after.map(String) : [];
  return { members: after.includes('members'), below: after.includes('subordinates'), rule };
}

/**
 * Refuses an organization's classification while sheets it must follow are undecided: the rule's words and clause,
 * how many are left and whose. Null when nothing is left (or the rules set no order).
 */
export function orderRefusal(
  reg: Regulation,
  on: string,
  pending: { members: string[]; organizations: string[] },
): string | null {
  const o = orderBefore(reg, on);
  if (!o.rule) return null;
  const left = [
    o.members && pending.members.length ? `${pending.members.length} đảng viên (${list(pending.members)})` : '',
    o.below && pending.organizations.length
      ? `${pending.organizations.length} tổ chức đảng trực thuộc (${list(pending.organizations)})`
      : '',
  ].filter(Boolean);
  if (!left.length) return null;
  return (
    `Chưa xếp loại tổ chức đảng này: còn ${left.join(' và ')} chưa được quyết định xếp loại. ` +
    `Theo ${citeVi(o.rule.basis)}, ` +
    'hoàn thành đánh giá, xếp loại đảng viên và tổ chức đảng trực thuộc trước, tổ chức đảng sau'
  );
}

const list = (names: string[]) => (names.length > 3 ? `${names.slice(0, 3).join(', ')}…` : names.join(', '));

/**
 * Where a file's timetable is looser than its base's (a province's own days against Hướng dẫn 43 mục 4): a step it
 * lets finish later, with the concrete day that is on time by it and late by the base; no order where the base has one.
 */
export function timetableLooser(sub: Regulation, base: Regulation, at: string, baseName: string): Finding[] {
  const year = Number(at.slice(0, 4));
  const days = (reg: Regulation) => {
    try {
      return new Map(assessmentTimetable(reg, year, at).result.steps.map((s) => [s.step, s]));
    } catch (e) {
      if (e instanceof EngineError) return new Map<TimetableStep, StepDeadline>();
      throw e;
    }
  };
  const mine = days(sub);
  const theirs = days(base);
  const out: Finding[] = [];
  for (const [step, b] of theirs) {
    const s = mine.get(step);
    if (s && s.before <= b.before) continue;
    out.push({
      code: 'LOOSER_THAN_MODEL',
      severity: 'error',
      eId: s?.basis ?? '',
      message: s
        ? `Thời hạn lỏng hơn ${baseName}: ${b.label_vi.toLowerCase()} năm ${year} xong ngày ` +
          `${formatDateVi(s.lastDay)} ` +
          `là đúng hạn theo quy định này (${s.basis_vi}), nhưng đã quá hạn theo ${baseName}: trước ngày ` +
          `${formatDateVi(b.before)} (${b.basis_vi})`
        : `Quy định này không đặt thời hạn "${b.label_vi.toLowerCase()}" như ${baseName} (trước ngày ` +
          `${formatDateVi(b.before)}, ${b.basis_vi})`,
      message_en: `The ${step} step may finish later than the base allows`,
      ruleIds: [...(s ? [s.ruleId] : []), b.ruleId],
    });
  }
  const order = orderBefore(base, at);
  const own = orderBefore(sub, at);
  if (order.rule && ((order.members && !own.members) || (order.below && !own.below)))
    out.push({
      code: 'LOOSER_THAN_MODEL',
      severity: 'error',
      eId: own.rule?.basis ?? '',
      message:
        `Quy định này cho xếp loại tổ chức đảng trước khi xong đảng viên, tổ chức đảng trực thuộc, trái ${baseName} ` +
        `(${citeVi(order.rule.basis)})`,
      message_en: 'The order of classification is looser than the base',
      ruleIds: [order.rule.id],
    });
  return out;
}

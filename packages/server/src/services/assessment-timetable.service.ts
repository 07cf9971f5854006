import {
  assessmentTimetable,
  citeVi,
  EngineError,
  orderBefore,
  orderRefusal,
  ruleViolation,
  stepState,
} from '@quyche/core';
import type { Regulation, StepDeadline } from '@quyche/core';
import { assessmentsOfUnits, orgSubtree } from '@quyche/db';
import type { AssessmentRow } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

type Sheet = Pick<AssessmentRow, 'subject' | 'state'>;

/**
 * The year's timetable as the unit stands on `today`: each step's deadline with its clause, how many sheets are still
 * undecided and whether it is late (the "before" day reached with sheets left). The report upward is not recorded
 * here: its deadline is shown, its state is not. Null when the rules set no deadline.
 */
export function yearTimetable(reg: Regulation, year: number, asOf: string, today: string, sheets: Sheet[]) {
  let steps: StepDeadline[];
  try {
    steps = assessmentTimetable(reg, year, asOf).result.steps;
  } catch (e) {
    if (e instanceof EngineError) return null;
    throw e;
  }
  const order = orderBefore(reg, asOf);
  return {
    steps: steps.map((d) => {
      const pending =
        d.step === 'report' ? null : sheets.filter((s) => s.subject === d.step && s.state !== 'decided').length;
      const counted = d.step === 'report' ? 0 : sheets.filter((s) => s.subject === d.step).length;
      return {
        step: d.step,
        label_vi: d.label_vi,
        before: d.before,
        lastDay: d.lastDay,
        basis_vi: d.basis_vi,
        total: counted,
        pending,
        state: pending === null || counted === 0 ? null : stepState(d, pending, today),
        daysLeft: Math.round((Date.parse(d.lastDay) - Date.parse(today)) / 86_400_000),
      };
    }),
    order_vi: order.rule
      ? `xếp loại đảng viên${order.below ? ', tổ chức đảng trực thuộc' : ''} trước, tổ chức đảng sau ` +
        `(${citeVi(order.rule.basis)})`
      : null,
  };
}

/**
 * Refuses to classify an organization before its members and the organizations below it are decided, where the rules
 * in force say so (Điều 12 khoản 2 Quy định 366-QĐ/TW): the refusal names how many are left, some of them, and the
 * clause of the regulation that applies.
 */
export async function assertOrderKept(
  ctx: RequestContext,
  a: AssessmentRow,
  reg: Regulation,
  asOf: string,
  title: string,
) {
  if (a.subject !== 'organization' || !a.subject_org_id || !orderBefore(reg, asOf).rule) return;
  const below = await orgSubtree(ctx.db, a.subject_org_id, asOf, ctx.user.clearance);
  const ids = new Set(below.map((o) => o.id));
  const rows = await assessmentsOfUnits(ctx.db, [...new Set([a.unit_id, ...ids])], a.year);
  const open = rows.filter((r) => r.id !== a.id && r.state !== 'decided');
  const members = open.filter((r) => r.subject === 'member' && ids.has(r.org_id)).map((r) => r.name);
  const organizations = open
    .filter((r) => r.subject === 'organization' && r.subject_org_id && ids.has(r.subject_org_id))
    .map((r) => r.name);
  const refusal = orderRefusal(reg, asOf, { members, organizations });
  if (refusal) throw ruleViolation('SAI_TRINH_TU_XEP_LOAI', `${refusal} (${title})`, 'body.level');
}

import { addWorkingDays } from '../regulation/engine.js';
import type { WorkingCalendar } from '../regulation/engine.js';
import { addDays, daysInMonth, formatDateVi } from '../time/date.js';
import type { PartyMemberStatus } from '../org/org.model.js';

/** A member's month as the cell recorded it: the regular meeting (with the member's attendance) and the dues. */
export interface MemberMonth {
  /** 'YYYY-MM'. */
  month: string;
  /** At the month's regular meeting; null: no meeting recorded (the cell's own deviation, not the member's). */
  meeting: 'present' | 'absent_excused' | 'absent' | null;
  /** null: nothing recorded yet. */
  dues: 'paid' | 'unpaid' | 'exempt' | 'deferred' | null;
}

export interface MemberForAlerts {
  id: string;
  status: PartyMemberStatus;
  /** The admission ceremony: probation runs twelve months from it (Điều lệ Điều 5 khoản 1). */
  admittedOn: string;
  /** Exemption from activities (miễn công tác và sinh hoạt đảng): those months are not counted. */
  exemptions: { from: string; until: string | null }[];
}

export type MemberAlertKind = 'absent_3_months' | 'dues_3_months' | 'probation_ending';

export interface MemberAlert {
  memberId: string;
  kind: MemberAlertKind;
  /** The months counted ('YYYY-MM'), oldest first; for a probation, the month it ends. */
  months: string[];
  /** The cell must consider it by then (a probation: 30 working days after it ends). */
  actBy: string | null;
  basis_vi: string;
}

/**
 * What the alerts count, as data a province may set otherwise: the Statute says "ba tháng trong năm" and no central
 * text found defines the counting (docs/sources/chi-bo-dang-vien.md §2.3), so months are counted within the calendar
 * year, consecutive or not, and only months already over (the dues of the running month are not yet late).
 */
export const MEMBER_ALERT_RULES = {
  months: 3,
  probationMonths: 12,
  confirmWithinWorkingDays: 30,
  /** The cell is told this many days before a probation ends, to prepare the file (10-KNĐ … 13-KNĐ). */
  promptDaysBefore: 30,
} as const;

const STATUTE_8_1 =
  'Điều 8 khoản 1 Điều lệ Đảng: đảng viên bỏ sinh hoạt chi bộ hoặc không đóng đảng phí ba tháng trong năm ' +
  'mà không có lý do chính đáng thì chi bộ xem xét, đề nghị lên cấp có thẩm quyền xóa tên trong danh sách đảng viên';

const monthVi = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
const monthEnd = (m: string) =>
  `${m}-${String(daysInMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7)))).padStart(2, '0')}`;

/** The date twelve months on (29/02 → 28/02 in a common year). */
export function addMonthsIso(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function exemptIn(member: MemberForAlerts, month: string): boolean {
  const [from, to] = [`${month}-01`, monthEnd(month)];
  return member.exemptions.some((e) => e.from <= to && (e.until === null || e.until >= from));
}

/**
 * The alerts the record raises for one member on `asOf`: three months of the year absent from the cell's regular
 * meeting without a valid reason, or with dues unpaid (Điều lệ Điều 8 khoản 1), for the cell to consider; and a
 * probation ending, for the cell to consider full membership within 30 working days of its end (Điều lệ Điều 5
 * khoản 2; Quy định thi hành Điều lệ, điểm on the confirmation deadline). Exempted months are not counted.
 */
export function memberAlerts(
  member: MemberForAlerts,
  record: readonly MemberMonth[],
  asOf: string,
  calendar: WorkingCalendar,
): MemberAlert[] {
  const year = asOf.slice(0, 4);
  const over = record
    .filter((r) => r.month.startsWith(year) && monthEnd(r.month) < asOf && !exemptIn(member, r.month))
    .sort((a, b) => a.month.localeCompare(b.month));
  const alerts: MemberAlert[] = [];
  // Khoản 1 Điều 8: three months in the year absent from the cell's meeting, or with dues unpaid, without a reason.
  const counts: [MemberAlertKind, (r: MemberMonth) => boolean, string][] = [
    ['absent_3_months', (r) => r.meeting === 'absent', 'Vắng sinh hoạt không có lý do chính đáng các tháng'],
    ['dues_3_months', (r) => r.dues === 'unpaid', 'Chưa đóng đảng phí các tháng'],
  ];
  for (const [kind, counted, what] of counts) {
    const months = over.filter(counted).map((r) => r.month);
    if (months.length >= MEMBER_ALERT_RULES.months)
      alerts.push({
        memberId: member.id,
        kind,
        months,
        actBy: null,
        basis_vi: `${STATUTE_8_1}. ${what} ${months.map(monthVi).join(', ')}.`,
      });
  }
  if (member.status === 'probationary') {
    const ends = addMonthsIso(member.admittedOn, MEMBER_ALERT_RULES.probationMonths);
    const actBy = addWorkingDays(ends, MEMBER_ALERT_RULES.confirmWithinWorkingDays, calendar);
    if (asOf >= addDays(ends, -MEMBER_ALERT_RULES.promptDaysBefore))
      alerts.push({
        memberId: member.id,
        kind: 'probation_ending',
        months: [ends.slice(0, 7)],
        actBy,
        basis_vi:
          `Điều 5 khoản 1, 2 Điều lệ Đảng: thời kỳ dự bị mười hai tháng, tính từ ngày lễ kết nạp ` +
          `(${formatDateVi(member.admittedOn)}), hết ngày ${formatDateVi(ends)}; khi hết thời kỳ dự bị, ` +
          `chi bộ xét công nhận đảng viên chính thức, trong thời hạn 30 ngày làm việc ` +
          `(đến ${formatDateVi(actBy)}).` +
          (asOf > actBy ? ' Đã quá thời hạn xét.' : ''),
      });
  }
  return alerts;
}

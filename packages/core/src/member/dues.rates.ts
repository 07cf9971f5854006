/**
 * Party dues (đảng phí) as data: Quy định 01-QĐ/TW ngày 03/02/2026 của Bộ Chính trị về chế độ đảng phí, in force from
 * 01/02/2026 (it replaces Quyết định 342-QĐ/TW ngày 28/12/2010), Điều 3 for the rates; the regional minimum wages of
 * Nghị định 293/2025/NĐ-CP from 01/01/2026. Sources and their confidence: docs/sources/chi-bo-dang-vien.md §4. A rate
 * that changes (the 2028 step of Điều 3 khoản 2 điểm 2.2) is a new row with its date, not new code.
 */
export const DUES_CATEGORIES = ['salary', 'sick_leave', 'pension', 'student', 'other', 'other_senior'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

export const DUES_CATEGORY_LABELS: Record<DuesCategory, { vi: string; en: string }> = {
  salary: { vi: 'Hưởng lương, đóng bảo hiểm xã hội bắt buộc', en: 'Salaried (compulsory social insurance)' },
  sick_leave: { vi: 'Nghỉ ốm, thai sản hưởng trợ cấp bảo hiểm xã hội', en: 'On sickness or maternity benefit' },
  pension: { vi: 'Hưởng lương hưu', en: 'Retired, on a pension' },
  student: { vi: 'Học sinh, sinh viên', en: 'Pupil or student' },
  other: { vi: 'Đảng viên khác, dưới tuổi nghỉ hưu', en: 'Other, below retirement age' },
  other_senior: { vi: 'Đảng viên khác, từ tuổi nghỉ hưu', en: 'Other, at or above retirement age' },
};

export type Region = 'I' | 'II' | 'III' | 'IV';

interface DuesRate {
  category: DuesCategory;
  from: string;
  until: string | null;
  /** A share of the member's base (salary, benefit, pension), or of the regional minimum wage when `onMinimumWage`. */
  percent?: number;
  onMinimumWage?: boolean;
  /** A fixed amount a month (đồng). */
  fixed?: number;
  clause: string;
}

export const DUES_RULES = {
  source: 'Quy định 01-QĐ/TW ngày 03/02/2026 của Bộ Chính trị về chế độ đảng phí',
  inForceFrom: '2026-02-01',
  rates: [
    { category: 'salary', from: '2026-02-01', until: null, percent: 1, clause: 'Điều 3 khoản 1' },
    { category: 'sick_leave', from: '2026-02-01', until: null, percent: 1, clause: 'Điều 3 khoản 1' },
    { category: 'pension', from: '2026-02-01', until: null, percent: 0.5, clause: 'Điều 3 khoản 2' },
    { category: 'student', from: '2026-02-01', until: null, fixed: 5_000, clause: 'Điều 3 khoản 2' },
    {
      category: 'other',
      from: '2026-02-01',
      until: '2027-12-31',
      percent: 0.3,
      onMinimumWage: true,
      clause: 'Điều 3 khoản 2 điểm 2.2',
    },
    {
      category: 'other',
      from: '2028-01-01',
      until: null,
      percent: 0.5,
      onMinimumWage: true,
      clause: 'Điều 3 khoản 2 điểm 2.2',
    },
    {
      category: 'other_senior',
      from: '2026-02-01',
      until: '2027-12-31',
      percent: 0.2,
      onMinimumWage: true,
      clause: 'Điều 3 khoản 2 điểm 2.2',
    },
    {
      category: 'other_senior',
      from: '2028-01-01',
      until: null,
      percent: 0.3,
      onMinimumWage: true,
      clause: 'Điều 3 khoản 2 điểm 2.2',
    },
  ] satisfies DuesRate[],
  /** Nghị định 293/2025/NĐ-CP: the monthly regional minimum wage from 01/01/2026, where the member attends. */
  minimumWage: {
    source: 'Nghị định 293/2025/NĐ-CP',
    from: '2026-01-01',
    byRegion: { I: 5_310_000, II: 4_730_000, III: 4_140_000, IV: 3_700_000 } as Record<Region, number>,
  },
} as const;

export interface DuesAnswer {
  /** The month's dues in đồng, rounded to the đồng; null when it cannot be worked out (the reason says why). */
  amount: number | null;
  reason_vi: string;
}

const money = (n: number) => `${n.toLocaleString('vi-VN')} đ`;

/**
 * A member's dues for a month ('YYYY-MM') from their category and base (the salary on which compulsory social
 * insurance was paid the month before, the benefit, the pension), or their cell's region for those who pay on the
 * minimum wage.
 */
export function monthlyDues(
  m: { category: DuesCategory | null; base: number | null; region: Region | null },
  month: string,
): DuesAnswer {
  const day = `${month}-01`;
  if (day < DUES_RULES.inForceFrom)
    return {
      amount: null,
      reason_vi: 'Trước 01/02/2026 áp dụng Quyết định 342-QĐ/TW; không tính lại theo quy định mới',
    };
  if (!m.category) return { amount: null, reason_vi: 'Chưa khai đối tượng đóng đảng phí của đảng viên' };
  const rate = DUES_RULES.rates.find(
    (r: DuesRate) => r.category === m.category && r.from <= day && (r.until === null || day <= r.until),
  ) as DuesRate | undefined;
  if (!rate) return { amount: null, reason_vi: 'Không có mức đóng cho đối tượng này vào tháng đó' };
  const cite = `${rate.clause} ${DUES_RULES.source}`;
  if (rate.fixed !== undefined) return { amount: rate.fixed, reason_vi: `${money(rate.fixed)}/tháng (${cite})` };
  const percent = rate.percent!;
  const pct = String(percent).replace('.', ',');
  if (rate.onMinimumWage) {
    if (!m.region) return { amount: null, reason_vi: `Chưa có vùng lương tối thiểu nơi đảng viên sinh hoạt (${cite})` };
    const wage = DUES_RULES.minimumWage.byRegion[m.region];
    return {
      amount: Math.round((wage * percent) / 100),
      reason_vi:
        `${pct}% lương tối thiểu vùng ${m.region} (${money(wage)}, ${DUES_RULES.minimumWage.source}) ` + `(${cite})`,
    };
  }
  if (m.base === null || m.base <= 0)
    return { amount: null, reason_vi: `Chưa khai thu nhập làm căn cứ đóng đảng phí (${cite})` };
  return {
    amount: Math.round((m.base * percent) / 100),
    reason_vi: `${pct}% của ${money(m.base)} (${cite})`,
  };
}

import { addDays } from './date.js';
import { lunarToSolar } from './lunar.js';

/**
 * Vietnamese public holidays (Bộ luật Lao động 2019, Điều 112) computed for any year, plus the substitutions
 * the Prime Minister decides each year (nghỉ bù, làm bù), which are data an administrator maintains.
 */
export interface Holiday {
  date: string;
  name_vi: string;
  name_en: string;
}
export interface Substitutions {
  /** Extra days off (nghỉ bù, hoán đổi). */
  daysOff: { date: string; reason_vi: string }[];
  /** Weekend days worked instead (làm bù). */
  workingWeekends: { date: string; reason_vi: string }[];
}

/** Decisions known for past years (data, to be kept up to date by an administrator). */
export const KNOWN_SUBSTITUTIONS: Record<number, Substitutions> = {
  2025: {
    daysOff: [
      { date: '2025-01-27', reason_vi: 'Nghỉ hoán đổi dịp Tết Ất Tỵ (làm bù thứ Bảy 15/02/2025)' },
      { date: '2025-05-02', reason_vi: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/04/2025)' },
    ],
    workingWeekends: [
      { date: '2025-02-15', reason_vi: 'Làm bù cho ngày 27/01/2025' },
      { date: '2025-04-26', reason_vi: 'Làm bù cho ngày 02/05/2025' },
    ],
  },
};

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const isWeekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;

export interface HolidayOptions {
  /** Quốc khánh has 2 days: 2/9 and the day before (default) or after. */
  nationalDaySecond?: 'before' | 'after';
}

export function vietnamHolidays(year: number, opts: HolidayOptions = {}): Holiday[] {
  const out: Holiday[] = [];
  const add = (date: string | null, vi: string, en: string) => date && out.push({ date, name_vi: vi, name_en: en });
  add(`${year}-01-01`, 'Tết Dương lịch', 'New Year');
  // Tết Nguyên đán: the last day of the lunar year and the first four of the new one (5 days).
  const tet = lunarToSolar({ year, month: 1, day: 1, leap: false })!;
  add(addDays(tet, -1), 'Tết Nguyên đán (ngày cuối năm âm lịch)', 'Lunar New Year (eve)');
  for (let i = 0; i < 4; i++)
    add(addDays(tet, i), `Tết Nguyên đán (mùng ${i + 1} Tết)`, `Lunar New Year (day ${i + 1})`);
  add(
    lunarToSolar({ year, month: 3, day: 10, leap: false }),
    'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    'Hung Kings Commemoration',
  );
  add(`${year}-04-30`, 'Ngày Chiến thắng (30/4)', 'Reunification Day');
  add(`${year}-05-01`, 'Ngày Quốc tế Lao động (1/5)', 'Labour Day');
  add(`${year}-09-02`, 'Quốc khánh (2/9)', 'National Day');
  add(
    opts.nationalDaySecond === 'after' ? `${year}-09-03` : `${year}-09-01`,
    'Quốc khánh (ngày liền kề)',
    'National Day (adjacent day)',
  );
  // A fixed holiday on a weekend gives the next working day off (Điều 111); Tết is arranged as a block.
  const taken = new Set(out.map((h) => h.date));
  for (const h of [...out]) {
    if (h.name_vi.startsWith('Tết Nguyên đán') || !isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    out.push({ date: d, name_vi: `Nghỉ bù ${h.name_vi}`, name_en: `Day off in lieu of ${h.name_en}` });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export interface DayExplanation {
  working: boolean;
  reason_vi: string;
}

/** A working-day calendar for any year, built lazily; substitutions are data. */
export class VietnamWorkingCalendar {
  private years = new Map<number, Map<string, string>>();
  private worked = new Map<string, string>();
  constructor(
    private readonly substitutions: Record<number, Substitutions> = KNOWN_SUBSTITUTIONS,
    private readonly opts: HolidayOptions = {},
  ) {
    for (const s of Object.values(substitutions))
      for (const w of s.workingWeekends) this.worked.set(w.date, w.reason_vi);
  }
  private yearMap(y: number): Map<string, string> {
    let m = this.years.get(y);
    if (!m) {
      m = new Map(vietnamHolidays(y, this.opts).map((h) => [h.date, h.name_vi]));
      for (const d of this.substitutions[y]?.daysOff ?? []) m.set(d.date, d.reason_vi);
      this.years.set(y, m);
    }
    return m;
  }
  explainDay(date: string): DayExplanation {
    const holiday = this.yearMap(Number(date.slice(0, 4))).get(date);
    if (holiday) return { working: false, reason_vi: holiday };
    const worked = this.worked.get(date);
    if (worked) return { working: true, reason_vi: worked };
    const wd = weekday(date);
    if (wd === 0) return { working: false, reason_vi: 'Chủ nhật' };
    if (wd === 6) return { working: false, reason_vi: 'Thứ Bảy' };
    return { working: true, reason_vi: 'Ngày làm việc' };
  }
  isWorkingDay = (date: string): boolean => this.explainDay(date).working;
  /** n working days after `date` (n < 0: before). */
  addWorkingDays(date: string, n: number): string {
    let d = date;
    let left = Math.abs(n);
    const step = n >= 0 ? 1 : -1;
    while (left > 0) {
      d = addDays(d, step);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }
}

export const VIETNAM_CALENDAR = new VietnamWorkingCalendar();

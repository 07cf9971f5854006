import { addDays, daysInMonth, formatDateVi } from '../time/date.js';
import { VIETNAM_CALENDAR } from '../time/holiday.calendar.js';
import { EngineError, meetingRegime } from '../regulation/engine.js';
import type { Answer } from '../regulation/engine.js';
import { citeVi } from '../regulation/reg.parse.js';
import type { Regulation } from '../regulation/reg.model.js';

/**
 * The calendar a body's meeting regime implies (R6), beside the meetings actually held: one period per regime
 * interval (a week, a month, a quarter…), how many regular meetings it needs, which were held, and whether the
 * period is short of the regime. A period is judged only once it has ended.
 */
export interface CalendarMeeting {
  id: string;
  date: string;
  kind: string;
  state: string;
  title?: string;
}

export type PeriodStatus = 'ok' | 'short' | 'excused' | 'pending' | 'at_risk';

export interface RegimePeriod {
  from: string;
  to: string;
  label_vi: string;
  expected: number;
  /** The regime's nominal dates in the period (the weekday of a weekly regime). */
  nominal: string[];
  held: CalendarMeeting[];
  scheduled: CalendarMeeting[];
  /** Meetings of the period that are not regular ones (extraordinary, thematic…): shown, not counted. */
  other: CalendarMeeting[];
  status: PeriodStatus;
  reason_vi: string;
}

export interface CalendarDeviation {
  code: 'THIEU_KY_HOP_THUONG_LE' | 'THIEU_SINH_HOAT_CHUYEN_DE';
  period: { from: string; to: string; label_vi: string };
  expected: number;
  held: number;
  message_vi: string;
  ruleIds: string[];
  eIds: string[];
}

/** What the calendar needs of a working-day calendar: whether a day is worked, and why not. */
export interface ExplainingCalendar {
  explainDay(date: string): { working: boolean; reason_vi: string };
}

export const HELD_STATES = ['in_session', 'closed', 'minutes_approved'] as const;
const SCHEDULED_STATES = ['planned', 'convened', 'documents_sent'];
const ROMAN = ['I', 'II', 'III', 'IV'];

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const WEEKDAYS: Record<string, number> = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 };
const monthEnd = (y: number, m: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
const monthStart = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

interface Slot {
  from: string;
  to: string;
  label_vi: string;
  expected: number;
  nominal: string[];
}

function slots(rule: ReturnType<typeof meetingRegime>['result']['rule'], from: string, to: string): Slot[] {
  const out: Slot[] = [];
  const every = rule.regular_every ?? {};
  if (every.weeks || every.days) {
    const len = every.weeks ? every.weeks * 7 : every.days!;
    // Weeks run Monday to Sunday; a period of days runs from `from`.
    let start = from;
    if (every.weeks) while (weekday(start) !== 1) start = addDays(start, -1);
    const wd = rule.weekday ? WEEKDAYS[String(rule.weekday).toUpperCase()] : undefined;
    for (; start <= to; start = addDays(start, len)) {
      const end = addDays(start, len - 1);
      if (start < from || end > to) continue;
      const nominal: string[] = [];
      if (wd !== undefined) for (let d = start; d <= end; d = addDays(d, 1)) if (weekday(d) === wd) nominal.push(d);
      out.push({
        from: start,
        to: end,
        label_vi: `Tuần ${formatDateVi(start).slice(0, 5)}–${formatDateVi(end)}`,
        expected: 1,
        nominal,
      });
    }
    return out;
  }
  if (every.months || rule.per_month) {
    const k = every.months ?? 1;
    const expected = rule.per_month && !every.months ? rule.per_month : 1;
    let y = Number(from.slice(0, 4));
    let m = Number(from.slice(5, 7));
    if (12 % k === 0) m -= (m - 1) % k;
    for (;;) {
      const start = monthStart(y, m);
      if (start > to) break;
      let ey = y;
      let em = m + k - 1;
      while (em > 12) {
        em -= 12;
        ey++;
      }
      const end = monthEnd(ey, em);
      if (start >= from && end <= to) {
        const label =
          k === 1
            ? `Tháng ${m}/${y}`
            : k === 3 && (m - 1) % 3 === 0
              ? `Quý ${ROMAN[(m - 1) / 3]}/${y}`
              : k === 6 && (m - 1) % 6 === 0
                ? `${m === 1 ? '6 tháng đầu' : '6 tháng cuối'} năm ${y}`
                : `${formatDateVi(start)}–${formatDateVi(end)}`;
        out.push({ from: start, to: end, label_vi: label, expected, nominal: [] });
      }
      m += k;
      while (m > 12) {
        m -= 12;
        y++;
      }
    }
    return out;
  }
  return out;
}

/**
 * The regime's calendar between two dates, judged as of a date: a period that has ended with fewer regular meetings
 * than the regime asks is a deviation, unless its only nominal day was a day off (Tết) and nothing was held.
 */
export function regimeCalendar(
  regulation: Regulation | ((date: string) => Regulation | undefined),
  body: string,
  range: { from: string; to: string },
  meetings: CalendarMeeting[],
  asOf: string,
  cal: ExplainingCalendar = VIETNAM_CALENDAR,
  /** Which regime: the regular meetings, or a cell's thematic ones ('thematic'), each counted under its own rule. */
  kind = 'regular',
): Answer<{ periods: RegimePeriod[]; deviations: CalendarDeviation[] }> {
  // Each period is judged under the version in force when it starts (an amendment may change the regime mid-year).
  const regAt = typeof regulation === 'function' ? regulation : () => regulation;
  const first = regAt(range.from) ?? regAt(range.to);
  if (!first)
    throw new EngineError(
      'NO_RULE',
      `Không có quy chế có hiệu lực từ ${formatDateVi(range.from)} đến ${formatDateVi(range.to)}`,
    );
  const regime = meetingRegime(first, body, regAt(range.from) ? range.from : range.to, kind);
  const reg = first;
  const rule = regime.result.rule;
  const bodyName = reg.frontMatter.bodies?.[body]?.name ?? body;
  const ruleAt = (d: string) => {
    const r = regAt(d);
    try {
      return r ? meetingRegime(r, body, d, kind).result.rule : rule;
    } catch (e) {
      if (e instanceof EngineError) return rule;
      throw e;
    }
  };
  const sorted = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  const deviations: CalendarDeviation[] = [];
  const periods = slots(rule, range.from, range.to).map((s): RegimePeriod => {
    const pr = ruleAt(s.from);
    const basis = citeVi(pr.basis);
    const inside = sorted.filter((m) => m.date >= s.from && m.date <= s.to && m.state !== 'cancelled');
    const regular = inside.filter((m) => m.kind === kind);
    const held = regular.filter((m) => (HELD_STATES as readonly string[]).includes(m.state));
    const scheduled = regular.filter((m) => SCHEDULED_STATES.includes(m.state) && m.date >= asOf);
    const other = inside.filter((m) => m.kind !== kind);
    const ended = s.to < asOf;
    const offDays = s.nominal.map((d) => ({ d, e: cal.explainDay(d) })).filter((x) => !x.e.working);
    let status: PeriodStatus;
    let reason: string;
    const what = kind === 'thematic' ? 'buổi sinh hoạt chuyên đề' : 'kỳ họp thường lệ';
    const counted = `${held.length}/${s.expected} ${what}`;
    if (held.length >= s.expected) {
      status = 'ok';
      reason = `${s.label_vi}: ${counted} (${basis})`;
    } else if (ended && held.length === 0 && s.nominal.length > 0 && offDays.length === s.nominal.length) {
      status = 'excused';
      reason =
        `${s.label_vi}: ngày họp thường lệ ` +
        `${offDays.map((x) => `${formatDateVi(x.d)} (${x.e.reason_vi})`).join(', ')} là ngày nghỉ (${basis})`;
    } else if (ended) {
      status = 'short';
      reason =
        held.length === 0
          ? `${s.label_vi}: ${bodyName} không ${kind === 'thematic' ? 'sinh hoạt chuyên đề' : 'họp thường lệ'}, ` +
            `quy chế quy định ${s.expected} kỳ (${basis})`
          : `${s.label_vi}: ${bodyName} họp ${counted} (${basis})`;
      deviations.push({
        code: kind === 'thematic' ? 'THIEU_SINH_HOAT_CHUYEN_DE' : 'THIEU_KY_HOP_THUONG_LE',
        period: { from: s.from, to: s.to, label_vi: s.label_vi },
        expected: s.expected,
        held: held.length,
        message_vi: reason,
        ruleIds: [pr.id],
        eIds: [pr.basis],
      });
    } else if (held.length + scheduled.length >= s.expected) {
      status = 'pending';
      reason = `${s.label_vi}: đã họp ${held.length}, đã lên lịch ${scheduled.length}/${s.expected} kỳ (${basis})`;
    } else {
      status = 'at_risk';
      reason =
        `${s.label_vi}: đã họp ${held.length}, đã lên lịch ${scheduled.length}, ` +
        `còn thiếu ${s.expected - held.length - scheduled.length} kỳ theo quy chế (${basis})`;
    }
    return { ...s, held, scheduled, other, status, reason_vi: reason };
  });
  const short = periods.filter((p) => p.status === 'short').length;
  return {
    result: { periods, deviations },
    ruleIds: [rule.id],
    eIds: [rule.basis],
    reason_vi:
      `${bodyName}: ${periods.length} kỳ theo chế độ họp từ ${formatDateVi(range.from)} đến ` +
      `${formatDateVi(range.to)}, ${short} kỳ thiếu (${citeVi(rule.basis)})`,
  };
}

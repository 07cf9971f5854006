import { EngineError } from '../regulation/engine.js';
import type { Regulation } from '../regulation/reg.model.js';
import { HELD_STATES, regimeCalendar } from '../meeting/meeting.calendar.js';
import type { CalendarMeeting, PeriodStatus } from '../meeting/meeting.calendar.js';
import { daysInMonth } from '../time/date.js';

/** The cell's assembly in a cell regulation: the body whose regime the calendar checks. */
export const CELL_ASSEMBLY = 'CHI_BO';

/** A cell's standing for one regime in a period: the calendar's status and its sentence with the clause. */
export interface CellRegimeStanding {
  status: PeriodStatus | 'no_rule';
  held: number;
  expected: number;
  reason_vi: string;
  eIds: string[];
}

export interface CellCompliance {
  regularHeld: boolean;
  thematicInQuarter: boolean;
  regular: CellRegimeStanding;
  thematic: CellRegimeStanding;
  /** The clauses judged by (the monthly regime's, then the thematic one's). */
  eIds: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The month and the quarter holding it, as date ranges. */
export function monthAndQuarter(year: number, month: number) {
  const q = Math.floor((month - 1) / 3);
  return {
    month: { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}` },
    quarter: {
      from: `${year}-${pad(q * 3 + 1)}-01`,
      to: `${year}-${pad(q * 3 + 3)}-${pad(daysInMonth(year, q * 3 + 3))}`,
    },
    quarterLabel: `Quý ${['I', 'II', 'III', 'IV'][q]}/${year}`,
  };
}

function standing(
  reg: (d: string) => Regulation | undefined,
  range: { from: string; to: string },
  meetings: CalendarMeeting[],
  asOf: string,
  kind: 'regular' | 'thematic',
  label: string,
  /** The day whose period is judged (the regime may be finer than the range: a monthly thematic one). */
  focus: string,
): CellRegimeStanding {
  const held = meetings.filter(
    (m) =>
      m.kind === kind &&
      m.date >= range.from &&
      m.date <= range.to &&
      (HELD_STATES as readonly string[]).includes(m.state),
  );
  try {
    const a = regimeCalendar(reg, CELL_ASSEMBLY, range, meetings, asOf, undefined, kind);
    const p = a.result.periods.find((x) => x.from <= focus && x.to >= focus);
    if (p)
      return {
        status: p.status,
        held: p.held.length,
        expected: p.expected,
        reason_vi: p.reason_vi,
        eIds: a.eIds,
      };
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
  }
  // No rule in force for the period (no regulation, or one without this regime): reported, not judged.
  const what = kind === 'thematic' ? 'chế độ sinh hoạt chuyên đề' : 'chế độ sinh hoạt thường lệ';
  return {
    status: 'no_rule',
    held: held.length,
    expected: 0,
    reason_vi: `${label}: chi bộ chưa có quy chế làm việc quy định ${what} có hiệu lực`,
    eIds: [],
  };
}

/**
 * A cell's meetings in a month under its regulation (Điều lệ Đảng khoản 2 Điều 24; Chỉ thị 50-CT/TW, as the cell's
 * regulation encodes them): whether the month's regular meeting was held, and whether the quarter holding the month
 * had its thematic meeting — each judged by the regime's calendar, with the clause.
 */
export function cellMeetingCompliance(
  regulation: Regulation | ((date: string) => Regulation | undefined) | undefined,
  meetings: CalendarMeeting[],
  year: number,
  month: number,
  asOf: string,
): CellCompliance {
  const reg = typeof regulation === 'function' ? regulation : () => regulation;
  const r = monthAndQuarter(year, month);
  const regular = standing(reg, r.month, meetings, asOf, 'regular', `Tháng ${month}/${year}`, r.month.from);
  const thematic = standing(reg, r.quarter, meetings, asOf, 'thematic', r.quarterLabel, r.month.from);
  const held = (s: CellRegimeStanding) => (s.status === 'no_rule' ? s.held > 0 : s.held >= s.expected);
  return {
    regularHeld: held(regular),
    thematicInQuarter: held(thematic),
    regular,
    thematic,
    eIds: [...new Set([...regular.eIds, ...thematic.eIds])],
  };
}

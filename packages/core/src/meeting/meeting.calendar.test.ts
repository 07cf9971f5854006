import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regimeCalendar } from './meeting.calendar.js';
import type { CalendarMeeting } from './meeting.calendar.js';
import { parseRegulation } from '../regulation/reg.parse.js';

const parsed = parseRegulation(
  readFileSync(new URL('../../../../regulations/an-lac/01-QC-TU.qc.md', import.meta.url), 'utf8'),
);
if (!parsed.ok) throw new Error(parsed.error.message);
const reg = parsed.regulation;
const year = { from: '2026-01-01', to: '2026-12-31' };

// The fixture's 2026 calendar (shared/fixtures/an-lac.md §4).
const BTV = [
  '01-06',
  '01-20',
  '02-03',
  '02-24',
  '03-10',
  '03-24',
  '04-07',
  '04-21',
  '05-05',
  '05-19',
  '06-09',
  '06-23',
  '07-07',
  '07-21',
  '08-04',
  '08-18',
  '09-08',
  '09-22',
  '10-06',
  '10-20',
  '11-03',
  '11-17',
  '12-01',
  '12-15',
];
const TT = {
  1: [5, 12, 19, 26],
  2: [2, 9, 23],
  3: [2, 9, 16, 23, 30],
  4: [6, 13, 20, 27],
  5: [4, 11, 18, 25],
  6: [1, 8, 15, 22, 29],
  7: [6, 13, 20, 27],
  8: [3, 10, 17, 24, 31],
  9: [7, 14, 21, 28],
  10: [5, 12, 19, 26],
  11: [2, 9, 16, 23, 30],
  12: [7, 14, 21, 28],
};
const held = (dates: string[], asOf = '2026-12-31', kind = 'regular'): CalendarMeeting[] =>
  dates.map((d, i) => ({ id: `m${i}`, date: d, kind, state: d < asOf ? 'closed' : 'planned' }));
const ttDates = Object.entries(TT).flatMap(([m, days]) =>
  days.map((d) => `2026-${m.padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

describe('the calendar the regime implies (R6)', () => {
  it('finds the 24 BTV sessions of the fixture complete: 12 months of 2 sessions each', () => {
    const a = regimeCalendar(reg, 'BTV', year, held(BTV.map((d) => `2026-${d}`)), '2027-01-01');
    expect(a.result.periods).toHaveLength(12);
    expect(a.result.periods.every((p) => p.expected === 2 && p.held.length === 2 && p.status === 'ok')).toBe(true);
    expect(a.result.deviations).toEqual([]);
    expect(a.eIds).toEqual(['chp_3__art_13__para_1']);
  });

  it('reports a month with one BTV session of the two the regulation asks, citing the clause', () => {
    const a = regimeCalendar(
      reg,
      'BTV',
      year,
      held(BTV.filter((d) => d !== '09-22').map((d) => `2026-${d}`)),
      '2027-01-01',
    );
    expect(a.result.deviations).toHaveLength(1);
    expect(a.result.deviations[0]).toMatchObject({
      code: 'THIEU_KY_HOP_THUONG_LE',
      expected: 2,
      held: 1,
      period: { from: '2026-09-01', to: '2026-09-30', label_vi: 'Tháng 9/2026' },
    });
    expect(a.result.deviations[0]!.message_vi).toContain('1/2 kỳ họp thường lệ');
    expect(a.result.deviations[0]!.message_vi).toContain('khoản 1 Điều 13');
  });

  it('excuses the week of Tết for the Monday TT meeting and reports a week with no meeting', () => {
    const ok = regimeCalendar(reg, 'TT', year, held(ttDates), '2027-01-01');
    const tet = ok.result.periods.find((p) => p.from === '2026-02-16')!;
    expect(tet.status).toBe('excused');
    expect(tet.reason_vi).toContain('16/02/2026');
    expect(ok.result.deviations).toEqual([]);
    const short = regimeCalendar(reg, 'TT', year, held(ttDates.filter((d) => d !== '2026-06-15')), '2027-01-01');
    expect(short.result.deviations.map((d) => d.period.from)).toEqual(['2026-06-15']);
    expect(short.result.deviations[0]!.message_vi).toContain('không họp thường lệ');
  });

  it('counts regular BCH conferences per quarter, except the extraordinary one; judges only ended quarters', () => {
    const dates = ['2026-01-16', '2026-04-10', '2026-07-10', '2026-12-18'];
    const meetings = [
      ...held(dates, '2026-12-01'),
      { id: 'x', date: '2026-08-20', kind: 'extraordinary', state: 'closed' },
    ];
    const a = regimeCalendar(reg, 'BCH', year, meetings, '2026-12-01');
    expect(a.result.periods.map((p) => [p.label_vi, p.status])).toEqual([
      ['Quý I/2026', 'ok'],
      ['Quý II/2026', 'ok'],
      ['Quý III/2026', 'ok'],
      ['Quý IV/2026', 'pending'],
    ]);
    expect(a.result.periods[2]!.other.map((m) => m.id)).toEqual(['x']);
    // Without the December conference planned the quarter is at risk; after it has ended, short.
    expect(
      regimeCalendar(reg, 'BCH', year, held(dates.slice(0, 3), '2026-12-01'), '2026-12-01').result.periods[3]!.status,
    ).toBe('at_risk');
    const after = regimeCalendar(reg, 'BCH', year, held(dates.slice(0, 3)), '2027-01-05');
    expect(after.result.deviations.map((d) => d.period.label_vi)).toEqual(['Quý IV/2026']);
    expect(after.result.deviations[0]!.message_vi).toContain('khoản 1 Điều 12');
  });

  it('does not count cancelled meetings', () => {
    const m = held(BTV.map((d) => `2026-${d}`));
    m[0]!.state = 'cancelled';
    expect(regimeCalendar(reg, 'BTV', year, m, '2027-01-01').result.deviations.map((d) => d.period.label_vi)).toEqual([
      'Tháng 1/2026',
    ]);
  });
});

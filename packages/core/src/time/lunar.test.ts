import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from './date.js';
import { lunarToSolar, solarToLunar } from './lunar.js';
import { VIETNAM_CALENDAR, vietnamHolidays } from './holiday.calendar.js';

describe('lunar calendar (UTC+7)', () => {
  it('finds Tết Nguyên đán and Giỗ Tổ Hùng Vương', () => {
    const tet = (y: number) => lunarToSolar({ year: y, month: 1, day: 1, leap: false });
    expect([2024, 2025, 2026, 2027, 2028].map(tet)).toEqual([
      '2024-02-10',
      '2025-01-29',
      '2026-02-17',
      '2027-02-06',
      '2028-01-26',
    ]);
    // The new moon of February 2030 falls at 23:07 in UTC+7 (00:07 in China): Tết is a day earlier in Vietnam.
    expect(tet(2030)).toBe('2030-02-02');
    const gioTo = (y: number) => lunarToSolar({ year: y, month: 3, day: 10, leap: false });
    expect([2024, 2025, 2026, 2027].map(gioTo)).toEqual(['2024-04-18', '2025-04-07', '2026-04-26', '2027-04-16']);
  });
  it('differs from China in 1985 because of the time zone', () => {
    expect(lunarToSolar({ year: 1985, month: 1, day: 1, leap: false })).toBe('1985-01-21');
  });
  it('knows leap months', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
    expect(lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toBeNull();
  });
  it('round-trips and advances one lunar day per solar day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 109_000 }), (n) => {
        const d = addDays('1901-01-01', n);
        const l = solarToLunar(d);
        expect(l.day).toBeGreaterThanOrEqual(1);
        expect(l.day).toBeLessThanOrEqual(30);
        expect(lunarToSolar(l)).toBe(d);
        const next = solarToLunar(addDays(d, 1));
        expect(next.day === l.day + 1 || next.day === 1).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('Vietnamese holidays and working days', () => {
  it('gives Tết 2026 five days from 29 Tết, and Quốc khánh with the day before', () => {
    const h = vietnamHolidays(2026).map((x) => x.date);
    expect(h).toEqual(
      expect.arrayContaining([
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-04-26',
        '2026-04-30',
        '2026-05-01',
        '2026-09-01',
        '2026-09-02',
      ]),
    );
    // Giỗ Tổ 2026 is a Sunday: the Monday is off.
    expect(VIETNAM_CALENDAR.explainDay('2026-04-27')).toEqual({
      working: false,
      reason_vi: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    });
  });
  it('counts working days across Tết 2026 and 2027, 30/4–1/5 and 2/9', () => {
    // A meeting on Tuesday 24/2/2026 with 3 working days' notice: Tết (16–20/2) and the weekends are skipped.
    expect(VIETNAM_CALENDAR.addWorkingDays('2026-02-24', -3)).toBe('2026-02-12');
    expect(VIETNAM_CALENDAR.addWorkingDays('2027-02-10', -3)).toBe('2027-02-02');
    expect(VIETNAM_CALENDAR.addWorkingDays('2026-05-04', -2)).toBe('2026-04-28');
    expect(VIETNAM_CALENDAR.addWorkingDays('2026-09-03', -1)).toBe('2026-08-31');
    expect(VIETNAM_CALENDAR.explainDay('2026-02-18').reason_vi).toBe('Tết Nguyên đán (mùng 2 Tết)');
  });
  it('applies substituted days as data (2025)', () => {
    expect(VIETNAM_CALENDAR.isWorkingDay('2025-05-02')).toBe(false);
    expect(VIETNAM_CALENDAR.isWorkingDay('2025-04-26')).toBe(true);
  });
  it('round-trips working-day arithmetic from a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 40 }), (off, n) => {
        let d = addDays('2024-01-01', off);
        while (!VIETNAM_CALENDAR.isWorkingDay(d)) d = addDays(d, 1);
        const f = VIETNAM_CALENDAR.addWorkingDays(d, n);
        expect(VIETNAM_CALENDAR.isWorkingDay(f)).toBe(true);
        expect(VIETNAM_CALENDAR.addWorkingDays(f, -n)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });
});

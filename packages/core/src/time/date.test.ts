import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  formatDateVi,
  intersect,
  isActiveOn,
  isIsoDate,
  monthEndOrToday,
  parseDateVi,
  todayInVietnam,
  uncovered,
} from './date.js';

describe('dates', () => {
  it('gives a month’s last day, or today while it runs', () => {
    expect(monthEndOrToday(2026, 2, '2026-12-02')).toBe('2026-02-28');
    expect(monthEndOrToday(2028, 2, '2029-01-01')).toBe('2028-02-29');
    expect(monthEndOrToday(2026, 12, '2026-12-02')).toBe('2026-12-02');
  });

  it('accepts real dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
  it('writes and reads dates as people do', () => {
    expect(formatDateVi('2026-11-22')).toBe('22/11/2026');
    expect(parseDateVi('1/7/2025')).toBe('2025-07-01');
    expect(parseDateVi('30/2/2025')).toBeNull();
  });
  it('takes the Vietnamese calendar day, not the UTC one', () => {
    expect(todayInVietnam(new Date('2026-11-21T18:30:00Z'))).toBe('2026-11-22');
  });
  it('treats intervals as inclusive', () => {
    expect(isActiveOn({ from: '2025-07-01', until: '2025-07-01' }, '2025-07-01')).toBe(true);
    expect(isActiveOn({ from: '2025-07-01', until: null }, '2025-06-30')).toBe(false);
    expect(intersect({ from: '2025-01-01', until: '2025-06-30' }, { from: '2025-07-01', until: null })).toBeNull();
  });
  it('finds the uncovered parts of an interval', () => {
    expect(
      uncovered({ from: '2026-01-01', until: '2026-12-31' }, [{ from: '2026-03-01', until: '2026-05-31' }]),
    ).toEqual([
      { from: '2026-01-01', until: '2026-02-28' },
      { from: '2026-06-01', until: '2026-12-31' },
    ]);
    expect(uncovered({ from: '2026-01-01', until: null }, [{ from: '2025-01-01', until: null }])).toEqual([]);
  });
  it('round-trips addDays', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 20000 }), (n) => {
        expect(addDays(addDays('2026-01-01', n), -n)).toBe('2026-01-01');
      }),
    );
  });
});

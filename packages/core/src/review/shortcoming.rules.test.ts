import { describe, expect, it } from 'vitest';
import { standingIn, standingLabel } from './shortcoming.rules.js';

const h1 = { from: '2026-01-01', to: '2026-06-30' };
const year = { from: '2026-01-01', to: '2026-12-31' };
const h2 = { from: '2026-07-01', to: '2026-12-31' };
const y2027 = { from: '2027-01-01', to: '2027-12-31' };

describe('shortcomings across periods', () => {
  const notFixed = { id: 'a', identifiedOn: '2026-07-10', fixedOn: null, dueDate: '2026-10-31' };
  const fixedInNovember = { id: 'b', identifiedOn: '2026-07-10', fixedOn: '2026-11-20', dueDate: '2026-12-31' };

  it('carries one named at the first-half review into the second half until it is fixed', () => {
    expect(standingIn(notFixed, h1)).toBeNull();
    expect(standingIn(notFixed, h2)).toEqual({
      carriedOver: false,
      fixedWithin: false,
      openAtEnd: true,
      overdueAtEnd: true,
    });
    expect(standingIn(notFixed, y2027)).toMatchObject({ carriedOver: true, openAtEnd: true });
    expect(standingLabel(notFixed, y2027)).toBe('chuyển từ kỳ trước, chưa khắc phục, quá hạn từ 31/10/2026');
  });

  it('lists one fixed within the period as fixed, and leaves it out of the next', () => {
    expect(standingIn(fixedInNovember, year)).toMatchObject({ fixedWithin: true, openAtEnd: false });
    expect(standingLabel(fixedInNovember, year)).toBe('đã khắc phục ngày 20/11/2026');
    expect(standingIn(fixedInNovember, y2027)).toBeNull();
  });

  it('carries the six-month review’s shortcomings into the annual review of the same year', () => {
    expect(standingIn({ ...notFixed, fromReview: true }, year)).toMatchObject({ carriedOver: true, openAtEnd: true });
    expect(standingIn({ ...notFixed, fromReview: false }, year)).toMatchObject({ carriedOver: false });
  });

  it('counts one named before the period and fixed in it as carried over and fixed', () => {
    expect(
      standingIn({ id: 'c', identifiedOn: '2025-12-20', fixedOn: '2026-03-01', dueDate: '2026-03-31' }, h1),
    ).toEqual({ carriedOver: true, fixedWithin: true, openAtEnd: false, overdueAtEnd: false });
  });
});

import { describe, expect, it } from 'vitest';
import { binomialTail, onTimeRate, rankSubordinates } from './review.rank.js';
import type { SubordinateFigures } from './review.rank.js';

const row = (
  name: string,
  onTime: number,
  late: number,
  overdue: number,
  held = 12,
  required: number | null = 12,
): SubordinateFigures => ({ orgId: name, name, onTime, late, overdue, held, required });

describe('ranking subordinates', () => {
  it('ranks by the share done on time and flags the two clearly behind the others, with their figures', () => {
    const rows = [
      row('Xã A', 9, 1, 0),
      row('Xã B', 8, 1, 1),
      row('Xã C', 10, 0, 0),
      row('Xã D', 2, 3, 3),
      row('Xã Đ', 9, 0, 1),
      row('Xã E', 1, 2, 5, 9, 12),
      row('Xã G', 8, 2, 0),
      row('Xã H', 7, 2, 0),
      row('Xã I', 6, 1, 1),
      row('Xã K', 5, 0, 0),
      row('Xã L', 7, 3, 0),
      row('Xã M', 3, 1, 0),
    ];
    const r = new Map(rankSubordinates(rows).map((x) => [x.orgId, x]));
    expect(r.get('Xã C')!.rank).toBe(1);
    expect(r.get('Xã E')!.rank).toBe(12);
    expect(r.get('Xã D')!.rank).toBe(11);
    expect(r.get('Xã D')!.flag_vi).toBe(
      'Đúng hạn 25% nhiệm vụ (2/8), thấp hơn nhiều so với mức chung 79%; 3 nhiệm vụ quá hạn',
    );
    expect(r.get('Xã E')!.flag_vi).toBe(
      'Đúng hạn 13% nhiệm vụ (1/8), thấp hơn nhiều so với mức chung 79%; 5 nhiệm vụ quá hạn; ' +
        'họp thường lệ 9/12 kỳ theo quy chế',
    );
    // 70% and 75% are below the others but within their spread: not flagged.
    expect([...r.values()].filter((x) => x.flag_vi).map((x) => x.orgId)).toEqual(['Xã D', 'Xã E']);
  });

  it('takes binomial tails right', () => {
    expect(binomialTail(4, 2, 0.12)).toBeCloseTo(0.0732, 3);
    expect(binomialTail(5, 5, 0.12)).toBeCloseTo(0.12 ** 5, 8);
    expect(binomialTail(5, 0, 0.5)).toBe(1);
  });

  it('does not flag a small unit with a few late tasks that chance explains', () => {
    const rows = [
      row('Xã A', 9, 1, 0),
      row('Xã B', 8, 1, 1),
      row('Xã C', 10, 0, 0),
      row('Xã D', 1, 1, 1),
      row('Xã Đ', 9, 0, 1),
      row('Xã G', 8, 2, 0),
    ];
    expect(rankSubordinates(rows).find((x) => x.orgId === 'Xã D')).toMatchObject({ rank: 6, flag_vi: null });
  });

  it('has no rate without tasks due, ranks such a row last, and flags nothing among too few to compare', () => {
    expect(onTimeRate({ onTime: 0, late: 0, overdue: 0 })).toBeNull();
    const r = rankSubordinates([row('Xã A', 1, 0, 0), row('Xã B', 0, 0, 0), row('Xã C', 0, 0, 3)]);
    expect(r.map((x) => [x.orgId, x.rank, x.flag_vi])).toEqual([
      ['Xã A', 1, null],
      ['Xã B', 3, null],
      ['Xã C', 2, null],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { onTimeRate, rankSubordinates } from './review.rank.js';
import type { SubordinateFigures } from './review.rank.js';

const row = (name: string, onTime: number, late: number, overdue: number, held = 12, required: number | null = 12): SubordinateFigures => ({ orgId: name, name, onTime, late, overdue, held, required });

describe('ranking subordinates', () => {
  it('ranks by the share done on time and flags the two clearly behind, with their figures', () => {
    const rows = [row('Xã A', 9, 1, 0), row('Xã B', 8, 1, 1), row('Xã C', 10, 0, 0), row('Xã D', 4, 2, 4), row('Xã Đ', 9, 0, 1), row('Xã E', 3, 1, 6, 9, 12), row('Xã G', 8, 2, 0)];
    const r = new Map(rankSubordinates(rows).map((x) => [x.orgId, x]));
    expect(r.get('Xã C')!.rank).toBe(1);
    expect(r.get('Xã E')!.rank).toBe(7);
    expect(r.get('Xã D')!.rank).toBe(6);
    expect(r.get('Xã D')!.flag_vi).toBe('Đúng hạn 40% nhiệm vụ, thấp hơn nhiều so với mức chung 80%; 4 nhiệm vụ quá hạn');
    expect(r.get('Xã E')!.flag_vi).toBe('Đúng hạn 30% nhiệm vụ, thấp hơn nhiều so với mức chung 80%; 6 nhiệm vụ quá hạn; họp thường lệ 9/12 kỳ theo quy chế');
    expect([...r.values()].filter((x) => x.flag_vi).map((x) => x.orgId)).toEqual(['Xã D', 'Xã E']);
  });

  it('has no rate without tasks due, ranks such a row last, and flags nothing among too few to compare', () => {
    expect(onTimeRate({ onTime: 0, late: 0, overdue: 0 })).toBeNull();
    const r = rankSubordinates([row('Xã A', 1, 0, 0), row('Xã B', 0, 0, 0), row('Xã C', 0, 0, 3)]);
    expect(r.map((x) => [x.orgId, x.rank, x.flag_vi])).toEqual([['Xã A', 1, null], ['Xã B', 3, null], ['Xã C', 2, null]]);
  });
});

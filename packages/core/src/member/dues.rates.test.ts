import { describe, expect, it } from 'vitest';
import { monthlyDues } from './dues.rates.js';

describe('party dues under Quy định 01-QĐ/TW (03/02/2026)', () => {
  it('takes 1% of the salary on which social insurance was paid, citing Điều 3 khoản 1', () => {
    const d = monthlyDues({ category: 'salary', base: 8_000_000, region: null }, '2026-06');
    expect(d.amount).toBe(80_000);
    expect(d.reason_vi).toBe(
      '1% của 8.000.000 đ (Điều 3 khoản 1 Quy định 01-QĐ/TW ngày 03/02/2026 của Bộ Chính trị về chế độ đảng phí)',
    );
  });

  it('takes 0,5% of a pension and 5.000 đ from a student', () => {
    expect(monthlyDues({ category: 'pension', base: 7_000_001, region: null }, '2026-03').amount).toBe(35_000);
    expect(monthlyDues({ category: 'student', base: null, region: null }, '2026-03').amount).toBe(5_000);
  });

  it('takes a share of the regional minimum wage from the others, higher from 2028', () => {
    const now = monthlyDues({ category: 'other', base: null, region: 'I' }, '2027-12');
    expect(now.amount).toBe(15_930);
    expect(now.reason_vi).toContain('0,3% lương tối thiểu vùng I (5.310.000 đ, Nghị định 293/2025/NĐ-CP)');
    expect(monthlyDues({ category: 'other', base: null, region: 'I' }, '2028-01').amount).toBe(26_550);
    expect(monthlyDues({ category: 'other_senior', base: null, region: 'IV' }, '2026-05').amount).toBe(7_400);
  });

  it('says why when it cannot work the amount out', () => {
    expect(monthlyDues({ category: 'salary', base: 6_000_000, region: null }, '2026-01')).toMatchObject({
      amount: null,
      reason_vi: expect.stringContaining('Quyết định 342-QĐ/TW'),
    });
    expect(monthlyDues({ category: null, base: 1, region: 'I' }, '2026-05').reason_vi).toBe(
      'Chưa khai đối tượng đóng đảng phí của đảng viên',
    );
    expect(monthlyDues({ category: 'salary', base: null, region: null }, '2026-05').amount).toBeNull();
    expect(monthlyDues({ category: 'other', base: null, region: null }, '2026-05').reason_vi).toContain('vùng');
  });
});

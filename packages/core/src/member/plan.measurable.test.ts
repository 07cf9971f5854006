import { describe, expect, it } from 'vitest';
import { checkPlanItem } from './plan.measurable.js';

describe('whether a plan item can be measured at the year’s end', () => {
  it('takes an item with a product, a date and a figure or a countable thing', () => {
    expect(
      checkPlanItem({ text: 'Số hóa 100% hồ sơ lưu trữ năm 2025', product: 'Kho hồ sơ số', dueDate: '2026-09-30' }),
    ).toMatchObject({ ok: true, reason_vi: 'Đo được: sản phẩm "Kho hồ sơ số", hạn 30/09/2026' });
    expect(
      checkPlanItem({ text: 'Hoàn thành chứng chỉ tin học', product: 'Chứng chỉ', dueDate: '2026-08-31' }).ok,
    ).toBe(true);
  });

  it('names what a vague item lacks', () => {
    const v = checkPlanItem({ text: 'Thường xuyên nâng cao tinh thần trách nhiệm', product: null, dueDate: null });
    expect(v.ok).toBe(false);
    expect(v.missing).toEqual(['sản phẩm', 'thời hạn', 'con số hoặc sản phẩm đếm được']);
    expect(v.reason_vi).toContain('lời chung như "thường xuyên", "tích cực" không đo được');
    const noFigure = checkPlanItem({ text: 'Tích cực học tập', product: 'Tiến bộ', dueDate: '2026-12-31' });
    expect(noFigure.missing).toEqual(['con số hoặc sản phẩm đếm được']);
  });
});

import { describe, expect, it } from 'vitest';
import { keyTasksOf, nextPeriodOf } from './review.next.js';

describe('nextPeriodOf', () => {
  it('follows a quarter, a half, nine months and a year with the period their key tasks are for', () => {
    expect(nextPeriodOf({ kind: 'quarter', to: '2026-09-30' })).toMatchObject({
      span: 'quarter',
      period: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
      label_vi: 'Quý IV/2026',
    });
    expect(nextPeriodOf({ kind: 'quarter', to: '2026-12-31' })).toMatchObject({ span: 'year', year: 2027 });
    expect(nextPeriodOf({ kind: 'quarter', to: '2026-12-31' }, 'quarter')).toMatchObject({ period: '2027-Q1' });
    expect(nextPeriodOf({ kind: 'half', to: '2026-06-30' })).toMatchObject({
      span: 'half',
      period: '2026-H2',
      from: '2026-07-01',
      to: '2026-12-31',
      label_vi: '6 tháng cuối năm 2026',
    });
    expect(nextPeriodOf({ kind: 'half', to: '2026-12-31' })).toMatchObject({ span: 'half', period: '2027-H1' });
    expect(nextPeriodOf({ kind: 'half', to: '2026-06-30' }, 'quarter')).toMatchObject({ period: '2026-Q3' });
    expect(nextPeriodOf({ kind: 'nine_months', to: '2026-09-30' })).toMatchObject({
      span: 'quarter',
      period: '2026-Q4',
    });
    expect(nextPeriodOf({ kind: 'year', to: '2026-12-31' })).toMatchObject({
      span: 'year',
      year: 2027,
      period: null,
      from: '2027-01-01',
      to: '2027-12-31',
    });
    expect(nextPeriodOf({ kind: 'mid_term', to: '2028-05-14' })).toMatchObject({ span: 'quarter', period: '2028-Q2' });
  });
});

describe('keyTasksOf', () => {
  it('splits section III into tasks by bullet, number and semicolon, leaving out the office notes', () => {
    expect(
      keyTasksOf([
        'Tập trung hoàn thành dứt điểm 5 nhiệm vụ quá hạn; thực hiện nghiêm chế độ họp, thời hạn gửi tài liệu; ' +
          'khắc phục các hạn chế nêu tại Mục II.',
        '- Tổng kết Nghị quyết số 12.',
        '2) Sơ kết giữa nhiệm kỳ.',
        '(Văn phòng ghi thêm nhiệm vụ.)',
        '- tổng kết nghị quyết số 12',
        '',
      ]),
    ).toEqual([
      'Tập trung hoàn thành dứt điểm 5 nhiệm vụ quá hạn',
      'Thực hiện nghiêm chế độ họp, thời hạn gửi tài liệu',
      'Khắc phục các hạn chế nêu tại Mục II',
      'Tổng kết Nghị quyết số 12',
      'Sơ kết giữa nhiệm kỳ',
    ]);
  });
});

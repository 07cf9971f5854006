import { describe, expect, it } from 'vitest';
import { ProblemError } from '../problem/problem.js';
import {
  customPeriod,
  inSentence,
  parseReviewPeriod,
  periodsOfYear,
  previousPeriod,
  termMidpoint,
} from './review.period.js';

const today = '2026-12-06';
const term = { name: 'XVIII', from: '2025-07-01', to: '2030-10-11' };

function refusal(f: () => unknown) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return (e as ProblemError).problem;
  }
  throw new Error('not refused');
}

describe('review periods', () => {
  it('reads quarters, halves, nine months and years with the labels people write', () => {
    expect(parseReviewPeriod('2026-Q2', { today })).toMatchObject({
      kind: 'quarter',
      from: '2026-04-01',
      to: '2026-06-30',
      label_vi: 'Quý II năm 2026',
    });
    expect(parseReviewPeriod('2026-H1', { today })).toMatchObject({
      kind: 'half',
      from: '2026-01-01',
      to: '2026-06-30',
      label_vi: '6 tháng đầu năm 2026',
    });
    expect(parseReviewPeriod('2026-h2', { today })).toMatchObject({
      kind: 'half',
      code: '2026-H2',
      from: '2026-07-01',
      to: '2026-12-31',
    });
    expect(parseReviewPeriod('2026-M9', { today })).toMatchObject({
      kind: 'nine_months',
      from: '2026-01-01',
      to: '2026-09-30',
    });
    expect(parseReviewPeriod('2024', { today })).toMatchObject({
      kind: 'year',
      from: '2024-01-01',
      to: '2024-12-31',
      label_vi: 'Năm 2024',
    });
    expect(parseReviewPeriod('2024-Q1', { today }).to).toBe('2024-03-31');
  });

  it('refuses a quarter 5, a third half, a period not yet begun and a code it cannot read, naming the field', () => {
    expect(refusal(() => parseReviewPeriod('2026-Q5', { today }))).toMatchObject({
      field: 'query.period',
      code: 'KY_SO_KET_KHONG_HOP_LE',
      detail: 'Quý 5 không có: một năm có 4 quý (từ quý 1 đến quý 4)',
    });
    expect(refusal(() => parseReviewPeriod('2026-Q0', { today })).detail).toMatch(/^Quý 0 không có/);
    expect(refusal(() => parseReviewPeriod('2026-H3', { today })).detail).toMatch(/^Nửa năm thứ 3 không có/);
    expect(refusal(() => parseReviewPeriod('2027-Q1', { today }))).toMatchObject({
      code: 'KY_CHUA_BAT_DAU',
      detail: 'Quý I năm 2027 chưa bắt đầu (từ 01/01/2027): chỉ sơ kết, tổng kết kỳ đã qua hoặc đang diễn ra',
    });
    expect(refusal(() => parseReviewPeriod('quy 1', { today })).detail).toMatch(/^Không hiểu kỳ "quy 1"/);
  });

  it('takes the current period as it stands', () => {
    expect(parseReviewPeriod('2026-Q4', { today }).to).toBe('2026-12-31');
  });

  it('refuses a mid-term review before the midpoint of the term, and names the term and the date', () => {
    expect(termMidpoint(term)).toBe('2028-02-20');
    expect(refusal(() => parseReviewPeriod('nhiem-ky-giua', { today, term }))).toMatchObject({
      code: 'CHUA_TOI_GIUA_NHIEM_KY',
      detail:
        'Nhiệm kỳ khóa XVIII (01/07/2025 – 11/10/2030) chưa tới giữa nhiệm kỳ (20/02/2028): ' +
        'chưa thể sơ kết giữa nhiệm kỳ',
    });
    expect(parseReviewPeriod('nhiem-ky-giua', { today: '2028-03-01', term })).toMatchObject({
      kind: 'mid_term',
      from: '2025-07-01',
      to: '2028-02-20',
      label_vi: 'Giữa nhiệm kỳ khóa XVIII',
    });
    expect(parseReviewPeriod('nhiem-ky', { today, term })).toMatchObject({
      kind: 'full_term',
      from: '2025-07-01',
      to: '2030-10-11',
    });
    expect(refusal(() => parseReviewPeriod('nhiem-ky', { today, term: null })).code).toBe('CHUA_CO_NHIEM_KY');
    // A term with no end recorded runs five years.
    expect(parseReviewPeriod('nhiem-ky', { today, term: { name: 'I', from: '2025-10-12', to: null } }).to).toBe(
      '2030-10-11',
    );
  });

  it('compares a period with the same span a year earlier, and a term with the span before it', () => {
    expect(previousPeriod(parseReviewPeriod('2026-H1', { today }))).toMatchObject({
      kind: 'half',
      code: '2025-H1',
      from: '2025-01-01',
      to: '2025-06-30',
      label_vi: '6 tháng đầu năm 2025',
    });
    expect(previousPeriod(parseReviewPeriod('2026-Q1', { today })).code).toBe('2025-Q1');
    expect(previousPeriod(parseReviewPeriod('2026', { today })).code).toBe('2025');
    expect(previousPeriod(customPeriod('2028-02-01', '2028-02-29', { today: '2029-01-01' }))).toMatchObject({
      from: '2027-02-01',
      to: '2027-02-28',
    });
    expect(previousPeriod(customPeriod('2027-02-01', '2027-02-28', { today: '2028-01-01' }))).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod(customPeriod('2029-02-01', '2029-02-28', { today: '2030-01-01' }))).toMatchObject({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    const full = previousPeriod(parseReviewPeriod('nhiem-ky', { today, term }));
    expect(full.to).toBe('2025-06-30');
    expect(full.kind).toBe('full_term');
  });

  it('names a span of dates that is a named period, and refuses dates out of order or not real', () => {
    expect(customPeriod('2026-01-01', '2026-06-30', { today })).toMatchObject({
      kind: 'half',
      label_vi: '6 tháng đầu năm 2026',
    });
    expect(customPeriod('2026-03-05', '2026-05-20', { today })).toMatchObject({
      kind: 'custom',
      label_vi: 'Từ 05/03/2026 đến 20/05/2026',
    });
    expect(refusal(() => customPeriod('2026-06-30', '2026-01-01', { today }))).toMatchObject({
      field: 'query.to',
      detail: 'Ngày kết thúc (01/01/2026) trước ngày bắt đầu (30/06/2026)',
    });
    expect(refusal(() => customPeriod('2026-02-30', '2026-06-30', { today }))).toMatchObject({ field: 'query.from' });
  });

  it('puts a label inside a sentence keeping the quarter’s numeral', () => {
    expect(inSentence('Quý III năm 2026')).toBe('quý III năm 2026');
    expect(inSentence('6 tháng đầu năm 2026')).toBe('6 tháng đầu năm 2026');
  });

  it('offers the periods of a year that have begun', () => {
    expect(periodsOfYear(2026, '2026-07-15').map((p) => p.code)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-H1',
      '2026-Q3',
      '2026-M9',
      '2026-H2',
      '2026',
    ]);
  });
});

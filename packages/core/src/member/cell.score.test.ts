import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meetingScoreSheet } from '../regulation/engine.js';
import { parseOrThrow } from '../regulation/reg.parse.js';
import { scoreMeeting } from './cell.score.js';

const reg = parseOrThrow(
  readFileSync(new URL('../../../../regulations/mau/chi-bo-mau.qc.md', import.meta.url), 'utf8'),
);
const sheet = meetingScoreSheet(reg, 'CHI_BO', '2026-12-01');
const full = (pts: number[]) => sheet.result.criteria.map((c, i) => ({ criterion: c.id, points: pts[i]! }));

describe('the quality score sheet of a cell meeting (model regulation, Điều 5)', () => {
  it('reads the province’s criteria and grades as data, with the clause', () => {
    expect(sheet.result.max).toBe(100);
    expect(sheet.result.criteria.map((c) => c.max)).toEqual([20, 20, 30, 15, 15]);
    expect(sheet.result.grades.map((g) => g.label)).toEqual(['Tốt', 'Khá', 'Trung bình', 'Kém']);
    expect(sheet.eIds).toEqual(['chp_3__art_5__para_1']);
  });

  it('totals and grades a meeting', () => {
    expect(scoreMeeting(sheet.result, full([20, 18, 27, 14, 12]))).toMatchObject({ total: 91, grade: 'Tốt' });
    expect(scoreMeeting(sheet.result, full([15, 15, 20, 10, 10]))).toMatchObject({ total: 70, grade: 'Khá' });
    expect(scoreMeeting(sheet.result, full([10, 10, 10, 10, 9.5]))).toMatchObject({ total: 49.5, grade: 'Kém' });
  });

  it('names what is wrong: a point above the maximum, a criterion twice or missing, one not on the sheet', () => {
    const over = scoreMeeting(sheet.result, full([21, 18, 27, 14, 12]));
    expect(over.problems).toEqual([{ index: 0, message_vi: expect.stringContaining('điểm từ 0 đến 20') }]);
    const twice = scoreMeeting(sheet.result, [...full([20, 18, 27, 14, 12]), { criterion: 'chuan_bi', points: 1 }]);
    expect(twice.problems[0]!.message_vi).toContain('chấm hai lần');
    const missing = scoreMeeting(sheet.result, full([20, 18, 27, 14, 12]).slice(0, 4));
    expect(missing.problems[0]!.message_vi).toContain('Chưa chấm tiêu chí "Kết quả lãnh đạo');
    expect(scoreMeeting(sheet.result, [{ criterion: 'x', points: 1 }]).problems[0]!.message_vi).toBe(
      'Tiêu chí không có trong phiếu chấm điểm',
    );
    expect(scoreMeeting(sheet.result, full([20, 18, 27.3, 14, 12])).problems).toHaveLength(1);
  });
});

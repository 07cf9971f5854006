import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../regulation/engine.base.js';
import { ask } from '../regulation/reg.ask.js';
import { parseOrThrow } from '../regulation/reg.parse.js';
import { assessmentTimetable, orderRefusal, stepState, timetableLooser } from './assessment.timetable.js';

const text = (p: string) => readFileSync(new URL(`../../../../regulations/${p}`, import.meta.url), 'utf8');
const central = parseOrThrow(text('danh-gia/quy-dinh-366.qc.md'));
const province = parseOrThrow(text('danh-gia/tinh-an-lac.qc.md'));

describe('the year’s timetable of assessment (Hướng dẫn 43-HD/BTCTW mục 4)', () => {
  it('gives each step its "before" day and last day, the province’s earlier days winning', () => {
    const c = assessmentTimetable(central, 2026, '2026-12-01').result.steps;
    expect(c.map((s) => [s.step, s.before, s.lastDay])).toEqual([
      ['member', '2026-12-31', '2026-12-30'],
      ['organization', '2026-12-31', '2026-12-30'],
      ['report', '2027-02-01', '2027-01-31'],
    ]);
    const p = assessmentTimetable(province, 2026, '2026-12-01');
    expect(p.result.steps.map((s) => [s.step, s.lastDay, s.basis_vi])).toEqual([
      ['member', '2026-12-14', 'khoản 1 Điều 5'],
      ['organization', '2026-12-24', 'khoản 1 Điều 5'],
      ['report', '2027-01-14', 'khoản 1 Điều 5'],
    ]);
    expect(p.reason_vi).toContain('Đánh giá, xếp loại đảng viên: trước ngày 15/12/2026 (khoản 1 Điều 5)');
  });

  it('is on time on the last day and late on the "before" day itself', () => {
    const [member] = assessmentTimetable(province, 2026, '2026-12-01').result.steps;
    expect(stepState(member!, 3, '2026-12-14')).toBe('open');
    expect(stepState(member!, 3, '2026-12-15')).toBe('late');
    expect(stepState(member!, 0, '2026-12-20')).toBe('done');
  });

  it('takes the earlier of a rule for every step and one for a single step', () => {
    const both = parseOrThrow(
      text('danh-gia/quy-dinh-366.qc.md').replace(
        '- { id: dg-thoi-han, kind: assessment_timetable, before: 31/12 }',
        '- { id: dg-thoi-han, kind: assessment_timetable, before: 31/12 }\n' +
          '- { id: dg-som, kind: assessment_timetable, step: member, before: 20/12 }',
      ),
    );
    const steps = assessmentTimetable(both, 2026, '2026-12-01').result.steps;
    expect(steps.find((s) => s.step === 'member')).toMatchObject({ lastDay: '2026-12-19', ruleId: 'dg-som' });
    expect(steps.find((s) => s.step === 'organization')).toMatchObject({
      lastDay: '2026-12-30',
      ruleId: 'dg-thoi-han',
    });
  });

  it('refuses a day that does not exist, naming the rule and its clause', () => {
    const bad = parseOrThrow(text('danh-gia/quy-dinh-366.qc.md').replace('before: 31/12 }', 'before: 31/02 }'));
    expect(() => assessmentTimetable(bad, 2026, '2026-12-01')).toThrow(EngineError);
    expect(() => assessmentTimetable(bad, 2026, '2026-12-01')).toThrow(
      'Quy tắc dg-thoi-han (khoản 2 Điều 14): "before" phải là ngày/tháng có thật, ví dụ 31/12; đang là "31/02"',
    );
  });

  it('answers through ask, as the CLI and the API do', () => {
    const a = ask(province, { ask: 'timetable', at: '2026-12-01', input: { year: 2026 } });
    expect(a.result).toMatchObject({
      member: { before: '2026-12-15', last_day: '2026-12-14', rule_id: 'al-han-dang-vien' },
    });
    expect(() => ask(province, { ask: 'timetable', input: {} })).toThrow('"year" phải là số nguyên không âm');
  });
});

describe('the order of classification (Điều 12 khoản 2 Quy định 366-QĐ/TW)', () => {
  it('refuses an organization while its members or the organizations below are undecided, and only then', () => {
    const msg = orderRefusal(central, '2026-12-01', { members: ['A', 'B', 'C', 'D'], organizations: [] });
    expect(msg).toBe(
      'Chưa xếp loại tổ chức đảng này: còn 4 đảng viên (A, B, C…) chưa được quyết định xếp loại. Theo điểm 2.3 ' +
        'khoản 2 Điều 12, hoàn thành đánh giá, xếp loại đảng viên và tổ chức đảng trực thuộc trước, tổ chức đảng sau',
    );
    expect(orderRefusal(central, '2026-12-01', { members: [], organizations: ['Chi bộ 1'] })).toContain(
      '1 tổ chức đảng trực thuộc (Chi bộ 1)',
    );
    expect(orderRefusal(central, '2026-12-01', { members: [], organizations: [] })).toBeNull();
  });

  it('finds a province that drops the order or lets a step finish later than the centre', () => {
    const loose = parseOrThrow(
      text('danh-gia/tinh-an-lac.qc.md')
        .replace('after: [members, subordinates]', 'after: [members]')
        .replace('step: report, before: 15/01', 'step: report, before: 05/02'),
    );
    const found = timetableLooser(loose, central, '2026-12-01', 'Quy định 366-QĐ/TW');
    expect(found.map((f) => f.message)).toEqual([
      'Thời hạn lỏng hơn Quy định 366-QĐ/TW: báo cáo kết quả lên cấp trên năm 2026 xong ngày 04/02/2027 là đúng ' +
        'hạn theo quy định này (khoản 1 Điều 5), nhưng đã quá hạn theo Quy định 366-QĐ/TW: trước ngày 01/02/2027 ' +
        '(khoản 2 Điều 14)',
      'Quy định này cho xếp loại tổ chức đảng trước khi xong đảng viên, tổ chức đảng trực thuộc, trái Quy định ' +
        '366-QĐ/TW (điểm 2.3 khoản 2 Điều 12)',
    ]);
    expect(timetableLooser(province, central, '2026-12-01', 'Quy định 366-QĐ/TW')).toEqual([]);
  });
});

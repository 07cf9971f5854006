import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../regulation/engine.base.js';
import { ask } from '../regulation/reg.ask.js';
import { parseOrThrow } from '../regulation/reg.parse.js';
import { classify, quotaCheck } from './assessment.rules.js';
import { ruleSentenceVi } from '../regulation/rule.sentence.js';

const file = (p: string) =>
  parseOrThrow(readFileSync(new URL(`../../../../regulations/${p}`, import.meta.url), 'utf8'));
const central = file('danh-gia/quy-dinh-366.qc.md');
const AT = '2025-12-15';
/** A member who did all ten tasks on time, three beyond what was asked, remedied both shortcomings. */
const best = { subject: 'member', tasks_total: 10, tasks_on_time: 10, tasks_exceeded: 3, disciplined: false };
const level = (input: Record<string, unknown>) => classify(central, input, AT).result.level;

describe('the levels of Quy định 366-QĐ/TW Điều 11, at their edges', () => {
  it('gives each level from its threshold, the next one below it, for members and organizations', () => {
    for (const subject of ['member', 'organization']) {
      const x = { ...best, subject };
      expect([100, 90, 89.99, 89, 70, 69.5, 50, 49.99, 0].map((points) => level({ ...x, points }))).toEqual([
        'xuat_sac',
        'xuat_sac',
        'tot',
        'tot',
        'tot',
        'hoan_thanh',
        'hoan_thanh',
        'khong_hoan_thanh',
        'khong_hoan_thanh',
      ]);
    }
  });

  it('moves a case down a level for each condition alone', () => {
    const top = { ...best, points: 95 };
    expect(level(top)).toBe('xuat_sac');
    // 2 of 10 exceeded (under 30%): not the top level.
    expect(level({ ...top, tasks_exceeded: 2 })).toBe('tot');
    // One shortcoming of two left unremedied (khoản 1 điểm 1.4).
    expect(level({ ...top, shortcomings_total: 2, shortcomings_fixed: 1 })).toBe('tot');
    // One task late: neither of the top two; 2 of 10 late is still within 20%, 3 of 10 is not.
    expect(level({ ...top, tasks_on_time: 9, tasks_exceeded: 3 })).toBe('hoan_thanh');
    expect(level({ ...top, tasks_on_time: 8, tasks_exceeded: 3 })).toBe('hoan_thanh');
    expect(level({ ...top, tasks_on_time: 7, tasks_exceeded: 3 })).toBe('khong_hoan_thanh');
    // One task not done at all: "Hoàn thành" asks 100% done; more than half not done forces the lowest level.
    expect(level({ ...top, tasks_on_time: 9, tasks_late: 0 })).toBe('khong_hoan_thanh');
    expect(level({ ...top, tasks_on_time: 5, tasks_late: 0, tasks_exceeded: 3 })).toBe('khong_hoan_thanh');
    // Discipline (khiển trách or above) forces "Không hoàn thành nhiệm vụ", unless owned and remedied.
    expect(level({ ...top, disciplined: true })).toBe('khong_hoan_thanh');
    expect(level({ ...top, disciplined: true, mitigated: true })).toBe('xuat_sac');
    expect(level({ ...top, degraded: true })).toBe('khong_hoan_thanh');
    // An organization whose member was disciplined is barred from the top level only.
    const cell = { ...top, subject: 'organization' };
    expect(level({ ...cell, member_disciplined: true })).toBe('tot');
    expect(level({ ...cell, leader_disciplined: true })).toBe('khong_hoan_thanh');
    // No task at all: nothing shows a task done beyond what was asked, so not the top level.
    expect(level({ subject: 'member', points: 95, tasks_total: 0, tasks_on_time: 0, tasks_exceeded: 0 })).toBe('tot');
    // Under 70% of its tasks done: the organization's lowest level (khoản 4 điểm 4.1).
    expect(level({ ...cell, tasks_on_time: 7, tasks_late: 0 })).toBe('khong_hoan_thanh');
  });

  it('says why, with the clause of the level given and of each level missed', () => {
    const a = classify(central, { ...best, points: 92, tasks_on_time: 9 }, AT);
    expect(a.result.level).toBe('hoan_thanh');
    expect(a.reason_vi).toContain('"Hoàn thành nhiệm vụ" (điểm 3.3 khoản 3 Điều 11)');
    expect(a.reason_vi).toContain('không đạt "Hoàn thành tốt nhiệm vụ" (điểm 2.3 khoản 2 Điều 11)');
    expect(a.reason_vi).toContain('9/10 nhiệm vụ hoàn thành đúng hạn, chưa đủ 100%');
    expect(a.ruleIds).toEqual(['dg-ht-dang-vien', 'dg-xs-dang-vien', 'dg-tot-dang-vien']);
    const d = classify(central, { ...best, points: 95, disciplined: true }, AT);
    expect(d.reason_vi).toContain('vì bị xử lý kỷ luật từ khiển trách trở lên trong năm');
    expect(d.eIds[0]).toBe('chp_2__art_11__para_4__point_4.3');
  });

  it('refuses a record that does not add up, naming the field', () => {
    const bad = (input: Record<string, unknown>) => () => classify(central, input, AT);
    expect(bad({ ...best, points: 101 })).toThrow('"points" phải là số điểm từ 0 đến 100');
    expect(bad({ ...best, points: 80, tasks_on_time: 11 })).toThrow('không được lớn hơn tổng số');
    expect(bad({ ...best, points: 80, subject: 'cell' })).toThrow('"subject" là organization hoặc member');
    expect(bad({ ...best, points: 80, disciplined: 'yes' })).toThrow('"disciplined" phải là true hoặc false');
    expect(() => classify(central, { ...best, points: 80 }, '2025-01-01')).toThrow(EngineError);
  });
});

describe('the quota of điểm 1.5 khoản 1 Điều 11, in exact arithmetic', () => {
  const quota = (input: Record<string, unknown>) => quotaCheck(central, input, AT).result;
  it('allows at most a fifth of those rated "Hoàn thành tốt nhiệm vụ": at, under and over', () => {
    expect(quota({ xuat_sac: 2, tot: 10 })).toMatchObject({ ok: true, max: 2 });
    expect(quota({ xuat_sac: 1, tot: 10 })).toMatchObject({ ok: true, max: 2 });
    expect(quota({ xuat_sac: 3, tot: 10 })).toMatchObject({ ok: false, max: 2 });
    // 14 × 20% = 2.8: at most 2; 4 × 20% = 0.8: none.
    expect(quota({ xuat_sac: 3, tot: 14 })).toMatchObject({ ok: false, max: 2 });
    expect(quota({ xuat_sac: 1, tot: 4 })).toMatchObject({ ok: false, max: 0 });
    expect(quota({ xuat_sac: 24_691_357, tot: 123_456_789 })).toMatchObject({ ok: true, max: 24_691_357 });
    expect(quota({ xuat_sac: 24_691_358, tot: 123_456_789 })).toMatchObject({ ok: false });
  });
  it('widens to a quarter where the competent level finds the unit outstanding', () => {
    expect(quota({ xuat_sac: 3, tot: 12, outstanding: true })).toMatchObject({ ok: true, max: 3 });
    expect(quota({ xuat_sac: 3, tot: 11, outstanding: true })).toMatchObject({ ok: false, max: 2 });
  });
  it('answers the CLI contract through ask', () => {
    const a = ask(central, { ask: 'quota', at: AT, input: { xuat_sac: 3, tot: 14 } });
    expect(a.result).toMatchObject({ ok: false, max: 2 });
    expect(a.reason_vi).toContain('vượt 1 (điểm 1.5 khoản 1 Điều 11)');
    const c = ask(central, { ask: 'classify', at: AT, input: { ...best, points: 91 } });
    expect(c.result['level']).toBe('xuat_sac');
    expect(c.eIds).toEqual(['chp_2__art_11__para_1__point_1.3']);
  });
});

describe('the assessment rules in words, as the regulation page shows them', () => {
  it('says each rule kind as a sentence with its numbers', () => {
    const say = (id: string) => ruleSentenceVi(central.rules.find((r) => r.id === id)!, central.frontMatter);
    expect(say('dg-xs-dang-vien')).toBe(
      'Đảng viên xếp loại "Hoàn thành xuất sắc nhiệm vụ" khi từ 90 điểm, 100% nhiệm vụ đúng hạn, ' +
        'ít nhất 30% nhiệm vụ vượt mức, khắc phục 100% hạn chế đã chỉ ra.',
    );
    expect(say('dg-ty-le-xs')).toBe(
      'Số được xếp loại "Hoàn thành xuất sắc nhiệm vụ" không quá 20% số được xếp loại "Hoàn thành tốt nhiệm vụ"; ' +
        'đơn vị có thành tích nổi trội không quá 25%.',
    );
    expect(say('dg-kht-dang-vien')).toContain('hoặc bị kỷ luật từ khiển trách trở lên, bị kết luận suy thoái');
    expect(say('dg-tc-ca-nhan')).toContain('được chấm theo 2 nhóm tiêu chí');
  });
});

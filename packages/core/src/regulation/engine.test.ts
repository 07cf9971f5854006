import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseOrThrow } from './reg.parse.js';
import { EngineError, isQuorate, noticeCheck, voteOutcome, whoDecides, regularMeetings } from './engine.js';
import { ask, runScenarios } from './reg.ask.js';

const reg = parseOrThrow(
  readFileSync(new URL('../../../../regulations/examples/tinh-a.qc.md', import.meta.url), 'utf8'),
);

describe('engine on the worked example', () => {
  it('passes every kiem-thu scenario of the file', () => {
    const results = runScenarios(reg);
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results).toHaveLength(5);
  });
  it('is exact at the 2/3 boundary: 34 of 51 is quorate, 33 is not', () => {
    const a = isQuorate(reg, 'BCH', { summoned: 51, present: 34 }, '2026-03-10');
    expect(a.result.valid).toBe(true);
    expect(a.eIds).toEqual(['chp_2__art_6__para_1']);
    expect(a.reason_vi).toBe(
      'Hợp lệ: 34/51 ≥ 2/3 số ủy viên được triệu tập (cần ít nhất 2/3, tức tối thiểu 34; khoản 1 Điều 6)',
    );
    expect(isQuorate(reg, 'BCH', { summoned: 51, present: 33 }, '2026-03-10').result.valid).toBe(false);
    expect(isQuorate(reg, 'BCH', { summoned: 61, present: 41 }, '2026-03-10').result.valid).toBe(true);
    expect(isQuorate(reg, 'BCH', { summoned: 61, present: 40 }, '2026-03-10').result.valid).toBe(false);
  });
  it('needs 31 yes of 61 for "quá 1/2", whatever the attendance; abstentions are not yes', () => {
    const vote = (yes: number, present: number, abstain = 0) =>
      voteOutcome(
        reg,
        'BCH',
        undefined,
        { totalMembers: 61, present, yes, no: present - yes - abstain, abstain, method: 'show_of_hands' },
        '2026-03-10',
      ).result.passed;
    expect(vote(31, 31)).toBe(true);
    expect(vote(30, 60)).toBe(false);
    expect(vote(30, 61, 31)).toBe(false);
  });
  it('fails a show-of-hands vote on personnel with a violation', () => {
    const a = voteOutcome(
      reg,
      'BCH',
      'can_bo',
      { totalMembers: 61, present: 55, yes: 50, no: 5, abstain: 0, method: 'show_of_hands' },
      '2026-08-20',
    );
    expect(a.result).toEqual({ passed: false, violations: ['SECRET_BALLOT_REQUIRED'] });
    expect(a.ruleIds).toContain('phieu-kin');
    expect(
      voteOutcome(
        reg,
        'BCH',
        'can_bo',
        { totalMembers: 61, present: 55, yes: 50, no: 5, abstain: 0, method: 'secret_ballot' },
        '2026-08-20',
      ).result.passed,
    ).toBe(true);
  });
  it('applies a delegation inside its window and conditions only', () => {
    expect(whoDecides(reg, 'CHU_TRUONG_DU_AN', { tong_muc_dau_tu_ty_dong: 300 }, '2026-01-01').result).toMatchObject({
      body: 'TT',
      via: 'delegation',
      report_to: 'BTV',
    });
    expect(whoDecides(reg, 'CHU_TRUONG_DU_AN', { tong_muc_dau_tu_ty_dong: 300 }, '2026-12-31').result.body).toBe('TT');
    expect(whoDecides(reg, 'CHU_TRUONG_DU_AN', { tong_muc_dau_tu_ty_dong: 300 }, '2027-01-01').result).toMatchObject({
      body: 'BTV',
      via: 'authority',
    });
    expect(whoDecides(reg, 'CHU_TRUONG_DU_AN', { tong_muc_dau_tu_ty_dong: 500 }, '2026-05-04').result.body).toBe('BTV');
    expect(whoDecides(reg, 'CHU_TRUONG_DU_AN', { tong_muc_dau_tu_ty_dong: 499.99 }, '2026-05-04').result.body).toBe(
      'TT',
    );
    expect(() => whoDecides(reg, 'CHU_TRUONG_DU_AN', {}, '2026-05-04')).toThrow(/tong_muc_dau_tu_ty_dong/);
  });
  it('reports "no rule" and "two unordered rules" as errors', () => {
    expect(() => ask(reg, { ask: 'quorum', at: '2026-01-01', input: { body: 'TT', summoned: 4, present: 3 } })).toThrow(
      EngineError,
    );
    const twice = parseOrThrow(
      '---\nbodies: { BTV: {}, TT: {} }\nmatters: { M: {} }\n---\n## Điều 1. A\n1. B\n```quy-tac\n' +
        '- { id: a, kind: authority, matter: M, decides: BTV }\n' +
        '- { id: b, kind: authority, matter: M, decides: TT }\n```\n',
    );
    try {
      whoDecides(twice, 'M', {}, '2026-01-01');
      expect.fail('should conflict');
    } catch (e) {
      expect((e as EngineError).code).toBe('CONFLICT');
      expect((e as EngineError).ruleIds).toEqual(['a', 'b']);
    }
  });
  it('checks the notice period in working days', () => {
    // Meeting Tuesday 10/3/2026, 5 working days: latest dispatch Tuesday 3/3.
    expect(noticeCheck(reg, 'BCH', '2026-03-10', '2026-03-03').result).toEqual({ ok: true, latest: '2026-03-03' });
    expect(noticeCheck(reg, 'BCH', '2026-03-10', '2026-03-04').result.ok).toBe(false);
  });
  it('derives the regular calendar', () => {
    expect(regularMeetings(reg, 'BCH', '2026-01-01', '2026-12-31').result.dates).toEqual([
      '2026-01-01',
      '2026-04-01',
      '2026-07-01',
      '2026-10-01',
    ]);
    expect(regularMeetings(reg, 'TT', '2026-01-01', '2026-01-31').result.dates).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
    ]);
  });
  it('is monotonic: more present never makes a quorate meeting invalid; more yes never fails a passing vote', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (n, a, b) => {
          const [p1, p2] = [Math.min(a, b, n), Math.min(Math.max(a, b), n)];
          if (isQuorate(reg, 'BCH', { summoned: n, present: p1 }, '2026-01-01').result.valid) {
            expect(isQuorate(reg, 'BCH', { summoned: n, present: p2 }, '2026-01-01').result.valid).toBe(true);
          }
          const v = (y: number) =>
            voteOutcome(
              reg,
              'BTV',
              undefined,
              { totalMembers: n, present: n, yes: y, no: n - y, abstain: 0, method: 'show_of_hands' },
              '2026-01-01',
            ).result.passed;
          if (v(p1)) expect(v(p2)).toBe(true);
          // exact boundary: passes iff 2·yes > n
          expect(v(p1)).toBe(2 * p1 > n);
          expect(isQuorate(reg, 'BCH', { summoned: n, present: p1 }, '2026-01-01').result.valid).toBe(3 * p1 >= 2 * n);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('notice in working days on the Vietnamese calendar', () => {
  it('skips Tết 2026 and the weekends', () => {
    // BTV meeting Tuesday 24/2/2026, 3 working days: 23/2, 13/2, 12/2 → latest dispatch Thursday 12/2.
    expect(noticeCheck(reg, 'BTV', '2026-02-24', '2026-02-12').result).toEqual({ ok: true, latest: '2026-02-12' });
    expect(noticeCheck(reg, 'BTV', '2026-02-24', '2026-02-13').result.ok).toBe(false);
  });
  it('skips 30/4–1/5 and 2/9', () => {
    // 5 working days before Tuesday 5/5/2026: 4/5, 29/4, 28/4, 24/4, 23/4 (30/4, 1/5 holidays; 27/4 nghỉ bù Giỗ Tổ).
    expect(noticeCheck(reg, 'BCH', '2026-05-05', '2026-04-27').result).toEqual({ ok: false, latest: '2026-04-23' });
    // Before Friday 4/9/2026: 3/9, 31/8, 28/8, 27/8, 26/8 (1/9 and 2/9 are Quốc khánh).
    expect(noticeCheck(reg, 'BCH', '2026-09-04', '2026-08-26').result).toEqual({ ok: true, latest: '2026-08-26' });
  });
});

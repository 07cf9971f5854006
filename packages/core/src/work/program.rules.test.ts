import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  adoptionCheck,
  itemStatus,
  parsePeriod,
  periodDue,
  periodLabel,
  periodRange,
  periodWithin,
  programSpan,
} from './program.rules.js';
import { parseRegulation } from '../regulation/reg.parse.js';

const load = (path: string) => {
  const p = parseRegulation(readFileSync(new URL(`../../../../regulations/${path}`, import.meta.url), 'utf8'));
  if (!p.ok) throw new Error(p.error.message);
  return p.regulation;
};
const province = load('an-lac/01-QC-TU.qc.md');
const commune = load('an-lac/xa-tan-lap.qc.md');

describe('program periods', () => {
  it('reads months, quarters and halves as written and places them in the year', () => {
    expect(parsePeriod('month', '5/2026')).toEqual({ kind: 'month', value: '2026-05' });
    expect(parsePeriod('month', 'T12/2026')).toEqual({ kind: 'month', value: '2026-12' });
    expect(parsePeriod('month', '13/2026')).toBeNull();
    expect(parsePeriod('quarter', 'Quý II/2026')).toEqual({ kind: 'quarter', value: '2026-Q2' });
    expect(parsePeriod('quarter', '2026-Q4')).toEqual({ kind: 'quarter', value: '2026-Q4' });
    expect(parsePeriod('quarter', '2026-Q5')).toBeNull();
    expect(parsePeriod('half', '2026-H2')).toEqual({ kind: 'half', value: '2026-H2' });
    expect(parsePeriod('date', '2026-02-30')).toBeNull();
  });

  it('gives each period its range, due date and Vietnamese label', () => {
    expect(periodRange({ kind: 'month', value: '2026-02' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange({ kind: 'month', value: '2028-02' }).to).toBe('2028-02-29');
    expect(periodRange({ kind: 'quarter', value: '2026-Q2' })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodRange({ kind: 'half', value: '2026-H2' })).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodDue({ kind: 'meeting', meetingDate: '2026-12-18', label: 'Hội nghị Tỉnh ủy lần thứ 10' })).toBe(
      '2026-12-18',
    );
    expect(periodLabel({ kind: 'quarter', value: '2026-Q2' })).toBe('Quý II/2026');
    expect(periodLabel({ kind: 'month', value: '2026-05' })).toBe('Tháng 5/2026');
    expect(periodLabel({ kind: 'half', value: '2026-H1' })).toBe('6 tháng đầu năm 2026');
    expect(periodLabel({ kind: 'meeting', meetingDate: '2026-12-18', label: 'Hội nghị Tỉnh ủy lần thứ 10' })).toBe(
      'Hội nghị Tỉnh ủy lần thứ 10 (18/12/2026)',
    );
  });

  it('keeps an annual program’s items inside its year', () => {
    const y = programSpan({ span: 'year', year: 2026, term: { from: '2025-10-12', to: '2030-10-11' } });
    expect(periodWithin({ kind: 'quarter', value: '2026-Q4' }, y)).toBe(true);
    expect(periodWithin({ kind: 'month', value: '2027-01' }, y)).toBe(false);
    const t = programSpan({ span: 'term', year: null, term: { from: '2025-10-12', to: '2030-10-11' } });
    expect(periodWithin({ kind: 'month', value: '2025-10' }, t)).toBe(false);
    expect(periodWithin({ kind: 'half', value: '2030-H1' }, t)).toBe(true);
  });
});

describe('who adopts a program (R11)', () => {
  it('gives the full-term program to the BCH, citing khoản 3 Điều 1, and refuses the BTV', () => {
    const ok = adoptionCheck(province, 'term', 'CTR_TOAN_KHOA', 'BCH', 'Ban Chấp hành Đảng bộ tỉnh', '2025-11-20');
    expect(ok.ok).toBe(true);
    expect(ok.eIds.join()).toContain('art_1__para_3');
    const no = adoptionCheck(province, 'term', 'CTR_TOAN_KHOA', 'BTV', 'Ban Thường vụ Tỉnh ủy', '2025-11-20');
    expect(no).toMatchObject({ ok: false, competent: 'BCH' });
    expect(no.reason_vi).toContain('Ban Chấp hành Đảng bộ tỉnh');
    expect(no.reason_vi).toContain('Điều 1');
  });

  it('gives the annual program to the BTV in the province, and names the gap where a regulation is silent', () => {
    expect(adoptionCheck(province, 'year', 'CTR_NAM', 'BTV', 'Ban Thường vụ Tỉnh ủy', '2026-01-06').ok).toBe(true);
    expect(adoptionCheck(province, 'year', 'CTR_NAM', 'TT', 'Thường trực Tỉnh ủy', '2026-01-06')).toMatchObject({
      ok: false,
      competent: 'BTV',
    });
    const silent = adoptionCheck(commune, 'year', 'CTR_NAM', 'BTV', 'Ban Thường vụ Đảng ủy xã', '2026-01-06');
    expect(silent).toMatchObject({ ok: true, competent: null });
    expect(silent.reason_vi).toContain('không quy định');
  });

  it('falls back to R11 for a full-term program when there is no regulation', () => {
    expect(adoptionCheck(undefined, 'term', 'CTR_TOAN_KHOA', 'BTV', 'Ban Thường vụ', '2026-01-06')).toMatchObject({
      ok: false,
      competent: 'BCH',
      ruleIds: ['R11'],
    });
  });
});

describe('an item against time', () => {
  it('is late once its due date has passed with work open, done at 100 %', () => {
    expect(itemStatus({ due: '2026-06-30', percent: 60, openTasks: 1, tasks: 1 }, '2026-12-01').code).toBe('late');
    expect(itemStatus({ due: '2026-06-30', percent: 100, openTasks: 0, tasks: 2 }, '2026-12-01').code).toBe('done');
    expect(itemStatus({ due: '2026-12-31', percent: 0, openTasks: 0, tasks: 0 }, '2026-12-01').code).toBe('no_task');
    expect(itemStatus({ due: '2026-12-31', percent: 10, openTasks: 1, tasks: 1 }, '2026-12-01').code).toBe('on_track');
  });
});

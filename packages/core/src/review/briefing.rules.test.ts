import { describe, expect, it } from 'vitest';
import {
  countByState,
  daysOverdue,
  defaultBriefingPeriod,
  presentingUnitMatcher,
  taskStateAtEnd,
} from './briefing.rules.js';

const facts = { doneOn: null, reportedOn: null, dueAtEnd: '2026-07-31', openAtEnd: false, overdueAtEnd: false };

describe('briefing of the advisory units', () => {
  it('reads a task at period end: done on time/late (deadline in force), else overdue, open, to accept, closed', () => {
    expect(taskStateAtEnd({ ...facts, doneOn: '2026-07-31' }, '2026-09-30')).toBe('done_on_time');
    expect(taskStateAtEnd({ ...facts, doneOn: '2026-08-01' }, '2026-09-30')).toBe('done_late');
    // Due at a meeting (no date): done is done on time.
    expect(taskStateAtEnd({ ...facts, dueAtEnd: null, doneOn: '2026-08-01' }, '2026-09-30')).toBe('done_on_time');
    // Done after the end: what it was on the end date counts.
    expect(taskStateAtEnd({ ...facts, doneOn: '2026-10-02', openAtEnd: true, overdueAtEnd: true }, '2026-09-30')).toBe(
      'overdue',
    );
    expect(taskStateAtEnd({ ...facts, openAtEnd: true }, '2026-06-30')).toBe('open');
    expect(taskStateAtEnd({ ...facts, reportedOn: '2026-06-20' }, '2026-06-30')).toBe('reported');
    expect(taskStateAtEnd(facts, '2026-06-30')).toBe('closed');
  });

  it('counts days overdue and tasks by state', () => {
    expect(daysOverdue('2026-07-31', '2026-09-30')).toBe(61);
    expect(daysOverdue('2026-09-30', '2026-09-30')).toBe(0);
    expect(countByState(['overdue', 'open', 'open', 'done_on_time'])).toEqual({
      total: 4,
      overdue: 1,
      open: 2,
      reported: 0,
      doneLate: 0,
      doneOnTime: 1,
      closed: 0,
    });
  });

  it('recognizes the presenting unit without case, diacritics or the committee’s name, and not another unit', () => {
    const org = { name: 'Đảng bộ tỉnh An Lạc', shortName: 'Tỉnh ủy An Lạc' };
    const btc = presentingUnitMatcher('Ban Tổ chức Tỉnh ủy', org);
    for (const p of [
      'Ban Tổ chức Tỉnh ủy',
      'ban to chuc tinh uy',
      'Ban Tổ chức',
      ' BAN TỔ  CHỨC ',
      'Ban Tổ chức Tỉnh ủy An Lạc',
    ])
      expect(btc(p), p).toBe(true);
    for (const p of [
      'Ban Tổ chức Trung ương',
      'Ban Tuyên giáo và Dân vận Tỉnh ủy',
      'Đảng ủy UBND tỉnh',
      '',
      null,
      undefined,
    ])
      expect(btc(p), String(p)).toBe(false);
    const vp = presentingUnitMatcher('Văn phòng Tỉnh ủy', org);
    expect(vp('Văn phòng')).toBe(true);
    expect(vp('Văn phòng UBND tỉnh')).toBe(false);
    expect(vp('Văn phòng Đảng ủy UBND tỉnh')).toBe(false);
    // A commune's office, named with its committee.
    const commune = presentingUnitMatcher('Văn phòng Đảng ủy xã', {
      name: 'Đảng bộ xã Tân Lập',
      shortName: 'Đảng ủy xã Tân Lập',
    });
    expect(commune('Văn phòng Đảng ủy xã')).toBe(true);
  });

  it('opens on the current quarter in its last month, else on the last complete quarter', () => {
    expect(defaultBriefingPeriod('2026-12-07')).toBe('2026-Q4');
    expect(defaultBriefingPeriod('2026-11-30')).toBe('2026-Q3');
    expect(defaultBriefingPeriod('2026-01-15')).toBe('2025-Q4');
    expect(defaultBriefingPeriod('2026-04-01')).toBe('2026-Q1');
  });
});

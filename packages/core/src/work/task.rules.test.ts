import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canTransition, checkSixClear, isOverdue, rollUpProgress, taskStatus } from './task.rules.js';

const full = {
  title: 'Xây dựng Đề án sắp xếp đơn vị sự nghiệp thuộc Tỉnh ủy',
  leads: [{ kind: 'unit' as const, id: 'btc', name: 'Ban Tổ chức Tỉnh ủy' }],
  supporting: [{ kind: 'unit' as const, id: 'vptu', name: 'Văn phòng Tỉnh ủy' }],
  due: { date: '2026-03-31' },
  supervisorId: 'M05',
  decidingBody: 'BTV',
  product: 'Tờ trình + Đề án',
};

describe('6 rõ', () => {
  it('accepts fixture task 1 as complete', () => {
    expect(checkSixClear(full)).toEqual({ complete: true, missing: [], refused: null });
  });
  it('refuses fixture task 20 with two leads, naming the rule', () => {
    const c = checkSixClear({
      ...full,
      leads: [
        { kind: 'unit', id: 'vptu', name: 'Văn phòng TU' },
        { kind: 'unit', id: 'ubkt', name: 'UBKT' },
      ],
    });
    expect(c.complete).toBe(false);
    expect(c.refused?.rule).toBe('MOT_DAU_MOI_CHU_TRI');
    expect(c.refused?.message_vi).toContain('Văn phòng TU, UBKT');
  });
  it('keeps a task without product or deadline a draft, naming the missing "rõ"', () => {
    const c = checkSixClear({ ...full, product: ' ', due: { date: '2026-02-30' } });
    expect(c.missing.map((m) => m.code)).toEqual(['ro_thoi_gian', 'ro_san_pham']);
    expect(canTransition('draft', 'assigned', c).ok).toBe(false);
  });
  it('accepts "at meeting X" as a deadline', () => {
    expect(checkSixClear({ ...full, due: { meetingId: 'hn-6', label: 'trình HN 6 (10/4)' } }).complete).toBe(true);
  });
});

describe('task states and progress', () => {
  it('follows the graph', () => {
    expect(canTransition('assigned', 'done').ok).toBe(false);
    expect(canTransition('reported', 'done').ok).toBe(true);
    expect(canTransition('done', 'in_progress').ok).toBe(false);
  });
  it('is overdue after the extended date only, and never once reported or done', () => {
    expect(isOverdue({ state: 'in_progress', dueDate: '2026-04-30', extendedTo: '2026-05-31' }, '2026-05-15')).toBe(
      false,
    );
    expect(isOverdue({ state: 'in_progress', dueDate: '2026-04-30', extendedTo: '2026-05-31' }, '2026-06-01')).toBe(
      true,
    );
    expect(isOverdue({ state: 'in_progress', dueDate: '2026-04-30' }, '2026-04-30')).toBe(false);
    expect(isOverdue({ state: 'assigned', dueDate: '2026-04-30' }, '2026-05-01')).toBe(true);
    expect(isOverdue({ state: 'done', dueDate: '2026-01-01' }, '2026-06-01')).toBe(false);
    expect(isOverdue({ state: 'reported', dueDate: '2026-01-01' }, '2026-06-01')).toBe(false);
    expect(
      taskStatus({ state: 'in_progress', dueDate: '2026-04-30', extendedTo: '2026-05-31' }, '2026-06-01').label_vi,
    ).toBe('Đang thực hiện, gia hạn đến 31/05/2026, quá hạn từ 31/05/2026');
  });
  it('rolls up progress by weight, ignoring cancelled children, within 0..100', () => {
    expect(
      rollUpProgress([
        { percent: 100, weight: 3 },
        { percent: 0, weight: 1 },
      ]),
    ).toBe(75);
    expect(rollUpProgress([{ percent: 50 }, { percent: 100, state: 'cancelled' }])).toBe(50);
    fc.assert(
      fc.property(
        fc.array(fc.record({ percent: fc.integer({ min: -10, max: 150 }), weight: fc.integer({ min: 1, max: 10 }) })),
        (cs) => {
          const p = rollUpProgress(cs);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

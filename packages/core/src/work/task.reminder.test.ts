import { describe, expect, it } from 'vitest';
import { isoWeek, reminderFor, reminderMessage } from './task.reminder.js';
import { VIETNAM_CALENDAR } from '../time/holiday.calendar.js';

const task = { id: 't17', state: 'in_progress' as const, dueDate: '2026-07-31' };

describe('reminders', () => {
  it('numbers ISO weeks across the new year', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2026-07-28')).toBe('2026-W31');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });

  it('reminds 3 working days before, on the day and weekly once overdue, each once', () => {
    // 31/07/2026 is a Friday: three working days before is Tuesday 28/07.
    expect(reminderFor(task, '2026-07-27', 3, VIETNAM_CALENDAR)).toBeNull();
    expect(reminderFor(task, '2026-07-28', 3, VIETNAM_CALENDAR)).toEqual({
      kind: 'due_soon',
      due: '2026-07-31',
      key: 't17:due_soon:2026-07-31',
    });
    expect(reminderFor(task, '2026-07-30', 3, VIETNAM_CALENDAR)!.key).toBe('t17:due_soon:2026-07-31');
    expect(reminderFor(task, '2026-07-31', 3, VIETNAM_CALENDAR)!.kind).toBe('due_today');
    expect(reminderFor(task, '2026-08-03', 3, VIETNAM_CALENDAR)!.key).toBe('t17:overdue:2026-07-31:2026-W32');
    expect(reminderFor(task, '2026-08-07', 3, VIETNAM_CALENDAR)!.key).toBe('t17:overdue:2026-07-31:2026-W32');
    expect(reminderFor(task, '2026-08-10', 3, VIETNAM_CALENDAR)!.key).toBe('t17:overdue:2026-07-31:2026-W33');
  });

  it('counts working days across Tết and follows an extension', () => {
    // Due Tuesday 24/02/2026 after the Tết holidays: 3 working days before is 12/02.
    const t = { id: 'x', state: 'assigned' as const, dueDate: '2026-02-24' };
    expect(reminderFor(t, '2026-02-11', 3, VIETNAM_CALENDAR)).toBeNull();
    expect(reminderFor(t, '2026-02-12', 3, VIETNAM_CALENDAR)!.kind).toBe('due_soon');
    expect(reminderFor({ ...t, extendedTo: '2026-03-31' }, '2026-02-25', 3, VIETNAM_CALENDAR)).toBeNull();
    expect(reminderFor({ ...t, state: 'reported' }, '2026-03-01', 3, VIETNAM_CALENDAR)).toBeNull();
    expect(reminderFor({ ...t, state: 'done' }, '2026-03-01', 3, VIETNAM_CALENDAR)).toBeNull();
  });

  it('writes a Vietnamese subject with the due date as dd/mm/yyyy', () => {
    const m = reminderMessage(
      { kind: 'overdue', due: '2026-07-31', key: 'k' },
      {
        title: 'Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU',
        leadName: 'Ban Tổ chức Tỉnh ủy',
        supervisorName: 'Võ Thị Thu Hà',
        sourceLabel: '30-TB/TU',
        product: 'Báo cáo',
        percent: 70,
      },
      'http://x/tasks/1',
    );
    expect(m.subject).toBe('[Quychế] Quá hạn từ 31/07/2026: Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU');
    expect(m.text).toContain('Đơn vị chủ trì: Ban Tổ chức Tỉnh ủy');
    expect(m.text).toContain('Tiến độ: 70%');
  });
});

import { formatDateVi } from '../time/date.js';
import type { WorkingCalendar } from '../regulation/engine.js';
import { addWorkingDays } from '../regulation/engine.js';
import { effectiveDue, OPEN_TASK_STATES } from './task.rules.js';
import type { TaskState } from './task.rules.js';

/**
 * Which reminder a task is owed on a day: N working days before its due date (and every day of that window until
 * one is sent), on the due date, and once a week while overdue. Each has a key, so a reminder is sent once however
 * often the scan runs; an extension gives a new due date and so new reminders.
 */
export type ReminderKind = 'due_soon' | 'due_today' | 'overdue';

export interface ReminderTask {
  id: string;
  state: TaskState;
  dueDate: string | null;
  extendedTo?: string | null;
}

export interface Reminder {
  kind: ReminderKind;
  due: string;
  key: string;
}

/** ISO week of a date, as "2026-W31": overdue reminders repeat weekly. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  // The Thursday of the date's week decides its year; week 1 holds the year's first Thursday.
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3);
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const firstThursday = new Date(jan4.getTime() + (3 - ((jan4.getUTCDay() + 6) % 7)) * 86_400_000);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function reminderFor(
  t: ReminderTask,
  today: string,
  beforeWorkingDays: number,
  cal: WorkingCalendar,
): Reminder | null {
  if (!OPEN_TASK_STATES.includes(t.state) || t.state === 'reported') return null;
  const due = effectiveDue(t);
  if (!due) return null;
  if (due < today) return { kind: 'overdue', due, key: `${t.id}:overdue:${due}:${isoWeek(today)}` };
  if (due === today) return { kind: 'due_today', due, key: `${t.id}:due_today:${due}` };
  // Within N working days of the due date: today + N working days reaches it.
  if (addWorkingDays(today, beforeWorkingDays, cal) >= due)
    return { kind: 'due_soon', due, key: `${t.id}:due_soon:${due}` };
  return null;
}

const SUBJECT: Record<ReminderKind, (due: string) => string> = {
  due_soon: (due) => `Sắp đến hạn ${formatDateVi(due)}`,
  due_today: (due) => `Đến hạn hôm nay ${formatDateVi(due)}`,
  overdue: (due) => `Quá hạn từ ${formatDateVi(due)}`,
};

/** The reminder as people read it: a Vietnamese subject with the date as dd/mm/yyyy, and the task's 6 rõ. */
export function reminderMessage(
  r: Reminder,
  t: {
    title: string;
    leadName: string | null;
    supervisorName: string | null;
    sourceLabel: string | null;
    product: string | null;
    percent: number;
  },
  link: string,
) {
  const subject = `[Quychế] ${SUBJECT[r.kind](r.due)}: ${t.title}`;
  const lines = [
    `${SUBJECT[r.kind](r.due)}.`,
    '',
    `Nhiệm vụ: ${t.title}`,
    t.sourceLabel ? `Nguồn: ${t.sourceLabel}` : null,
    `Đơn vị chủ trì: ${t.leadName ?? '(chưa có)'}`,
    t.supervisorName ? `Ủy viên Ban Thường vụ theo dõi: ${t.supervisorName}` : null,
    `Hạn: ${formatDateVi(r.due)}`,
    t.product ? `Sản phẩm: ${t.product}` : null,
    `Tiến độ: ${String(t.percent).replace('.', ',')}%`,
    '',
    `Xem và báo cáo tiến độ: ${link}`,
  ].filter((l): l is string => l !== null);
  return { subject, text: lines.join('\n') };
}

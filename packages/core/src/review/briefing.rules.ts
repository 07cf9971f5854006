import { foldVietnamese } from '../text/text.fold.js';
import type { IsoDate } from '../time/date.js';

/**
 * Giao ban các ban tham mưu, giúp việc (quý, 6 tháng): for each advisory unit, where each task it leads or supports
 * stood at the period's end, and which agenda items of the BTV and TT it presented. Pure rules; the service reads the
 * facts (what was open, overdue, the deadline in force on that day) from the dates each task keeps.
 */
export const BRIEFING_TASK_STATES = ['overdue', 'open', 'reported', 'done_late', 'done_on_time', 'closed'] as const;
export type BriefingTaskState = (typeof BRIEFING_TASK_STATES)[number];

export const BRIEFING_TASK_STATE_LABELS: Record<BriefingTaskState, { vi: string; en: string }> = {
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  open: { vi: 'Đang thực hiện, còn hạn', en: 'Open, within the deadline' },
  reported: { vi: 'Đã báo cáo hoàn thành, chờ nghiệm thu', en: 'Reported finished, awaiting acceptance' },
  done_late: { vi: 'Hoàn thành chậm', en: 'Done late' },
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  closed: { vi: 'Đã hủy hoặc chuyển giao', en: 'Cancelled or transferred' },
};

/** What a task was on the period's end, as read from its dates (task.asof.ts). */
export interface TaskFactsAtEnd {
  /** The day it was accepted as done (null when it was not). */
  doneOn: IsoDate | null;
  reportedOn: IsoDate | null;
  /** The deadline in force on the end date (an extension decided later does not count); null: due at a meeting. */
  dueAtEnd: IsoDate | null;
  openAtEnd: boolean;
  overdueAtEnd: boolean;
}

/**
 * The task's state on `end`: done by then on time or late (against the deadline in force that day), overdue, open
 * within its deadline, reported finished and awaiting acceptance, or else cancelled or transferred.
 */
export function taskStateAtEnd(t: TaskFactsAtEnd, end: IsoDate): BriefingTaskState {
  if (t.doneOn && t.doneOn <= end) return !t.dueAtEnd || t.doneOn <= t.dueAtEnd ? 'done_on_time' : 'done_late';
  if (t.overdueAtEnd) return 'overdue';
  if (t.openAtEnd) return 'open';
  if (t.reportedOn && t.reportedOn <= end) return 'reported';
  return 'closed';
}

/** Whole days from the deadline to `end` (a task due on 31/07 is 61 days overdue on 30/09). */
export function daysOverdue(due: IsoDate, end: IsoDate): number {
  return Math.max(0, Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000));
}

export type BriefingCounts = {
  total: number;
  overdue: number;
  open: number;
  reported: number;
  doneLate: number;
  doneOnTime: number;
  closed: number;
};

const COUNT_KEY: Record<BriefingTaskState, Exclude<keyof BriefingCounts, 'total'>> = {
  overdue: 'overdue',
  open: 'open',
  reported: 'reported',
  done_late: 'doneLate',
  done_on_time: 'doneOnTime',
  closed: 'closed',
};

export function countByState(states: BriefingTaskState[]): BriefingCounts {
  const c: BriefingCounts = {
    total: states.length,
    overdue: 0,
    open: 0,
    reported: 0,
    doneLate: 0,
    doneOnTime: 0,
    closed: 0,
  };
  for (const s of states) c[COUNT_KEY[s]]++;
  return c;
}

/** Overdue first, then open, awaiting acceptance, done late, done on time, closed. */
export const briefingStateRank = (s: BriefingTaskState) => BRIEFING_TASK_STATES.indexOf(s);

/** The committee's name at the end of a unit's name ("Ban Tổ chức Tỉnh ủy"): minutes often leave it out. */
const COMMITTEE_SUFFIXES = ['tinh uy', 'thanh uy', 'huyen uy', 'quan uy', 'thi uy', 'dang uy'];

const clean = (s: string) => foldVietnamese(s.replace(/[.,;:()"'“”‘’–-]/g, ' '));

function stripSuffix(folded: string, suffixes: string[]): string {
  for (const s of suffixes) if (folded.endsWith(` ${s}`)) return folded.slice(0, -(s.length + 1)).trim();
  return folded;
}

/**
 * Whether an agenda item's presenting unit (free text) names this advisory unit: compared without case or
 * diacritics, with or without the committee's name at the end ("Ban Tổ chức", "Ban Tổ chức Tỉnh ủy", "BAN TO CHUC
 * TINH UY AN LAC" all name "Ban Tổ chức Tỉnh ủy" of Tỉnh ủy An Lạc). Another unit ("Văn phòng UBND tỉnh") does not.
 */
export function presentingUnitMatcher(
  unitName: string,
  org: { name: string; shortName?: string | null },
): (presentingUnit: string | null | undefined) => boolean {
  const suffixes = [
    ...new Set(
      [org.shortName, org.name]
        .filter((x): x is string => !!x)
        .map(clean)
        .concat(COMMITTEE_SUFFIXES),
    ),
  ]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const full = clean(unitName);
  const core = stripSuffix(full, suffixes);
  return (p) => {
    if (!p) return false;
    const f = clean(p);
    return f === full || (core.length > 0 && stripSuffix(f, suffixes) === core);
  };
}

/**
 * The quarter a briefing page opens on: the current one in its last month (briefed before it ends), else the
 * last complete one.
 */
export function defaultBriefingPeriod(today: IsoDate): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const q = Math.ceil(m / 3);
  if (m % 3 === 0) return `${y}-Q${q}`;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

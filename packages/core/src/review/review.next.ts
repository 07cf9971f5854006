import { addDays } from '../time/date.js';
import type { IsoDate } from '../time/date.js';
import { parsePeriod, periodLabel, periodRange } from '../work/program.rules.js';
import type { ProgramSpan } from '../work/program.rules.js';
import type { ReviewPeriodKind } from './review.period.js';

/**
 * The period whose key tasks a review sets (nhiệm vụ trọng tâm kỳ tới): after a quarter the next quarter, after a
 * half-year the next half, after nine months the fourth quarter, after a year the next year; after any other span
 * (mid-term, a range of dates) the year that follows when it ends on 31/12, otherwise the next quarter.
 */
export interface NextPeriod {
  span: Extract<ProgramSpan, 'quarter' | 'half' | 'year'>;
  year: number;
  /** `2026-Q3`, `2026-H2`; none for a year. */
  period: string | null;
  from: IsoDate;
  to: IsoDate;
  label_vi: string;
}

export function nextPeriodOf(p: { kind: ReviewPeriodKind; to: IsoDate }, span?: NextPeriod['span']): NextPeriod {
  const next = addDays(p.to, 1);
  const year = Number(next.slice(0, 4));
  const month = Number(next.slice(5, 7));
  const chosen =
    span ?? (p.kind === 'half' ? 'half' : p.kind === 'year' || p.to.slice(5) === '12-31' ? 'year' : 'quarter');
  if (chosen === 'year')
    return { span: 'year', year, period: null, from: `${year}-01-01`, to: `${year}-12-31`, label_vi: `Năm ${year}` };
  const value = chosen === 'half' ? `${year}-H${month <= 6 ? 1 : 2}` : `${year}-Q${Math.ceil(month / 3)}`;
  const within = parsePeriod(chosen, value)!;
  return { span: chosen, year, period: value, ...periodRange(within), label_vi: periodLabel(within) };
}

const BULLET = /^\s*(?:[-–•+]|\d{1,2}[.)]|[a-zđ]\))\s*/iu;

/**
 * The key tasks a report's section III names, one per bullet, numbered line or clause between semicolons, as
 * program item titles: the office's bracketed notes left for itself are not tasks.
 */
export function keyTasksOf(paragraphs: string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const text = p.trim();
    if (!text || /^\(.*\)\.?$/s.test(text)) continue;
    for (const part of text.replace(BULLET, '').split(/;\s+/)) {
      const t = part
        .trim()
        .replace(/[.;:]+$/, '')
        .trim();
      if (t.length < 6) continue;
      const title = t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
      if (!out.some((x) => x.toLocaleLowerCase('vi') === title.toLocaleLowerCase('vi'))) out.push(title);
    }
  }
  return out;
}

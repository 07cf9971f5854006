import { formatDateVi } from '../time/date.js';
import type { IsoDate } from '../time/date.js';

/**
 * Shortcomings across review periods: one named before a period, or by an earlier review (the six-month review's,
 * in the annual review), and not fixed when the period begins is carried over into it; fixed within it, it is listed
 * as fixed; still open at its end, it goes on to the next. Dates decide, so a past review reads the same later.
 */
export interface ShortcomingDates {
  id: string;
  identifiedOn: IsoDate;
  fixedOn: IsoDate | null;
  dueDate: IsoDate;
  /** Named by a review report: a review names its shortcomings after its own period, so a later one carries them. */
  fromReview?: boolean;
}

export type ShortcomingStanding = 'carried_over' | 'new' | 'fixed' | 'open_at_end';

/** Where a shortcoming stands in a period (null when it has nothing to do with it). */
export function standingIn(
  s: ShortcomingDates,
  period: { from: IsoDate; to: IsoDate },
): { carriedOver: boolean; fixedWithin: boolean; openAtEnd: boolean; overdueAtEnd: boolean } | null {
  if (s.identifiedOn > period.to) return null;
  if (s.fixedOn !== null && s.fixedOn < period.from) return null;
  const carriedOver = s.identifiedOn < period.from || s.fromReview === true;
  const fixedWithin = s.fixedOn !== null && s.fixedOn <= period.to;
  const openAtEnd = !fixedWithin;
  return { carriedOver, fixedWithin, openAtEnd, overdueAtEnd: openAtEnd && s.dueDate < period.to };
}

/** The line a report or a list shows about one. */
export function standingLabel(s: ShortcomingDates, period: { from: IsoDate; to: IsoDate }): string {
  const st = standingIn(s, period);
  if (!st) return '';
  if (st.fixedWithin) return `đã khắc phục ngày ${formatDateVi(s.fixedOn)}`;
  return (
    `${st.carriedOver ? 'chuyển từ kỳ trước, ' : ''}chưa khắc phục` +
    (st.overdueAtEnd ? `, quá hạn từ ${formatDateVi(s.dueDate)}` : `, hạn ${formatDateVi(s.dueDate)}`)
  );
}

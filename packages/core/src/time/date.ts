/**
 * Calendar dates are ISO strings 'YYYY-MM-DD' (compared lexically); validity intervals are inclusive
 * at both ends and `until: null` means open-ended — the form people use ("từ 01/7/2025 đến hết 30/6/2030").
 */
export type IsoDate = string;
export interface Interval {
  from: IsoDate;
  until: IsoDate | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True only for real calendar dates: "2026-02-30" is not one. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month's last day, or `today` while the month runs: whom a register had in that month (months ahead: their end). */
export function monthEndOrToday(year: number, month: number, today: IsoDate): IsoDate {
  const end = `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
  return end < today ? end : today;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Today's calendar date in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
/** Monday 0 … Sunday 6: the Vietnamese week starts on Monday (Thứ Hai). */
export function weekdayIndex(date: IsoDate): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** 2026-11-22 → 22/11/2026, as people write dates. */
export function formatDateVi(date: IsoDate | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** 22/11/2026 or 2026-11-22 → 2026-11-22; null when it is not a real date. */
export function parseDateVi(text: string): IsoDate | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export function isActiveOn(interval: Interval, on: IsoDate): boolean {
  return interval.from <= on && (interval.until === null || interval.until >= on);
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.from <= (b.until ?? '9999-12-31') && b.from <= (a.until ?? '9999-12-31');
}

export function intersect(a: Interval, b: Interval): Interval | null {
  const from = a.from > b.from ? a.from : b.from;
  const until = a.until === null ? b.until : b.until === null ? a.until : a.until < b.until ? a.until : b.until;
  if (until !== null && until < from) return null;
  return { from, until };
}

/** The parts of `target` not covered by any of `cover` (all inclusive intervals). */
export function uncovered(target: Interval, cover: Interval[]): Interval[] {
  let gaps: Interval[] = [target];
  for (const c of cover) {
    const next: Interval[] = [];
    for (const g of gaps) {
      const hit = intersect(g, c);
      if (!hit) {
        next.push(g);
        continue;
      }
      if (g.from < hit.from) next.push({ from: g.from, until: addDays(hit.from, -1) });
      if (hit.until !== null && (g.until === null || g.until > hit.until)) {
        next.push({ from: addDays(hit.until, 1), until: g.until });
      }
    }
    gaps = next;
  }
  return gaps;
}

export function formatIntervalVi(i: Interval): string {
  return i.until ? `từ ${formatDateVi(i.from)} đến ${formatDateVi(i.until)}` : `từ ${formatDateVi(i.from)}`;
}

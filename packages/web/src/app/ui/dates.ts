import { addDays, daysInMonth, formatDateVi } from '@quyche/core';

export const fmt = (d: string | null | undefined) => formatDateVi(d ?? null);

export const period = (from: string, until: string | null, l: 'vi' | 'en') =>
  until
    ? `${l === 'vi' ? 'từ' : 'from'} ${fmt(from)} ${l === 'vi' ? 'đến' : 'to'} ${fmt(until)}`
    : `${l === 'vi' ? 'từ' : 'from'} ${fmt(from)}`;

/** A moment (ISO, with its time zone) as read in Vietnam (UTC+7, no daylight saving): dd/mm/yyyy hh:mm. */
export const fmtDateTime = (iso: string | null | undefined) => {
  if (!iso) return '';
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${fmt(local.slice(0, 10))} ${local.slice(11, 16)}`;
};

/** The later of two ISO dates. */
export const maxDate = (a: string, b: string | null | undefined) => (b && b > a ? b : a);

/**
 * The earlier and the later of two ISO dates or times (2026-11-22, 2026-11-22T08:00:00Z): they order as strings, so
 * Math.min and Math.max (which turn them into NaN) do not apply.
 */
export const earlierIso = (a: string, b: string) => (b < a ? b : a);
export const laterIso = (a: string, b: string) => (b > a ? b : a);

/** The same day a year later (29/02 → 28/02). */
export const addYear = (iso: string) => {
  const y = Number(iso.slice(0, 4)) + 1;
  const m = Number(iso.slice(5, 7));
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return `${y}-${iso.slice(5, 7)}-${String(d).padStart(2, '0')}`;
};

/** The twelve months after a date: from the next day to the same day a year later. */
export const nextTwelveMonths = (iso: string) => ({ from: addDays(iso, 1), to: addYear(iso) });

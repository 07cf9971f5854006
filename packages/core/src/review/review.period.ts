import { ProblemError } from '../problem/problem.js';
import { addDays, daysInMonth, formatDateVi, isIsoDate } from '../time/date.js';
import type { IsoDate } from '../time/date.js';

/**
 * The periods a committee reviews its work over (sơ kết quý, 6 tháng, 9 tháng; tổng kết năm; sơ kết giữa nhiệm kỳ,
 * tổng kết nhiệm kỳ), written as short codes: `2026-Q1`, `2026-H1`, `2026-M9`, `2026`, `nhiem-ky-giua`, `nhiem-ky`,
 * or any dates `2026-03-01..2026-05-31`. Each has the period it is compared with: the same span a year earlier
 * (this year's first half beside last year's), or for a term the span before it.
 */
export const REVIEW_PERIOD_KINDS = [
  'quarter',
  'half',
  'nine_months',
  'year',
  'mid_term',
  'full_term',
  'custom',
] as const;
export type ReviewPeriodKind = (typeof REVIEW_PERIOD_KINDS)[number];

export const REVIEW_PERIOD_LABELS: Record<ReviewPeriodKind, { vi: string; en: string }> = {
  quarter: { vi: 'Quý', en: 'Quarter' },
  half: { vi: '6 tháng', en: 'Half-year' },
  nine_months: { vi: '9 tháng', en: 'Nine months' },
  year: { vi: 'Năm', en: 'Year' },
  mid_term: { vi: 'Giữa nhiệm kỳ', en: 'Mid-term' },
  full_term: { vi: 'Nhiệm kỳ', en: 'Full term' },
  custom: { vi: 'Khoảng thời gian', en: 'Date range' },
};

export interface ReviewPeriod {
  kind: ReviewPeriodKind;
  /** The code it was asked by (`2026-H1`), or `from..to`. */
  code: string;
  from: IsoDate;
  to: IsoDate;
  label_vi: string;
  label_en: string;
}

/** A term as the period needs it: its name (XVIII), start and (planned) end. */
export interface TermSpan {
  name: string;
  from: IsoDate;
  to: IsoDate | null;
}

const refuse = (field: string, detail: string, code = 'KY_SO_KET_KHONG_HOP_LE') =>
  new ProblemError('VALIDATION_FAILED', { code, field, detail });

const endOfMonth = (year: number, month: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
const startOfMonth = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;

function yearSpan(year: number, firstMonth: number, lastMonth: number) {
  return { from: startOfMonth(year, firstMonth), to: endOfMonth(year, lastMonth) };
}

/** A term with no recorded end runs five years (Điều lệ Đảng, Điều 11: nhiệm kỳ đại hội 5 năm). */
export function termEnd(term: TermSpan): IsoDate {
  return term.to ?? addDays(`${Number(term.from.slice(0, 4)) + 5}${term.from.slice(4)}`, -1);
}

/** The day the first half of a term ends: a mid-term review covers the term up to it. */
export function termMidpoint(term: TermSpan): IsoDate {
  const a = Date.parse(`${term.from}T00:00:00Z`);
  const b = Date.parse(`${termEnd(term)}T00:00:00Z`);
  return new Date(a + Math.floor((b - a) / 86_400_000 / 2) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Reads a period code. Refuses, naming the field, a quarter other than 1–4, a half other than 1–2, a period that
 * has not started by `today`, a mid-term review before the term's midpoint, and dates out of order.
 */
export function parseReviewPeriod(
  code: string,
  opts: { today: IsoDate; term?: TermSpan | null; field?: string },
): ReviewPeriod {
  const field = opts.field ?? 'query.period';
  const c = code.trim();
  let p: ReviewPeriod;
  let m: RegExpMatchArray | null;
  if ((m = c.match(/^(\d{4})-[Qq](\d+)$/))) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    if (q < 1 || q > 4) throw refuse(field, `Quý ${q} không có: một năm có 4 quý (từ quý 1 đến quý 4)`);
    p = {
      kind: 'quarter',
      code: `${year}-Q${q}`,
      ...yearSpan(year, q * 3 - 2, q * 3),
      label_vi: `Quý ${['I', 'II', 'III', 'IV'][q - 1]} năm ${year}`,
      label_en: `Q${q} ${year}`,
    };
  } else if ((m = c.match(/^(\d{4})-[Hh](\d+)$/))) {
    const year = Number(m[1]);
    const h = Number(m[2]);
    if (h < 1 || h > 2)
      throw refuse(field, `Nửa năm thứ ${h} không có: 6 tháng đầu năm (H1) hoặc 6 tháng cuối năm (H2)`);
    p = {
      kind: 'half',
      code: `${year}-H${h}`,
      ...yearSpan(year, h === 1 ? 1 : 7, h === 1 ? 6 : 12),
      label_vi: `6 tháng ${h === 1 ? 'đầu' : 'cuối'} năm ${year}`,
      label_en: `${h === 1 ? 'First' : 'Second'} half of ${year}`,
    };
  } else if ((m = c.match(/^(\d{4})-[Mm]9$/))) {
    const year = Number(m[1]);
    p = {
      kind: 'nine_months',
      code: `${year}-M9`,
      ...yearSpan(year, 1, 9),
      label_vi: `9 tháng đầu năm ${year}`,
      label_en: `First nine months of ${year}`,
    };
  } else if ((m = c.match(/^(\d{4})$/))) {
    const year = Number(m[1]);
    p = { kind: 'year', code: `${year}`, ...yearSpan(year, 1, 12), label_vi: `Năm ${year}`, label_en: `Year ${year}` };
  } else if (c === 'nhiem-ky-giua' || c === 'nhiem-ky') {
    const term = opts.term;
    if (!term)
      throw refuse(
        field,
        'Tổ chức chưa có khóa, nhiệm kỳ nào tại thời điểm này: chưa thể sơ kết, tổng kết nhiệm kỳ',
        'CHUA_CO_NHIEM_KY',
      );
    const mid = termMidpoint(term);
    if (c === 'nhiem-ky-giua') {
      if (opts.today < mid)
        throw refuse(
          field,
          `Nhiệm kỳ khóa ${term.name} (${formatDateVi(term.from)} – ${formatDateVi(termEnd(term))}) ` +
            `chưa tới giữa nhiệm kỳ (${formatDateVi(mid)}): chưa thể sơ kết giữa nhiệm kỳ`,
          'CHUA_TOI_GIUA_NHIEM_KY',
        );
      p = {
        kind: 'mid_term',
        code: c,
        from: term.from,
        to: mid,
        label_vi: `Giữa nhiệm kỳ khóa ${term.name}`,
        label_en: `Mid-term of term ${term.name}`,
      };
    } else {
      p = {
        kind: 'full_term',
        code: c,
        from: term.from,
        to: termEnd(term),
        label_vi: `Nhiệm kỳ khóa ${term.name}`,
        label_en: `Term ${term.name}`,
      };
    }
  } else if ((m = c.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/))) {
    return customPeriod(m[1]!, m[2]!, { today: opts.today, fromField: field, toField: field });
  } else {
    throw refuse(
      field,
      `Không hiểu kỳ "${c.slice(0, 40)}": dùng quý (2026-Q1), 6 tháng (2026-H1), 9 tháng (2026-M9), năm (2026), ` +
        `giữa nhiệm kỳ hoặc nhiệm kỳ`,
    );
  }
  if (p.from > opts.today)
    throw refuse(
      field,
      `${p.label_vi} chưa bắt đầu (từ ${formatDateVi(p.from)}): chỉ sơ kết, tổng kết kỳ đã qua hoặc đang diễn ra`,
      'KY_CHUA_BAT_DAU',
    );
  return p;
}

/** Any span of dates, as the API takes it (`from`, `to`). */
export function customPeriod(
  from: string,
  to: string,
  opts: { today: IsoDate; fromField?: string; toField?: string },
): ReviewPeriod {
  const fromField = opts.fromField ?? 'query.from';
  const toField = opts.toField ?? 'query.to';
  if (!isIsoDate(from)) throw refuse(fromField, `Ngày bắt đầu "${from.slice(0, 20)}" không phải một ngày có thật`);
  if (!isIsoDate(to)) throw refuse(toField, `Ngày kết thúc "${to.slice(0, 20)}" không phải một ngày có thật`);
  if (to < from)
    throw refuse(toField, `Ngày kết thúc (${formatDateVi(to)}) trước ngày bắt đầu (${formatDateVi(from)})`);
  if (from > opts.today)
    throw refuse(
      fromField,
      `Kỳ bắt đầu ${formatDateVi(from)} chưa tới: chỉ sơ kết, tổng kết kỳ đã qua hoặc đang diễn ra`,
      'KY_CHUA_BAT_DAU',
    );
  return namedPeriodOf(from, to) ?? spanPeriod('custom', from, to);
}

/** A span that is no named period, labelled by its dates (`note`: said after them, as the previous span's). */
function spanPeriod(kind: ReviewPeriodKind, from: IsoDate, to: IsoDate, note?: { vi: string; en: string }) {
  return {
    kind,
    code: `${from}..${to}`,
    from,
    to,
    label_vi: `Từ ${formatDateVi(from)} đến ${formatDateVi(to)}${note ? ` (${note.vi})` : ''}`,
    label_en: `${from} to ${to}${note ? ` (${note.en})` : ''}`,
  } satisfies ReviewPeriod;
}

/** The named period a span is (1/1–30/6/2026 is the first half of 2026), so that its label reads as people say it. */
function namedPeriodOf(from: IsoDate, to: IsoDate): ReviewPeriod | null {
  if (to.slice(0, 4) !== from.slice(0, 4)) return null;
  return periodsOfYear(Number(from.slice(0, 4)), '9999-12-31').find((p) => p.from === from && p.to === to) ?? null;
}

const shiftYears = (d: IsoDate, n: number): IsoDate => {
  const y = Number(d.slice(0, 4)) + n;
  const month = Number(d.slice(5, 7));
  const day = Math.min(Number(d.slice(8, 10)), daysInMonth(y, month));
  return `${y}-${d.slice(5, 7)}-${String(day).padStart(2, '0')}`;
};

/**
 * The period a review is compared with: the same span a year earlier for spans up to a year (Q1 2026 beside Q1
 * 2025, the first half beside last year's first half); for longer spans (a term, its first half) the span of the
 * same length just before it.
 */
export function previousPeriod(p: ReviewPeriod): ReviewPeriod {
  const days = Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1;
  if (days <= 366) {
    const from = shiftYears(p.from, -1);
    // A span that ends on the last day of February ends there a year earlier too.
    const to =
      p.to.slice(5) === '02-29' ||
      (p.to.slice(5, 7) === '02' && Number(p.to.slice(8)) === daysInMonth(Number(p.to.slice(0, 4)), 2))
        ? endOfMonth(Number(p.to.slice(0, 4)) - 1, 2)
        : shiftYears(p.to, -1);
    return namedPeriodOf(from, to) ?? spanPeriod(p.kind, from, to);
  }
  const to = addDays(p.from, -1);
  const from = addDays(to, -(days - 1));
  return spanPeriod(p.kind, from, to, { vi: 'kỳ trước', en: 'previous span' });
}

/** The periods offered for a year (the review page's picker), those started by `today`. */
export function periodsOfYear(year: number, today: IsoDate): ReviewPeriod[] {
  const codes = [
    `${year}-Q1`,
    `${year}-Q2`,
    `${year}-H1`,
    `${year}-Q3`,
    `${year}-M9`,
    `${year}-Q4`,
    `${year}-H2`,
    `${year}`,
  ];
  return codes.map((c) => parseReviewPeriod(c, { today: '9999-12-31' })).filter((p) => p.from <= today);
}

/** A period's label inside a sentence: "Quý III năm 2026" → "quý III năm 2026" (the numeral keeps its capitals). */
export function inSentence(label: string): string {
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}

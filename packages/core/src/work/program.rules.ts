import { daysInMonth, formatDateVi, isIsoDate } from '../time/date.js';
import type { IsoDate } from '../time/date.js';
import { EngineError, whoDecides } from '../regulation/engine.js';
import type { Regulation } from '../regulation/reg.model.js';

/**
 * Work programs and inspection–supervision programs (chương trình làm việc; chương trình kiểm tra, giám sát), for a
 * whole term or a year. Items are placed in a month, a quarter, a half-year, at a meeting or on a date; each item's
 * due date follows from its place, and its tasks inherit it.
 */
export const PROGRAM_KINDS = ['work', 'inspection'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
/** A full term, a year, or the quarter or half-year whose key tasks a review sets (nhiệm vụ trọng tâm kỳ tới). */
export const PROGRAM_SPANS = ['term', 'year', 'half', 'quarter'] as const;
export type ProgramSpan = (typeof PROGRAM_SPANS)[number];
export const PROGRAM_STATES = ['draft', 'adopted', 'cancelled'] as const;
export type ProgramState = (typeof PROGRAM_STATES)[number];

export const PROGRAM_KIND_LABELS: Record<ProgramKind, { vi: string; en: string }> = {
  work: { vi: 'Chương trình làm việc', en: 'Work program' },
  inspection: { vi: 'Chương trình kiểm tra, giám sát', en: 'Inspection and supervision program' },
};
export const PROGRAM_SPAN_LABELS: Record<ProgramSpan, { vi: string; en: string }> = {
  term: { vi: 'toàn khóa', en: 'full term' },
  year: { vi: 'năm', en: 'annual' },
  half: { vi: '6 tháng', en: 'half-year' },
  quarter: { vi: 'quý', en: 'quarterly' },
};
export const PROGRAM_STATE_LABELS: Record<ProgramState, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  adopted: { vi: 'Đã thông qua', en: 'Adopted' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/**
 * The matter codes regulations use for adopting programs (the central model's): a full-term program is the
 * executive committee's reserved matter (R11, 305-QĐ/TW); who adopts an annual one is the regulation's choice.
 */
export const PROGRAM_MATTERS: Record<ProgramSpan, string> = {
  term: 'CTR_TOAN_KHOA',
  year: 'CTR_NAM',
  half: 'CTR_QUY_6_THANG',
  quarter: 'CTR_QUY_6_THANG',
};
/** Where a regulation names no competent body for a full-term program: R11's default. */
export const R11_DEFAULT = {
  body: 'BCH',
  basis_vi:
    'Quy định 305-QĐ/TW: Ban Chấp hành thông qua chương trình làm việc, chương trình kiểm tra, ' +
    'giám sát toàn khóa (R11)',
};

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'meeting', 'date'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type ProgramPeriod =
  | { kind: 'month'; value: string } // 2026-05
  | { kind: 'quarter'; value: string } // 2026-Q2
  | { kind: 'half'; value: string } // 2026-H1
  | { kind: 'date'; value: IsoDate }
  | { kind: 'meeting'; meetingDate: IsoDate; label: string };

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Parses a period as written in the API or a sheet; null when it is not one. */
export function parsePeriod(kind: Exclude<PeriodKind, 'meeting'>, value: string): ProgramPeriod | null {
  const v = value.trim();
  if (kind === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(v) ?? /^(?:T|Tháng\s*)?(\d{1,2})\/(\d{4})$/i.exec(v);
    if (!m) return null;
    const [y, mo] = v.includes('-') ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
    return mo >= 1 && mo <= 12 ? { kind, value: `${y}-${pad(mo)}` } : null;
  }
  if (kind === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/i.exec(v) ?? /^Q(?:uý\s*)?([1-4]|I{1,3}|IV)\/(\d{4})$/i.exec(v);
    if (!m) return null;
    if (/^\d{4}/.test(v)) return { kind, value: `${m[1]}-Q${m[2]}` };
    const q = /^\d$/.test(m[1]!) ? Number(m[1]) : ROMAN.indexOf(m[1]!.toUpperCase()) + 1;
    return { kind, value: `${m[2]}-Q${q}` };
  }
  if (kind === 'half') {
    const m = /^(\d{4})-H([12])$/i.exec(v);
    return m ? { kind, value: `${m[1]}-H${m[2]}` } : null;
  }
  return isIsoDate(v) ? { kind: 'date', value: v } : null;
}

/** The first and last day of a period: the item's bar on the timeline runs between them. */
export function periodRange(p: ProgramPeriod): { from: IsoDate; to: IsoDate } {
  if (p.kind === 'date') return { from: p.value, to: p.value };
  if (p.kind === 'meeting') return { from: p.meetingDate, to: p.meetingDate };
  const y = Number(p.value.slice(0, 4));
  if (p.kind === 'month') {
    const m = Number(p.value.slice(5, 7));
    return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
  }
  const n = Number(p.value.slice(6));
  const [m1, m2] = p.kind === 'quarter' ? [3 * n - 2, 3 * n] : [6 * n - 5, 6 * n];
  return { from: `${y}-${pad(m1)}-01`, to: `${y}-${pad(m2)}-${pad(daysInMonth(y, m2))}` };
}

/** The due date of an item: the end of its period, or its meeting's date. */
export const periodDue = (p: ProgramPeriod): IsoDate => periodRange(p).to;

/** "Tháng 5/2026", "Quý II/2026", "6 tháng đầu năm 2026", "Hội nghị Tỉnh ủy lần thứ 10 (18/12/2026)". */
export function periodLabel(p: ProgramPeriod): string {
  if (p.kind === 'date') return formatDateVi(p.value);
  if (p.kind === 'meeting') return `${p.label} (${formatDateVi(p.meetingDate)})`;
  const y = p.value.slice(0, 4);
  if (p.kind === 'month') return `Tháng ${Number(p.value.slice(5, 7))}/${y}`;
  const n = Number(p.value.slice(6));
  if (p.kind === 'quarter') return `Quý ${ROMAN[n - 1]}/${y}`;
  return n === 1 ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`;
}

/** An item's period must fall within its program: the year of an annual program, the term of a full-term one. */
export function periodWithin(p: ProgramPeriod, span: { from: IsoDate; to: IsoDate }): boolean {
  const r = periodRange(p);
  return r.from >= span.from && r.to <= span.to;
}

/** The period of a quarter's or half-year's program (`2026-Q3`, `2026-H2`). */
export function programPeriod(span: ProgramSpan, period: string | null): ProgramPeriod | null {
  if (span !== 'quarter' && span !== 'half') return null;
  return parsePeriod(span, period ?? '');
}

/** The dates a program covers: its quarter, half-year or year, or its term. */
export function programSpan(p: {
  span: ProgramSpan;
  year: number | null;
  period?: string | null;
  term: { from: IsoDate; to: IsoDate | null };
}): { from: IsoDate; to: IsoDate } {
  if (p.span === 'year') return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  const within = programPeriod(p.span, p.period ?? null);
  if (within) return periodRange(within);
  return { from: p.term.from, to: p.term.to ?? '9999-12-31' };
}

/** A program's title as the Party writes it: "Chương trình kiểm tra, giám sát năm 2026 của Ban Thường vụ Tỉnh ủy". */
export function programTitle(
  kind: ProgramKind,
  span: ProgramSpan,
  year: number | null,
  termName: string,
  ownerName: string,
  period: string | null = null,
): string {
  const within = programPeriod(span, period);
  const label = within ? periodLabel(within) : '';
  const when =
    span === 'year'
      ? `năm ${year}`
      : within
        ? label.charAt(0).toLocaleLowerCase('vi') + label.slice(1)
        : `toàn khóa ${termName}`;
  return `${PROGRAM_KIND_LABELS[kind].vi} ${when} của ${ownerName}`;
}

/** Progress of a program item against time: late when its due date has passed and the work is not done. */
export function itemStatus(
  i: { due: IsoDate | null; percent: number; openTasks: number; tasks: number },
  today: IsoDate,
): { code: 'no_task' | 'done' | 'late' | 'on_track' | 'upcoming'; label_vi: string } {
  if (i.tasks === 0) return { code: 'no_task', label_vi: 'Chưa giao nhiệm vụ' };
  if (i.openTasks === 0 && i.percent >= 100) return { code: 'done', label_vi: 'Hoàn thành' };
  if (i.due && i.due < today)
    return { code: 'late', label_vi: `Chậm so với chương trình (hạn ${formatDateVi(i.due)})` };
  if (i.percent > 0) return { code: 'on_track', label_vi: `Đang thực hiện (${i.percent}%)` };
  return { code: 'upcoming', label_vi: 'Chưa đến hạn' };
}

export interface AdoptionCheck {
  ok: boolean;
  /** The body the regulation (or R11) names. */
  competent: string | null;
  reason_vi: string;
  ruleIds: string[];
  eIds: string[];
}

/**
 * Who adopts a program (R11): the regulation's competence rule for the program's matter; where the regulation is
 * silent, a full-term program still goes to the executive committee, and an annual one is accepted with the gap named.
 */
export function adoptionCheck(
  reg: Regulation | undefined,
  span: ProgramSpan,
  matter: string,
  bodyKind: string,
  bodyName: string,
  on: IsoDate,
): AdoptionCheck {
  const decided = programAdopter(reg, span, matter, on);
  if (!decided.competent) return { ...decided, ok: true, reason_vi: `${decided.reason_vi}; ${bodyName} thông qua` };
  if (decided.competent === bodyKind)
    return { ...decided, ok: true, reason_vi: `Đúng thẩm quyền: ${decided.reason_vi}` };
  return {
    ...decided,
    ok: false,
    reason_vi:
      `${bodyName} không có thẩm quyền thông qua chương trình này; ` +
      `cơ quan có thẩm quyền là ${decided.competentName} (${decided.reason_vi})`,
  };
}

/** The body that must adopt a program, with the rule that says so (none where the regulation leaves it open). */
export function programAdopter(
  reg: Regulation | undefined,
  span: ProgramSpan,
  matter: string,
  on: IsoDate,
): AdoptionCheck & { competentName: string | null } {
  const nameOf = (code: string) => reg?.frontMatter.bodies?.[code]?.name ?? reg?.frontMatter.roles?.[code] ?? code;
  if (reg) {
    try {
      const a = whoDecides(reg, matter, {}, on);
      return {
        ok: true,
        competent: a.result.body,
        competentName: nameOf(a.result.body),
        reason_vi: a.reason_vi,
        ruleIds: a.ruleIds,
        eIds: a.eIds,
      };
    } catch (e) {
      if (!(e instanceof EngineError) || (e.code !== 'NO_RULE' && e.code !== 'UNKNOWN_REFERENCE')) throw e;
    }
  }
  if (span === 'term')
    return {
      ok: true,
      competent: R11_DEFAULT.body,
      competentName: reg ? nameOf(R11_DEFAULT.body) : 'Ban Chấp hành',
      reason_vi: R11_DEFAULT.basis_vi,
      ruleIds: ['R11'],
      eIds: [],
    };
  const what = span === 'year' ? 'chương trình năm' : 'chương trình quý, 6 tháng';
  return {
    ok: true,
    competent: null,
    competentName: null,
    reason_vi: `Quy chế không quy định cơ quan thông qua ${what}`,
    ruleIds: [],
    eIds: [],
  };
}

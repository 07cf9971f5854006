import { isIsoDate } from '../time/date.js';
import { VIETNAM_CALENDAR } from '../time/holiday.calendar.js';
import { parseRatio } from './rational.js';
import type { Rational } from './rational.js';
import { citeVi } from './reg.parse.js';
import type { Regulation, Rule } from './reg.model.js';

/*
 * What every question to a regulation shares: the answer with its basis, the engine's errors, the working-day
 * calendar, the selection of the one rule in force (cached) and the reading of the question's input. The questions
 * themselves are in engine.ts (working regulations) and assessment.rules.ts (assessment); reg.ask.ts routes them.
 */

/** Every answer explains itself: the rules and the clauses it rests on, and a sentence in Vietnamese. */
export interface Answer<R = Record<string, unknown>> {
  result: R;
  ruleIds: string[];
  eIds: string[];
  expression?: string;
  reason_vi: string;
}

/** The regulation gives no answer (no rule) or two unordered answers (conflict), or the question is malformed. */
export class EngineError extends Error {
  constructor(
    readonly code: 'NO_RULE' | 'CONFLICT' | 'BAD_INPUT' | 'UNKNOWN_REFERENCE',
    readonly reason_vi: string,
    readonly ruleIds: string[] = [],
  ) {
    super(reason_vi);
  }
}

/** Only what the engine needs of a working-day calendar; ../calendar gives the Vietnamese one. */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
}
/** The default: Vietnamese public holidays (lunar ones included) and the substitutions known as data. */
export const DEFAULT_CALENDAR: WorkingCalendar = VIETNAM_CALENDAR;
export const WEEKENDS_ONLY: WorkingCalendar = {
  isWorkingDay: (d) => {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6;
  },
};

export const BODY_NAME = (reg: Regulation, id: string) =>
  reg.frontMatter.bodies?.[id]?.name ?? reg.frontMatter.roles?.[id] ?? id;
export const cite = (r: Rule) => citeVi(r.basis);

export function inForce(reg: Regulation, r: Rule, on: string): boolean {
  const from = r.valid?.from ?? reg.frontMatter.in_force_from;
  const until = r.valid?.until;
  return (!from || String(from) <= on) && (!until || String(until) >= on);
}

export function appliesToBody(r: { bodies?: string[]; body?: string }, body: string): boolean {
  return (Array.isArray(r.bodies) && r.bodies.includes(body)) || r.body === body;
}

/**
 * Rule selection is the costly part of an answer and depends only on (regulation, question key, date):
 * cached per parsed regulation so that repeated questions (a meeting's live quorum, benchmarks) are cheap.
 */
const selectionCache = new WeakMap<Regulation, Map<string, Rule | EngineError>>();
const lastHit = new WeakMap<Regulation, { key: string; value: Rule | EngineError }>();
export function cached<T extends Rule>(reg: Regulation, key: string, select: () => T): T {
  // The same question again (a meeting's live quorum): no map lookup.
  const last = lastHit.get(reg);
  if (last && last.key === key) {
    if (last.value instanceof EngineError) throw last.value;
    return last.value as T;
  }
  const value = cachedSlow(reg, key, select);
  lastHit.set(reg, { key, value });
  return value;
}
function cachedSlow<T extends Rule>(reg: Regulation, key: string, select: () => T): T {
  let m = selectionCache.get(reg);
  if (!m) selectionCache.set(reg, (m = new Map()));
  let hit = m.get(key);
  if (hit === undefined) {
    try {
      hit = select();
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      hit = e;
    }
    if (m.size > 10_000) m.clear();
    m.set(key, hit);
  }
  if (hit instanceof EngineError) throw hit;
  return hit as T;
}

const listCache = new WeakMap<Regulation, Map<string, Rule[]>>();
export function cachedList<T extends Rule>(reg: Regulation, key: string, select: () => T[]): T[] {
  let m = listCache.get(reg);
  if (!m) listCache.set(reg, (m = new Map()));
  let hit = m.get(key) as T[] | undefined;
  if (!hit) {
    hit = select();
    if (m.size > 10_000) m.clear();
    m.set(key, hit);
  }
  return hit;
}

/** The reason is a sentence built only when someone reads it; JSON.stringify includes it through toJSON. */
class LazyAnswer<R> {
  private text: string | undefined;
  constructor(
    readonly result: R,
    readonly ruleIds: string[],
    readonly eIds: string[],
    readonly expression: string | undefined,
    private readonly reason: () => string,
  ) {}
  get reason_vi(): string {
    return (this.text ??= this.reason());
  }
  toJSON() {
    return {
      result: this.result,
      ruleIds: this.ruleIds,
      eIds: this.eIds,
      ...(this.expression ? { expression: this.expression } : {}),
      reason_vi: this.reason_vi,
    };
  }
}
export function withReason<R>(a: Omit<Answer<R>, 'reason_vi'>, reason: () => string): Answer<R> {
  return new LazyAnswer(a.result, a.ruleIds, a.eIds, a.expression, reason);
}

/** Applicable rules minus those overridden by another applicable one; more than one left is a conflict. */
export function single<T extends Rule>(candidates: T[], what: string | (() => string)): T {
  let left = candidates;
  if (candidates.length > 1) {
    const overridden = new Set(candidates.map((r) => r['overrides']).filter(Boolean) as string[]);
    left = candidates.filter((r) => !overridden.has(r.id));
  }
  const w = () => (typeof what === 'string' ? what : what());
  if (left.length === 0) throw new EngineError('NO_RULE', `Quy chế không có quy định về ${w()}`);
  if (left.length > 1) {
    throw new EngineError(
      'CONFLICT',
      `Quy chế có ${left.length} quy định cùng áp dụng về ${w()} mà không quy định nào thay thế quy định nào: ` +
        `${left.map((r) => `${r.id} (${cite(r)})`).join('; ')}`,
      left.map((r) => r.id),
    );
  }
  return left[0]!;
}

const ratioCache = new WeakMap<object, { ratio: Rational; of: string; cmp: '>=' | '>' }>();
export function ratioOf(
  spec: { ratio?: unknown; of?: unknown; cmp?: unknown } | undefined,
  r: Rule,
): { ratio: Rational; of: string; cmp: '>=' | '>' } {
  const hit = spec && ratioCache.get(spec);
  if (hit) return hit;
  const v = readRatio(spec, r);
  if (spec) ratioCache.set(spec, v);
  return v;
}
function readRatio(
  spec: { ratio?: unknown; of?: unknown; cmp?: unknown } | undefined,
  r: Rule,
): { ratio: Rational; of: string; cmp: '>=' | '>' } {
  const ratio = parseRatio(spec?.ratio);
  if (!ratio) throw new EngineError('BAD_INPUT', `Quy tắc ${r.id} (${cite(r)}) không có tỷ lệ hợp lệ`, [r.id]);
  if (!spec?.of)
    throw new EngineError('BAD_INPUT', `Quy tắc ${r.id} (${cite(r)}) không nói tỷ lệ tính trên cơ sở nào (of)`, [r.id]);
  const cmp = spec.cmp === '>' ? '>' : spec.cmp === '>=' ? '>=' : null;
  if (!cmp)
    throw new EngineError('BAD_INPUT', `Quy tắc ${r.id} (${cite(r)}) không nói rõ "ít nhất" (>=) hay "quá" (>)`, [
      r.id,
    ]);
  return { ratio, of: String(spec.of), cmp };
}

export const BASE_VI: Record<string, string> = {
  summoned_members: 'số ủy viên được triệu tập',
  total_members: 'tổng số ủy viên',
  present_members: 'số ủy viên có mặt',
};

export function needInt(input: Record<string, unknown>, key: string): number {
  const v = input[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new EngineError('BAD_INPUT', `"${key}" phải là số nguyên không âm`);
  return v;
}
export function needDate(input: Record<string, unknown>, key: string): string {
  const v = input[key];
  if (typeof v !== 'string' || !isIsoDate(v))
    throw new EngineError('BAD_INPUT', `"${key}" phải là ngày dạng YYYY-MM-DD`);
  return v;
}
export function needBody(reg: Regulation, input: Record<string, unknown>): string {
  const b = input['body'];
  if (typeof b !== 'string') throw new EngineError('BAD_INPUT', '"body" phải là mã cơ quan trong quy chế');
  if (reg.frontMatter.bodies && !(b in reg.frontMatter.bodies))
    throw new EngineError('UNKNOWN_REFERENCE', `Quy chế không khai báo cơ quan "${b}"`);
  return b;
}

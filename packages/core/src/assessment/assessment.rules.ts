import { cite, EngineError, inForce, single, withReason } from '../regulation/engine.base.js';
import type { Answer } from '../regulation/engine.base.js';
import { meetsRatio, parseRatio } from '../regulation/rational.js';
import { citeVi } from '../regulation/reg.parse.js';
import type { Rational } from '../regulation/rational.js';
import { ASSESSMENT_LEVELS, ASSESSMENT_SUBJECTS } from '../regulation/reg.model.js';
import type { AssessmentLevel, AssessmentLevelRule, AssessmentQuotaRule, Regulation } from '../regulation/reg.model.js';

/** The levels as the forms write them. */
export const ASSESSMENT_LEVEL_VI: Record<AssessmentLevel, string> = {
  xuat_sac: 'Hoàn thành xuất sắc nhiệm vụ',
  tot: 'Hoàn thành tốt nhiệm vụ',
  hoan_thanh: 'Hoàn thành nhiệm vụ',
  khong_hoan_thanh: 'Không hoàn thành nhiệm vụ',
};
/** The facts of a subject's year a level's rule may name (`not_if`, `when_any`, `unless`), as a reason says them. */
export const ASSESSMENT_FACT_VI: Record<string, string> = {
  disciplined: 'bị xử lý kỷ luật từ khiển trách trở lên trong năm',
  degraded: 'bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống',
  member_disciplined: 'có đơn vị trực thuộc hoặc thành viên của tập thể lãnh đạo bị kỷ luật trong năm',
  leader_disciplined:
    'có thành viên tập thể lãnh đạo vi phạm liên quan đến chức trách, nhiệm vụ bị kỷ luật từ khiển trách trở lên',
  disunity: 'bị cấp có thẩm quyền kết luận có sai phạm trong công tác cán bộ, mất đoàn kết nội bộ',
  mitigated: 'đã tự giác nhận lỗi, khắc phục xong hậu quả',
};

const FACT_KEYS = Object.keys(ASSESSMENT_FACT_VI);

/** A subject's record for the year, as the classification reads it (snake_case: the CLI's and the API's input). */
export interface AssessmentRecord {
  subject: string;
  points: number;
  tasks_total: number;
  tasks_on_time: number;
  tasks_exceeded: number;
  /** Tasks done, but late; the tasks not done on time unless given. */
  tasks_late: number;
  /** Tasks not done: the rest. */
  tasks_failed: number;
  shortcomings_total: number;
  shortcomings_fixed: number;
  /** The facts (disciplined…): true when they hold. */
  [fact: string]: unknown;
}

export interface LevelCheck {
  level: AssessmentLevel;
  ruleId: string;
  basis: string;
  /** Why the level is not reached; empty when it is. */
  unmet: string[];
}
export type Classification = {
  level: AssessmentLevel;
  label_vi: string;
  /** The levels above the one given, each with what it lacks. */
  above: LevelCheck[];
  /** What forced "Không hoàn thành nhiệm vụ", when something did. */
  forced: string[];
};

const pct = (r: Rational) => {
  const p = (100 * r.num) / r.den;
  return `${Number.isInteger(p) ? p : p.toFixed(1).replace('.', ',')}%`;
};
const num = (n: number) => String(n).replace('.', ',');

// A unit's year classifies every member under the same few rules: their ratios are parsed once per rule.
const ratios = new WeakMap<AssessmentLevelRule, Map<string, Rational | null>>();
function ratioIn(rule: AssessmentLevelRule, key: string): Rational | null {
  let m = ratios.get(rule);
  if (!m) ratios.set(rule, (m = new Map()));
  const known = m.get(key);
  if (known !== undefined) return known;
  const spec = rule[key] as { ratio?: unknown } | undefined;
  if (spec === undefined) {
    m.set(key, null);
    return null;
  }
  const r = parseRatio(spec?.ratio);
  if (!r || r.num > r.den)
    throw new EngineError('BAD_INPUT', `Quy tắc ${rule.id} (${cite(rule)}): ${key} cần tỷ lệ từ 0 đến 1`, [rule.id]);
  m.set(key, r);
  return r;
}

/** The year's record from a question's input, every count checked against the others. */
export function readAssessmentRecord(input: Record<string, unknown>): AssessmentRecord {
  const subject = input['subject'];
  if (typeof subject !== 'string' || !(ASSESSMENT_SUBJECTS as readonly string[]).includes(subject))
    throw new EngineError('BAD_INPUT', `"subject" là ${ASSESSMENT_SUBJECTS.join(' hoặc ')}`);
  const points = input['points'];
  if (typeof points !== 'number' || !Number.isFinite(points) || points < 0 || points > 100)
    throw new EngineError('BAD_INPUT', '"points" phải là số điểm từ 0 đến 100');
  const count = (key: string, fallback?: number) => {
    const v = input[key] ?? fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw new EngineError('BAD_INPUT', `"${key}" phải là số nguyên không âm`);
    return v;
  };
  const total = count('tasks_total', 0);
  const onTime = count('tasks_on_time', total);
  const exceeded = count('tasks_exceeded', 0);
  if (onTime > total || exceeded > total)
    throw new EngineError('BAD_INPUT', 'Số nhiệm vụ đúng hạn, vượt mức không được lớn hơn tổng số nhiệm vụ');
  const late = count('tasks_late', total - onTime);
  if (onTime + late > total)
    throw new EngineError('BAD_INPUT', 'Số nhiệm vụ đúng hạn cộng số nhiệm vụ chậm không được lớn hơn tổng số');
  const shortTotal = count('shortcomings_total', 0);
  const shortFixed = count('shortcomings_fixed', shortTotal);
  if (shortFixed > shortTotal)
    throw new EngineError('BAD_INPUT', 'Số hạn chế đã khắc phục không được lớn hơn số hạn chế được chỉ ra');
  for (const k of FACT_KEYS)
    if (input[k] !== undefined && typeof input[k] !== 'boolean')
      throw new EngineError('BAD_INPUT', `"${k}" phải là true hoặc false`);
  const facts: Record<string, unknown> = {};
  for (const k of FACT_KEYS) if (input[k] !== undefined) facts[k] = input[k];
  return {
    ...facts,
    subject,
    points,
    tasks_total: total,
    tasks_on_time: onTime,
    tasks_exceeded: exceeded,
    tasks_late: late,
    tasks_failed: total - onTime - late,
    shortcomings_total: shortTotal,
    shortcomings_fixed: shortFixed,
  };
}

const fact = (f: string) => ASSESSMENT_FACT_VI[f] ?? f;

/** What a level's rule asks that the record does not give, each as a sentence with the numbers. */
function unmetOf(rule: AssessmentLevelRule, x: AssessmentRecord): string[] {
  const out: string[] = [];
  if (typeof rule.min_points === 'number' && !(x.points >= rule.min_points))
    out.push(`${num(x.points)} điểm, dưới ${num(rule.min_points)} điểm`);
  const share = (key: string, count: number, base: number, what: string, most = false) => {
    const r = ratioIn(rule, key);
    if (!r || base === 0) return;
    const ok = most ? !meetsRatio(count, base, r, '>') : meetsRatio(count, base, r, '>=');
    if (!ok) out.push(`${count}/${base} ${what}, ${most ? 'quá' : 'chưa đủ'} ${pct(r)}`);
  };
  const done = x.tasks_on_time + x.tasks_late;
  share('tasks_done', done, x.tasks_total, 'nhiệm vụ đã hoàn thành');
  share('tasks_on_time', x.tasks_on_time, x.tasks_total, 'nhiệm vụ hoàn thành đúng hạn');
  // A share of tasks exceeded is shown by tasks: with none recorded, nothing was done beyond what was asked.
  if (ratioIn(rule, 'tasks_exceeded')?.num && x.tasks_total === 0)
    out.push('không có nhiệm vụ nào được ghi hoàn thành vượt mức yêu cầu');
  share('tasks_exceeded', x.tasks_exceeded, x.tasks_total, 'nhiệm vụ hoàn thành vượt mức');
  share('max_tasks_late', x.tasks_late, x.tasks_total, 'nhiệm vụ chưa bảo đảm tiến độ', true);
  share('shortcomings_fixed', x.shortcomings_fixed, x.shortcomings_total, 'hạn chế, khuyết điểm đã khắc phục');
  for (const f of rule.not_if ?? []) if (x[f] === true) out.push(fact(f));
  return out;
}

/** What forces "Không hoàn thành nhiệm vụ" under its rule (a fact, too many tasks not done), unless it is lifted. */
function forcedBy(rule: AssessmentLevelRule | undefined, x: AssessmentRecord): string[] {
  if (!rule || (rule.unless ?? []).some((f) => x[f] === true)) return [];
  const out = (rule.when_any ?? []).filter((f) => x[f] === true).map(fact);
  const r = ratioIn(rule, 'tasks_failed_over');
  if (r && x.tasks_total > 0 && meetsRatio(x.tasks_failed, x.tasks_total, r, '>'))
    out.push(`${x.tasks_failed}/${x.tasks_total} nhiệm vụ không hoàn thành, quá ${pct(r)}`);
  return out;
}

/** The rule of each level for a subject on a day: one of each at most, selected once per regulation and day. */
const levelCache = new WeakMap<Regulation, Map<string, (AssessmentLevelRule | undefined)[]>>();
function levelRules(reg: Regulation, subject: string, on: string) {
  let m = levelCache.get(reg);
  if (!m) levelCache.set(reg, (m = new Map()));
  const key = `${subject}|${on}`;
  const byLevel =
    m.get(key) ??
    (() => {
      const rules = reg.rules.filter(
        (r): r is AssessmentLevelRule => r.kind === 'assessment_level' && r.subject === subject && inForce(reg, r, on),
      );
      if (rules.length === 0)
        throw new EngineError('NO_RULE', `Quy định không có mức xếp loại nào cho ${SUBJECT_VI[subject]}`);
      return ASSESSMENT_LEVELS.map((level) => {
        const c: AssessmentLevelRule[] = rules.filter((r) => r.level === level);
        return c.length ? single(c, `mức "${ASSESSMENT_LEVEL_VI[level]}" của ${SUBJECT_VI[subject]}`) : undefined;
      });
    })();
  if (m.size > 1000) m.clear();
  m.set(key, byLevel);
  return (level: AssessmentLevel) => byLevel[ASSESSMENT_LEVELS.indexOf(level)];
}

/**
 * The level of a subject's year under the assessment rules in force on `on`. What forces "Không hoàn thành nhiệm
 * vụ" (khoản 4 Điều 11: discipline, degradation, more than half the tasks not done) comes first, unless the fault was
 * owned and remedied; otherwise the highest level whose conditions all hold (a total in a level's band whose
 * conditions fail falls to the next level whose conditions hold), and "Không hoàn thành nhiệm vụ" when none does.
 * The answer names the rule of the level given and what each higher level lacks.
 */
export function classify(reg: Regulation, input: Record<string, unknown>, on: string): Answer<Classification> {
  const x = readAssessmentRecord(input);
  const ruleOf = levelRules(reg, x.subject, on);
  const lowest = ruleOf('khong_hoan_thanh');
  const answer = (
    level: AssessmentLevel,
    rule: AssessmentLevelRule | undefined,
    above: LevelCheck[],
    forced: string[],
  ) => {
    const checked = [...(rule ? [rule] : []), ...above.map((a) => ({ id: a.ruleId, basis: a.basis }))];
    const why = () =>
      above.map((a) => `không đạt "${ASSESSMENT_LEVEL_VI[a.level]}" (${citeVi(a.basis)}): ${a.unmet.join('; ')}`);
    return withReason(
      {
        result: { level, label_vi: ASSESSMENT_LEVEL_VI[level], above, forced },
        ruleIds: checked.map((r) => r.id),
        eIds: checked.map((r) => r.basis),
      },
      () =>
        `${SUBJECT_VI[x.subject]} đạt ${num(x.points)} điểm: xếp loại "${ASSESSMENT_LEVEL_VI[level]}"` +
        (rule ? ` (${cite(rule)})` : '') +
        (forced.length ? ` vì ${forced.join('; ')}` : '') +
        (above.length ? `; ${why().join('; ')}` : ''),
    );
  };
  const forced = forcedBy(lowest, x);
  if (forced.length) return answer('khong_hoan_thanh', lowest, [], forced);
  const above: LevelCheck[] = [];
  for (const level of ASSESSMENT_LEVELS.slice(0, -1)) {
    const rule = ruleOf(level);
    if (!rule) continue;
    const unmet = unmetOf(rule, x);
    if (unmet.length === 0) return answer(level, rule, above, []);
    above.push({ level, ruleId: rule.id, basis: rule.basis, unmet });
  }
  return answer('khong_hoan_thanh', lowest, above, []);
}

const SUBJECT_VI: Record<string, string> = { organization: 'Tổ chức đảng', member: 'Đảng viên' };

export type QuotaCheck = {
  ok: boolean;
  max: number;
  level: string;
  count: number;
  base: number;
};

/**
 * The cap on a level in a unit (Điều 11: "Hoàn thành xuất sắc nhiệm vụ" at most a share of those rated "Hoàn thành
 * tốt nhiệm vụ"), in exact arithmetic: the most allowed is ⌊base × ratio⌋; a unit that stands out (`outstanding`)
 * gets the wider share where the rules give one.
 */
export function quotaCheck(reg: Regulation, input: Record<string, unknown>, on: string): Answer<QuotaCheck> {
  const levelOf = typeof input['level'] === 'string' ? input['level'] : 'xuat_sac';
  const rule = single(
    reg.rules.filter(
      (r): r is AssessmentQuotaRule => r.kind === 'assessment_quota' && r.level === levelOf && inForce(reg, r, on),
    ),
    `tỷ lệ tối đa được xếp loại "${ASSESSMENT_LEVEL_VI[levelOf as AssessmentLevel] ?? levelOf}"`,
  );
  const outstanding = input['outstanding'] === true;
  const spec = outstanding && rule.outstanding ? rule.outstanding : rule.max;
  const ratio = parseRatio(spec?.ratio);
  if (!ratio || ratio.num > ratio.den)
    throw new EngineError('BAD_INPUT', `Quy tắc ${rule.id} (${cite(rule)}) không có tỷ lệ hợp lệ`, [rule.id]);
  const of = rule.max.of === undefined ? ['tot'] : Array.isArray(rule.max.of) ? rule.max.of : [rule.max.of];
  const count = (key: string) => {
    const v = input[key] ?? 0;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw new EngineError('BAD_INPUT', `"${key}" phải là số nguyên không âm`);
    return v;
  };
  const n = count(levelOf);
  const base = of.reduce((s, k) => s + count(k), 0);
  const max = Number((BigInt(base) * BigInt(ratio.num)) / BigInt(ratio.den));
  const ok = n <= max;
  const ofVi = of.map((k) => `"${ASSESSMENT_LEVEL_VI[k as AssessmentLevel] ?? k}"`).join(', ');
  return {
    result: { ok, max, level: levelOf, count: n, base },
    ruleIds: [rule.id],
    eIds: [rule.basis],
    reason_vi:
      `${n} được đề nghị "${ASSESSMENT_LEVEL_VI[levelOf as AssessmentLevel] ?? levelOf}", tối đa ${pct(ratio)} của ` +
      `${base} xếp loại ${ofVi} là ${max}` +
      `${outstanding && rule.outstanding ? ' (đơn vị có thành tích nổi trội)' : ''}: ` +
      `${ok ? 'trong tỷ lệ' : `vượt ${n - max}`} (${cite(rule)})`,
  };
}

import { EngineError } from '../regulation/engine.base.js';
import { citeVi } from '../regulation/reg.parse.js';
import type { Finding } from '../regulation/reg.findings.js';
import { ASSESSMENT_LEVELS } from '../regulation/reg.model.js';
import type { AssessmentLevel, AssessmentLevelRule, AssessmentQuotaRule, Regulation } from '../regulation/reg.model.js';
import { ASSESSMENT_FACT_VI, ASSESSMENT_LEVEL_VI, classify, quotaCheck } from './assessment.rules.js';
import { timetableLooser } from './assessment.timetable.js';

const RANK = (l: AssessmentLevel) => ASSESSMENT_LEVELS.indexOf(l);
const SUBJECT_VI: Record<string, string> = { organization: 'Tổ chức đảng', member: 'Đảng viên' };

/** The records at the edges of both files' rules: each threshold and the point under it, each condition met or not. */
function edgeRecords(subject: string, rules: AssessmentLevelRule[]): Record<string, unknown>[] {
  const mins = rules.flatMap((r) => (typeof r.min_points === 'number' ? [r.min_points] : []));
  const points = [...new Set([100, 0, ...mins.flatMap((m) => [m, m - 0.5, m - 1])])]
    .filter((p) => p >= 0 && p <= 100)
    // Whole points first: the counterexample a clerk reads is "89 điểm" where one will do.
    .sort((a, b) => Number(Number.isInteger(b)) - Number(Number.isInteger(a)) || b - a);
  const facts = [...new Set(rules.flatMap((r) => [...(r.not_if ?? []), ...(r.when_any ?? [])]))];
  const factSets: Record<string, boolean>[] = [
    Object.fromEntries(facts.map((f) => [f, false])),
    ...facts.map((f) => Object.fromEntries(facts.map((g) => [g, g === f]))),
  ];
  const out: Record<string, unknown>[] = [];
  for (const p of points)
    for (const onTime of [10, 9, 8, 7, 5])
      for (const exceeded of [5, 3, 2, 0])
        for (const failed of [0, 1, 3, 6])
          for (const fixed of [2, 1])
            for (const f of factSets) {
              if (onTime + failed > 10 || exceeded > onTime) continue;
              out.push({
                subject,
                points: p,
                tasks_total: 10,
                tasks_on_time: onTime,
                tasks_exceeded: exceeded,
                tasks_late: 10 - onTime - failed,
                shortcomings_total: 2,
                shortcomings_fixed: fixed,
                ...f,
              });
            }
  return out;
}

/** The record in words, as a counterexample says it. */
function describe(x: Record<string, unknown>): string {
  const facts = Object.entries(x)
    .filter(([k, v]) => k in ASSESSMENT_FACT_VI && v === true)
    .map(([k]) => ASSESSMENT_FACT_VI[k]);
  const late = Number(x['tasks_late']);
  const failed = 10 - Number(x['tasks_on_time']) - late;
  return (
    `${SUBJECT_VI[String(x['subject'])]} ${String(x['points']).replace('.', ',')} điểm, ` +
    `${x['tasks_on_time']}/10 nhiệm vụ đúng hạn (${x['tasks_exceeded']} vượt mức)` +
    (late ? `, ${late} chậm` : '') +
    (failed ? `, ${failed} không hoàn thành` : '') +
    `, khắc phục ${x['shortcomings_fixed']}/2 hạn chế` +
    (facts.length ? `, ${facts.join(', ')}` : '')
  );
}

/**
 * Whether an organization's assessment rules are looser than those it is based on (a province's detailed rules
 * against Quy định 366-QĐ/TW): a record the base classifies lower but this file higher, or more subjects allowed at a
 * level under its quota. Each finding gives the concrete case, in Vietnamese, with both files' clauses.
 */
export function assessmentLooser(sub: Regulation, base: Regulation, at: string, baseName: string): Finding[] {
  const out: Finding[] = [];
  const levels = (r: Regulation) => r.rules.filter((x): x is AssessmentLevelRule => x.kind === 'assessment_level');
  for (const subject of [...new Set(levels(base).map((r) => r.subject))]) {
    const rules = [...levels(base), ...levels(sub)].filter((r) => r.subject === subject);
    if (!levels(sub).some((r) => r.subject === subject)) continue;
    for (const x of edgeRecords(subject, rules)) {
      let mine: ReturnType<typeof classify>;
      let theirs: ReturnType<typeof classify>;
      try {
        mine = classify(sub, x, at);
        theirs = classify(base, x, at);
      } catch (e) {
        if (e instanceof EngineError) continue;
        throw e;
      }
      if (RANK(mine.result.level) >= RANK(theirs.result.level)) continue;
      const where = (a: ReturnType<typeof classify>) => (a.eIds[0] ? ` (${citeVi(a.eIds[0])})` : '');
      out.push({
        code: 'LOOSER_THAN_MODEL',
        severity: 'error',
        eId: mine.eIds[0] ?? '',
        message:
          `Mức xếp loại lỏng hơn ${baseName}: ${describe(x)} — theo quy định này xếp ` +
          `"${ASSESSMENT_LEVEL_VI[mine.result.level]}"${where(mine)}, theo ${baseName} chỉ ` +
          `"${ASSESSMENT_LEVEL_VI[theirs.result.level]}"${where(theirs)}`,
        message_en: `A ${subject} is classified ${mine.result.level} here but ${theirs.result.level} by the base`,
        ruleIds: [...mine.ruleIds.slice(0, 1), ...theirs.ruleIds.slice(0, 1)],
      });
      break;
    }
  }
  for (const b of base.rules.filter((r): r is AssessmentQuotaRule => r.kind === 'assessment_quota')) {
    const s = sub.rules.find((r): r is AssessmentQuotaRule => r.kind === 'assessment_quota' && r.level === b.level);
    const level = ASSESSMENT_LEVEL_VI[b.level as AssessmentLevel] ?? b.level;
    if (!s) {
      if (levels(sub).length)
        out.push({
          code: 'LOOSER_THAN_MODEL',
          severity: 'error',
          eId: '',
          message: `Quy định này không giới hạn số được xếp loại "${level}" như ${baseName} (${citeVi(b.basis)})`,
          message_en: `No quota on ${b.level}`,
          ruleIds: [b.id],
        });
      continue;
    }
    for (const outstanding of [false, true]) {
      const hit = Array.from({ length: 200 }, (_, i) => i + 1).find((tot) => {
        const q = { [b.level]: 0, tot, outstanding };
        return quotaCheck(sub, q, at).result.max > quotaCheck(base, q, at).result.max;
      });
      if (hit === undefined) continue;
      const q = { [b.level]: 0, tot: hit, outstanding };
      out.push({
        code: 'LOOSER_THAN_MODEL',
        severity: 'error',
        eId: s.basis,
        message:
          `Tỷ lệ "${level}" rộng hơn ${baseName}: với ${hit} được xếp loại "Hoàn thành tốt nhiệm vụ"` +
          `${outstanding ? ' ở đơn vị có thành tích nổi trội' : ''}, quy định này cho tối đa ` +
          `${quotaCheck(sub, q, at).result.max} (${citeVi(s.basis)}), ${baseName} tối đa ` +
          `${quotaCheck(base, q, at).result.max} (${citeVi(b.basis)})`,
        message_en: `The quota on ${b.level} is wider than the base's`,
        ruleIds: [s.id, b.id],
      });
      break;
    }
  }
  if (levels(sub).length) out.push(...timetableLooser(sub, base, at, baseName));
  return out;
}

import { addDays, formatDateVi } from '../time/date.js';
import { assessmentLooser } from '../assessment/assessment.consistency.js';
import { meetsRatio, parseRatio } from './rational.js';
import { citeVi, findElement } from './reg.parse.js';
import type { Finding } from './reg.findings.js';
import type {
  AuthorityRule,
  BallotRule,
  DeadlineRule,
  DelegationRule,
  MeetingRegimeRule,
  NoticeRule,
  QuorumRule,
  Regulation,
  Rule,
  VoteThresholdRule,
} from './reg.model.js';
import { isRegimeOf } from './reg.model.js';

/** The stricter-than order of deciding bodies: a matter may move up (TT → BTV → BCH), never down. */
const BODY_RANK: Record<string, number> = { TT: 1, BTV: 2, BCH: 3 };
const bodiesOf = (r: { bodies?: unknown; body?: unknown }): string[] =>
  Array.isArray(r.bodies) ? (r.bodies as string[]) : typeof r.body === 'string' ? [r.body] : [];

/**
 * Consistency of a subordinate regulation with its model or superior (REGULATION-FORMAT.md, "Consistency"):
 * parameters compared per rule kind after the role map, then concrete counterexamples found by enumeration.
 */
export function compareWithBase(sub: Regulation, base: Regulation, relation: 'model' | 'superior'): Finding[] {
  const out: Finding[] = [];
  const baseName = relation === 'model' ? 'quy chế mẫu' : 'quy chế cấp trên';
  const link = sub.frontMatter.based_on?.find((b) => b.relation === relation) ?? sub.frontMatter.based_on?.[0];
  const roleMap: Record<string, string> = link?.role_map ?? {};
  const map = (x: string) => roleMap[x] ?? x;
  const rank = (x: string) => BODY_RANK[x] ?? 0;
  const add = (
    code: 'LOOSER_THAN_MODEL' | 'MODEL_COVERAGE',
    severity: Finding['severity'],
    eId: string,
    vi: string,
    en: string,
    ruleIds: string[],
  ) => out.push({ code, severity, eId, message: vi, message_en: en, ruleIds });
  const both = (s: Rule, b: Rule) => `${citeVi(s.basis)} (${s.id}) so với ${citeVi(b.basis)} ${baseName} (${b.id})`;
  // A rule of the subordinate looser than the base's: cited at the subordinate's clause, with both rules named.
  const looser = (s: Rule, b: Rule, vi: string, en: string) =>
    add('LOOSER_THAN_MODEL', 'error', s.basis, `${both(s, b)}: ${vi}`, en, [s.id, b.id]);
  // A base rule the subordinate has nothing for: a warning with no clause of the subordinate to cite.
  const uncovered = (b: Rule, vi: string, en: string) => add('MODEL_COVERAGE', 'warning', '', vi, en, [b.id]);
  const subName = sub.frontMatter.title ? 'quy chế này' : 'quy chế cấp dưới';

  // Role map coverage.
  const subActors = new Set([
    ...Object.keys(sub.frontMatter.bodies ?? {}),
    ...Object.keys(sub.frontMatter.roles ?? {}),
  ]);
  for (const role of new Set([
    ...Object.keys(base.frontMatter.bodies ?? {}),
    ...Object.keys(base.frontMatter.roles ?? {}),
  ])) {
    if (!subActors.has(map(role)) && base.rules.some((r) => JSON.stringify(r).includes(`"${role}"`))) {
      add(
        'MODEL_COVERAGE',
        'warning',
        '',
        `Vai trò ${role} của ${baseName} không có trong role_map và không có tương ứng trong ${subName}`,
        `Role ${role} of the ${relation} is not mapped`,
        [],
      );
    }
  }
  for (const r of sub.rules) {
    if (typeof r.implements === 'string' && !findElement(base, r.implements)) {
      add(
        'MODEL_COVERAGE',
        'error',
        r.basis,
        `Quy tắc ${r.id}: implements "${r.implements}" không có trong ${baseName}`,
        `Rule ${r.id} implements a missing ${relation} element`,
        [r.id],
      );
    }
  }

  const at = String(sub.frontMatter.in_force_from ?? base.frontMatter.in_force_from ?? '2026-01-01');

  for (const b of base.rules) {
    switch (b.kind) {
      case 'quorum':
      case 'vote_threshold': {
        for (const bb of bodiesOf(b)) {
          const target = map(bb);
          const s = sub.rules.find(
            (r) =>
              r.kind === b.kind &&
              bodiesOf(r).includes(target) &&
              JSON.stringify(r['topics'] ?? null) === JSON.stringify(b['topics'] ?? null),
          ) as QuorumRule | VoteThresholdRule | undefined;
          if (!s) {
            uncovered(
              b,
              `${baseName} quy định ${b.kind === 'quorum' ? 'điều kiện hợp lệ' : 'ngưỡng biểu quyết'} cho ${bb} ` +
                `(${citeVi(b.basis)}) nhưng ${subName} không có quy định tương ứng cho ${target}`,
              `No ${b.kind} rule for ${target}`,
            );
            continue;
          }
          const ce =
            b.kind === 'quorum'
              ? quorumCounterexample(s as QuorumRule, b)
              : voteCounterexample(s as VoteThresholdRule, b);
          if (ce) looser(s, b, ce, `${s.id} is looser than ${b.id}: ${ce}`);
        }
        break;
      }
      case 'ballot': {
        if (b.form !== 'secret') break;
        for (const bb of bodiesOf(b)) {
          const target = map(bb);
          for (const topic of b.topics ?? []) {
            const s = sub.rules.find(
              (r): r is BallotRule =>
                r.kind === 'ballot' &&
                bodiesOf(r).includes(target) &&
                (r.topics ?? []).includes(topic) &&
                r.form === 'secret',
            );
            if (!s) {
              add(
                'LOOSER_THAN_MODEL',
                'error',
                '',
                `${baseName} bắt buộc bỏ phiếu kín về "${topic}" (${citeVi(b.basis)}) nhưng ${subName} không: ` +
                  `ví dụ ${target} biểu quyết "${topic}" bằng giơ tay vẫn hợp lệ theo ${subName}, ` +
                  `không hợp lệ theo ${baseName}`,
                `Secret ballot on ${topic} not required for ${target}`,
                [b.id],
              );
            }
          }
        }
        break;
      }
      case 'meeting_regime': {
        const target = map(b.body);
        const s = sub.rules.find(
          (r): r is MeetingRegimeRule =>
            r.kind === 'meeting_regime' && r.body === target && isRegimeOf(r, b.meeting_kind ?? 'regular'),
        );
        const days = (m: MeetingRegimeRule) =>
          m.regular_every?.days ??
          (m.regular_every?.weeks
            ? m.regular_every.weeks * 7
            : m.regular_every?.months
              ? m.regular_every.months * 30
              : m.per_month
                ? 30 / m.per_month
                : Infinity);
        if (!s)
          uncovered(
            b,
            `${subName} không quy định chế độ họp của ${target} (${baseName}: ${citeVi(b.basis)})`,
            `No meeting regime for ${target}`,
          );
        else if (days(s) > days(b))
          looser(
            s,
            b,
            `${target} họp thưa hơn — ví dụ một khoảng ${Math.round(days(s))} ngày không họp vẫn đúng ` +
              `${subName} nhưng trái ${baseName} (tối đa ${Math.round(days(b))} ngày)`,
            `${target} meets less often than the ${relation} requires`,
          );
        break;
      }
      case 'notice': {
        const target = map(b.body);
        const s = sub.rules.find((r): r is NoticeRule => r.kind === 'notice' && r.body === target);
        if (!s) {
          uncovered(
            b,
            `${subName} không quy định thời hạn gửi tài liệu cho ${target} (${baseName}: ${citeVi(b.basis)})`,
            `No notice rule for ${target}`,
          );
          break;
        }
        const ce = noticeCounterexample(s, b, at);
        if (ce) looser(s, b, ce, `${s.id} gives less notice than ${b.id}`);
        break;
      }
      case 'deadline': {
        const s = sub.rules.find((r): r is DeadlineRule => r.kind === 'deadline' && r.duty === b.duty);
        if (!s) break;
        const ce = deadlineCounterexample(s, b, at);
        if (ce) looser(s, b, ce, `${s.id} allows more time than ${b.id}`);
        break;
      }
      case 'authority': {
        const s = sub.rules.filter((r): r is AuthorityRule => r.kind === 'authority' && r.matter === b.matter);
        const target = map(b.decides);
        for (const x of s) {
          if (rank(x.decides) < rank(target) && rank(x.decides) > 0) {
            looser(
              x,
              b,
              `việc "${base.frontMatter.matters?.[b.matter]?.name ?? b.matter}" ${baseName} dành cho ` +
                `${target}, ${subName} giao ${x.decides} — ví dụ ${x.decides} quyết định việc này là đúng ${subName} ` +
                `nhưng trái ${baseName}`,
              `${b.matter} moved down from ${target} to ${x.decides}`,
            );
          }
        }
        break;
      }
      case 'duty': {
        const owners = sub.rules.filter((r) => r.kind === 'duty' && r.duty === b.duty);
        if (owners.length === 0)
          uncovered(
            b,
            `Nhiệm vụ ${b.duty} của ${baseName} (${citeVi(b.basis)}) chưa được giao trong ${subName}`,
            `Duty ${b.duty} is not assigned`,
          );
        break;
      }
      default:
        break;
    }
  }

  // Assessment rules (Quy định 366-QĐ/TW and a province's detailed ones): no case classified higher, no wider quota.
  const assessBase = /^((?:Quy định|Hướng dẫn)\s+\S+)/u.exec(String(base.frontMatter.title ?? ''))?.[1] ?? baseName;
  out.push(...assessmentLooser(sub, base, at, assessBase));

  // Delegations: allowed by the base, bounded in time.
  const termUntil = sub.frontMatter.term?.until ? String(sub.frontMatter.term.until) : undefined;
  for (const d of sub.rules.filter((r): r is DelegationRule => r.kind === 'delegation')) {
    const baseAuth = base.rules.find((r): r is AuthorityRule => r.kind === 'authority' && r.matter === d.matter);
    const baseMatter = base.frontMatter.matters?.[d.matter];
    const baseDelegations = base.rules.filter(
      (r): r is DelegationRule => r.kind === 'delegation' && r.matter === d.matter,
    );
    if (
      baseMatter?.reserved ||
      baseAuth?.reserved ||
      baseMatter?.delegable === false ||
      baseAuth?.delegable === false
    ) {
      add(
        'LOOSER_THAN_MODEL',
        'error',
        d.basis,
        `Ủy quyền ${d.id} (${citeVi(d.basis)}): ${baseName} không cho ủy quyền việc ${d.matter} — ` +
          `ví dụ ${d.to} quyết định việc này theo ủy quyền là đúng ${subName} nhưng trái ${baseName}`,
        `Delegation ${d.id} of a matter the ${relation} reserves`,
        [d.id],
      );
    }
    const baseMax = baseDelegations
      .map((x) => x.valid?.until)
      .filter(Boolean)
      .map(String)
      .sort()
      .at(-1);
    const until = d.valid?.until ? String(d.valid.until) : undefined;
    const limit = [baseMax, termUntil].filter((x): x is string => Boolean(x)).sort()[0];
    if (!until) {
      const day = limit ? addDays(limit, 1) : '2099-01-01';
      add(
        'LOOSER_THAN_MODEL',
        'error',
        d.basis,
        `Ủy quyền ${d.id} (${citeVi(d.basis)}) không có thời hạn: ` +
          `ví dụ ngày ${formatDateVi(day)} ${d.to} vẫn quyết định "${d.matter}" theo ủy quyền` +
          (limit ? `, trong khi ${baseName}/nhiệm kỳ chỉ cho đến ${formatDateVi(limit)}` : ''),
        `Delegation ${d.id} has no expiry`,
        [d.id],
      );
    } else if (limit && until > limit) {
      add(
        'LOOSER_THAN_MODEL',
        'error',
        d.basis,
        `Ủy quyền ${d.id} kéo dài đến ${formatDateVi(until)}: ` +
          `ví dụ ngày ${formatDateVi(addDays(limit, 1))} ${d.to} vẫn quyết định theo ủy quyền, ` +
          `quá giới hạn ${formatDateVi(limit)}`,
        `Delegation ${d.id} outlives the allowed window`,
        [d.id],
      );
    }
    if (
      d.redelegation === 'allowed' &&
      baseDelegations.length &&
      baseDelegations.every((x) => x.redelegation !== 'allowed')
    ) {
      add(
        'LOOSER_THAN_MODEL',
        'error',
        d.basis,
        `Ủy quyền ${d.id} cho phép ủy quyền lại, ${baseName} không cho`,
        `Delegation ${d.id} allows re-delegation`,
        [d.id],
      );
    }
  }
  return out;
}

function ratioParts(spec: { ratio?: unknown; of?: unknown; cmp?: unknown } | undefined) {
  const ratio = parseRatio(spec?.ratio);
  return ratio ? { ratio, of: String(spec?.of ?? ''), cmp: (spec?.cmp === '>' ? '>' : '>=') as '>' | '>=' } : null;
}

/** Smallest N ≤ 200 and count where the subordinate accepts and the base does not. */
function quorumCounterexample(s: QuorumRule, b: QuorumRule): string | null {
  const [sp, bp] = [ratioParts(s.min_present), ratioParts(b.min_present)];
  if (!sp || !bp) return null;
  if (notLooser(sp, bp)) return null;
  for (let n = 1; n <= 200; n++)
    for (let p = 0; p <= n; p++) {
      const base = (x: NonNullable<typeof sp>) => (x.of === 'present_members' ? p : n);
      if (meetsRatio(p, base(sp), sp.ratio, sp.cmp) && !meetsRatio(p, base(bp), bp.ratio, bp.cmp)) {
        if (n < 10 && p < n) continue; // prefer a realistic committee size in the sentence
        return (
          `với ${n} ủy viên được triệu tập, ${p} có mặt: quy chế này coi là hợp lệ, ` +
          `${'quy chế cấp trên/mẫu'} thì không`
        );
      }
    }
  return null;
}

function voteCounterexample(s: VoteThresholdRule, b: VoteThresholdRule): string | null {
  const [sp, bp] = [ratioParts(s.approve), ratioParts(b.approve)];
  if (!sp || !bp) return null;
  if (notLooser(sp, bp)) return null;
  for (const n of [61, 51, 17, 15, 11, 9, 5, 3])
    for (let present = n; present >= 1; present--)
      for (let yes = 0; yes <= present; yes++) {
        const base = (x: NonNullable<typeof sp>) => (x.of === 'present_members' ? present : n);
        if (meetsRatio(yes, base(sp), sp.ratio, sp.cmp) && !meetsRatio(yes, base(bp), bp.ratio, bp.cmp)) {
          return (
            `với ${n} ủy viên, ${present} có mặt, ${yes} đồng ý: quy chế này coi là thông qua, ` +
            `quy chế cấp trên/mẫu thì không`
          );
        }
      }
  return null;
}

/** Same base, ratio at least as high, comparison at least as strict: no counterexample can exist. */
function notLooser(
  s: NonNullable<ReturnType<typeof ratioParts>>,
  b: NonNullable<ReturnType<typeof ratioParts>>,
): boolean {
  if (s.of !== b.of) return false;
  const cmpRatio = s.ratio.num * b.ratio.den - b.ratio.num * s.ratio.den;
  return cmpRatio > 0 || (cmpRatio === 0 && (s.cmp === '>' || b.cmp === '>='));
}

const periodDays = (min: number, unit: unknown) => (unit === 'working_day' ? min * 1.4 : min);

function noticeCounterexample(s: NoticeRule, b: NoticeRule, at: string): string | null {
  const sp = s.documents_before_meeting;
  const bp = b.documents_before_meeting;
  if (typeof sp?.min !== 'number' || typeof bp?.min !== 'number') return null;
  const looser =
    sp.min < bp.min ||
    (sp.min === bp.min && sp.unit === 'day' && bp.unit === 'working_day') ||
    periodDays(sp.min, sp.unit) < periodDays(bp.min, bp.unit) - 1e-9;
  if (!looser) return null;
  const meeting = nextWeekday(at, 2);
  const sentSub = backBy(meeting, sp.min, String(sp.unit));
  return (
    `họp ${s.body} ngày ${formatDateVi(meeting)}, tài liệu gửi ngày ${formatDateVi(sentSub)} (${sp.min} ` +
    `${sp.unit === 'working_day' ? 'ngày làm việc' : 'ngày'} trước): đúng hạn theo quy chế này, ` +
    `chậm theo quy chế cấp trên/mẫu (${bp.min} ${bp.unit === 'working_day' ? 'ngày làm việc' : 'ngày'})`
  );
}

function deadlineCounterexample(s: DeadlineRule, b: DeadlineRule, at: string): string | null {
  const sp = s.due;
  const bp = b.due;
  if (typeof sp?.within !== 'number' || typeof bp?.within !== 'number') return null;
  if (periodDays(sp.within, sp.unit) <= periodDays(bp.within, bp.unit)) return null;
  const late = addDays(at, Math.ceil(periodDays(bp.within, bp.unit)) + 1);
  return (
    `sự kiện ngày ${formatDateVi(at)}, báo cáo ngày ${formatDateVi(late)}: ` +
    `đúng hạn theo quy chế này (${sp.within} ${sp.unit === 'working_day' ? 'ngày làm việc' : 'ngày'}), ` +
    `quá hạn theo quy chế cấp trên/mẫu (${bp.within} ${bp.unit === 'working_day' ? 'ngày làm việc' : 'ngày'})`
  );
}

function nextWeekday(d: string, weekday: number): string {
  let x = d;
  while (new Date(`${x}T00:00:00Z`).getUTCDay() !== weekday) x = addDays(x, 1);
  return x;
}
function backBy(d: string, n: number, unit: string): string {
  if (unit !== 'working_day') return addDays(d, -n);
  let x = d;
  let k = 0;
  while (k < n) {
    x = addDays(x, -1);
    const wd = new Date(`${x}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) k++;
  }
  return x;
}

/** Consistency of a subordinate regulation with its model (or superior). */
export function checkConsistency(
  sub: Regulation,
  base: Regulation,
  relation: 'model' | 'superior' = 'superior',
): Finding[] {
  return compareWithBase(sub, base, relation);
}

/** The subordinates an amendment of the superior makes inconsistent: findings after that were not there before. */
export function impactReport(
  before: Regulation,
  after: Regulation,
  subordinates: { id: string; regulation: Regulation }[],
) {
  return subordinates
    .map((s) => {
      const old = new Set(checkConsistency(s.regulation, before).map((f) => f.message));
      const added = checkConsistency(s.regulation, after).filter((f) => !old.has(f.message));
      return { id: s.id, findings: added };
    })
    .filter((x) => x.findings.length > 0);
}

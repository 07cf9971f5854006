import { addDays, formatDateVi } from '../time/date.js';
import { evalCondition } from './condition.js';
import { meetsRatio, minimumCount, parseRatio, formatRatio } from './rational.js';
import type { Rational } from './rational.js';
import { isRegimeOf } from './reg.model.js';
import type {
  AuthorityRule,
  BallotRule,
  ConferenceQuotaRule,
  MeetingScoreRule,
  DeadlineRule,
  DelegationRule,
  DutyRule,
  MeetingRegimeRule,
  NoticeRule,
  QuorumRule,
  Regulation,
  VoteThresholdRule,
} from './reg.model.js';
import {
  appliesToBody,
  BASE_VI,
  BODY_NAME,
  cached,
  cachedList,
  cite,
  DEFAULT_CALENDAR,
  EngineError,
  inForce,
  ratioOf,
  single,
  withReason,
} from './engine.base.js';
import type { Answer, WorkingCalendar } from './engine.base.js';

export { DEFAULT_CALENDAR, EngineError, WEEKENDS_ONLY } from './engine.base.js';
export type { Answer, WorkingCalendar } from './engine.base.js';

/**
 * Quorum of a body's meeting on a date. A rule for the meeting kind (a written consultation, say) takes precedence
 * over the general one, as a topic's vote rule does.
 */
export function isQuorate(
  reg: Regulation,
  body: string,
  counts: { summoned: number; present: number; total?: number },
  on: string,
  meetingKind?: string,
): Answer<{ valid: boolean }> {
  const rule = cached(reg, `quorum|${body}|${meetingKind ?? ''}|${on}`, () => {
    const all = reg.rules.filter(
      (r): r is QuorumRule => r.kind === 'quorum' && appliesToBody(r, body) && inForce(reg, r, on),
    );
    const specific = meetingKind
      ? all.filter((r) => Array.isArray(r.meeting_kinds) && r.meeting_kinds.includes(meetingKind))
      : [];
    return single(
      specific.length ? specific : all.filter((r) => !r.meeting_kinds || r.meeting_kinds.length === 0),
      `điều kiện hợp lệ của hội nghị ${BODY_NAME(reg, body)}`,
    );
  });
  const { ratio, of, cmp } = ratioOf(rule.min_present, rule);
  if (counts.present > counts.summoned)
    throw new EngineError('BAD_INPUT', `Số có mặt (${counts.present}) lớn hơn số được triệu tập (${counts.summoned})`);
  const base = of === 'total_members' ? (counts.total ?? counts.summoned) : counts.summoned;
  const valid = meetsRatio(counts.present, base, ratio, cmp);
  return withReason(
    {
      result: { valid },
      ruleIds: [rule.id],
      eIds: [rule.basis],
      expression: `${counts.present}·${ratio.den} ${cmp} ${base}·${ratio.num}`,
    },
    () => {
      const sign = valid ? (cmp === '>' ? '>' : '≥') : cmp === '>' ? '≤' : '<';
      return (
        `${valid ? 'Hợp lệ' : 'Không hợp lệ'}: ${counts.present}/${base} ${sign} ${formatRatio(ratio)} ` +
        `${BASE_VI[of] ?? of} (cần ${cmp === '>' ? 'quá' : 'ít nhất'} ${formatRatio(ratio)}, ` +
        `tức tối thiểu ${minimumCount(base, ratio, cmp)}; ${cite(rule)})`
      );
    },
  );
}

export interface VoteInput {
  totalMembers: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  method: 'show_of_hands' | 'secret_ballot' | 'written' | string;
  summoned?: number;
}

export function voteOutcome(
  reg: Regulation,
  body: string,
  topic: string | undefined,
  v: VoteInput,
  on: string,
): Answer<{ passed: boolean; violations: string[] }> {
  const rule = cached(reg, `vote|${body}|${topic ?? ''}|${on}`, () => {
    const all = reg.rules.filter(
      (r): r is VoteThresholdRule => r.kind === 'vote_threshold' && appliesToBody(r, body) && inForce(reg, r, on),
    );
    // A rule for the topic takes precedence over the general one.
    const specific = topic ? all.filter((r) => Array.isArray(r.topics) && r.topics.includes(topic)) : [];
    return single(
      specific.length ? specific : all.filter((r) => !r.topics || r.topics.length === 0),
      `ngưỡng biểu quyết của ${BODY_NAME(reg, body)}`,
    );
  });
  const { ratio, of, cmp } = ratioOf(rule.approve, rule);
  const violations: string[] = [];
  const ruleIds = [rule.id];
  const eIds = [rule.basis];
  const notes: string[] = [];
  if (v.yes + v.no + v.abstain > v.present || v.present > v.totalMembers) {
    violations.push('COUNTS_INCONSISTENT');
    notes.push(`số phiếu (${v.yes}+${v.no}+${v.abstain}) hoặc số có mặt (${v.present}) vượt quá số được tính`);
  }
  if (topic) {
    const ballots = reg.rules.filter(
      (r): r is BallotRule =>
        r.kind === 'ballot' &&
        appliesToBody(r, body) &&
        inForce(reg, r, on) &&
        Array.isArray(r.topics) &&
        r.topics.includes(topic),
    );
    for (const b of ballots) {
      if (b.form === 'secret' && v.method !== 'secret_ballot') {
        violations.push('SECRET_BALLOT_REQUIRED');
        ruleIds.push(b.id);
        eIds.push(b.basis);
        notes.push(
          `nội dung "${reg.frontMatter.topics?.[topic] ?? topic}" phải biểu quyết bằng phiếu kín (${cite(b)})`,
        );
      }
    }
  }
  const base =
    of === 'total_members' ? v.totalMembers : of === 'present_members' ? v.present : (v.summoned ?? v.totalMembers);
  const meets = meetsRatio(v.yes, base, ratio, cmp);
  const passed = meets && violations.length === 0;
  return withReason(
    { result: { passed, violations }, ruleIds, eIds, expression: `${v.yes}·${ratio.den} ${cmp} ${base}·${ratio.num}` },
    () =>
      `${passed ? 'Được thông qua' : 'Không được thông qua'}: ` +
      `${v.yes} phiếu đồng ý trên ${base} ${BASE_VI[of] ?? of}, ` +
      `cần ${cmp === '>' ? 'quá' : 'ít nhất'} ${formatRatio(ratio)} (tối thiểu ${minimumCount(base, ratio, cmp)}; ` +
      `${cite(rule)}); phiếu không biểu quyết không tính là đồng ý` +
      (notes.length ? `; vi phạm: ${notes.join('; ')}` : ''),
  );
}

export function whoDecides(
  reg: Regulation,
  matter: string,
  attrs: Record<string, unknown>,
  on: string,
): Answer<{ body: string; via: 'authority' | 'delegation'; report_to?: string }> {
  const declared = reg.frontMatter.matters;
  if (declared && !(matter in declared))
    throw new EngineError('UNKNOWN_REFERENCE', `Quy chế không khai báo loại việc "${matter}"`);
  const applies = (r: AuthorityRule | DelegationRule) => {
    const c = evalCondition(r.when, attrs);
    if (!c.ok) {
      if ('missing' in c)
        throw new EngineError(
          'BAD_INPUT',
          `Cần thuộc tính "${c.missing}" của việc ${matter} để xác định thẩm quyền (${r.id}, ${cite(r)})`,
          [r.id],
        );
      throw new EngineError('BAD_INPUT', `Điều kiện không đọc được trong ${r.id}: ${c.invalid}`, [r.id]);
    }
    return c.holds;
  };
  const inForceNow = cachedList(reg, `decide|${matter}|${on}`, () =>
    reg.rules.filter(
      (r): r is AuthorityRule | DelegationRule =>
        (r.kind === 'authority' || r.kind === 'delegation') && r.matter === matter && inForce(reg, r, on),
    ),
  );
  const candidates = inForceNow.filter(applies);
  const rule =
    candidates.length === 1 && !candidates[0]!.overrides
      ? candidates[0]!
      : single(
          candidates,
          () => `thẩm quyền quyết định "${declared?.[matter]?.name ?? matter}" vào ngày ${formatDateVi(on)}`,
        );
  const body = rule.kind === 'authority' ? rule.decides : rule.to;
  const report = rule.report_back?.to;
  const via = rule.kind;
  return withReason(
    { result: { body, via, ...(report ? { report_to: report } : {}) }, ruleIds: [rule.id], eIds: [rule.basis] },
    () =>
      `${BODY_NAME(reg, body)} quyết định ` +
      (via === 'delegation'
        ? `theo ủy quyền của ${BODY_NAME(reg, (rule as DelegationRule).from)}`
        : 'theo thẩm quyền') +
      ` (${cite(rule)})` +
      (report
        ? `; báo cáo ${BODY_NAME(reg, report)}` +
          (rule.report_back?.at === 'next_meeting' ? ' tại phiên họp gần nhất' : '')
        : ''),
  );
}

/** The N-th working day before the meeting (N working days lie in [latest, meeting)), or N calendar days. */
export function latestDispatch(meetingDate: string, min: number, unit: string, cal: WorkingCalendar): string {
  if (unit !== 'working_day') return addDays(meetingDate, -min);
  let d = meetingDate;
  let counted = 0;
  while (counted < min) {
    d = addDays(d, -1);
    if (cal.isWorkingDay(d)) counted++;
  }
  return d;
}

export function addWorkingDays(date: string, n: number, cal: WorkingCalendar): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

export function noticeCheck(
  reg: Regulation,
  body: string,
  meetingDate: string,
  documentsSent: string,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
): Answer<{ ok: boolean; latest: string }> {
  const rule = single(
    reg.rules.filter((r): r is NoticeRule => r.kind === 'notice' && r.body === body && inForce(reg, r, meetingDate)),
    `thời hạn gửi tài liệu hội nghị ${BODY_NAME(reg, body)}`,
  );
  const p = rule.documents_before_meeting;
  if (!p || typeof p.min !== 'number' || (p.unit !== 'day' && p.unit !== 'working_day')) {
    throw new EngineError(
      'BAD_INPUT',
      `Quy tắc ${rule.id} (${cite(rule)}) thiếu số ngày hoặc đơn vị (day | working_day)`,
      [rule.id],
    );
  }
  const latest = latestDispatch(meetingDate, p.min, p.unit, cal);
  const ok = documentsSent <= latest;
  const unitVi = p.unit === 'working_day' ? 'ngày làm việc' : 'ngày';
  return {
    result: { ok, latest },
    ruleIds: [rule.id],
    eIds: [rule.basis],
    reason_vi:
      `${ok ? 'Đúng hạn' : 'Chậm'}: tài liệu gửi ngày ${formatDateVi(documentsSent)}, ` +
      `chậm nhất phải gửi ngày ${formatDateVi(latest)} (${p.min} ${unitVi} trước ngày họp ` +
      `${formatDateVi(meetingDate)}; ${cite(rule)})`,
  };
}

export function dueDate(
  reg: Regulation,
  duty: string,
  eventDate: string,
  cal: WorkingCalendar = DEFAULT_CALENDAR,
  event?: string,
): Answer<{ due: string }> {
  const rule = single(
    reg.rules.filter(
      (r): r is DeadlineRule =>
        r.kind === 'deadline' && r.duty === duty && inForce(reg, r, eventDate) && (!event || r.due?.after === event),
    ),
    `thời hạn "${reg.frontMatter.duties?.[duty] ?? duty}"`,
  );
  const p = rule.due;
  if (!p || typeof p.within !== 'number' || (p.unit !== 'day' && p.unit !== 'working_day')) {
    throw new EngineError(
      'BAD_INPUT',
      `Quy tắc ${rule.id} (${cite(rule)}) thiếu thời hạn hoặc đơn vị (day | working_day)`,
      [rule.id],
    );
  }
  const due = p.unit === 'working_day' ? addWorkingDays(eventDate, p.within, cal) : addDays(eventDate, p.within);
  const label = reg.frontMatter.events?.[p.after ?? ''] ?? p.after ?? 'sự kiện';
  // "Ngày họp" as a label, "ngày họp" inside a sentence.
  const eventVi = label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
  return {
    result: { due },
    ruleIds: [rule.id],
    eIds: [rule.basis],
    reason_vi:
      `Hạn ${formatDateVi(due)}: ${p.within} ${p.unit === 'working_day' ? 'ngày làm việc' : 'ngày'} kể từ ${eventVi} ` +
      `(${formatDateVi(eventDate)}) (${cite(rule)})`,
  };
}

export function ownerOf(reg: Regulation, duty: string, on: string): Answer<{ owner: string; support: string[] }> {
  const rule = single(
    reg.rules.filter((r): r is DutyRule => r.kind === 'duty' && r.duty === duty && inForce(reg, r, on)),
    `đơn vị chủ trì "${reg.frontMatter.duties?.[duty] ?? duty}"`,
  );
  const owners = Array.isArray(rule.owner) ? rule.owner : rule.owner ? [rule.owner] : [];
  if (owners.length !== 1)
    throw new EngineError(
      'CONFLICT',
      `Nhiệm vụ "${duty}" có ${owners.length} đơn vị chủ trì trong ${rule.id} (${cite(rule)}): ` +
        `mỗi việc phải có đúng một đầu mối chủ trì`,
      [rule.id],
    );
  const support = rule.support ?? [];
  return {
    result: { owner: owners[0]!, support },
    ruleIds: [rule.id],
    eIds: [rule.basis],
    reason_vi:
      `${BODY_NAME(reg, owners[0]!)} chủ trì` +
      (support.length ? `; ${support.map((s) => BODY_NAME(reg, s)).join(', ')} phối hợp` : '') +
      ` (${cite(rule)})`,
  };
}

/** The meeting regime of a body on a date (the rule itself: its period, weekday, convening body). */
export function meetingRegime(
  reg: Regulation,
  body: string,
  on: string,
  kind = 'regular',
): Answer<{ rule: MeetingRegimeRule }> {
  const rule = single(
    reg.rules.filter(
      (r): r is MeetingRegimeRule =>
        r.kind === 'meeting_regime' && r.body === body && isRegimeOf(r, kind) && inForce(reg, r, on),
    ),
    `chế độ ${kind === 'thematic' ? 'sinh hoạt chuyên đề' : 'họp thường lệ'} của ${BODY_NAME(reg, body)}`,
  );
  return {
    result: { rule },
    ruleIds: [rule.id],
    eIds: [rule.basis],
    reason_vi: `Chế độ họp của ${BODY_NAME(reg, body)} (${cite(rule)})`,
  };
}

export interface ConferenceQuotaAnswer {
  maxInPersonShare: Rational | null;
  maxProvinceWide: number | null;
  minReduction: Rational | null;
}
/** R10: the yearly conference quotas the regulation (or the guidance it encodes) sets, in force on a date. */
export function conferenceQuota(reg: Regulation, on: string): Answer<ConferenceQuotaAnswer> {
  const rule = single(
    reg.rules.filter((r): r is ConferenceQuotaRule => r.kind === 'conference_quota' && inForce(reg, r, on)),
    'hạn mức hội nghị hằng năm',
  );
  const ratio = (v: unknown, what: string) => {
    if (v === undefined) return null;
    const q = parseRatio(v);
    if (!q)
      throw new EngineError('BAD_INPUT', `Quy tắc ${rule.id} (${cite(rule)}): ${what} không phải tỷ lệ hợp lệ`, [
        rule.id,
      ]);
    return q;
  };
  const result = {
    maxInPersonShare: ratio(rule.max_in_person?.ratio, 'tỷ lệ hội nghị trực tiếp'),
    maxProvinceWide: typeof rule.max_province_wide === 'number' ? rule.max_province_wide : null,
    minReduction: ratio(rule.min_reduction?.ratio, 'tỷ lệ giảm số hội nghị'),
  };
  return { result, ruleIds: [rule.id], eIds: [rule.basis], reason_vi: `Hạn mức hội nghị hằng năm (${cite(rule)})` };
}

export interface MeetingScoreSheet {
  criteria: { id: string; text: string; max: number }[];
  /** Highest first. */
  grades: { min: number; label: string }[];
  max: number;
}
/** The quality score sheet of a body's meetings in force on a date: the province's criteria, points and grades. */
export function meetingScoreSheet(reg: Regulation, body: string, on: string): Answer<MeetingScoreSheet> {
  const rule = single(
    reg.rules.filter(
      (r): r is MeetingScoreRule => r.kind === 'meeting_score' && r.body === body && inForce(reg, r, on),
    ),
    `phiếu chấm điểm chất lượng sinh hoạt của ${BODY_NAME(reg, body)}`,
  );
  const criteria = (rule.criteria ?? []).map((c) => ({ id: String(c.id), text: String(c.text), max: Number(c.max) }));
  if (criteria.length === 0 || criteria.some((c) => !(c.max > 0)))
    throw new EngineError('BAD_INPUT', `Quy tắc ${rule.id} (${cite(rule)}): tiêu chí cần có số điểm tối đa dương`, [
      rule.id,
    ]);
  const grades = (rule.grades ?? [])
    .map((g) => ({ min: Number(g.min), label: String(g.label) }))
    .sort((a, b) => b.min - a.min);
  return {
    result: { criteria, grades, max: criteria.reduce((n, c) => n + c.max, 0) },
    ruleIds: [rule.id],
    eIds: [rule.basis],
    reason_vi: `Phiếu chấm điểm chất lượng sinh hoạt của ${BODY_NAME(reg, body)} (${cite(rule)})`,
  };
}

/** R2: who convenes a body's meeting (the BTV convenes the BCH, the TT the BTV), from its meeting regime. */
export function conveningCheck(
  reg: Regulation,
  body: string,
  convener: string | null,
  on: string,
): Answer<{ ok: boolean; required: string }> {
  const rule = cached(reg, `convene|${body}|${on}`, () =>
    single(
      reg.rules.filter(
        (r): r is MeetingRegimeRule =>
          r.kind === 'meeting_regime' &&
          r.body === body &&
          isRegimeOf(r) &&
          inForce(reg, r, on) &&
          typeof r.convened_by === 'string',
      ),
      `cơ quan triệu tập hội nghị ${BODY_NAME(reg, body)}`,
    ),
  );
  const required = rule.convened_by!;
  const ok = convener === required;
  return withReason({ result: { ok, required }, ruleIds: [rule.id], eIds: [rule.basis] }, () =>
    ok
      ? `Đúng thẩm quyền: ${BODY_NAME(reg, required)} triệu tập hội nghị ${BODY_NAME(reg, body)} (${cite(rule)})`
      : `Không đúng thẩm quyền: hội nghị ${BODY_NAME(reg, body)} phải do ${BODY_NAME(reg, required)} triệu tập` +
        (convener ? `, không phải ${BODY_NAME(reg, convener)}` : ' (chưa có quyết định triệu tập)') +
        ` (${cite(rule)})`,
  );
}

const WEEKDAYS: Record<string, number> = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 };

/**
 * The calendar a regime implies between two dates: a weekly regime gives its weekdays; a regime of
 * every k months gives the first day of each period (periods aligned on the year when k divides 12);
 * `per_month: n` gives n periods a month. Meetings held are compared against these periods.
 */
export function regularMeetings(
  reg: Regulation,
  body: string,
  from: string,
  to: string,
  kind = 'regular',
): Answer<{ dates: string[] }> {
  const rule = meetingRegime(reg, body, from, kind).result.rule;
  const dates: string[] = [];
  const every = rule.regular_every ?? {};
  let describe = '';
  if (every.weeks || every.days) {
    const step = every.weeks ? every.weeks * 7 : every.days!;
    let d = from;
    const wd = rule.weekday ? WEEKDAYS[String(rule.weekday).toUpperCase()] : every.weeks ? 1 : undefined;
    if (wd !== undefined) while (new Date(`${d}T00:00:00Z`).getUTCDay() !== wd) d = addDays(d, 1);
    for (; d <= to; d = addDays(d, step)) dates.push(d);
    describe = every.weeks ? `${every.weeks} tuần một lần` : `${every.days} ngày một lần`;
  } else if (every.months || rule.per_month) {
    const k = every.months ?? 1;
    const perMonth = rule.per_month && !every.months ? rule.per_month : 1;
    const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
    const aligned = 12 % k === 0;
    let y = fy;
    let m = aligned ? fm - ((fm - 1) % k) : fm;
    for (;;) {
      const start = `${y}-${String(m).padStart(2, '0')}-01`;
      if (start > to) break;
      for (let j = 0; j < perMonth; j++) {
        // n periods a month start on days 1, 1+28/n, …; the period containing `from` counts.
        const d = `${start.slice(0, 8)}${String(1 + Math.round((28 * j) / perMonth)).padStart(2, '0')}`;
        if (d <= to) dates.push(d);
      }
      m += k;
      while (m > 12) {
        m -= 12;
        y++;
      }
    }
    describe = every.months ? `${every.months} tháng một lần` : `${rule.per_month} lần mỗi tháng`;
  } else {
    throw new EngineError('BAD_INPUT', `Quy tắc ${rule.id} (${cite(rule)}) không nói chu kỳ họp thường lệ`, [rule.id]);
  }
  return {
    result: { dates },
    ruleIds: [rule.id],
    eIds: [rule.basis],
    reason_vi:
      `${BODY_NAME(reg, body)} ${kind === 'thematic' ? 'sinh hoạt chuyên đề' : 'họp thường lệ'} ${describe}: ` +
      `${dates.length} kỳ từ ${formatDateVi(from)} đến ${formatDateVi(to)} (${cite(rule)})`,
  };
}

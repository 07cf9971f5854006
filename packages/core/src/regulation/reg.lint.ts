import { addDays, formatDateVi } from '../time/date.js';
import { conditionConstants, evalCondition } from './condition.js';
import { meetsRatio, minimumCount, parseRatio } from './rational.js';
import { allElements, citeVi, findElement, VI_LETTERS } from './reg.parse.js';
import type { Finding, LintCode } from './reg.findings.js';
import type { AuthorityRule, DelegationRule, Regulation, Rule } from './reg.model.js';
import { isRegimeOf } from './reg.model.js';
import { compareWithBase } from './reg.consistency.js';

export * from './reg.findings.js';

export interface LintOptions {
  model?: Regulation;
  superior?: Regulation;
}

/** Events a deadline may count from when the file declares none of its own. */
export const KNOWN_EVENTS = [
  'conclusion_signed',
  'conclusion_received',
  'meeting_date',
  'meeting_closed',
  'assignment_date',
  'request_received',
  'term_start',
];

const bodiesOf = (r: { bodies?: unknown; body?: unknown }): string[] =>
  Array.isArray(r.bodies) ? (r.bodies as string[]) : typeof r.body === 'string' ? [r.body] : [];

export function lint(reg: Regulation, opts: LintOptions = {}): Finding[] {
  const out: Finding[] = [];
  const add = (
    code: LintCode,
    severity: Finding['severity'],
    eId: string,
    vi: string,
    en: string,
    ruleIds?: string[],
  ) => out.push({ code, severity, eId, message: vi, message_en: en, ...(ruleIds ? { ruleIds } : {}) });
  const fm = reg.frontMatter;
  const bodies = new Set(Object.keys(fm.bodies ?? {}));
  const actors = new Set([...bodies, ...Object.keys(fm.roles ?? {})]);
  const matters = fm.matters ?? {};
  const duties = fm.duties ?? {};
  const ruleIds = new Set(reg.rules.map((r) => r.id));
  const termUntil = fm.term?.until ? String(fm.term.until) : undefined;
  const start = String(fm.in_force_from ?? fm.adopted_on ?? '2000-01-01');
  const cite = (r: Rule) => citeVi(r.basis);

  // 12. NUMBERING_SEQUENCE
  const elements = allElements(reg);
  const ids = new Map<string, number>();
  for (const e of elements) {
    if (ids.has(e.eId))
      add(
        'NUMBERING_SEQUENCE',
        'error',
        e.eId,
        `Trùng mã phần tử ${e.eId} (dòng ${ids.get(e.eId)} và ${e.line})`,
        `Duplicate eId ${e.eId}`,
      );
    ids.set(e.eId, e.line);
  }
  const chapters = reg.chapters.filter((c) => c.num);
  // An excerpt (`excerpt: true`: the articles a file encodes of a longer text) is numbered from where it starts.
  const excerpt = reg.frontMatter['excerpt'] === true;
  const firstChapter = excerpt && chapters[0] ? Number(chapters[0].eId.slice(4)) - 1 : 0;
  chapters.forEach((c, i) => {
    const n = Number(c.eId.slice(4));
    if (n !== firstChapter + i + 1)
      add(
        'NUMBERING_SEQUENCE',
        'error',
        c.eId,
        `Chương ${c.num} đứng ở vị trí thứ ${i + 1}: số chương không liên tục`,
        `Chapter ${c.num} is number ${i + 1} in sequence`,
      );
  });
  const articles = elements.filter((e) => e.kind === 'article');
  let prevArticle = excerpt && articles[0] ? Number(/^\d+/.exec(articles[0].num)![0]) - 1 : 0;
  for (const a of articles) {
    const m = /^(\d+)([a-zđ]?)$/.exec(a.num)!;
    const n = Number(m[1]);
    const inserted = m[2] !== '';
    if (inserted ? n !== prevArticle : n !== prevArticle + 1) {
      add(
        'NUMBERING_SEQUENCE',
        'error',
        a.eId,
        `Điều ${a.num} đứng sau Điều ${prevArticle}: số điều phải liên tục qua các chương`,
        `Article ${a.num} follows article ${prevArticle}`,
      );
    }
    prevArticle = n;
    const clauses = a.children.filter((c) => c.kind === 'clause');
    clauses.forEach((c, i) => {
      if (c.num !== String(i + 1))
        add(
          'NUMBERING_SEQUENCE',
          'error',
          c.eId,
          `Khoản ${c.num} của Điều ${a.num} đứng ở vị trí ${i + 1}: khoản phải đánh số 1, 2, 3…`,
          `Clause ${c.num} at position ${i + 1}`,
        );
    });
    for (const parent of [a, ...clauses]) {
      parent.children
        .filter((p) => p.kind === 'point')
        .forEach((p, i) => {
          // A numbered point (1.5 of khoản 1) follows its clause's number; a lettered one the alphabet.
          if (/^\d+\.\d+$/.test(p.num)) {
            if (p.num !== `${parent.num}.${i + 1}`)
              add(
                'NUMBERING_SEQUENCE',
                'error',
                p.eId,
                `Điểm ${p.num} ở vị trí ${i + 1}, phải là ${parent.num}.${i + 1}`,
                `Point ${p.num} should be ${parent.num}.${i + 1}`,
              );
          } else if (p.num !== VI_LETTERS[i]) {
            add(
              'NUMBERING_SEQUENCE',
              'error',
              p.eId,
              `Điểm ${p.num}) ở vị trí ${i + 1}, phải là ${VI_LETTERS[i]}): điểm theo thứ tự chữ cái tiếng Việt a, ` +
                `b, c, d, đ, e, g… (không có f, j, w, z)`,
              `Point ${p.num} should be ${VI_LETTERS[i]}`,
            );
          }
        });
    }
  }

  // 11. DANGLING_REFERENCE — rule references
  const refCheck = (r: Rule, field: string, value: unknown, set: Set<string>, what: string) => {
    if (value === undefined) return;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string' || !set.has(v))
        add(
          'DANGLING_REFERENCE',
          'error',
          r.basis,
          `Quy tắc ${r.id} (${cite(r)}): ${field} = "${String(v)}" không phải ${what} đã khai báo`,
          `Rule ${r.id}: ${field} "${String(v)}" is not a declared ${what}`,
          [r.id],
        );
    }
  };
  for (const r of reg.rules) {
    if (fm.bodies) {
      refCheck(r, 'body', r['body'], bodies, 'cơ quan');
      refCheck(r, 'bodies', r['bodies'], bodies, 'cơ quan');
      // An advisory unit or a lower committee may hold a competence of its own (R9): roles count too.
      if (r.kind === 'authority') refCheck(r, 'decides', r.decides, actors, 'cơ quan hoặc chức danh');
      if (r.kind === 'delegation') {
        refCheck(r, 'from', r.from, actors, 'cơ quan hoặc chức danh');
        refCheck(r, 'to', r.to, actors, 'cơ quan hoặc chức danh');
      }
    }
    if (r.kind === 'authority' || r.kind === 'delegation') {
      refCheck(r, 'matter', r.matter, new Set(Object.keys(matters)), 'loại việc');
      if (r.report_back?.to) refCheck(r, 'report_back.to', r.report_back.to, actors, 'cơ quan');
      const declaredAttrs = new Set(Object.keys(matters[r.matter]?.attributes ?? {}));
      for (const c of conditionConstants(r.when)) {
        if (!declaredAttrs.has(c.attr))
          add(
            'DANGLING_REFERENCE',
            'error',
            r.basis,
            `Quy tắc ${r.id}: điều kiện dùng thuộc tính "${c.attr}" mà loại việc ${r.matter} không khai báo`,
            `Rule ${r.id}: undeclared attribute ${c.attr}`,
            [r.id],
          );
      }
    }
    if (r.kind === 'duty' || r.kind === 'deadline')
      refCheck(r, 'duty', r.duty, new Set(Object.keys(duties)), 'nhiệm vụ');
    if ((r.kind === 'duty' || r.kind === 'deadline') && r.owner !== undefined)
      refCheck(r, 'owner', r.owner, actors, 'cơ quan hoặc chức danh');
    if (r.kind === 'duty' && r.support) refCheck(r, 'support', r.support, actors, 'cơ quan hoặc chức danh');
    if (typeof r['overrides'] === 'string' && !ruleIds.has(r['overrides'] as string)) {
      add(
        'DANGLING_REFERENCE',
        'error',
        r.basis,
        `Quy tắc ${r.id}: overrides "${String(r['overrides'])}" không phải mã quy tắc nào`,
        `Rule ${r.id} overrides unknown rule ${String(r['overrides'])}`,
        [r.id],
      );
    }
  }
  // text cross-references: "khoản 3 Điều 7", "Điều 9a" — not those of another document ("khoản 2 Điều 24 Điều lệ
  // Đảng", "(Điều lệ Đảng, khoản 5 Điều 9)").
  const OTHER_DOCUMENT =
    /^\s*(của\s+)?(Điều lệ|Quy định|Hướng dẫn|Chỉ thị|Nghị quyết|Luật|Quyết định|Kết luận|Thông tri)/u;
  const citesOther = (text: string, at: number, length: number) => {
    if (OTHER_DOCUMENT.test(text.slice(at + length))) return true;
    const open = text.lastIndexOf('(', at);
    return open >= 0 && !text.slice(open, at).includes(')') && OTHER_DOCUMENT.test(text.slice(open + 1));
  };
  for (const e of elements) {
    for (const m of e.text.matchAll(/(?:khoản\s+(\d+)\s+)?Điều\s+(\d+[a-zđ]?)\b/gu)) {
      if (citesOther(e.text, m.index, m[0].length)) continue;
      const target = `art_${m[2]!.replace(/đ/g, 'dd')}${m[1] ? `__para_${m[1]}` : ''}`;
      if (!findElement(reg, target))
        add(
          'DANGLING_REFERENCE',
          'error',
          e.eId,
          `${citeVi(e.eId)} dẫn chiếu "${m[0]}" nhưng quy chế không có phần tử này`,
          `${e.eId} refers to missing "${m[0]}"`,
        );
    }
  }

  // 3. RATIO_BASE_REQUIRED (+ wording)
  for (const r of reg.rules) {
    if (r.kind !== 'quorum' && r.kind !== 'vote_threshold') continue;
    const spec = r.kind === 'quorum' ? r.min_present : r.approve;
    const field = r.kind === 'quorum' ? 'min_present' : 'approve';
    if (!spec || !parseRatio(spec.ratio))
      add(
        'RATIO_BASE_REQUIRED',
        'error',
        r.basis,
        `Quy tắc ${r.id} (${cite(r)}): ${field} thiếu tỷ lệ hợp lệ (ví dụ 2/3)`,
        `Rule ${r.id}: ${field} lacks a valid ratio`,
        [r.id],
      );
    if (!spec?.of || !['summoned_members', 'total_members', 'present_members'].includes(String(spec.of))) {
      add(
        'RATIO_BASE_REQUIRED',
        'error',
        r.basis,
        `Quy tắc ${r.id} (${cite(r)}): tỷ lệ không nói tính trên cơ sở nào (of: ` +
          `summoned_members | total_members | present_members)`,
        `Rule ${r.id}: ratio without denominator base`,
        [r.id],
      );
    }
    if (spec?.cmp !== '>' && spec?.cmp !== '>=') {
      add(
        'RATIO_BASE_REQUIRED',
        'error',
        r.basis,
        `Quy tắc ${r.id} (${cite(r)}): thiếu phép so sánh (cmp: ">=" cho "ít nhất", ">" cho "quá")`,
        `Rule ${r.id}: ratio without comparison`,
        [r.id],
      );
    }
    const text = findElement(reg, r.basis)?.text.toLowerCase() ?? '';
    if (spec?.cmp === '>=' && /\bquá\s+(một\s+)?(nửa|\d|một|hai|ba)/u.test(text) && !/ít nhất|tối thiểu/u.test(text)) {
      add(
        'RATIO_BASE_REQUIRED',
        'warning',
        r.basis,
        `Quy tắc ${r.id}: văn bản ${cite(r)} nói "quá" (>) nhưng quy tắc dùng ">="`,
        `Rule ${r.id}: text says "quá" (>) but rule uses >=`,
        [r.id],
      );
    }
    if (spec?.cmp === '>' && /ít nhất|tối thiểu/u.test(text) && !/\bquá\b/u.test(text)) {
      add(
        'RATIO_BASE_REQUIRED',
        'warning',
        r.basis,
        `Quy tắc ${r.id}: văn bản ${cite(r)} nói "ít nhất" (>=) nhưng quy tắc dùng ">"`,
        `Rule ${r.id}: text says "ít nhất" (>=) but rule uses >`,
        [r.id],
      );
    }
  }

  // 4. THRESHOLD_QUORUM_INTERPLAY
  for (const v of reg.rules) {
    if (v.kind !== 'vote_threshold' || v.approve?.of !== 'present_members') continue;
    const t = parseRatio(v.approve.ratio);
    if (!t) continue;
    for (const body of bodiesOf(v)) {
      const q = reg.rules.find((r) => r.kind === 'quorum' && bodiesOf(r).includes(body)) as
        | Extract<Rule, { kind: 'quorum' }>
        | undefined;
      const qr = q?.min_present ? parseRatio(q.min_present.ratio) : null;
      const n = 61;
      const minPresent =
        qr && q?.min_present?.of === 'summoned_members'
          ? minimumCount(n, qr, q.min_present.cmp === '>' ? '>' : '>=')
          : 1;
      const minYes = minimumCount(minPresent, t, v.approve.cmp === '>' ? '>' : '>=');
      if (!meetsRatio(minYes, n, { num: 1, den: 2 }, '>')) {
        add(
          'THRESHOLD_QUORUM_INTERPLAY',
          'warning',
          v.basis,
          `Quy tắc ${v.id} tính ngưỡng trên số có mặt: với ${n} ủy viên, ` +
            `hội nghị đủ ${minPresent} người là hợp lệ và chỉ cần ${minYes} phiếu đồng ý (dưới một nửa tổng số) ` +
            `để thông qua`,
          `Rule ${v.id}: with ${n} members, ${minYes} yes of ${minPresent} present would pass`,
          [v.id],
        );
      }
    }
  }

  // 5. TEXT_RULE_DRIFT
  const WORD: Record<string, number> = {
    một: 1,
    hai: 2,
    ba: 3,
    bốn: 4,
    năm: 5,
    sáu: 6,
    bảy: 7,
    tám: 8,
    chín: 9,
    mười: 10,
  };
  for (const e of elements) {
    for (const m of e.text.matchAll(/(một|hai|ba|bốn|năm)\s+phần\s+(hai|ba|bốn|năm)\s*\((\d+)\/(\d+)\)/gu)) {
      if (WORD[m[1]!] !== Number(m[3]) || WORD[m[2]!] !== Number(m[4]))
        add(
          'TEXT_RULE_DRIFT',
          'warning',
          e.eId,
          `${citeVi(e.eId)}: số bằng chữ "${m[1]} phần ${m[2]}" khác số "(${m[3]}/${m[4]})"`,
          `${e.eId}: number in words differs from digits`,
        );
    }
  }
  for (const r of reg.rules) {
    const el = findElement(reg, r.basis);
    if (!el) continue;
    const text = el.text;
    // A date (26/5/2025, 05/3) is not a fraction.
    const fractions = [...text.matchAll(/\((\d+)\/(\d+)\)|(?<![\d/])(\d+)\/(\d+)(?![\d/])/g)].map(
      (m) => `${m[1] ?? m[3]}/${m[2] ?? m[4]}`,
    );
    if (r.kind === 'quorum' || r.kind === 'vote_threshold') {
      const spec = r.kind === 'quorum' ? r.min_present : r.approve;
      const ratio = parseRatio(spec?.ratio);
      if (
        ratio &&
        fractions.length &&
        !fractions.some((f) => {
          const p = parseRatio(f);
          return p && p.num === ratio.num && p.den === ratio.den;
        })
      ) {
        add(
          'TEXT_RULE_DRIFT',
          'error',
          r.basis,
          `Quy tắc ${r.id} dùng tỷ lệ ${ratio.num}/${ratio.den} nhưng văn bản ${cite(r)} ghi ${fractions.join(', ')}`,
          `Rule ${r.id} ratio differs from the text`,
          [r.id],
        );
      }
    }
    const period = r.kind === 'notice' ? r.documents_before_meeting : r.kind === 'deadline' ? r.due : undefined;
    if (period) {
      const n = r.kind === 'notice' ? period.min : period.within;
      const days = [...text.matchAll(/(\d+)\s+ngày(\s+làm\s+việc)?/gu)];
      if (days.length && typeof n === 'number') {
        const match = days.find((d) => Number(d[1]) === n);
        if (!match)
          add(
            'TEXT_RULE_DRIFT',
            'error',
            r.basis,
            `Quy tắc ${r.id} ghi ${n} ngày nhưng văn bản ${cite(r)} ghi "${days.map((d) => d[0]).join('", "')}"`,
            `Rule ${r.id}: ${n} days, text says ${days.map((d) => d[0]).join(', ')}`,
            [r.id],
          );
        else if (Boolean(match[2]) !== (period.unit === 'working_day')) {
          add(
            'TEXT_RULE_DRIFT',
            'error',
            r.basis,
            `Quy tắc ${r.id} tính theo ${period.unit === 'working_day' ? 'ngày làm việc' : 'ngày'} nhưng văn bản ` +
              `${cite(r)} ghi "${match[0]}"`,
            `Rule ${r.id}: unit differs from the text`,
            [r.id],
          );
        }
      }
    }
    if (r.kind === 'delegation') {
      const amounts = [...text.matchAll(/(\d[\d.]*)\s*tỷ/gu)].map((m) => Number(m[1]!.replace(/\./g, '')));
      const consts = conditionConstants(r.when).map((c) => c.value);
      if (amounts.length && consts.length && !amounts.some((a) => consts.includes(a))) {
        add(
          'TEXT_RULE_DRIFT',
          'error',
          r.basis,
          `Quy tắc ${r.id} dùng ngưỡng ${consts.join(', ')} nhưng văn bản ${cite(r)} ghi ${amounts.join(', ')} tỷ`,
          `Rule ${r.id}: thresholds differ from the text`,
          [r.id],
        );
      }
      const dates = [...text.matchAll(/(\d{1,2})\/(\d{1,2})\/(\d{4})/g)].map(
        (m) => `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`,
      );
      for (const d of [r.valid?.from, r.valid?.until].filter(Boolean).map(String)) {
        if (dates.length && !dates.includes(d))
          add(
            'TEXT_RULE_DRIFT',
            'error',
            r.basis,
            `Quy tắc ${r.id} có ngày ${formatDateVi(d)} không có trong văn bản ${cite(r)} ` +
              `(${dates.map(formatDateVi).join(', ')})`,
            `Rule ${r.id}: date ${d} not in the text`,
            [r.id],
          );
      }
    }
  }

  // 6, 7, 8. Delegations
  const delegations = reg.rules.filter((r): r is DelegationRule => r.kind === 'delegation');
  for (const d of delegations) {
    const until = d.valid?.until ? String(d.valid.until) : undefined;
    const from = d.valid?.from ? String(d.valid.from) : start;
    if (!until)
      add(
        'DELEGATION_EXPIRY',
        'error',
        d.basis,
        `Ủy quyền ${d.id} (${cite(d)}) không có thời hạn kết thúc (valid.until)`,
        `Delegation ${d.id} has no end date`,
        [d.id],
      );
    else if (termUntil && until > termUntil)
      add(
        'DELEGATION_EXPIRY',
        'error',
        d.basis,
        `Ủy quyền ${d.id} kéo dài đến ${formatDateVi(until)}, quá nhiệm kỳ (${formatDateVi(termUntil)})`,
        `Delegation ${d.id} outlives the term`,
        [d.id],
      );
    if (until && from > until)
      add(
        'DELEGATION_EXPIRY',
        'error',
        d.basis,
        `Ủy quyền ${d.id} bắt đầu ${formatDateVi(from)} sau ngày kết thúc ${formatDateVi(until)}`,
        `Delegation ${d.id} starts after it ends`,
        [d.id],
      );

    const holder = reg.rules.find(
      (r): r is AuthorityRule => r.kind === 'authority' && r.matter === d.matter && r.decides === d.from,
    );
    const viaDelegation = delegations.find((x) => x !== d && x.matter === d.matter && x.to === d.from);
    if (!holder && !viaDelegation)
      add(
        'DELEGATION_LEGALITY',
        'error',
        d.basis,
        `Ủy quyền ${d.id}: ${d.from} không có thẩm quyền về ${d.matter} để ủy quyền`,
        `Delegation ${d.id}: ${d.from} holds no authority over ${d.matter}`,
        [d.id],
      );
    if (viaDelegation && viaDelegation.redelegation !== 'allowed') {
      add(
        'DELEGATION_LEGALITY',
        'error',
        d.basis,
        `Ủy quyền ${d.id} ủy quyền lại việc đã được ${viaDelegation.from} ủy quyền cho ${d.from} ` +
          `(${viaDelegation.id}), trong khi việc ủy quyền lại không được phép`,
        `Delegation ${d.id} re-delegates ${viaDelegation.id}`,
        [d.id, viaDelegation.id],
      );
    }
    if (
      matters[d.matter]?.reserved ||
      matters[d.matter]?.delegable === false ||
      holder?.reserved ||
      holder?.delegable === false
    ) {
      add(
        'DELEGATION_LEGALITY',
        'error',
        d.basis,
        `Ủy quyền ${d.id}: việc ${d.matter} thuộc thẩm quyền riêng, không được ủy quyền`,
        `Delegation ${d.id} delegates a reserved matter`,
        [d.id],
      );
    }
    const superiors = [opts.model, opts.superior].filter((x): x is Regulation => Boolean(x));
    for (const sup of superiors) {
      const m = sup.frontMatter.matters?.[d.matter];
      const auth = sup.rules.find((r): r is AuthorityRule => r.kind === 'authority' && r.matter === d.matter);
      if (m?.reserved || m?.delegable === false || auth?.reserved || auth?.delegable === false) {
        add(
          'DELEGATION_LEGALITY',
          'error',
          d.basis,
          `Ủy quyền ${d.id}: quy chế cấp trên/mẫu (${sup.frontMatter.title ?? sup.frontMatter.work ?? ''}) ` +
            `không cho ủy quyền việc ${d.matter}`,
          `Delegation ${d.id}: the superior or model forbids delegating ${d.matter}`,
          [d.id],
        );
      }
    }
    if (!d.report_back?.to)
      add(
        'DELEGATION_REPORT_BACK',
        'error',
        d.basis,
        `Ủy quyền ${d.id} (${cite(d)}) không quy định báo cáo lại (report_back)`,
        `Delegation ${d.id} has no report-back`,
        [d.id],
      );
    else if (d.report_back.to !== d.from)
      add(
        'DELEGATION_REPORT_BACK',
        'warning',
        d.basis,
        `Ủy quyền ${d.id} báo cáo ${d.report_back.to}, không phải cơ quan ủy quyền ${d.from}`,
        `Delegation ${d.id} reports to ${d.report_back.to}, not the delegator ${d.from}`,
        [d.id],
      );
  }
  // cycles A → B → A for one matter
  for (const d of delegations) {
    const seen = new Set([d.from]);
    let cur: DelegationRule | undefined = d;
    while (cur) {
      if (seen.has(cur.to)) {
        add(
          'DELEGATION_LEGALITY',
          'error',
          d.basis,
          `Ủy quyền ${d.id} tạo vòng ủy quyền về việc ${d.matter}`,
          `Delegation ${d.id} forms a cycle`,
          [d.id],
        );
        break;
      }
      seen.add(cur.to);
      const next: DelegationRule | undefined = delegations.find((x) => x.matter === d.matter && x.from === cur!.to);
      cur = next;
    }
  }
  for (const a of reg.rules) {
    if (a.kind === 'authority' && a.decides === 'TT' && !a.report_back) {
      add(
        'DELEGATION_REPORT_BACK',
        'warning',
        a.basis,
        `${a.id}: Thường trực quyết định việc ${a.matter} giữa hai kỳ họp mà không quy định báo cáo lại Ban Thường vụ`,
        `${a.id}: TT decides without reporting back`,
        [a.id],
      );
    }
  }

  // 1. AUTHORITY_UNIQUE — enumerate matters × attribute boundaries × dates
  const decisionRules = reg.rules.filter(
    (r): r is AuthorityRule | DelegationRule => r.kind === 'authority' || r.kind === 'delegation',
  );
  for (const [matter, decl] of Object.entries(matters)) {
    const rules = decisionRules.filter((r) => r.matter === matter);
    const attrs = Object.keys(decl?.attributes ?? {});
    const consts = rules.flatMap((r) => conditionConstants(r.when));
    const values = new Map<string, number[]>(attrs.map((a) => [a, [0]]));
    for (const c of consts) values.get(c.attr)?.push(c.value - 0.5, c.value, c.value + 0.5);
    const dates = new Set([start]);
    for (const r of rules) {
      if (r.valid?.from) dates.add(String(r.valid.from));
      if (r.valid?.until) dates.add(addDays(String(r.valid.until), 1));
    }
    let combos: Record<string, number>[] = [{}];
    for (const [a, vs] of values) combos = combos.flatMap((c) => [...new Set(vs)].map((v) => ({ ...c, [a]: v })));
    const reported = new Set<string>();
    for (const on of [...dates].sort()) {
      // Only dates when this expression is in force: a consolidated text starts at its own date.
      if ((termUntil && on > termUntil) || on < start) continue;
      for (const combo of combos) {
        const active = rules.filter((r) => {
          const from = r.valid?.from ? String(r.valid.from) : start;
          const until = r.valid?.until ? String(r.valid.until) : '9999-12-31';
          const c = evalCondition(r.when, combo);
          return from <= on && until >= on && c.ok && c.holds;
        });
        const overridden = new Set(active.map((r) => r.overrides).filter(Boolean));
        const left = active.filter((r) => !overridden.has(r.id));
        const where = `${Object.entries(combo)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')}${Object.keys(combo).length ? ', ' : ''}ngày ${formatDateVi(on)}`;
        if (left.length === 0 && !reported.has('none')) {
          reported.add('none');
          add(
            'AUTHORITY_UNIQUE',
            'error',
            rules[0]?.basis ?? '',
            `Không cơ quan nào có thẩm quyền quyết định "${decl?.name ?? matter}" (${where})`,
            `No body decides ${matter} (${where})`,
          );
        }
        if (left.length > 1 && !reported.has('many')) {
          reported.add('many');
          add(
            'AUTHORITY_UNIQUE',
            'error',
            left[0]!.basis,
            `Hai quy định cùng trao thẩm quyền quyết định "${decl?.name ?? matter}" mà không quy định nào thay thế ` +
              `quy định nào: ${left.map((r) => `${r.id} (${cite(r)})`).join(', ')} (${where})`,
            `Two rules decide ${matter} without overrides (${where})`,
            left.map((r) => r.id),
          );
        }
      }
    }
  }

  // 2. DUTY_SINGLE_OWNER
  for (const duty of Object.keys(duties)) {
    const rules = reg.rules.filter((r) => r.kind === 'duty' && r.duty === duty) as Extract<Rule, { kind: 'duty' }>[];
    const viaDeadline = reg.rules.some((r) => r.kind === 'deadline' && r.duty === duty && typeof r.owner === 'string');
    if (rules.length === 0 && !viaDeadline)
      add(
        'DUTY_SINGLE_OWNER',
        'error',
        '',
        `Nhiệm vụ "${duties[duty]}" (${duty}) chưa giao cho đơn vị chủ trì nào`,
        `Duty ${duty} has no owner`,
      );
    if (rules.length > 1)
      add(
        'DUTY_SINGLE_OWNER',
        'error',
        rules[1]!.basis,
        `Nhiệm vụ "${duties[duty]}" được giao ${rules.length} lần ` +
          `(${rules.map((r) => `${r.id} ${cite(r)}`).join(', ')}): mỗi việc một đầu mối chủ trì`,
        `Duty ${duty} is assigned ${rules.length} times`,
        rules.map((r) => r.id),
      );
    for (const r of rules) {
      const owners = Array.isArray(r.owner) ? r.owner : r.owner ? [r.owner] : [];
      if (owners.length !== 1)
        add(
          'DUTY_SINGLE_OWNER',
          'error',
          r.basis,
          `Quy tắc ${r.id}: nhiệm vụ ${duty} có ${owners.length} đơn vị chủ trì ` +
            `(${owners.join(', ') || 'không có'}): phải đúng một`,
          `Rule ${r.id}: ${owners.length} owners`,
          [r.id],
        );
    }
  }
  for (const e of elements) {
    if (
      (e.kind === 'clause' || e.kind === 'point') &&
      /\bchủ trì\b/u.test(e.text) &&
      !reg.rules.some((r) => r.kind === 'duty' && (r.basis === e.eId || r.basis.startsWith(`${e.eId}__`)))
    ) {
      add(
        'DUTY_SINGLE_OWNER',
        'warning',
        e.eId,
        `${citeVi(e.eId)} giao việc "chủ trì" nhưng chưa có quy tắc duty tương ứng`,
        `${e.eId} says "chủ trì" but has no duty rule`,
      );
    }
  }

  // 13. TIME_UNIT_AND_ANCHOR
  const events = new Set([...KNOWN_EVENTS, ...Object.keys(fm.events ?? {})]);
  for (const r of reg.rules) {
    const period = r.kind === 'notice' ? r.documents_before_meeting : r.kind === 'deadline' ? r.due : undefined;
    if (
      (r.kind === 'notice' || r.kind === 'deadline') &&
      (!period || (period.unit !== 'day' && period.unit !== 'working_day'))
    ) {
      add(
        'TIME_UNIT_AND_ANCHOR',
        'error',
        r.basis,
        `Quy tắc ${r.id} (${cite(r)}): thời hạn không có đơn vị (unit: day | working_day)`,
        `Rule ${r.id}: period without unit`,
        [r.id],
      );
    }
    if (r.kind === 'deadline' && (!r.due?.after || !events.has(String(r.due.after)))) {
      add(
        'TIME_UNIT_AND_ANCHOR',
        'error',
        r.basis,
        `Quy tắc ${r.id}: thời hạn tính từ sự kiện "${String(r.due?.after ?? '')}" chưa được định nghĩa (ví dụ ` +
          `conclusion_signed)`,
        `Rule ${r.id}: undefined anchor event`,
        [r.id],
      );
    }
    if (r.kind === 'deadline' && typeof r.due?.['months' as never] === 'number') {
      add(
        'TIME_UNIT_AND_ANCHOR',
        'warning',
        r.basis,
        `Quy tắc ${r.id}: thời hạn tính theo tháng cần quy tắc làm tròn ngày cuối tháng`,
        `Rule ${r.id}: month arithmetic needs a rounding rule`,
        [r.id],
      );
    }
  }

  // 14. SCHEDULE_FEASIBILITY
  const interval = (body: string): number | undefined => {
    const m = reg.rules.find((r) => r.kind === 'meeting_regime' && r.body === body && isRegimeOf(r)) as
      | Extract<Rule, { kind: 'meeting_regime' }>
      | undefined;
    if (!m) return undefined;
    const e = m.regular_every ?? {};
    return (
      e.days ??
      (e.weeks ? e.weeks * 7 : e.months ? e.months * 28 : m.per_month ? Math.floor(28 / m.per_month) : undefined)
    );
  };
  for (const r of reg.rules) {
    if (r.kind === 'notice' && typeof r.documents_before_meeting?.min === 'number') {
      const days =
        r.documents_before_meeting.unit === 'working_day'
          ? Math.ceil((r.documents_before_meeting.min * 7) / 5)
          : r.documents_before_meeting.min;
      const iv = interval(r.body);
      if (iv !== undefined && days >= iv)
        add(
          'SCHEDULE_FEASIBILITY',
          'error',
          r.basis,
          `Tài liệu ${r.body} phải gửi trước ${r.documents_before_meeting.min} ` +
            `${r.documents_before_meeting.unit === 'working_day' ? 'ngày làm việc' : 'ngày'} (khoảng ${days} ngày) ` +
            `nhưng ${r.body} họp thường lệ cách nhau ${iv} ngày`,
          `Notice for ${r.body} is longer than its meeting interval`,
          [r.id],
        );
    }
    const rb = r.kind === 'delegation' || r.kind === 'authority' ? r.report_back : undefined;
    if (rb?.at === 'next_meeting' && rb.to && interval(rb.to) === undefined) {
      add(
        'SCHEDULE_FEASIBILITY',
        'warning',
        r.basis,
        `${r.id} báo cáo ${rb.to} "tại phiên họp gần nhất" nhưng quy chế không quy định chế độ họp thường lệ của ` +
          `${rb.to}`,
        `${r.id} reports at the next meeting of ${rb.to}, which has no regular meetings`,
        [r.id],
      );
    }
  }

  // 15. TEMPORAL_COVERAGE — same rule key in force twice
  const key = (r: Rule) =>
    `${r.kind}:` +
    (r.kind === 'notice' || r.kind === 'meeting_regime'
      ? `${String(r['body'])}${r.kind === 'meeting_regime' ? `|${r.meeting_kind ?? 'regular'}` : ''}`
      : r.kind === 'duty' || r.kind === 'deadline'
        ? String(r['duty'])
        : r.kind === 'quorum' || r.kind === 'ballot' || r.kind === 'vote_threshold'
          ? `${bodiesOf(r).join(',')}|${String((r['topics'] as string[] | undefined)?.join(',') ?? '')}|` +
            String((r['meeting_kinds'] as string[] | undefined)?.join(',') ?? '')
          : '');
  const byKey = new Map<string, Rule[]>();
  for (const r of reg.rules)
    if (['notice', 'meeting_regime', 'deadline', 'quorum', 'vote_threshold', 'conference_quota'].includes(r.kind))
      byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r]);
  for (const rules of byKey.values()) {
    for (let i = 0; i < rules.length; i++)
      for (let j = i + 1; j < rules.length; j++) {
        const [a, b] = [rules[i]!, rules[j]!];
        const [af, au, bf, bu] = [
          String(a.valid?.from ?? start),
          String(a.valid?.until ?? '9999-12-31'),
          String(b.valid?.from ?? start),
          String(b.valid?.until ?? '9999-12-31'),
        ];
        if (af <= bu && bf <= au && a['overrides'] !== b.id && b['overrides'] !== a.id) {
          add(
            'TEMPORAL_COVERAGE',
            'error',
            b.basis,
            `Hai quy tắc ${a.id} (${cite(a)}) và ${b.id} (${cite(b)}) ` +
              `cùng có hiệu lực từ ${formatDateVi(af > bf ? af : bf)} cho cùng một nội dung`,
            `Rules ${a.id} and ${b.id} are in force at the same time`,
            [a.id, b.id],
          );
        }
      }
  }

  // 9, 10. Against the model and the superior
  for (const [sup, relation] of [
    [opts.model, 'model'],
    [opts.superior, 'superior'],
  ] as const) {
    if (sup) out.push(...compareWithBase(reg, sup, relation));
  }
  // A rule on several bodies can yield the same finding twice.
  const seen = new Set<string>();
  return out.filter((f) => {
    const k = `${f.code}|${f.eId}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type { Rule };

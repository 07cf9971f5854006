import { parseDocument } from 'yaml';
import { formatDateVi } from '../time/date.js';
import {
  allElements,
  citeVi,
  eIdPart,
  findElement,
  parseOrThrow,
  printRegulation,
  RegulationParseError,
  setFrontMatter,
} from './reg.parse.js';
import type { RegElement, Regulation, Rule } from './reg.model.js';

/** An amendment is a separate document of effects, never an edited copy (REGULATION-FORMAT.md, "Amendments"). */
export interface Effect {
  op: 'replace' | 'set' | 'insert_after' | 'repeal';
  target?: string;
  target_rule?: string;
  text?: string;
  heading?: string;
  rules?: Record<string, unknown>[];
  path?: string;
  value?: unknown;
  new?: { num: string; heading?: string; text?: string; clauses?: string[]; rules?: Record<string, unknown>[] };
  in_force_from?: string;
}

export interface Amendment {
  work: string;
  amends: string;
  title?: string;
  adopted_on: string;
  in_force_from: string;
  effects: Effect[];
}

export class AmendmentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function parseAmendment(text: string): Amendment {
  const t = text.replace(/\r\n?/g, '\n').normalize('NFC');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(t);
  if (!m)
    throw new RegulationParseError({
      line: 1,
      column: 1,
      message: 'Văn bản sửa đổi cần phần đầu giữa hai dòng "---" rồi danh sách effects',
    });
  const head = parseDocument(m[1]!);
  const body = parseDocument(m[2]!);
  const err = head.errors[0] ?? body.errors[0];
  if (err) throw new RegulationParseError({ line: 1, column: 1, message: `Lỗi YAML: ${err.message.split('\n')[0]}` });
  const fm = (head.toJS() ?? {}) as Record<string, unknown>;
  const effects = ((body.toJS() ?? {}) as { effects?: Effect[] }).effects;
  if (!Array.isArray(effects))
    throw new RegulationParseError({ line: 1, column: 1, message: 'Văn bản sửa đổi thiếu danh sách "effects"' });
  for (const k of ['work', 'amends', 'adopted_on', 'in_force_from']) {
    if (typeof fm[k] !== 'string')
      throw new RegulationParseError({ line: 1, column: 1, message: `Văn bản sửa đổi thiếu "${k}"` });
  }
  return {
    work: String(fm['work']),
    amends: String(fm['amends']),
    title: fm['title'] as string | undefined,
    adopted_on: String(fm['adopted_on']),
    in_force_from: String(fm['in_force_from']),
    effects,
  };
}

export interface DatedEffect {
  amendment: Amendment;
  index: number;
  effect: Effect;
  date: string;
}

export interface Provenance {
  eId: string;
  note_vi: string;
  work: string;
  effect: number;
}

export interface Consolidation {
  regulation: Regulation;
  text: string;
  provenance: Provenance[];
  /** Adopted but not yet in force on the date (prospective). */
  pending: DatedEffect[];
}

/** Effects ordered by effective date, then adoption date, then their order in the document. */
export function datedEffects(amendments: Amendment[]): DatedEffect[] {
  return amendments
    .flatMap((a) =>
      a.effects.map((effect, index) => ({
        amendment: a,
        index,
        effect,
        date: String(effect.in_force_from ?? a.in_force_from),
      })),
    )
    .sort(
      (x, y) =>
        x.date.localeCompare(y.date) ||
        x.amendment.adopted_on.localeCompare(y.amendment.adopted_on) ||
        x.index - y.index,
    );
}

/** The expression in force on `on`: every effect dated up to `on` applied to (a copy of) the base. */
export function consolidate(base: Regulation, amendments: Amendment[], on: string): Consolidation {
  const reg = parseOrThrow(printRegulation(base));
  const provenance: Provenance[] = [];
  const pending: DatedEffect[] = [];
  for (const de of datedEffects(amendments)) {
    if (de.date > on) {
      pending.push(de);
      continue;
    }
    const eId = applyEffect(reg, de.effect);
    // Re-read the text after every effect so later effects see the new elements and rules.
    Object.assign(reg, parseOrThrow(printRegulation(reg)));
    const a = de.amendment;
    provenance.push({
      eId,
      work: a.work,
      effect: de.index,
      note_vi:
        '[' +
        (de.effect.op === 'repeal'
          ? 'được bãi bỏ'
          : de.effect.op === 'insert_after'
            ? 'được bổ sung'
            : 'được sửa đổi') +
        ` bởi ${a.title ?? a.work} thông qua ngày ${formatDateVi(a.adopted_on)}, ` +
        `có hiệu lực từ ngày ${formatDateVi(de.date)}]`,
    });
  }
  const latest = provenance.length
    ? datedEffects(amendments)
        .filter((d) => d.date <= on)
        .at(-1)!.date
    : undefined;
  if (latest) setFrontMatter(reg, { expression: `vie@${latest}`, status: 'consolidated', in_force_from: latest });
  const text = printRegulation(reg);
  return { regulation: parseOrThrow(text), text, provenance, pending };
}

function mustFind(reg: Regulation, id: string | undefined): RegElement {
  const e = id ? findElement(reg, id) : undefined;
  if (!e)
    throw new AmendmentError(
      'TARGET_MISSING',
      `Văn bản sửa đổi nhắm tới "${id ?? ''}" nhưng quy chế không có phần tử này vào ngày hiệu lực`,
    );
  return e;
}

function ruleBlock(rules: Record<string, unknown>[] | undefined): string[] {
  if (!rules?.length) return [];
  return ['', '```quy-tac', ...rules.map((r) => `- ${JSON.stringify(r)}`), '```'];
}

function headLine(e: RegElement, heading: string): string {
  if (e.kind === 'article') return `## Điều ${e.num}. ${heading}`;
  if (e.kind === 'chapter') return `# Chương ${e.num}. ${heading}`;
  if (e.kind === 'clause') return `${e.num}. ${heading}`;
  return `${' '.repeat(Math.max(0, (e.lines[0] ?? '').search(/\S/)))}${e.num}) ${heading}`;
}

/** Applies one effect in place; returns the eId it changed. */
function applyEffect(reg: Regulation, ef: Effect): string {
  switch (ef.op) {
    case 'replace': {
      const e = mustFind(reg, ef.target);
      dropRules(reg, (r) => r.basis === e.eId);
      const text = ef.text ?? e.text;
      e.lines = [
        headLine(e, e.kind === 'article' || e.kind === 'chapter' ? (ef.heading ?? e.heading) : text),
        ...(e.kind === 'article' && ef.text ? ['', ef.text] : []),
        ...ruleBlock(ef.rules),
        '',
      ];
      if (e.kind === 'clause' || e.kind === 'point') e.children = [];
      return e.eId;
    }
    case 'set': {
      const r = reg.rules.find((x) => x.id === ef.target_rule);
      if (!r)
        throw new AmendmentError(
          'RULE_MISSING',
          `Văn bản sửa đổi sửa quy tắc "${ef.target_rule ?? ''}" nhưng quy chế không có quy tắc này`,
        );
      if (!ef.path) throw new AmendmentError('BAD_EFFECT', 'Hiệu lực "set" cần "path"');
      setPath(r as Record<string, unknown>, ef.path, ef.value);
      rewriteBlocks(reg, r.block ?? r.basis);
      return r.basis;
    }
    case 'insert_after': {
      const e = mustFind(reg, ef.target);
      const parent = parentOf(reg, e);
      if (!parent || !ef.new?.num)
        throw new AmendmentError('BAD_EFFECT', `Không chèn được sau "${ef.target ?? ''}": cần new.num`);
      const n = ef.new;
      const lines =
        e.kind === 'article'
          ? [
              `## Điều ${n.num}. ${n.heading ?? ''}`.trimEnd(),
              '',
              ...(n.text ? [n.text, ''] : []),
              ...(n.clauses ?? []).map((c, i) => `${i + 1}. ${c}`),
              ...ruleBlock(n.rules),
              '',
            ]
          : e.kind === 'clause'
            ? [`${n.num}. ${n.text ?? n.heading ?? ''}`, ...ruleBlock(n.rules), '']
            : [`${n.num}) ${n.text ?? n.heading ?? ''}`];
      const idx = parent.children.indexOf(e);
      const placeholder: RegElement = { ...e, eId: `${e.eId}__new`, num: n.num, lines, children: [] };
      parent.children.splice(idx + 1, 0, placeholder);
      // Re-parse so the new element gets its ids and its rules.
      const re = parseOrThrow(printRegulation(reg));
      Object.assign(reg, re);
      const prefix = e.eId.slice(0, e.eId.lastIndexOf('_') + 1);
      return `${prefix}${eIdPart(n.num)}`;
    }
    case 'repeal': {
      const e = mustFind(reg, ef.target);
      const gone = new Set([e, ...descendants(e)].map((x) => x.eId));
      dropRules(reg, (r) => gone.has(r.basis));
      e.lines = [
        e.kind === 'article'
          ? `## Điều ${e.num}. (Bãi bỏ)`
          : e.kind === 'clause'
            ? `${e.num}. (Bãi bỏ)`
            : `${e.num}) (Bãi bỏ)`,
        '',
      ];
      e.children = [];
      return e.eId;
    }
    default:
      throw new AmendmentError(
        'BAD_EFFECT',
        `Không có thao tác "${String((ef as Effect).op)}" (replace, set, insert_after, repeal)`,
      );
  }
}

function descendants(e: RegElement): RegElement[] {
  return e.children.flatMap((c) => [c, ...descendants(c)]);
}
function parentOf(reg: Regulation, e: RegElement): RegElement | undefined {
  const walk = (p: RegElement): RegElement | undefined =>
    p.children.includes(e) ? p : p.children.map(walk).find(Boolean);
  return reg.chapters.map(walk).find(Boolean);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys.at(-1)!] = value;
}

/** Removes rules from the model and from the blocks of text that hold them. */
function dropRules(reg: Regulation, pred: (r: Rule) => boolean) {
  const owners = new Set(reg.rules.filter(pred).map((r) => r.block ?? r.basis));
  reg.rules = reg.rules.filter((r) => !pred(r));
  for (const o of owners) rewriteBlocks(reg, o);
}

/** Rewrites the `quy-tac` blocks of an element from the model: one block with the rules it holds. */
function rewriteBlocks(reg: Regulation, owner: string) {
  const e = findElement(reg, owner);
  if (!e) return;
  const rules = reg.rules.filter((r) => (r.block ?? r.basis) === e.eId);
  const out: string[] = [];
  let inBlock = false;
  let wrote = false;
  for (const l of e.lines) {
    if (!inBlock && /^```quy-tac\s*$/.test(l)) {
      inBlock = true;
      if (!wrote && rules.length)
        out.push('```quy-tac', ...rules.map((r) => `- ${JSON.stringify(cleanRule(r))}`), '```');
      wrote = true;
      continue;
    }
    if (inBlock) {
      if (/^```\s*$/.test(l)) inBlock = false;
      continue;
    }
    out.push(l);
  }
  e.lines = out;
}

function cleanRule(r: Rule): Record<string, unknown> {
  const { basis: _b, line: _l, block: _k, ...rest } = r;
  void [_b, _l, _k];
  return rest;
}

export interface ComparisonRow {
  eId: string;
  cite: string;
  change: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
}

const describe = (reg: Regulation, e: RegElement | undefined): string => {
  if (!e) return '';
  const rules = reg.rules.filter((r) => r.basis === e.eId).map((r) => JSON.stringify(cleanRule(r)));
  return [e.kind === 'article' || e.kind === 'chapter' ? e.heading : e.text, ...rules].filter(Boolean).join('\n');
};

/** Provision-level diff by eId (the comparison table, bảng so sánh). */
export function diffRegulations(a: Regulation, b: Regulation): ComparisonRow[] {
  const ea = new Map(allElements(a).map((e) => [e.eId, e]));
  const eb = new Map(allElements(b).map((e) => [e.eId, e]));
  const rows: ComparisonRow[] = [];
  const order = [...new Set([...eb.keys(), ...ea.keys()])];
  for (const id of order) {
    const [x, y] = [ea.get(id), eb.get(id)];
    const [dx, dy] = [describe(a, x), describe(b, y)];
    if (x && !y) rows.push({ eId: id, cite: citeVi(id), change: 'removed', before: dx, after: '' });
    else if (!x && y) rows.push({ eId: id, cite: citeVi(id), change: 'added', before: '', after: dy });
    else if (dx !== dy)
      rows.push({
        eId: id,
        cite: citeVi(id),
        change: /^\(Bãi bỏ\)/.test(dy) ? 'removed' : 'changed',
        before: dx,
        after: dy,
      });
  }
  return rows;
}

export function comparisonTableMarkdown(rows: ComparisonRow[], title = 'BẢNG SO SÁNH'): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  const label = { added: 'Bổ sung', removed: 'Bãi bỏ', changed: 'Sửa đổi' } as const;
  return [
    `# ${title}`,
    '',
    '| STT | Điều, khoản | Quy định hiện hành | Quy định sửa đổi, bổ sung | Ghi chú |',
    '|---|---|---|---|---|',
    ...rows.map((r, i) => `| ${i + 1} | ${r.cite} | ${esc(r.before)} | ${esc(r.after)} | ${label[r.change]} |`),
    '',
  ].join('\n');
}

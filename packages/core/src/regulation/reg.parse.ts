import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { RULE_KINDS } from './reg.model.js';
import type { FrontMatter, ParseError, ParseResult, RegElement, Regulation, Rule, ScenarioTest } from './reg.model.js';

const CHAPTER = /^#\s+Chương\s+([IVXLCDM]+|\d+)\b\.?\s*(.*?)\s*$/u;
const ARTICLE = /^##\s+Điều\s+(\d+[a-zđ]?)\b\.?\s*(.*?)\s*$/u;
const CLAUSE = /^(\d+)\.\s+(.*)$/u;
// A point is lettered (a, b, đ…), or numbered under its clause as the Party's regulations do ("1.5." of khoản 1).
const POINT = /^\s{0,6}(?:([a-zđ])\)|(\d+\.\d+)\.?)\s+(.*)$/u;
const FENCE_OPEN = /^```\s*([\w-]*)\s*$/;
const PIN = /\s*\{#([A-Za-z0-9_.-]+)\}\s*$/;

export class RegulationParseError extends Error {
  constructor(readonly error: ParseError) {
    super(`dòng ${error.line}, cột ${error.column}: ${error.message}`);
  }
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
/** The letters of points (điểm a, b, c, d, đ…) in Vietnamese alphabetical order. */
export const VI_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
];

export function romanToInt(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** đ is transliterated so eIds stay ASCII: point đ → point_dd, Điều 9đ → art_9dd. */
export const eIdPart = (s: string) => s.toLowerCase().replace(/đ/g, 'dd');

function element(
  kind: RegElement['kind'],
  num: string,
  heading: string,
  line: number,
  raw: string,
  parent: RegElement | null,
): RegElement {
  const pin = PIN.exec(heading);
  const cleanHeading = pin ? heading.slice(0, pin.index) : heading;
  const own =
    kind === 'chapter'
      ? `chp_${romanToInt(num)}`
      : kind === 'article'
        ? `art_${eIdPart(num)}`
        : kind === 'clause'
          ? `para_${num}`
          : `point_${eIdPart(num)}`;
  const eId = parent?.eId ? `${parent.eId}__${own}` : own;
  const shortId = kind === 'chapter' ? own : parent && parent.kind !== 'chapter' ? `${parent.shortId}__${own}` : own;
  return {
    kind,
    eId,
    shortId,
    wId: pin ? pin[1]! : shortId,
    num,
    heading: cleanHeading,
    text: kind === 'clause' || kind === 'point' ? cleanHeading : '',
    line,
    lines: [raw],
    children: [],
  };
}

/** Parses a `.qc.md` file. Never throws: malformed input gives `{ ok: false, error: { line, column, message } }`. */
export function parseRegulation(text: string): ParseResult {
  try {
    return { ok: true, regulation: parseOrThrow(text) };
  } catch (e) {
    if (e instanceof RegulationParseError) return { ok: false, error: e.error };
    return { ok: false, error: { line: 1, column: 1, message: `Không đọc được tệp quy chế: ${(e as Error).message}` } };
  }
}

export function parseOrThrow(input: string): Regulation {
  const text = input.replace(/\r\n?/g, '\n').normalize('NFC');
  const lines = text.split('\n');
  const fail = (line: number, column: number, message: string): never => {
    throw new RegulationParseError({ line, column, message });
  };
  let i = 0;
  const frontMatterLines: string[] = [];
  let frontMatter: FrontMatter = {};
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
    if (end < 0) fail(1, 1, 'Phần đầu (front matter) mở bằng "---" nhưng không có dòng "---" đóng');
    frontMatterLines.push(...lines.slice(0, end + 1));
    frontMatter = parseYamlMapping(lines.slice(1, end).join('\n'), 2, fail) as FrontMatter;
    i = end + 1;
  }

  const reg: Regulation = { frontMatter, frontMatterLines, preambleLines: [], chapters: [], rules: [], tests: [] };
  let chapter: RegElement | null = null;
  let article: RegElement | null = null;
  let clause: RegElement | null = null;
  let point: RegElement | null = null;
  const current = () => point ?? clause ?? article ?? chapter;
  const ensureChapter = (line: number): RegElement => {
    if (chapter) return chapter;
    // Articles before any chapter heading belong to an unnamed chapter that prints no heading.
    chapter = {
      kind: 'chapter',
      eId: '',
      shortId: '',
      wId: '',
      num: '',
      heading: '',
      text: '',
      line,
      lines: [],
      children: [],
    };
    reg.chapters.push(chapter);
    return chapter;
  };

  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    let m: RegExpExecArray | null;
    if ((m = CHAPTER.exec(raw))) {
      chapter = element('chapter', m[1]!, m[2]!.replace(/^[.:]\s*/, ''), lineNo, raw, null);
      reg.chapters.push(chapter);
      article = clause = point = null;
    } else if (/^#\s+Chương\b/u.test(raw)) {
      fail(lineNo, 3, 'Tiêu đề chương cần số La Mã hoặc số: "# Chương II. TÊN CHƯƠNG"');
    } else if ((m = ARTICLE.exec(raw))) {
      const ch = ensureChapter(lineNo);
      article = element('article', m[1]!, m[2]!.replace(/^[.:]\s*/, ''), lineNo, raw, ch);
      ch.children.push(article);
      clause = point = null;
    } else if (/^##\s+Điều\b/u.test(raw)) {
      fail(lineNo, 4, 'Tiêu đề điều cần số: "## Điều 5. Tên điều"');
    } else if ((m = FENCE_OPEN.exec(raw)) && m[1]) {
      const kind = m[1];
      const end = lines.findIndex((l, k) => k > i && /^```\s*$/.test(l));
      if (end < 0) fail(lineNo, 1, `Khối \`\`\`${kind} mở ở dòng ${lineNo} nhưng không có dòng \`\`\` đóng`);
      const owner = current();
      const block = lines.slice(i, end + 1);
      if (kind === 'quy-tac' || kind === 'kiem-thu') {
        if (!owner || owner.kind === 'chapter')
          fail(lineNo, 1, `Khối ${kind} phải đứng sau một điều hoặc khoản (là căn cứ của nó)`);
        const items = parseYamlList(lines.slice(i + 1, end).join('\n'), lineNo + 1, fail);
        if (kind === 'quy-tac')
          for (const it of items) reg.rules.push({ ...toRule(it.value, it.line, owner!.eId, fail), block: owner!.eId });
        else for (const it of items) reg.tests.push(toTest(it.value, it.line, owner!.eId, fail));
      }
      if (owner) owner.lines.push(...block);
      else reg.preambleLines.push(...block);
      i = end;
    } else if (article && (m = CLAUSE.exec(raw))) {
      clause = element('clause', m[1]!, m[2]!, lineNo, raw, article);
      article.children.push(clause);
      point = null;
    } else if (article && (m = POINT.exec(raw))) {
      const parentEl = clause ?? article;
      point = element('point', m[1] ?? m[2]!, m[3]!, lineNo, raw, parentEl);
      parentEl.children.push(point);
    } else {
      const owner = current();
      if (!owner) {
        reg.preambleLines.push(raw);
        continue;
      }
      owner.lines.push(raw);
      const t = raw.trim();
      if (t && !/^```/.test(t)) owner.text = owner.text ? `${owner.text} ${t}` : t;
    }
  }
  refineBasis(reg);
  const seen = new Map<string, number>();
  for (const r of reg.rules) {
    if (seen.has(r.id)) fail(r.line, 1, `Mã quy tắc "${r.id}" đã dùng ở dòng ${seen.get(r.id)}`);
    seen.set(r.id, r.line);
  }
  return reg;
}

type Fail = (line: number, column: number, message: string) => never;

const KIND_WORDS: Record<string, string[]> = {
  meeting_regime: ['hop', 'thuong', 'le'],
  quorum: ['hop', 'le', 'tham', 'du', 'trieu', 'tap'],
  vote_threshold: ['thong', 'qua', 'dong', 'y', 'bieu', 'quyet'],
  ballot: ['phieu', 'kin'],
  authority: ['quyet', 'dinh'],
  delegation: ['uy', 'quyen'],
  notice: ['tai', 'lieu', 'gui'],
  deadline: ['thoi', 'han', 'bao', 'cao'],
  duty: ['chu', 'tri', 'phoi', 'hop'],
  conference_quota: ['hoi', 'nghi', 'truc', 'tiep', 'giam'],
  portfolio: ['phu', 'trach', 'linh', 'vuc'],
  meeting_score: ['cham', 'diem', 'chat', 'luong'],
};
/** An assessment level's clause begins with its name ("Không hoàn thành nhiệm vụ: …"), folded. */
const LEVEL_HEADS: Record<string, string> = {
  xuat_sac: 'hoan thanh xuat sac nhiem vu',
  tot: 'hoan thanh tot nhiem vu',
  hoan_thanh: 'hoan thanh nhiem vu',
  khong_hoan_thanh: 'khong hoan thanh nhiem vu',
};
const fold = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
const words = (t: string) =>
  new Set(
    fold(t)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0)
      .map((w) => w.replace(/^0+(?=\d)/, '')),
  );

/**
 * A rule block after several clauses attaches to the last one; the rule's legal basis is then moved to
 * the sibling clause whose words it shares most (its body, matter or duty name, kind and numbers), so that
 * "tl-bch" cites khoản 1 Điều 10 and not khoản 2. An explicit `basis:` is never moved.
 */
function refineBasis(reg: Regulation) {
  const byEId = new Map<string, RegElement>();
  const parentOf = new Map<string, RegElement>();
  const walk = (e: RegElement) => {
    byEId.set(e.eId, e);
    for (const c of e.children) {
      parentOf.set(c.eId, e);
      walk(c);
    }
  };
  reg.chapters.forEach(walk);
  const fm = reg.frontMatter;
  const wordCache = new Map<RegElement, Set<string>>();
  const wordsOf = (e: RegElement) => {
    let w = wordCache.get(e);
    if (!w) wordCache.set(e, (w = words(e.text)));
    return w;
  };
  for (const r of reg.rules) {
    if ((r as Record<string, unknown>)['__explicitBasis']) continue;
    const el = byEId.get(r.basis);
    const parent = el ? parentOf.get(el.eId) : undefined;
    if (el?.kind !== 'clause' || !parent) continue;
    const siblings = parent.children.filter((c) => c.kind === 'clause' && c.line <= el.line);
    if (siblings.length < 2) continue;
    // An assessment level belongs to the clause that begins with the level's name, whatever words others share.
    const head = r.kind === 'assessment_level' ? LEVEL_HEADS[String(r['level'])] : undefined;
    const named = head ? siblings.find((c) => fold(c.text).startsWith(head)) : undefined;
    if (head) {
      if (named) r.basis = named.eId;
      continue;
    }
    const refs = [
      r['body'],
      ...(Array.isArray(r['bodies']) ? (r['bodies'] as string[]) : []),
      r['decides'],
      r['from'],
      r['to'],
      r['owner'],
    ].filter((x): x is string => typeof x === 'string');
    const weighted = new Map<string, number>();
    const want = (text: string, weight: number) => {
      for (const w of words(text)) weighted.set(w, Math.max(weighted.get(w) ?? 0, weight));
    };
    want(refs.map((b) => fm.bodies?.[b]?.name ?? fm.roles?.[b] ?? '').join(' '), 1);
    want(typeof r['matter'] === 'string' ? (fm.matters?.[r['matter'] as string]?.name ?? '') : '', 2);
    want(typeof r['duty'] === 'string' ? (fm.duties?.[r['duty'] as string] ?? '') : '', 2);
    want(Array.isArray(r['topics']) ? (r['topics'] as string[]).map((t) => t.replace(/_/g, ' ')).join(' ') : '', 2);
    want((KIND_WORDS[r.kind] ?? []).join(' '), 3);
    // A thematic meeting's regime sits beside the regular one: it is the clause that says "chuyên đề".
    if (r['meeting_kind'] === 'thematic') want('chuyên đề', 4);
    const { id: _id, basis: _b, line: _l, valid: _v, kind: _k, block: _o, ...content } = r as Record<string, unknown>;
    void [_id, _b, _l, _v, _k, _o];
    const numbers = new Set(JSON.stringify(content).match(/\d+/g) ?? []);
    const score = (c: RegElement) => {
      const have = wordsOf(c);
      let n = 0;
      for (const [w, weight] of weighted) if (have.has(w)) n += weight;
      for (const d of numbers) if (have.has(d) && d.length < 5) n += 2;
      return n;
    };
    let best = el;
    let bestScore = score(el);
    for (const c of siblings) {
      const sc = score(c);
      if (sc > bestScore) [best, bestScore] = [c, sc];
    }
    r.basis = best.eId;
  }
  for (const r of reg.rules) delete (r as Record<string, unknown>)['__explicitBasis'];
}

function parseYamlMapping(src: string, firstLine: number, fail: Fail): Record<string, unknown> {
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = lc.linePos(e.pos[0]);
    fail(firstLine + pos.line - 1, pos.col, `Lỗi YAML ở phần đầu: ${e.message.split('\n')[0]}`);
  }
  const v = doc.toJS() as unknown;
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) fail(firstLine, 1, 'Phần đầu phải là các cặp "khóa: giá trị"');
  return v as Record<string, unknown>;
}

/**
 * Rule blocks repeat across the regulations of one family (communes write theirs from the same template), and
 * YAML is the slowest part of parsing: a block's items are memoized by its text, positions kept relative.
 */
const blockCache = new Map<string, { value: unknown; rel: number }[]>();

function parseYamlList(src: string, firstLine: number, fail: Fail): { value: unknown; line: number }[] {
  const hit = blockCache.get(src);
  if (hit) return hit.map((x) => ({ value: structuredClone(x.value), line: firstLine + x.rel }));
  const items = parseYamlListUncached(src, firstLine, fail);
  if (blockCache.size > 5000) blockCache.clear();
  blockCache.set(
    src,
    items.map((x) => ({ value: structuredClone(x.value), rel: x.line - firstLine })),
  );
  return items;
}

function parseYamlListUncached(src: string, firstLine: number, fail: Fail): { value: unknown; line: number }[] {
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = lc.linePos(e.pos[0]);
    fail(firstLine + pos.line - 1, pos.col, `Lỗi YAML: ${e.message.split('\n')[0]}`);
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents))
    fail(firstLine, 1, 'Khối quy tắc, kiểm thử phải là một danh sách (mỗi mục bắt đầu bằng "- ")');
  const seq = doc.contents as unknown as { items: { range?: [number, number, number] }[] };
  return seq.items.map((node) => {
    const line = firstLine + (node.range ? lc.linePos(node.range[0]).line - 1 : 0);
    if (!isMap(node)) fail(line, 1, 'Mỗi mục phải là một tập "khóa: giá trị"');
    return { value: (node as unknown as { toJSON(): unknown }).toJSON(), line };
  });
}

function toRule(v: unknown, line: number, basis: string, fail: Fail): Rule {
  const r = v as Record<string, unknown>;
  if (typeof r['id'] !== 'string' || !r['id']) fail(line, 1, 'Quy tắc thiếu "id"');
  if (!RULE_KINDS.includes(r['kind'] as never)) {
    fail(
      line,
      1,
      `Quy tắc "${String(r['id'])}": loại "${String(r['kind'])}" không có; các loại: ${RULE_KINDS.join(', ')}`,
    );
  }
  const explicit = typeof r['basis'] === 'string' ? (r['basis'] as string) : undefined;
  return { ...r, basis: explicit ?? basis, line, ...(explicit ? { __explicitBasis: true } : {}) } as Rule;
}

function toTest(v: unknown, line: number, basis: string, fail: Fail): ScenarioTest {
  const t = v as Record<string, unknown>;
  for (const k of ['ask', 'input', 'expect'] as const)
    if (t[k] === undefined) fail(line, 1, `Kiểm thử "${String(t['name'] ?? '')}" thiếu "${k}"`);
  return {
    name: String(t['name'] ?? `kiểm thử dòng ${line}`),
    at: String(t['at'] ?? ''),
    ask: String(t['ask']),
    input: t['input'] as Record<string, unknown>,
    expect: t['expect'] as Record<string, unknown>,
    basis,
    line,
  };
}

/** Sets front-matter keys in the text too (comments and the other keys stay as written). */
export function setFrontMatter(reg: Regulation, values: Record<string, unknown>) {
  const inner = reg.frontMatterLines.slice(1, -1).join('\n');
  const doc = parseDocument(inner);
  for (const [k, v] of Object.entries(values)) {
    // undefined removes the key (a draft has no adoption date).
    if (v === undefined) {
      doc.delete(k);
      delete reg.frontMatter[k];
      continue;
    }
    doc.set(k, v);
    reg.frontMatter[k] = v;
  }
  reg.frontMatterLines = ['---', ...doc.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n'), '---'];
}

/** Prints the regulation back to text: the same text for a parsed file, a canonical one for edited elements. */
export function printRegulation(reg: Regulation): string {
  const out: string[] = [...reg.frontMatterLines, ...reg.preambleLines];
  const walk = (e: RegElement) => {
    out.push(...e.lines);
    e.children.forEach(walk);
  };
  reg.chapters.forEach(walk);
  return out.join('\n');
}

/** All elements in document order. */
export function allElements(reg: Regulation): RegElement[] {
  const out: RegElement[] = [];
  const walk = (e: RegElement) => {
    if (e.eId) out.push(e);
    e.children.forEach(walk);
  };
  reg.chapters.forEach(walk);
  return out;
}

/** Finds an element by full eId, short id (art_6__para_1) or wId. */
export function findElement(reg: Regulation, id: string): RegElement | undefined {
  return allElements(reg).find((e) => e.eId === id || e.shortId === id || e.wId === id);
}

/** art_6__para_1__point_a → "điểm a khoản 1 Điều 6", as a clerk cites it. */
export function citeVi(eId: string): string {
  const parts = eId.split('__');
  const out: string[] = [];
  for (const p of parts.reverse()) {
    const [kind, num] = [p.slice(0, p.indexOf('_')), p.slice(p.indexOf('_') + 1).replace(/dd/g, 'đ')];
    if (kind === 'doan') out.push(`đoạn ${num}`);
    else if (kind === 'point') out.push(`điểm ${num}`);
    else if (kind === 'para') out.push(`khoản ${num}`);
    else if (kind === 'art') out.push(`Điều ${num}`);
    else if (kind === 'chp' && out.length === 0) out.push(`Chương ${num}`);
  }
  return out.join(' ');
}

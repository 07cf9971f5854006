import { formatBytesVi, readZip } from '../files/zip.read.js';
import type { ZipIssue, ZipLimits } from '../files/zip.read.js';
import { stringify } from 'yaml';
import { romanToInt, VI_LETTERS } from './reg.parse.js';

/**
 * Import of an existing regulation from Word (.docx, as offices have them, automatic numbering included) or
 * plain text into a `.qc.md` with its structure and text; rules are then added by the author. Pure: bytes in.
 */
export class ImportError extends Error {
  constructor(
    readonly code: 'KHONG_DOC_DUOC' | 'KHONG_PHAI_DOCX' | 'DINH_DANG_KHONG_HO_TRO' | ZipIssue['code'] | 'TEP_QUA_LON',
    message: string,
    /** The limit a file broke, when it broke one. */
    readonly limit?: number,
  ) {
    super(message);
  }
}

/** The parts of a .docx the import reads, and what they may hold (a long regulation's text is well under 1 MB). */
const DOCX_PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml'];
export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 30 * 1024 * 1024,
  maxRatio: 100,
};
export const TEXT_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export interface ImportReport {
  isRegulation: boolean;
  reason_vi?: string;
  chapters: number;
  articles: number;
  clauses: number;
  points: number;
  unplaced: { paragraph: number; text: string; reason_vi: string }[];
  warnings: string[];
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
const toRoman = (n: number) =>
  ROMAN.reduce((s, [v, r]) => {
    while (n >= v) {
      s += r;
      n -= v;
    }
    return s;
  }, '');

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}
const attr = (xml: string, tag: string, name = 'w:val') =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

interface Level {
  start: number;
  fmt: string;
  text: string;
}
interface Numbering {
  levels: Map<number, Level>;
  overrides: Map<number, number>;
}

function parseNumbering(xml: string): Map<string, Numbering> {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), {
        start: Number(attr(l[2]!, 'w:start') ?? 1),
        fmt: attr(l[2]!, 'w:numFmt') ?? 'decimal',
        text: decodeEntities(attr(l[2]!, 'w:lvlText') ?? ''),
      });
    }
    abstracts.set(m[1]!, levels);
  }
  const nums = new Map<string, Numbering>();
  for (const m of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abs = attr(m[2]!, 'w:abstractNumId');
    const overrides = new Map<number, number>();
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const s = attr(o[2]!, 'w:startOverride');
      if (s !== undefined) overrides.set(Number(o[1]), Number(s));
    }
    nums.set(m[1]!, { levels: abs ? (abstracts.get(abs) ?? new Map()) : new Map(), overrides });
  }
  return nums;
}

function parseStyles(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numId = attr(m[2]!, 'w:numId');
    if (numId) out.set(m[1]!, { numId, ilvl: Number(attr(m[2]!, 'w:ilvl') ?? 0) });
  }
  return out;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return VI_LETTERS[(n - 1) % VI_LETTERS.length]!;
    case 'upperLetter':
      return VI_LETTERS[(n - 1) % VI_LETTERS.length]!.toUpperCase();
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

interface Para {
  text: string;
  index: number;
  inTable: boolean;
}

/** Paragraph texts of a .docx, with Word's automatic numbers computed and put in front. */
export function docxParagraphs(bytes: Uint8Array): Para[] {
  const opened = readZip(bytes, DOCX_LIMITS, (name) => DOCX_PARTS.includes(name));
  if ('issue' in opened) {
    if (opened.issue.code === 'KHONG_MO_DUOC_GOI_NEN')
      throw new ImportError('KHONG_PHAI_DOCX', 'Tệp không phải tài liệu Word (.docx): không mở được gói nén');
    throw new ImportError(
      opened.issue.code,
      opened.issue.message_vi,
      'limit' in opened.issue ? opened.issue.limit : undefined,
    );
  }
  const files = opened.files;
  const read = (name: string) => (files[name] ? new TextDecoder('utf-8').decode(files[name]) : undefined);
  const doc = read('word/document.xml');
  if (!doc) throw new ImportError('KHONG_PHAI_DOCX', 'Tệp .docx không có phần nội dung (word/document.xml)');
  const numbering = parseNumbering(read('word/numbering.xml') ?? '');
  const styles = parseStyles(read('word/styles.xml') ?? '');
  const counters = new Map<string, number[]>();
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(doc)?.[1] ?? doc;
  const out: Para[] = [];
  // Tables are walked too, but their paragraphs are marked so the report can say they were not placed.
  const tokens = body.split(/(<w:tbl\b[\s\S]*?<\/w:tbl>)/);
  let index = 0;
  for (const chunk of tokens) {
    const inTable = chunk.startsWith('<w:tbl');
    for (const m of chunk.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
      const inner = m[1] ?? '';
      const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
      let numId = attr(pPr, 'w:numId');
      let ilvl = Number(attr(pPr, 'w:ilvl') ?? 0);
      const style = attr(pPr, 'w:pStyle');
      if (!numId && style && styles.has(style)) ({ numId, ilvl } = styles.get(style)!);
      // Runs in order: text, tabs and breaks (a paragraph's text is split over many runs).
      const text = decodeEntities(
        [
          ...inner
            .replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '')
            .matchAll(/<w:t\b[^>]*>([\s\S]*?)<\/w:t>|<w:t\/>|<w:(tab|br|cr)\b[^>]*\/>/g),
        ]
          .map((x) => (x[2] ? ' ' : (x[1] ?? '')))
          .join(''),
      );
      let label = '';
      if (numId && numId !== '0' && numbering.has(numId)) {
        const num = numbering.get(numId)!;
        const c = counters.get(numId) ?? [];
        for (let k = 0; k <= ilvl; k++) {
          if (c[k] === undefined) c[k] = (num.overrides.get(k) ?? num.levels.get(k)?.start ?? 1) - (k === ilvl ? 1 : 0);
        }
        c[ilvl] = c[ilvl]! + 1;
        c.length = ilvl + 1; // a higher level advancing restarts the deeper ones
        counters.set(numId, c);
        const lvl = num.levels.get(ilvl);
        if (lvl)
          label = lvl.text.replace(/%(\d)/g, (_, k: string) =>
            formatNumber(c[Number(k) - 1] ?? 1, num.levels.get(Number(k) - 1)?.fmt ?? 'decimal'),
          );
      }
      const full = `${label ? `${label} ` : ''}${text}`.replace(/\s+/g, ' ').trim().normalize('NFC');
      index++;
      if (full) out.push({ text: full, index, inTable });
    }
  }
  return out;
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ImportError(
      'KHONG_DOC_DUOC',
      'Tệp văn bản không phải UTF-8 hoặc UTF-16: hãy lưu lại với bảng mã Unicode (UTF-8)',
    );
  }
}

const CHAPTER = /^(?:CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b[.:]?\s*(.*)$/u;
const ARTICLE = /^Điều\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$|^Điều\s+(\d+[a-zđ]?)\s+(.*)$/u;
const CLAUSE = /^(\d+)[.)]\s+(.*)$/u;
const POINT = /^([a-zđ])\)\s+(.*)$/u;

/** Turns paragraphs into a `.qc.md` with a report of what could not be placed. */
export function importRegulation(input: { fileName: string; bytes: Uint8Array }): {
  qcmd: string;
  report: ImportReport;
} {
  const name = input.fileName.toLowerCase();
  if (name.endsWith('.txt') || name.endsWith('.md')) {
    if (input.bytes.length > TEXT_IMPORT_MAX_BYTES)
      throw new ImportError(
        'TEP_QUA_LON',
        `Tệp văn bản lớn ${formatBytesVi(input.bytes.length)}, vượt giới hạn ${formatBytesVi(TEXT_IMPORT_MAX_BYTES)}`,
        TEXT_IMPORT_MAX_BYTES,
      );
  }
  let paras: Para[];
  if (name.endsWith('.docx')) paras = docxParagraphs(input.bytes);
  else if (name.endsWith('.txt') || name.endsWith('.md'))
    paras = decodeText(input.bytes)
      .split(/\r?\n/)
      .map((t, i) => ({ text: t.replace(/\s+/g, ' ').trim().normalize('NFC'), index: i + 1, inTable: false }))
      .filter((p) => p.text);
  else throw new ImportError('DINH_DANG_KHONG_HO_TRO', 'Chỉ nhập được tệp .docx hoặc .txt');

  const report: ImportReport = {
    isRegulation: false,
    chapters: 0,
    articles: 0,
    clauses: 0,
    points: 0,
    unplaced: [],
    warnings: [],
  };
  const pre: string[] = [];
  const body: string[] = [];
  const fm: Record<string, unknown> = { status: 'draft' };
  let inArticle = false;
  let pendingChapterTitle = false;
  let lastArticle = 0;
  let lastClause = 0;
  let pointIndex = 0;
  for (const p of paras) {
    if (p.inTable) {
      report.unplaced.push({
        paragraph: p.index,
        text: p.text.slice(0, 120),
        reason_vi: 'Nội dung trong bảng chưa được chuyển thành điều, khoản',
      });
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = CHAPTER.exec(p.text))) {
      report.chapters++;
      const title = m[2]!.replace(/^[-–.:\s]+/, '');
      body.push('', `# Chương ${m[1]!}. ${title}`.trimEnd());
      pendingChapterTitle = title === '';
      inArticle = false;
      if (romanToInt(m[1]!) !== report.chapters)
        report.warnings.push(`Chương ${m[1]} đứng ở vị trí thứ ${report.chapters}`);
      continue;
    }
    if (pendingChapterTitle && !ARTICLE.test(p.text)) {
      // The chapter title on its own paragraph, as Word documents often have it.
      body[body.length - 1] = `${body[body.length - 1]!.replace(/\.$/, '')}. ${p.text}`;
      pendingChapterTitle = false;
      continue;
    }
    pendingChapterTitle = false;
    if ((m = ARTICLE.exec(p.text))) {
      const num = m[1] ?? m[3]!;
      const title = (m[2] ?? m[4] ?? '').trim();
      report.articles++;
      if (Number.parseInt(num, 10) !== lastArticle + 1 && !/[a-zđ]$/.test(num))
        report.warnings.push(`Điều ${num} đứng sau Điều ${lastArticle}`);
      lastArticle = Number.parseInt(num, 10);
      lastClause = 0;
      pointIndex = 0;
      body.push('', `## Điều ${num}. ${title}`.trimEnd(), '');
      inArticle = true;
      continue;
    }
    if (inArticle && (m = CLAUSE.exec(p.text))) {
      report.clauses++;
      lastClause = Number(m[1]);
      pointIndex = 0;
      body.push(`${m[1]}. ${m[2]}`);
      continue;
    }
    if (inArticle && (m = POINT.exec(p.text))) {
      report.points++;
      if (m[1] !== VI_LETTERS[pointIndex])
        report.warnings.push(
          `Điều ${lastArticle}${lastClause ? ` khoản ${lastClause}` : ''}: điểm ${m[1]}) ` +
            `ở vị trí ${VI_LETTERS[pointIndex] ?? pointIndex + 1})`,
        );
      pointIndex++;
      body.push(`   ${m[1]}) ${m[2]}`);
      continue;
    }
    if (inArticle || report.chapters > 0) {
      // Text under an article (or a chapter) goes with the element above it, indented so it is not misread.
      body.push(`   ${p.text}`);
      continue;
    }
    pre.push(p.text);
    const number = /Số\s*:?\s*(\d+\s*-\s*[A-ZĐa-zđ]+\s*\/\s*[A-ZĐa-zđ0-9]+)/u.exec(p.text);
    if (number) fm['number'] = number[1]!.replace(/\s+/g, '');
    const date = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(p.text);
    if (date) fm['adopted_on'] = `${date[3]}-${date[2]!.padStart(2, '0')}-${date[1]!.padStart(2, '0')}`;
    if (/^QUY CHẾ(?=\s|$)/u.test(p.text) && !fm['title']) fm['title'] = p.text;
    else if (
      fm['title'] &&
      typeof fm['title'] === 'string' &&
      /^(của|về)\s/u.test(p.text) &&
      !String(fm['title']).includes(p.text)
    )
      fm['title'] = `${fm['title']} ${p.text}`;
    if (/^(TỈNH ỦY|THÀNH ỦY|ĐẢNG ỦY|BAN CHẤP HÀNH|HUYỆN ỦY)(?=\s|$)/u.test(p.text) && !fm['issuer_name'])
      fm['issuer_name'] = p.text;
  }
  report.isRegulation = report.articles > 0;
  if (!report.isRegulation) {
    report.reason_vi = 'Không tìm thấy điều nào ("Điều 1. …"): tài liệu này không có cấu trúc của một quy chế';
    for (const p of paras.slice(0, 20))
      report.unplaced.push({
        paragraph: p.index,
        text: p.text.slice(0, 120),
        reason_vi: 'Không thuộc điều, khoản nào',
      });
  }
  const slug = String(fm['number'] ?? fm['title'] ?? 'quy-che')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  fm['work'] = `/nhap/${slug}`;
  fm['expression'] = `vie@${fm['adopted_on'] ?? 'draft-1'}`;
  if (typeof fm['title'] === 'string') fm['title'] = fm['title'].replace(/\s+/g, ' ');
  const front = [
    '---',
    stringify(
      {
        work: fm['work'],
        expression: fm['expression'],
        title: fm['title'] ?? input.fileName,
        number: fm['number'],
        issuer_name: fm['issuer_name'],
        status: 'draft',
        adopted_on: fm['adopted_on'],
        bodies: {},
        roles: {},
        matters: {},
        duties: {},
      },
      { lineWidth: 0 },
    ).trimEnd(),
    '---',
  ];
  const qcmd = [...front, '', ...pre, ...body, ''].join('\n').replace(/\n{3,}/g, '\n\n');
  return { qcmd, report };
}

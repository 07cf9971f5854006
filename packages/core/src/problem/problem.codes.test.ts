import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ORG_RULES } from '../org/org.rules.js';
import { errorCodeInfo, PROBLEM_CODES, PROBLEMS, SPECIFIC, SPECIFIC_CODES } from './problem.codes.js';
import type { ErrorCode } from './problem.codes.js';
import { problem, ProblemError } from './problem.js';
import { ERROR_CODES_DOC_BEGIN, ERROR_CODES_DOC_END, withErrorCodes } from './problem.doc.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const API_DOC = join(ROOT, 'docs/API.md');
/** Letters only Vietnamese has (after NFD: the combining marks, and đ). */
const VIETNAMESE = /[\u0300-\u036fđĐ]/;
const ALL: readonly ErrorCode[] = [...PROBLEM_CODES, ...SPECIFIC_CODES];

describe('error codes', () => {
  it('every code has a Vietnamese title with diacritics, an English title, a status in 400–599 and a meaning', () => {
    for (const code of ALL) {
      const info = errorCodeInfo(code);
      expect(info.vi.normalize('NFD'), code).toMatch(VIETNAMESE);
      expect(info.vi.normalize('NFC'), code).toBe(info.vi);
      expect(Number.isInteger(info.status) && info.status >= 400 && info.status <= 599, code).toBe(true);
      for (const text of [info.vi, info.en, info.when]) {
        expect(text.trim().length, code).toBeGreaterThan(2);
        expect(text, code).not.toMatch(/[\r\n]/);
      }
    }
  });

  it('each list is the keys of its table, in order, without repeats; a specific code is no kind', () => {
    expect(Object.keys(PROBLEMS)).toEqual([...PROBLEM_CODES]);
    expect(Object.keys(SPECIFIC)).toEqual([...SPECIFIC_CODES]);
    expect(new Set(ALL).size).toBe(ALL.length);
    for (const code of ALL) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('a specific code keeps the status, type and title of its kind', () => {
    for (const code of SPECIFIC_CODES) {
      const kind = SPECIFIC[code].problem;
      expect(errorCodeInfo(code).status).toBe(PROBLEMS[kind].status);
      expect(problem(kind, { code })).toEqual({
        type: `urn:quyche:problem:${kind.toLowerCase()}`,
        title: PROBLEMS[kind].vi,
        status: PROBLEMS[kind].status,
        code,
      });
    }
    expect(new ProblemError('RULE_VIOLATION', { code: 'SAI_THAM_QUYEN', detail: 'x' }).problem).toMatchObject({
      status: 422,
      code: 'SAI_THAM_QUYEN',
      title: 'Vi phạm quy tắc nghiệp vụ',
    });
  });

  it('the rules of organizations are catalogued with their own titles', () => {
    for (const id of Object.keys(ORG_RULES) as (keyof typeof ORG_RULES)[]) {
      expect(SPECIFIC[id]).toMatchObject({ problem: 'RULE_VIOLATION', vi: ORG_RULES[id].vi, en: ORG_RULES[id].en });
    }
  });

  it('every code the sources throw as a literal is catalogued', () => {
    const used = literalCodesInSources();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([code]) => !(ALL as readonly string[]).includes(code));
    expect(missing.map(([code, where]) => `${code} (${where})`)).toEqual([]);
  });

  it('docs/API.md "Mã lỗi" is rendered from the catalogue (WRITE_API_DOC=1 rewrites it)', () => {
    const doc = readFileSync(API_DOC, 'utf8');
    const expected = withErrorCodes(doc);
    expect(expected, `docs/API.md needs the lines ${ERROR_CODES_DOC_BEGIN} and ${ERROR_CODES_DOC_END}`).not.toBeNull();
    if (process.env['WRITE_API_DOC'] && expected !== doc) writeFileSync(API_DOC, expected!);
    else
      expect(
        doc,
        'docs/API.md differs from the catalogue: WRITE_API_DOC=1 npx vitest run packages/core/src/problem',
      ).toBe(expected);
  });
});

/**
 * The codes written as literals where errors are made: the first argument of ProblemError and problem, `code:` in
 * their fields and in the file worker's refusals, and the codes of the errors of core that services turn into
 * problems (EngineError's prefixed with ENGINE_, as the services send them). Code → where first seen.
 */
function literalCodesInSources(): Map<string, string> {
  const found = new Map<string, string>();
  const call = /(?<![\w.])(ProblemError|problem|refuse|AmendmentError|ReorganizationError|ImportError|EngineError)\(/g;
  for (const pkg of ['core', 'db', 'server', 'cli']) {
    for (const file of sourceFiles(join(ROOT, 'packages', pkg, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(call)) {
        const args = balanced(text, m.index + m[0].length);
        const where = `${file.slice(ROOT.length)}:${text.slice(0, m.index).split('\n').length}`;
        const first = /^\s*'([A-Z][A-Z0-9_]*)'/.exec(args)?.[1];
        const codes = [...args.matchAll(/\bcode:\s*'([A-Z][A-Z0-9_]*)'/g)].map((c) => c[1]!);
        if (first) codes.push(m[1] === 'EngineError' ? `ENGINE_${first}` : first);
        for (const c of codes) if (!found.has(c)) found.set(c, where);
      }
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The text from `from` to the parenthesis that closes the one before it (strings skipped roughly). */
function balanced(text: string, from: number): string {
  let depth = 1;
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}

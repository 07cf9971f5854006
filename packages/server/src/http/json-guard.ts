/**
 * A single pass over a JSON text before it is parsed: what PostgreSQL cannot store (a lone UTF-16 surrogate, NUL)
 * and nesting deeper than any of our schemas, refused with the path of the field — without recursion, so that a
 * 50,000-level body cannot overflow the stack of whatever walks it afterwards.
 */
export type JsonGuardIssue =
  | { kind: 'depth'; path: string[]; limit: number }
  | { kind: 'lone_surrogate'; path: string[] }
  | { kind: 'nul'; path: string[] };

export const MAX_JSON_DEPTH = 64;

interface Frame {
  array: boolean;
  /** Arrays: the index of the current element; objects: the current key. */
  at: number | string;
  expectKey: boolean;
}

const HIGH = (c: number) => c >= 0xd800 && c <= 0xdbff;
const LOW = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const hex4 = (s: string, i: number) =>
  /^[0-9a-fA-F]{4}$/.test(s.slice(i, i + 4)) ? Number.parseInt(s.slice(i, i + 4), 16) : -1;

/** Where the structure of the text may change: outside strings only these characters matter. */
const STRUCTURE = /[{}[\]",:]/g;
/** Inside a string: its end, an escape, or a raw surrogate or NUL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this guard looks for.
const IN_STRING = /["\\\u0000\ud800-\udfff]/g;

/**
 * The first issue of a JSON text, or null. The text is not validated as JSON (the parser does that next): for any
 * text the scan ends without throwing.
 */
export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonGuardIssue | null {
  const stack: Frame[] = [];
  const path = (extra?: string) => [...stack.map((f) => String(f.at)), ...(extra === undefined ? [] : [extra])];
  let i = 0;
  while (i < text.length) {
    STRUCTURE.lastIndex = i;
    const m = STRUCTURE.exec(text);
    if (!m) return null;
    i = m.index;
    const ch = text[i];
    const top = stack[stack.length - 1];
    if (ch === '{' || ch === '[') {
      if (stack.length >= maxDepth) return { kind: 'depth', path: path().slice(0, 1), limit: maxDepth };
      stack.push({ array: ch === '[', at: ch === '[' ? 0 : '', expectKey: ch === '{' });
      i++;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      i++;
    } else if (ch === ',') {
      if (top?.array) top.at = (top.at as number) + 1;
      else if (top) top.expectKey = true;
      i++;
    } else if (ch === ':') {
      if (top) top.expectKey = false;
      i++;
    } else {
      // A string: a key (its decoded text becomes the path) or a value.
      const isKey = !!top && !top.array && top.expectKey;
      // A broken key is reported at its object; a broken value at its own path.
      const here = () => (isKey ? path().slice(0, -1) : path());
      const start = i + 1;
      let j = start;
      let escaped = false;
      for (;;) {
        IN_STRING.lastIndex = j;
        const s = IN_STRING.exec(text);
        if (!s) return null; // unterminated: the parser will say so
        j = s.index;
        const c = text.charCodeAt(j);
        if (c === 0x22) break;
        if (c === 0) return { kind: 'nul', path: here() };
        if (c !== 0x5c) {
          // A raw surrogate: valid only as a high one followed by a low one.
          if (HIGH(c) && LOW(text.charCodeAt(j + 1))) j += 2;
          else return { kind: 'lone_surrogate', path: here() };
          continue;
        }
        escaped = true;
        const e = text[j + 1];
        if (e !== 'u') {
          j += 2;
          continue;
        }
        const u = hex4(text, j + 2);
        if (u === 0) return { kind: 'nul', path: here() };
        if (HIGH(u)) {
          if (text[j + 6] === '\\' && text[j + 7] === 'u' && LOW(hex4(text, j + 8))) {
            j += 12;
            continue;
          }
          return { kind: 'lone_surrogate', path: here() };
        }
        if (LOW(u)) return { kind: 'lone_surrogate', path: here() };
        j += 6;
      }
      if (isKey && top) top.at = escaped ? decodeKey(text.slice(start - 1, j + 1)) : text.slice(start, j);
      i = j + 1;
    }
  }
  return null;
}

function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

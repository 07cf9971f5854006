import { foldVietnamese } from './text.fold.js';

/**
 * Search across records: what a query means and how well a record answers it. Pure, so that the ranking is the
 * same wherever it runs and can be tested without a database.
 */

/**
 * Words as compared: folded, punctuation turned into spaces
 * ("Hội nghị lần thứ 5: triển khai" → "hoi nghi lan thu 5 trien khai").
 */
export function searchWords(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A document symbol as compared: folded, letters and digits only, the number without leading zeros, so that
 * "01-QC/TU", "1 qc/tu" and "01-QC/TU" agree; "21-QĐ/UBKTTU" → "21qdubkttu".
 */
export function symbolKey(symbol: string): string {
  return foldVietnamese(symbol)
    .replace(/[^a-z0-9]/g, '')
    .replace(/^0+(?=\d)/, '');
}

export interface ParsedSearch {
  /** The query as typed, trimmed. */
  text: string;
  /** searchWords(text). */
  words: string;
  /** Its words, each of which a record must contain. */
  terms: string[];
  /**
   * The symbol the query may name, as a symbolKey with the number first ("TB 78" → "78tb"); null when it cannot be one.
   */
  symbol: string | null;
}

/** Letters and digits apart: "tb78" → ["tb", "78"]. */
const runs = (word: string) => word.match(/[a-z]+|[0-9]+/g) ?? [];

/**
 * A query names a symbol when it is a number with a few short letter groups around it: "78-TB/TU", "78 TB/TU",
 * "TB 78", "số 78", "CTr 03". The number goes first, as in the symbol itself.
 */
function symbolOf(words: string): string | null {
  let parts = words.split(' ').flatMap(runs);
  if (parts[0] === 'so' && /^\d+$/.test(parts[1] ?? '')) parts = parts.slice(1);
  const numbers = parts.filter((p) => /^\d+$/.test(p));
  if (parts.length === 0 || parts.length > 4 || numbers.length !== 1 || numbers[0]!.length > 5) return null;
  if (parts.some((p) => !/^\d+$/.test(p) && p.length > 8)) return null;
  return numbers[0]!.replace(/^0+(?=\d)/, '') + parts.filter((p) => !/^\d+$/.test(p)).join('');
}

export function parseSearch(query: string): ParsedSearch {
  const text = query.trim();
  const words = searchWords(text);
  return { text, words, terms: words ? words.split(' ') : [], symbol: words ? symbolOf(words) : null };
}

/**
 * Exact when the keys agree; a prefix when the symbol starts with the key ("78-TB" → "78-TB/TU", but "7"
 * is not "77-…").
 */
export function symbolMatch(key: string | null, symbol: string | null | undefined): 'exact' | 'prefix' | null {
  if (!key || !symbol) return null;
  const s = symbolKey(symbol);
  if (s === key) return 'exact';
  if (s.startsWith(key) && !(/\d$/.test(key) && /^\d/.test(s.slice(key.length)))) return 'prefix';
  return null;
}

/** The same test as a POSTGRES regular expression over the SQL form of symbolKey (the key holds only [a-z0-9]). */
export function symbolPattern(key: string): string {
  return /\d$/.test(key) ? `^${key}([^0-9]|$)` : `^${key}`;
}

export interface SearchCandidate {
  title: string;
  /** Numbers and symbols of the record: its own (primary) or one it refers to (an answer's notice). */
  symbols?: { value: string | null | undefined; primary: boolean }[];
  /** Further wording searched (a clause's text, a task's lead and product), below the title. */
  text?: string;
}

/** Score bands: an exact symbol first, then the title as typed, its beginning, its words, then other wording. */
export const SEARCH_SCORE = {
  symbolExact: 1000,
  symbolPrefix: 900,
  referenceExact: 800,
  referencePrefix: 700,
  titleExact: 600,
  titlePrefix: 500,
  titlePhrase: 400,
  textPhrase: 350,
  titleWords: 300,
  titleWordPrefixes: 250,
  titleContains: 200,
  textShortPhrase: 150,
  textWords: 100,
} as const;

const padded = (s: string) => ` ${s} `;

/** How well a record answers the query; 0 when it does not. */
export function rankCandidate(q: ParsedSearch, c: SearchCandidate): number {
  if (!q.words) return 0;
  let best = 0;
  for (const s of c.symbols ?? []) {
    const m = symbolMatch(q.symbol, s.value);
    if (m)
      best = Math.max(
        best,
        s.primary
          ? m === 'exact'
            ? SEARCH_SCORE.symbolExact
            : SEARCH_SCORE.symbolPrefix
          : m === 'exact'
            ? SEARCH_SCORE.referenceExact
            : SEARCH_SCORE.referencePrefix,
      );
  }
  if (best) return best;
  const title = searchWords(c.title);
  const titleWords = title.split(' ');
  if (title === q.words) return SEARCH_SCORE.titleExact;
  if (padded(title).startsWith(` ${q.words} `) || title.startsWith(q.words)) return SEARCH_SCORE.titlePrefix;
  if (padded(title).includes(padded(q.words))) return SEARCH_SCORE.titlePhrase;
  const text = c.text ? searchWords(c.text) : '';
  if (q.terms.length >= 3 && padded(text).includes(padded(q.words))) return SEARCH_SCORE.textPhrase;
  if (q.terms.every((t) => titleWords.includes(t))) return SEARCH_SCORE.titleWords;
  if (q.terms.every((t) => titleWords.some((w) => w.startsWith(t)))) return SEARCH_SCORE.titleWordPrefixes;
  if (q.terms.every((t) => title.includes(t))) return SEARCH_SCORE.titleContains;
  if (text && padded(text).includes(padded(q.words))) return SEARCH_SCORE.textShortPhrase;
  const all = `${title} ${text}`;
  if (q.terms.every((t) => all.includes(t))) return SEARCH_SCORE.textWords;
  return 0;
}

/** A short piece of `text` around the query (or its first word found), for a result's second line. */
export function excerptAround(text: string, q: ParsedSearch, max = 160): string {
  const plain = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  // Folding an NFC text drops marks only, one character for one, so a position in it is a position in the text.
  const folded = foldVietnamese(plain);
  const hit =
    folded.length === plain.length
      ? [q.words, ...q.terms].map((t) => folded.indexOf(t)).find((i) => i >= 0)
      : undefined;
  const start = Math.max(0, Math.min((hit ?? 0) - 40, plain.length - max));
  const cut = plain.slice(start, start + max).trim();
  return `${start > 0 ? '…' : ''}${cut}${start + max < plain.length ? '…' : ''}`;
}

/**
 * The punctuation of the sentences we write into documents and mails (Hướng dẫn 36-HD/VPTW on the format of Party
 * documents): a body sentence ends with its full stop; the items of a list end with ";" and the last with "."; the
 * "Nơi nhận" lines end with "," and the last with "."; headings and titles have no final stop. What a user typed
 * keeps its own final punctuation ("?", "…", ":" before a list, a quotation closed after its stop); nothing is
 * ever doubled ("..", ".;", ",.").
 */

/** Ends with its own punctuation, a closing quotation mark or bracket possibly after it. */
const ENDED = /[.?!…:]["”’»)\]]*$/u;
/** A separator left at the end (a list's ";", a trailing ","), to be replaced by the stop the place needs. */
const SEPARATOR = /[\s,;]+$/u;

/** The text ended with `stop` ("." for a sentence or a list's last item, ";" for another item of a list). */
export function sentence(text: string, stop: '.' | ';' = '.'): string {
  const t = text.trim();
  if (!t) return t;
  if (stop === ';' && /;$/u.test(t)) return t;
  if (ENDED.test(t)) return t;
  return `${t.replace(SEPARATOR, '')}${stop}`;
}

/** A piece to be set inside a sentence: trimmed of the stop or separator it ended with ("…", "?" and "!" kept). */
export function clause(text: string): string {
  return text.trim().replace(/[\s.,;:]+$/u, '');
}

/** The lines of a list ("- …"): each ended with ";", the last with "." (a line already ended with "." keeps it). */
export function listItems(lines: string[], last: '.' | ';' = '.'): string[] {
  return lines.map((l, i) => sentence(l, i === lines.length - 1 ? last : ';'));
}

/** The "Nơi nhận" lines: "- Như trên," … "- Lưu Văn phòng Tỉnh ủy.". */
export function recipientLines(recipients: string[]): string[] {
  const rs = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-–]\s*/u, '')
        .replace(/[\s.,;:]+$/u, ''),
    )
    .filter(Boolean);
  return rs.map((r, i) => `- ${r}${i === rs.length - 1 ? '.' : ','}`);
}

/** Written in capitals (a heading typed in a record): no stop is added to it. */
export const inCapitals = (s: string) => /\p{L}/u.test(s) && s === s.toLocaleUpperCase('vi');

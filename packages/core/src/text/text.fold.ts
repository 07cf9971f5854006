/**
 * Vietnamese search folding: "Nguyễn Văn Khải" → "nguyen van khai", "Đảng ủy" → "dang uy".
 * NFD separates the tone and vowel marks from the base letters so they can be dropped;
 * đ/Đ is a separate letter (not a combining mark) and needs its own mapping.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** NFC is the one normalization form stored and compared everywhere. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sort order as a Vietnamese reader expects it (Đ after D, tones after the base letter). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Splits a folded query into words so "khai nguyen" still finds "Nguyễn Văn Khải". */
export function searchTerms(query: string): string[] {
  return foldVietnamese(query)
    .split(' ')
    .filter((t) => t.length > 0);
}

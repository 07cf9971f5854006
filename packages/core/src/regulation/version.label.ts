import { formatDateVi } from '../time/date.js';

const WORDS: [RegExp, string][] = [
  [/\bdu thao\b/g, 'dự thảo'],
  [/\bsua doi\b/g, 'sửa đổi'],
  [/\bbo sung\b/g, 'bổ sung'],
  [/\bchinh ly\b/g, 'chỉnh lý'],
  [/\bhop nhat\b/g, 'hợp nhất'],
  [/\blan\b/g, 'lần'],
  [/\bban\b/g, 'bản'],
];

/**
 * A version's expression (its machine name, "vie@2025-10-20", "vie@2026-du-thao-sua-doi-1") as a clerk says it:
 * "văn bản có hiệu lực từ 20/10/2025", "dự thảo sửa đổi 1 (2026)". The machine form stays behind "chi tiết".
 */
export function versionLabelVi(expression: string): string {
  const tail = expression.replace(/^[a-z]{3}@/, '');
  const date = /^(\d{4}-\d{2}-\d{2})$/.exec(tail)?.[1];
  if (date) return `văn bản có hiệu lực từ ${formatDateVi(date)}`;
  const m = /^(\d{4})-(.+)$/.exec(tail);
  let words = (m ? m[2]! : tail).replace(/[-_]+/g, ' ').trim();
  for (const [re, vi] of WORDS) words = words.replace(re, vi);
  return m ? `${words} (${m[1]})` : words;
}

import type { ComparisonRow } from '../regulation/reg.amendment.js';
import type { RegElement, Regulation } from '../regulation/reg.model.js';

/**
 * A draft that is not a regulation (a draft resolution, a report, a scheme): its paragraphs are its provisions, cited
 * "đoạn 3", so that comments, dispositions and the synthesis table work on it as on a regulation.
 */
export const MAX_DOCUMENT_PARAGRAPHS = 2000;

/** The paragraphs of a text: one per non-empty line, spaces tidied. */
export function documentParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export const paragraphId = (n: number) => `doan_${n}`;

/** The document as the structure comments are anchored in: one part, its paragraphs as provisions. */
export function documentDraft(title: string, paragraphs: string[]): Regulation {
  const children: RegElement[] = paragraphs.map((p, i) => ({
    kind: 'clause',
    eId: paragraphId(i + 1),
    shortId: paragraphId(i + 1),
    wId: paragraphId(i + 1),
    num: String(i + 1),
    heading: p,
    text: p,
    line: i + 1,
    lines: [p],
    children: [],
  }));
  return {
    frontMatter: { title },
    frontMatterLines: [],
    preambleLines: [],
    chapters: [
      {
        kind: 'chapter',
        eId: 'chp_1',
        shortId: 'chp_1',
        wId: 'chp_1',
        num: '1',
        heading: title,
        text: title,
        line: 0,
        lines: [],
        children,
      },
    ],
    rules: [],
    tests: [],
  };
}

/** The comparison table of two versions of a document, paragraph by paragraph (aligned on the unchanged ones). */
export function diffParagraphs(a: string[], b: string[]): ComparisonRow[] {
  // Longest common subsequence: the unchanged paragraphs anchor the alignment.
  const n = a.length;
  const m = b.length;
  const L = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i]![j] = a[i] === b[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const rows: ComparisonRow[] = [];
  const removed: number[] = [];
  const added: number[] = [];
  const flush = () => {
    // A removed paragraph followed by an added one in the same place is a change.
    while (removed.length && added.length) {
      const [i, j] = [removed.shift()!, added.shift()!];
      rows.push({ eId: paragraphId(j + 1), cite: `đoạn ${j + 1}`, change: 'changed', before: a[i]!, after: b[j]! });
    }
    for (const i of removed.splice(0))
      rows.push({
        eId: paragraphId(i + 1),
        cite: `đoạn ${i + 1} (dự thảo trước)`,
        change: 'removed',
        before: a[i]!,
        after: '',
      });
    for (const j of added.splice(0))
      rows.push({ eId: paragraphId(j + 1), cite: `đoạn ${j + 1}`, change: 'added', before: '', after: b[j]! });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i >= n || L[i]![j + 1]! >= L[i + 1]![j]!)) added.push(j++);
    else removed.push(i++);
  }
  flush();
  return rows;
}

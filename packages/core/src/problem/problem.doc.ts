import { PROBLEM_CODES, PROBLEMS, SPECIFIC, SPECIFIC_CODES } from './problem.codes.js';

/** The markers in docs/API.md between which the tables of error codes are rendered. */
export const ERROR_CODES_DOC_BEGIN = '<!-- mã lỗi: bắt đầu, sinh từ packages/core/src/problem/problem.codes.ts -->';
export const ERROR_CODES_DOC_END = '<!-- mã lỗi: kết thúc -->';

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|');
const row = (cells: (string | number)[]) => `| ${cells.map(cell).join(' | ')} |`;

/** The tables of docs/API.md "Mã lỗi", from the catalogue (without the markers). */
export function errorCodesMarkdown(): string {
  const problems = PROBLEM_CODES.map((c) => {
    const p = PROBLEMS[c];
    return row([`\`${c}\``, p.status, p.vi, p.when]);
  });
  const specific = SPECIFIC_CODES.map((c) => {
    const s = SPECIFIC[c];
    return row([`\`${c}\``, PROBLEMS[s.problem].status, `\`${s.problem}\``, s.vi, s.when]);
  });
  return [
    `Loại lỗi (problem codes, ${PROBLEM_CODES.length}):`,
    '',
    '| code | HTTP | title (tiếng Việt) | when it is returned |',
    '|---|---|---|---|',
    ...problems,
    '',
    `Mã chi tiết (specific codes, ${SPECIFIC_CODES.length}): sent as \`code\` with the status, ` +
      `\`type\` and title of their kind.`,
    '',
    '| code | HTTP | kind | meaning (tiếng Việt) | when it is returned |',
    '|---|---|---|---|---|',
    ...specific,
  ].join('\n');
}

/** `doc` with the tables between the markers replaced by the catalogue's; null when the markers are missing. */
export function withErrorCodes(doc: string): string | null {
  const from = doc.indexOf(ERROR_CODES_DOC_BEGIN);
  const to = doc.indexOf(ERROR_CODES_DOC_END);
  if (from < 0 || to < from) return null;
  return `${doc.slice(0, from + ERROR_CODES_DOC_BEGIN.length)}\n${errorCodesMarkdown()}\n${doc.slice(to)}`;
}

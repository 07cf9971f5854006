/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that begins with = + - @, a tab or a carriage
 * return is read as a formula by Excel and LibreOffice. Exported text cells that would be are prefixed with an
 * apostrophe, which makes them text; numbers (-5, +3,5) are left alone. The import takes the apostrophe off again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)*$/;

// A text that already begins with apostrophes before a formula gets one more, so that reading back is exact.
const formulaLike = (text: string) => {
  const bare = text.replace(/^'+/, '');
  return FORMULA_START.test(bare) && !PLAIN_NUMBER.test(bare);
};

export function neutralizeFormula(text: string): string {
  return formulaLike(text) ? `'${text}` : text;
}

/** The text a neutralized cell stood for; any other cell as it is. */
export function unneutralizeFormula(text: string): string {
  return text.startsWith("'") && formulaLike(text) ? text.slice(1) : text;
}

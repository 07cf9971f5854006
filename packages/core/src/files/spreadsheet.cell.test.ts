import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { neutralizeFormula, unneutralizeFormula } from './spreadsheet.cell.js';

describe('spreadsheet cells', () => {
  it('makes formulas text and leaves other cells alone', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(neutralizeFormula('+1+cmd|" /C calc"!A0')).toBe('\'+1+cmd|" /C calc"!A0');
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('\t=1')).toBe("'\t=1");
    expect(neutralizeFormula('- Tổ chức hội nghị')).toBe("'- Tổ chức hội nghị");
    expect(neutralizeFormula('-5')).toBe('-5');
    expect(neutralizeFormula('40')).toBe('40');
    expect(neutralizeFormula('Xây dựng kế hoạch = 1')).toBe('Xây dựng kế hoạch = 1');
    expect(neutralizeFormula('')).toBe('');
  });

  it('reads back exactly what was exported', () => {
    fc.assert(fc.property(fc.string(), (s) => unneutralizeFormula(neutralizeFormula(s)) === s));
    expect(unneutralizeFormula("'bình thường")).toBe("'bình thường");
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareVietnamese, foldVietnamese, searchTerms } from './text.fold.js';

describe('foldVietnamese', () => {
  it('drops tones and vowel marks and maps đ to d', () => {
    expect(foldVietnamese('Nguyễn Văn Khải')).toBe('nguyen van khai');
    expect(foldVietnamese('Đảng ủy xã Tân Lập')).toBe('dang uy xa tan lap');
    expect(foldVietnamese('  Hội   đồng ')).toBe('hoi dong');
  });
  it('gives the same result for NFC and NFD input', () => {
    const nfcText = 'Trịnh Thị Hồng'.normalize('NFC');
    const nfdText = nfcText.normalize('NFD');
    expect(nfcText).not.toBe(nfdText);
    expect(foldVietnamese(nfdText)).toBe(foldVietnamese(nfcText));
  });
  it('is idempotent and never longer than its input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = foldVietnamese(s);
        expect(foldVietnamese(once)).toBe(once);
        expect(once.length).toBeLessThanOrEqual(s.normalize('NFD').length);
      }),
    );
  });
  it('splits queries into folded words', () => {
    expect(searchTerms('dang  UY')).toEqual(['dang', 'uy']);
  });
});

describe('compareVietnamese', () => {
  it('orders D before Đ before E as Vietnamese dictionaries do', () => {
    const sorted = ['Đặng', 'Em', 'Dung'].sort(compareVietnamese);
    expect(sorted).toEqual(['Dung', 'Đặng', 'Em']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegulation } from './reg.parse.js';
import { ruleSentenceVi } from './rule.sentence.js';

const FILES = [
  'an-lac/01-QC-TU.qc.md',
  'an-lac/xa-tan-lap.qc.md',
  'mau/quy-che-mau-tinh.qc.md',
  'examples/tinh-a.qc.md',
  'mau/chi-bo-mau.qc.md',
];
const DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('a rule beside its clause, as a sentence', () => {
  for (const f of FILES) {
    it(`reads every rule of ${f} in Vietnamese, with no code, key or machine word`, () => {
      const r = parseRegulation(readFileSync(new URL(`../../../../regulations/${f}`, import.meta.url), 'utf8'));
      if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.error)}`);
      const reg = r.regulation;
      expect(reg.rules.length).toBeGreaterThan(0);
      for (const rule of reg.rules) {
        const s = ruleSentenceVi(rule, reg.frontMatter);
        expect(s, rule.id).toMatch(DIACRITIC);
        expect(s, rule.id).not.toMatch(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|[{}]|undefined|null|NaN/);
        expect(s, rule.id).not.toMatch(
          /\b(authority|quorum|delegation|notice|deadline|duty|ballot|summoned_members|working_day)\b/,
        );
        expect(s, rule.id).toMatch(/\.$/);
        // No code left in capitals (a weekday "MON", a body "BTV"); Roman numerals of a term are words.
        expect(s.match(/\b[A-Z]{2,}\b/g)?.filter((w) => !/^[IVXLC]+$/.test(w)) ?? [], rule.id).toEqual([]);
        expect(s, rule.id).not.toMatch(/\s{2,}|\s[,.]/);
      }
    });
  }

  it("says who decides what, and the quorum, in the regulation's own names", () => {
    const fm = {
      bodies: { BTV: { name: 'Ban Thường vụ Tỉnh ủy' }, BCH: { name: 'Ban Chấp hành Đảng bộ tỉnh' } },
      matters: { CTR_NAM: { name: 'Chương trình làm việc hằng năm' } },
    };
    expect(
      ruleSentenceVi(
        {
          id: 'a',
          kind: 'authority',
          basis: 'x',
          line: 1,
          matter: 'CTR_NAM',
          decides: 'BTV',
          report_back: { to: 'BCH', at: 'next_meeting' },
        },
        fm,
      ),
    ).toBe(
      'Ban Thường vụ Tỉnh ủy quyết định: Chương trình làm việc hằng năm (báo cáo lại Ban Chấp hành Đảng bộ tỉnh tại ' +
        'phiên họp gần nhất).',
    );
    expect(
      ruleSentenceVi(
        {
          id: 'q',
          kind: 'quorum',
          basis: 'x',
          line: 1,
          bodies: ['BCH'],
          min_present: { ratio: '2/3', of: 'summoned_members', cmp: '>=' },
        },
        fm,
      ),
    ).toBe(
      'Hội nghị Ban Chấp hành Đảng bộ tỉnh hợp lệ khi có mặt ít nhất hai phần ba (2/3) số thành viên được triệu tập.',
    );
  });
});

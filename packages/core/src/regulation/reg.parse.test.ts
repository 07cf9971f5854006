import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { allElements, citeVi, findElement, parseRegulation, printRegulation } from './reg.parse.js';
import { lint } from './reg.lint.js';

const example = readFileSync(new URL('../../../../regulations/examples/tinh-a.qc.md', import.meta.url), 'utf8');

describe('parseRegulation on the worked example of REGULATION-FORMAT.md', () => {
  const r = parseRegulation(example);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const reg = r.regulation;
  it('reads the front matter', () => {
    expect(reg.frontMatter.work).toBe('/vn-tinh-a/quy-che/tinh-uy/2025/qclv');
    expect(Object.keys(reg.frontMatter.bodies!)).toEqual(['BCH', 'BTV', 'TT']);
    expect(reg.frontMatter.in_force_from).toBe('2025-11-20');
  });
  it('derives eIds for chapters, articles, clauses', () => {
    expect(reg.chapters.map((c) => c.eId)).toEqual(['chp_2', 'chp_3', 'chp_4']);
    expect(
      allElements(reg)
        .filter((e) => e.kind === 'article')
        .map((e) => e.shortId),
    ).toEqual(['art_5', 'art_6', 'art_7', 'art_8', 'art_9', 'art_10', 'art_11', 'art_12']);
    expect(findElement(reg, 'art_6__para_1')!.eId).toBe('chp_2__art_6__para_1');
    expect(findElement(reg, 'art_6__para_1')!.text).toContain(
      'hai phần ba (2/3) tổng số ủy viên được triệu tập tham dự.',
    );
  });
  it('attaches rule blocks to the clause above them', () => {
    const byId = Object.fromEntries(reg.rules.map((x) => [x.id, x]));
    expect(byId['hop-le']!.basis).toBe('chp_2__art_6__para_1');
    expect(byId['uq-tt-du-an']!.basis).toBe('chp_3__art_9__para_1');
    // A block after several clauses: each rule cites the clause it implements.
    expect(
      Object.fromEntries(
        [
          'hop-bch',
          'hop-btv',
          'hop-tt',
          'thong-qua',
          'phieu-kin',
          'tq-btv',
          'tq-tt',
          'tl-bch',
          'tl-btv',
          'tn-tai-lieu',
        ].map((k) => [k, byId[k]!.basis.split('__').slice(1).join('__')]),
      ),
    ).toEqual({
      'hop-bch': 'art_5__para_1',
      'hop-btv': 'art_5__para_2',
      'hop-tt': 'art_5__para_3',
      'thong-qua': 'art_7__para_1',
      'phieu-kin': 'art_7__para_2',
      'tq-btv': 'art_8__para_2',
      'tq-tt': 'art_8__para_3',
      'tl-bch': 'art_10__para_1',
      'tl-btv': 'art_10__para_2',
      'tn-tai-lieu': 'art_12__para_2',
    });
    expect(byId['thong-qua']!.kind).toBe('vote_threshold');
    expect(reg.rules).toHaveLength(15);
    expect(reg.tests).toHaveLength(5);
  });
  it('prints back the same text', () => {
    expect(printRegulation(reg)).toBe(example);
  });
  it('cites as a clerk does', () => {
    expect(citeVi('chp_2__art_6__para_1')).toBe('khoản 1 Điều 6');
    expect(citeVi('art_9a__para_2__point_dd')).toBe('điểm đ khoản 2 Điều 9a');
  });
});

describe('parse errors', () => {
  it('gives line and column for broken YAML in a rule block', () => {
    const r = parseRegulation('## Điều 1. A\n\n1. B\n\n```quy-tac\n- { id: x, kind: quorum\n```\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.line).toBeGreaterThanOrEqual(6);
  });
  it('refuses an unknown rule kind, an unclosed fence and an unclosed front matter', () => {
    const bad = [
      ['## Điều 1. A\n1. B\n```quy-tac\n- { id: x, kind: magic }\n```', 4, 'magic'],
      ['## Điều 1. A\n1. B\n```quy-tac\n- { id: x, kind: quorum }\n', 3, 'không có dòng'],
      ['---\ntitle: x\n# Chương I. A', 1, 'front matter'],
      ['# Chương . A', 1, 'La Mã'],
    ] as const;
    for (const [text, line, msg] of bad) {
      const r = parseRegulation(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.line).toBe(line);
        expect(r.error.message).toContain(msg);
      }
    }
  });
  it('never crashes on random input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.uint8Array().map((a) => Buffer.from(a).toString('latin1')),
          fc
            .array(
              fc.constantFrom(
                '# Chương I. A',
                '## Điều 1. B',
                '1. c',
                'a) d',
                '```quy-tac',
                '```',
                '- { id: a, kind: quorum }',
                '---',
                'x: [',
                '',
              ),
            )
            .map((a) => a.join('\n')),
        ),
        (s) => {
          const r = parseRegulation(s);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('prints any parsed text back unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '# Chương I. A',
            '## Điều 1. B',
            '## Điều 2. C',
            '1. c',
            '2. e',
            'a) d',
            'văn bản',
            '   tiếp theo',
            '',
          ),
          { maxLength: 30 },
        ),
        (a) => {
          const text = a.join('\n');
          const r = parseRegulation(text);
          if (r.ok) {
            expect(printRegulation(r.regulation)).toBe(text);
            const again = parseRegulation(printRegulation(r.regulation));
            expect(again).toEqual(r);
          }
        },
      ),
    );
  });
});

describe('points numbered under their clause, as the Party’s regulations number them', () => {
  const text = [
    '---',
    'work: /x',
    'excerpt: true',
    '---',
    '# Chương II. XẾP LOẠI',
    '## Điều 11. Xếp loại chất lượng',
    '1. Hoàn thành xuất sắc nhiệm vụ:',
    '1.1. Đối với tập thể: văn bản.',
    '1.2. Đối với cá nhân: văn bản.',
    '2. Hoàn thành tốt nhiệm vụ:',
    '2.2. Đối với cá nhân: văn bản.',
  ].join('\n');
  const r = parseRegulation(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  it('reads "1.2." as điểm 1.2 of khoản 1, cited so', () => {
    const p = findElement(r.regulation, 'art_11__para_1__point_1.2')!;
    expect(p.kind).toBe('point');
    expect(p.text).toBe('Đối với cá nhân: văn bản.');
    expect(citeVi(p.eId)).toBe('điểm 1.2 khoản 1 Điều 11');
    expect(printRegulation(r.regulation)).toBe(text);
  });
  it('lints a numbered point out of its place, and an excerpt from where it starts', () => {
    const found = lint(r.regulation).filter((f) => f.code === 'NUMBERING_SEQUENCE');
    expect(found.map((f) => f.message)).toEqual(['Điểm 2.2 ở vị trí 1, phải là 2.1']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConsistency } from './reg.consistency.js';
import { deriveDraft } from './reg.derive.js';
import { parseOrThrow } from './reg.parse.js';

const file = (p: string) => readFileSync(new URL(`../../../../regulations/${p}`, import.meta.url), 'utf8');

describe('a subordinate draft derived from its superior', () => {
  const base = file('an-lac/01-QC-TU.qc.md');
  it('keeps the provisions, takes a new front matter based on the superior, and is consistent with it', () => {
    const r = deriveDraft(base, {
      work: '/vn-an-lac/quy-che/org-x05/2026/qclv',
      title: 'Quy chế làm việc của Đảng ủy xã Năm',
      expression: 'vie@2026-du-thao-1',
      relation: 'superior',
    });
    if (!('text' in r)) throw new Error(r.error);
    const sub = parseOrThrow(r.text);
    expect(sub.frontMatter).toMatchObject({
      work: '/vn-an-lac/quy-che/org-x05/2026/qclv',
      status: 'draft',
      based_on: [{ work: '/vn-an-lac/quy-che/tinh-uy/2025/qclv', relation: 'superior' }],
    });
    expect(sub.frontMatter.adopted_on).toBeUndefined();
    expect(sub.chapters.reduce((n, c) => n + c.children.length, 0)).toBe(28);
    expect(checkConsistency(sub, parseOrThrow(base)).filter((f) => f.code === 'LOOSER_THAN_MODEL')).toEqual([]);
  });
  it('renames the actors of the rules through the role map, and only inside the rule blocks', () => {
    const r = deriveDraft(base, {
      work: '/x/qclv',
      title: 'Quy chế',
      expression: 'vie@1',
      relation: 'superior',
      roleMap: { BCH: 'BCH', BTV: 'BTV', TT: 'TT', UBKT: 'UBKT', VAN_PHONG: 'VAN_PHONG_DANG_UY' },
    });
    if (!('text' in r)) throw new Error(r.error);
    expect(r.text).toContain('owner: VAN_PHONG_DANG_UY');
    expect(r.text).not.toMatch(/owner: VAN_PHONG\b(?!_)/);
    expect(r.text).toContain('Văn phòng Tỉnh ủy'); // the prose is the drafting team's to adapt
  });
});

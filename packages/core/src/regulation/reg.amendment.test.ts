import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseOrThrow } from './reg.parse.js';
import {
  comparisonTableMarkdown,
  consolidate,
  datedEffects,
  diffRegulations,
  parseAmendment,
} from './reg.amendment.js';
import type { Amendment } from './reg.amendment.js';
import { noticeCheck, whoDecides } from './engine.js';

const read = (f: string) => readFileSync(new URL(`../../../../regulations/examples/${f}`, import.meta.url), 'utf8');
const base = parseOrThrow(read('tinh-a.qc.md'));
const amendment = parseAmendment(read('tinh-a-sua-doi-2026.qc.yaml'));

describe('amendments and consolidation', () => {
  it('keeps the base before the amendment is in force and lists its effects as pending', () => {
    const c = consolidate(base, [amendment], '2026-06-30');
    expect(c.provenance).toEqual([]);
    expect(c.pending).toHaveLength(5);
    expect(noticeCheck(c.regulation, 'BCH', '2026-07-14', '2026-07-07').result.ok).toBe(true);
  });
  it('applies the effects dated up to the day, with provenance notes', () => {
    const c = consolidate(base, [amendment], '2026-07-01');
    expect(c.pending.map((p) => p.effect.target)).toEqual(['art_12']);
    expect(c.provenance.map((p) => p.eId)).toEqual([
      'chp_4__art_10__para_1',
      'chp_3__art_9__para_1',
      'chp_3__art_9a',
      'chp_4__art_11__para_1',
    ]);
    expect(c.provenance[0]!.note_vi).toContain('25/06/2026');
    // 7 working days now: documents on 7/7 for a meeting on 14/7 are late.
    const late = noticeCheck(c.regulation, 'BCH', '2026-07-14', '2026-07-07');
    expect(late.result.ok).toBe(false);
    expect(late.eIds).toEqual(['chp_4__art_10__para_1']);
    // The delegation was extended to 30/6/2027.
    expect(
      whoDecides(c.regulation, 'CHU_TRUONG_DU_AN', { tong_muc_dau_tu_ty_dong: 300 }, '2027-03-01').result.body,
    ).toBe('TT');
    expect(c.text).toContain('## Điều 9a. Ủy quyền cho Bí thư');
    expect(c.regulation.frontMatter.expression).toBe('vie@2026-07-01');
  });
  it('repeals Điều 12 from its own later date', () => {
    const c = consolidate(base, [amendment], '2026-09-01');
    expect(c.pending).toEqual([]);
    expect(c.text).toContain('## Điều 12. (Bãi bỏ)');
    expect(c.regulation.rules.find((r) => r.id === 'tn-theo-doi')).toBeUndefined();
  });
  it('diffs a version and its consolidation: exactly the amended eIds', () => {
    const c = consolidate(base, [amendment], '2026-09-01');
    const rows = diffRegulations(base, c.regulation);
    const changed = new Set(c.provenance.map((p) => p.eId));
    const rowIds = new Set(
      rows
        .filter((r) => !r.eId.startsWith('chp_4__art_12__') && !r.eId.startsWith('chp_4__art_11__para_1__'))
        .map((r) => r.eId),
    );
    expect(rowIds).toEqual(changed);
    expect(comparisonTableMarkdown(rows)).toContain('| khoản 1 Điều 10 |');
  });
  it('consolidation at D equals applying only the effects dated up to D', () => {
    const effects = datedEffects([amendment]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), (offset) => {
        const d = new Date(Date.UTC(2026, 5, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const upTo: Amendment = {
          ...amendment,
          effects: effects.filter((e) => e.date <= d).map((e) => ({ ...e.effect, in_force_from: e.date })),
        };
        expect(consolidate(base, [amendment], d).text).toBe(consolidate(base, [upTo], '2099-12-31').text);
      }),
      { numRuns: 30 },
    );
  });
  it('refuses an effect aimed at an element that does not exist', () => {
    const bad: Amendment = { ...amendment, effects: [{ op: 'repeal', target: 'art_99' }] };
    expect(() => consolidate(base, [bad], '2026-12-31')).toThrow(/art_99/);
  });
});

describe('the amendment example of REGULATION-FORMAT.md', () => {
  it('parses, and names the one target the worked example does not have', () => {
    const a = parseAmendment(read('spec-amendment.qc.yaml'));
    expect(a.effects.map((e) => e.op)).toEqual(['replace', 'set', 'insert_after', 'repeal', 'repeal']);
    expect(a.effects[4]!.in_force_from).toBe('2026-09-01');
    // The worked example's Điều 11 has one clause only: consolidation refuses, naming the missing eId.
    expect(() => consolidate(base, [a], '2026-07-01')).toThrow(/art_11__para_2/);
  });
});

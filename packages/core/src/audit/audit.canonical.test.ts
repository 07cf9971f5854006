import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './audit.canonical.js';

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 }),
    );
  });
  it('round-trips through JSON.parse like jsonb does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(JSON.parse(JSON.stringify(v)))).toBe(canonicalJson(JSON.parse(canonicalJson(v))));
      }),
    );
  });
});

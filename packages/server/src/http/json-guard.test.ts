import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_JSON_DEPTH, scanJson } from './json-guard.js';

describe('scanJson', () => {
  it('passes ordinary JSON, paired surrogates and escapes', () => {
    expect(scanJson(JSON.stringify({ title: 'Hội nghị 😀', a: [1, { b: 'x\\"y', 'k"ey': '\u00e9' }] }))).toBeNull();
    expect(scanJson('{"t":"\\ud83d\\ude00 \\u00e9 \\n"}')).toBeNull();
    expect(scanJson('"plain"')).toBeNull();
  });

  it('names the field of a lone surrogate, escaped or raw, high or low', () => {
    expect(scanJson('{"title":"a\\ud800"}')).toEqual({ kind: 'lone_surrogate', path: ['title'] });
    expect(scanJson('{"title":"\\udc00x"}')).toEqual({ kind: 'lone_surrogate', path: ['title'] });
    expect(scanJson('{"leads":[{"name":"ok"},{"name":"\\ud800\\u0041"}]}')).toEqual({
      kind: 'lone_surrogate',
      path: ['leads', '1', 'name'],
    });
    expect(scanJson('{"t":"' + '\ud800' + '"}')).toEqual({ kind: 'lone_surrogate', path: ['t'] });
    // In a key: reported at its object.
    expect(scanJson('{"a":{"\\ud800":1}}')).toEqual({ kind: 'lone_surrogate', path: ['a'] });
  });

  it('names the field holding NUL', () => {
    expect(scanJson('{"a":{"b":"x\\u0000"}}')).toEqual({ kind: 'nul', path: ['a', 'b'] });
  });

  it('refuses nesting beyond the limit at its top-level field, without recursion', () => {
    const deep = `{"ok":1,"leads":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expect(scanJson(deep)).toEqual({ kind: 'depth', path: ['leads'], limit: MAX_JSON_DEPTH });
    expect(scanJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeNull();
    expect(scanJson('['.repeat(MAX_JSON_DEPTH + 1))?.kind).toBe('depth');
  });

  it('agrees with JSON.parse on what any JSON value holds, and never throws on any text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => {
        expect(scanJson(JSON.stringify(v))).toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        scanJson(s);
        scanJson(`{"k":"${s}"}`);
      }),
    );
  });

  it('passes a 12 MB file body and finds an issue after it', () => {
    const content = 'QUJD'.repeat(3_000_000);
    expect(scanJson(JSON.stringify({ fileName: 'a.xlsx', contentBase64: content }))).toBeNull();
    expect(scanJson(`${JSON.stringify({ contentBase64: content }).slice(0, -1)},"name":"\\\\ud800x"}`)).toBeNull();
    expect(scanJson(`${JSON.stringify({ contentBase64: content }).slice(0, -1)},"name":"\ud800x"}`)).toEqual({
      kind: 'lone_surrogate',
      path: ['name'],
    });
  });
});

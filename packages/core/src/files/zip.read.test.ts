import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { checkZipLimits, readZip, zipEntries } from './zip.read.js';
import type { ZipLimits } from './zip.read.js';

const LIMITS: ZipLimits = { maxEntries: 10, maxEntryBytes: 1_000_000, maxTotalBytes: 1_500_000, maxRatio: 100 };
/** Text that hardly compresses (a linear congruential sequence), so that only sizes matter. */
const text = (n: number, seed = 1) => {
  let x = seed;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = 33 + (((x = (x * 1103515245 + 12345) >>> 0) >>> 16) % 90);
  return out;
};

describe('readZip', () => {
  it('lists entries with their declared sizes without inflating them', () => {
    const zip = zipSync({ 'a.xml': text(5000), 'b/c.xml': text(10) });
    expect(zipEntries(zip)).toEqual([
      { name: 'a.xml', compressedBytes: expect.any(Number), bytes: 5000 },
      { name: 'b/c.xml', compressedBytes: expect.any(Number), bytes: 10 },
    ]);
    expect(zipEntries(strToU8('not a zip'))).toBeNull();
  });

  it('opens the wanted entries within the limits', () => {
    const r = readZip(zipSync({ 'a.xml': text(2000), 'pic.png': text(900_000, 3) }), LIMITS, (n) => n.endsWith('.xml'));
    expect('files' in r && Object.keys(r.files)).toEqual(['a.xml']);
  });

  it('names each limit it breaks', () => {
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.xml`, text(10)]));
    expect(readZip(zipSync(many), LIMITS)).toMatchObject({
      issue: { code: 'QUA_NHIEU_TEP_TRONG_GOI', limit: 10, actual: 11 },
    });
    expect(readZip(zipSync({ 'big.xml': text(1_100_000) }), LIMITS)).toMatchObject({
      issue: { code: 'TEP_GIAI_NEN_QUA_LON', entry: 'big.xml' },
    });
    expect(readZip(zipSync({ 'a.xml': text(800_000), 'b.xml': text(800_000, 5) }), LIMITS)).toMatchObject({
      issue: { code: 'TONG_GIAI_NEN_QUA_LON', limit: 1_500_000 },
    });
    const bomb = readZip(zipSync({ 'sheet.xml': new Uint8Array(900_000) }, { level: 9 }), LIMITS);
    expect(bomb).toMatchObject({ issue: { code: 'TI_LE_NEN_BAT_THUONG', entry: 'sheet.xml' } });
    expect('issue' in bomb && bomb.issue.message_vi).toMatch(
      /^Một phần của tệp khi giải nén lớn gấp [\d.]+ lần khi nén, vượt giới hạn 100 lần/,
    );
    expect(readZip(strToU8('PK nope'), LIMITS)).toMatchObject({ issue: { code: 'KHONG_MO_DUOC_GOI_NEN' } });
  });

  it('lets a small entry compress as much as it likes', () => {
    expect(checkZipLimits([{ name: 'styles.xml', compressedBytes: 100, bytes: 90_000 }], LIMITS)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  excerptAround,
  parseSearch,
  rankCandidate,
  SEARCH_SCORE,
  symbolKey,
  symbolMatch,
  symbolPattern,
} from './search.query.js';

describe('search query', () => {
  it('reads a document symbol however it is typed', () => {
    for (const q of ['78-TB/TU', '78 TB/TU', '78-tb/tu', 'TB 78', 'tb78', 'số 78-TB/TU'])
      expect(parseSearch(q).symbol, q).toMatch(/^78tb/);
    expect(parseSearch('01-QC/TU').symbol).toBe('1qctu');
    expect(parseSearch('21-QĐ/UBKTTU').symbol).toBe('21qdubkttu');
    expect(parseSearch('CTr 03').symbol).toBe('3ctr');
    // Words with a number are not a symbol when a word is long or there are two numbers.
    expect(parseSearch('Hội nghị Tỉnh ủy lần thứ 5').symbol).toBeNull();
    expect(parseSearch('05/01/2026').symbol).toBeNull();
    expect(parseSearch('nguyen van khai').symbol).toBeNull();
  });

  it('keys symbols without marks, punctuation or leading zeros', () => {
    expect(symbolKey('01-QC/ĐU')).toBe('1qcdu');
    expect(symbolKey('03-CTr/TU')).toBe('3ctrtu');
    expect(symbolMatch('78tbtu', '78-TB/TU')).toBe('exact');
    expect(symbolMatch('78tb', '78-TB/TU')).toBe('prefix');
    expect(symbolMatch('7', '77-TB/TU')).toBeNull();
    expect(symbolMatch('7', '7-TB/ĐU')).toBe('prefix');
    expect(symbolMatch(null, '7-TB/ĐU')).toBeNull();
    expect(symbolPattern('7')).toBe('^7([^0-9]|$)');
    expect(symbolPattern('7tb')).toBe('^7tb');
  });

  it('ranks an exact symbol first, then the title as typed, its beginning, its words, then other wording', () => {
    const q = (s: string) => parseSearch(s);
    expect(
      rankCandidate(q('78-TB/TU'), { title: 'Thông báo kết luận', symbols: [{ value: '78-TB/TU', primary: true }] }),
    ).toBe(SEARCH_SCORE.symbolExact);
    expect(rankCandidate(q('78-TB/TU'), { title: 'Kiến nghị', symbols: [{ value: '78-TB/TU', primary: false }] })).toBe(
      SEARCH_SCORE.referenceExact,
    );
    const title = 'Hội nghị Tỉnh ủy lần thứ 5: triển khai nhiệm vụ năm 2026';
    expect(rankCandidate(q('hoi nghi tinh uy lan thu 5 trien khai nhiem vu nam 2026'), { title })).toBe(
      SEARCH_SCORE.titleExact,
    );
    expect(rankCandidate(q('hoi nghi tinh uy'), { title })).toBe(SEARCH_SCORE.titlePrefix);
    expect(rankCandidate(q('trien khai nhiem vu'), { title })).toBe(SEARCH_SCORE.titlePhrase);
    expect(rankCandidate(q('nhiem vu hoi nghi'), { title })).toBe(SEARCH_SCORE.titleWords);
    expect(rankCandidate(q('trie nhie'), { title })).toBe(SEARCH_SCORE.titleWordPrefixes);
    expect(
      rankCandidate(q('ban thuong vu hop'), {
        title: 'Khoản 1 Điều 12',
        text: 'Ban Thường vụ họp thường lệ mỗi tháng hai lần',
      }),
    ).toBe(SEARCH_SCORE.textPhrase);
    expect(rankCandidate(q('khai thuong'), { title: 'Khoản 1 Điều 12', text: 'Ban Thường vụ họp; khai mạc' })).toBe(
      SEARCH_SCORE.textWords,
    );
    expect(rankCandidate(q('bac son'), { title })).toBe(0);
    expect(rankCandidate(q('?!'), { title })).toBe(0);
  });

  it('cuts a long text around what was searched', () => {
    const text =
      'Mở đầu. '.repeat(40) +
      'Tài liệu hội nghị được gửi chậm nhất 07 ngày làm việc trước ngày khai mạc. ' +
      'Kết thúc. '.repeat(40);
    const e = excerptAround(text, parseSearch('cham nhat 07 ngay'));
    expect(e).toContain('chậm nhất 07 ngày');
    expect(e.length).toBeLessThanOrEqual(162);
    expect(e.startsWith('…')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { clause, listItems, recipientLines, sentence } from './punctuation.js';

describe('punctuation of generated sentences', () => {
  it('ends a sentence once, keeps the punctuation a text already has, and never doubles it', () => {
    expect(sentence('Chủ trì: đồng chí Trần Quốc Hưng, Bí thư Tỉnh ủy')).toBe(
      'Chủ trì: đồng chí Trần Quốc Hưng, Bí thư Tỉnh ủy.',
    );
    expect(sentence('Biên bản được lập xong.')).toBe('Biên bản được lập xong.');
    expect(sentence('Ban Thường vụ Tỉnh ủy kết luận như sau:')).toBe('Ban Thường vụ Tỉnh ủy kết luận như sau:');
    expect(sentence('Đề xuất sửa: "thời hạn 03 ngày."')).toBe('Đề xuất sửa: "thời hạn 03 ngày."');
    expect(sentence('(khoản 1 Điều 17)')).toBe('(khoản 1 Điều 17).');
    expect(sentence('Còn tiếp…')).toBe('Còn tiếp…');
    expect(sentence('việc cuối;')).toBe('việc cuối.');
    expect(sentence('- việc thứ nhất', ';')).toBe('- việc thứ nhất;');
    expect(sentence('- việc thứ nhất.', ';')).toBe('- việc thứ nhất.');
    expect(sentence('  ')).toBe('');
  });
  it('trims a piece set inside a sentence, ends lists and the recipients as 36-HD/VPTW does', () => {
    expect(clause('Hội trường Tỉnh ủy. ')).toBe('Hội trường Tỉnh ủy');
    expect(clause('Vì sao?')).toBe('Vì sao?');
    expect(listItems(['- a', '- b.', '- c;'])).toEqual(['- a;', '- b.', '- c.']);
    expect(recipientLines(['Như trên', 'Các cơ quan, đơn vị liên quan;', '- Lưu Văn phòng Tỉnh ủy'])).toEqual([
      '- Như trên,',
      '- Các cơ quan, đơn vị liên quan,',
      '- Lưu Văn phòng Tỉnh ủy.',
    ]);
  });
});

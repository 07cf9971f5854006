import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { comparisonTableDocx } from './party-document.docx.js';

describe('comparison table in the Party format', () => {
  it('writes A4, Times New Roman, the header block, the table, the signature, page numbers from page 2', async () => {
    const buf = await comparisonTableDocx({
      issuer: 'Tỉnh ủy An Lạc',
      symbol: 'Số 05-BC/TU',
      place: 'An Lạc',
      date: '2026-06-25',
      summary: 'dự thảo sửa đổi Quy chế làm việc 01-QC/TU',
      rows: [
        {
          eId: 'chp_3__art_12__para_3',
          cite: 'khoản 3 Điều 12',
          change: 'changed',
          before: 'chậm nhất 05 ngày làm việc',
          after: 'chậm nhất 07 ngày làm việc',
        },
      ],
      signer: { for: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: 'Trần Quốc Hưng' },
    });
    const files = unzipSync(new Uint8Array(buf));
    const xml = new TextDecoder().decode(files['word/document.xml']);
    for (const text of [
      'TỈNH ỦY AN LẠC',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'An Lạc, ngày 25 tháng 06 năm 2026',
      'BẢNG SO SÁNH',
      'khoản 3 Điều 12',
      'chậm nhất 07 ngày làm việc',
      'Sửa đổi',
      'T/M BAN THƯỜNG VỤ',
      'Nơi nhận:',
      'Trần Quốc Hưng',
    ]) {
      expect(xml).toContain(text.normalize('NFC'));
    }
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toContain('<w:tblHeader/>');
    const styles = new TextDecoder().decode(files['word/styles.xml']);
    expect(styles).toContain('Times New Roman');
  });
});

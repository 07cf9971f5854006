import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConsistency } from '../regulation/reg.consistency.js';
import { parseOrThrow } from '../regulation/reg.parse.js';

const file = (p: string) =>
  parseOrThrow(readFileSync(new URL(`../../../../regulations/${p}`, import.meta.url), 'utf8'));
const central = file('danh-gia/quy-dinh-366.qc.md');

describe('a province’s assessment rules against Quy định 366-QĐ/TW', () => {
  it('finds nothing in An Lạc’s rules, which are as strict', () => {
    expect(checkConsistency(file('danh-gia/tinh-an-lac.qc.md'), central)).toEqual([]);
  });

  it('finds a lower threshold, a wider quota and a later deadline, each with a concrete case in Vietnamese', () => {
    const found = checkConsistency(file('test/danh-gia-loi.qc.md'), central);
    expect(found.map((f) => f.code)).toEqual(['LOOSER_THAN_MODEL', 'LOOSER_THAN_MODEL', 'LOOSER_THAN_MODEL']);
    expect(found[0]!.message).toBe(
      'Mức xếp loại lỏng hơn Quy định 366-QĐ/TW: Đảng viên 89 điểm, 10/10 nhiệm vụ đúng hạn (5 vượt mức), khắc phục ' +
        '2/2 hạn chế — theo quy định này xếp "Hoàn thành xuất sắc nhiệm vụ" (khoản 1 Điều 2), theo Quy định ' +
        '366-QĐ/TW chỉ "Hoàn thành tốt nhiệm vụ" (điểm 2.3 khoản 2 Điều 11)',
    );
    expect(found[1]!.message).toContain('với 4 được xếp loại "Hoàn thành tốt nhiệm vụ", quy định này cho tối đa 1');
    expect(found[1]!.message).toContain('Quy định 366-QĐ/TW tối đa 0 (điểm 1.5 khoản 1 Điều 11)');
    // Read on the day the file takes effect (20/11/2025): that year's deadlines.
    expect(found[2]!.message).toBe(
      'Thời hạn lỏng hơn Quy định 366-QĐ/TW: đánh giá, xếp loại tổ chức đảng năm 2025 xong ngày 09/01/2026 là ' +
        'đúng hạn theo quy định này (khoản 1 Điều 5), nhưng đã quá hạn theo Quy định 366-QĐ/TW: trước ngày ' +
        '31/12/2025 (khoản 2 Điều 14)',
    );
  });

  it('finds a dropped condition: the top level without the discipline bar for organizations', () => {
    const text = readFileSync(new URL('../../../../regulations/danh-gia/tinh-an-lac.qc.md', import.meta.url), 'utf8');
    const loose = parseOrThrow(text.replace(', not_if: [member_disciplined] }', ' }'));
    const [f] = checkConsistency(loose, central);
    expect(f?.message).toContain('Tổ chức đảng 100 điểm');
    expect(f?.message).toContain('có đơn vị trực thuộc hoặc thành viên của tập thể lãnh đạo bị kỷ luật trong năm');
    expect(f?.message).toContain('theo quy định này xếp "Hoàn thành xuất sắc nhiệm vụ" (khoản 1 Điều 3)');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { importRegulation, ImportError } from './reg.import.js';
import { parseRegulation, allElements } from './reg.parse.js';
import { lint } from './reg.lint.js';

/** A Word document as an office makes it: chapters typed, articles, clauses and points auto-numbered. */
async function makeDocx(): Promise<Uint8Array> {
  const auto = (level: number, text: string) =>
    new Paragraph({
      numbering: { reference: 'qc', level },
      children: [new TextRun(text.slice(0, 10)), new TextRun(text.slice(10))],
    });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: 'TỈNH ỦY AN LẠC', bold: true })] }),
    new Paragraph('Số 01-QC/TU'),
    new Paragraph({ children: [new TextRun({ text: 'An Lạc, ngày 20 tháng 10 năm 2025', italics: true })] }),
    new Paragraph({ children: [new TextRun({ text: 'QUY CHẾ LÀM VIỆC', bold: true })] }),
    new Paragraph('của Ban Chấp hành Đảng bộ tỉnh khóa XVIII'),
  ];
  let article = 0;
  const chapters = [
    'QUY ĐỊNH CHUNG',
    'NHIỆM VỤ, QUYỀN HẠN',
    'CHẾ ĐỘ LÀM VIỆC',
    'MỐI QUAN HỆ CÔNG TÁC',
    'ĐIỀU KHOẢN THI HÀNH',
  ];
  chapters.forEach((title, ci) => {
    if (ci === 1) {
      children.push(new Paragraph('Chương II')); // title on the next paragraph, as often in Word
      children.push(new Paragraph(title));
    } else children.push(new Paragraph(`Chương ${['I', 'II', 'III', 'IV', 'V'][ci]}. ${title}`));
    for (let a = 0; a < 5; a++) {
      article++;
      children.push(auto(0, `Nội dung điều số ${article}`));
      const clauses = article % 3 === 0 ? 3 : 2;
      for (let c = 1; c <= clauses; c++) {
        children.push(auto(1, `Khoản ${c} của điều ${article} quy định việc cụ thể.`));
        if (article === 4 && c === 1)
          for (let p = 0; p < 6; p++) children.push(auto(2, `Điểm thứ ${p + 1} của khoản.`));
      }
    }
  });
  children.push(
    new Table({
      rows: [
        new TableRow({ children: [new TableCell({ children: [new Paragraph('Nơi nhận: Ban Tổ chức Trung ương')] })] }),
      ],
    }),
  );
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'qc',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: 'Điều %1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('import from Word and text', () => {
  it('rebuilds chapters, 25 articles, clauses and points from automatic numbering', async () => {
    const { qcmd, report } = importRegulation({ fileName: 'quy-che.docx', bytes: await makeDocx() });
    expect(report).toMatchObject({ isRegulation: true, chapters: 5, articles: 25, points: 6 });
    expect(report.clauses).toBe(25 * 2 + 8);
    expect(report.unplaced).toEqual([expect.objectContaining({ text: 'Nơi nhận: Ban Tổ chức Trung ương' })]);
    const r = parseRegulation(qcmd);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const reg = r.regulation;
    expect(reg.chapters.map((c) => c.num)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(reg.chapters[1]!.heading).toBe('NHIỆM VỤ, QUYỀN HẠN');
    const articles = allElements(reg).filter((e) => e.kind === 'article');
    expect(articles.map((a) => a.num)).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    expect(articles[0]!.heading).toBe('Nội dung điều số 1');
    // Points follow the Vietnamese letters: the fifth is đ, not e.
    const points = allElements(reg).filter((e) => e.kind === 'point');
    expect(points.map((p) => p.num)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e']);
    expect(points[4]!.eId).toBe('chp_1__art_4__para_1__point_dd');
    expect(reg.frontMatter).toMatchObject({ number: '01-QC/TU', adopted_on: '2025-10-20', status: 'draft' });
    expect(String(reg.frontMatter.title)).toBe('QUY CHẾ LÀM VIỆC của Ban Chấp hành Đảng bộ tỉnh khóa XVIII');
    expect(lint(reg).filter((f) => f.code === 'NUMBERING_SEQUENCE')).toEqual([]);
  });
  it('imports a plain-text regulation', () => {
    const text =
      'QUY CHẾ LÀM VIỆC\nChương I. CHUNG\nĐiều 1. Phạm vi\n1. Quy chế này quy định chế độ làm việc.\n' +
      '2. Áp dụng cho Đảng ủy xã.\na) Ban Chấp hành;\nb) Ban Thường vụ.\nĐiều 2. Hiệu lực\nCó hiệu lực từ ngày ký.\n';
    const { qcmd, report } = importRegulation({ fileName: 'qc.txt', bytes: new TextEncoder().encode(text) });
    expect(report).toMatchObject({ isRegulation: true, chapters: 1, articles: 2, clauses: 2, points: 2 });
    const r = parseRegulation(qcmd);
    expect(r.ok).toBe(true);
  });
  it('says clearly when a document is not a regulation', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Kính gửi: Văn phòng Tỉnh ủy'),
            new Paragraph('Đề nghị cung cấp tài liệu hội nghị.'),
          ],
        },
      ],
    });
    const { report } = importRegulation({
      fileName: 'cong-van.docx',
      bytes: new Uint8Array(await Packer.toBuffer(doc)),
    });
    expect(report.isRegulation).toBe(false);
    expect(report.reason_vi).toContain('không có cấu trúc của một quy chế');
  });
  it('refuses random bytes with an ImportError, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        try {
          importRegulation({ fileName: 'x.docx', bytes });
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 300 },
    );
    expect(() => importRegulation({ fileName: 'x.pdf', bytes: new Uint8Array(3) })).toThrow(/\.docx hoặc \.txt/);
  });
});

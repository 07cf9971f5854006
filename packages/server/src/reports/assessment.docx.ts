import { AlignmentType, Table, TableRow, WidthType } from 'docx';
import { ASSESSMENT_LEVEL_VI, ASSESSMENT_LEVELS } from '@quyche/core';
import type { PartyHeader, Signer } from './party-document.docx.js';
import { headerBlock, para, partyDocument, run, signatureBlock, tableCell } from './party-document.docx.js';

/** The four levels in order, as the forms write them. */
export const LEVELS = ASSESSMENT_LEVELS.map((k) => [k, ASSESSMENT_LEVEL_VI[k]] as const);

export interface AssessmentSummaryInput extends PartyHeader {
  year: number;
  orgName: string;
  rules: string;
  rows: {
    subject: 'member' | 'organization';
    name: string;
    orgName: string;
    points: number | null;
    level: string | null;
  }[];
  signer?: Signer;
}

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1).replace('.', ',')}%` : '');

/**
 * The year's summary of assessment and classification (bảng tổng hợp kết quả đánh giá, xếp loại chất lượng): for
 * members and for organizations, how many at each level with its share of those assessed, then each subject with
 * its points and level.
 */
export function assessmentSummaryDocx(input: AssessmentSummaryInput): Promise<Buffer> {
  const cell = tableCell;
  const kinds = [
    ['member', 'Đảng viên'],
    ['organization', 'Tổ chức đảng'],
  ] as const;
  const w1 = [22, 13, 13, 13, 13, 13, 13];
  const summary = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['Đối tượng', 'Tổng số', ...LEVELS.map(([, t]) => t), 'Chưa xếp loại'].map((t, i) =>
          cell(t, { bold: true, width: w1[i]!, center: true }),
        ),
      }),
      ...kinds.map(([k, t]) => {
        const rows = input.rows.filter((r) => r.subject === k);
        const n = (l: string | null) => rows.filter((r) => r.level === l).length;
        return new TableRow({
          children: [
            cell(t, { width: w1[0]! }),
            cell(String(rows.length), { width: w1[1]!, center: true }),
            ...LEVELS.map(([l], i) =>
              cell(`${n(l)}${rows.length ? `\n${pct(n(l), rows.length)}` : ''}`, { width: w1[i + 2]!, center: true }),
            ),
            cell(String(n(null)), { width: w1[6]!, center: true }),
          ],
        });
      }),
    ],
  });
  const w2 = [7, 35, 30, 10, 18];
  const label = (l: string | null) => LEVELS.find(([k]) => k === l)?.[1] ?? 'Chưa xếp loại';
  const list = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['STT', 'Họ và tên, tổ chức', 'Chi bộ, đơn vị', 'Điểm', 'Xếp loại'].map((t, i) =>
          cell(t, { bold: true, width: w2[i]!, center: true }),
        ),
      }),
      ...input.rows.map(
        (r, i) =>
          new TableRow({
            children: [
              cell(String(i + 1), { width: w2[0]!, center: true }),
              cell(r.name, { width: w2[1]! }),
              cell(r.subject === 'member' ? r.orgName : '', { width: w2[2]! }),
              cell(r.points === null ? '' : String(r.points).replace('.', ','), { width: w2[3]!, center: true }),
              cell(label(r.level), { width: w2[4]! }),
            ],
          }),
      ),
    ],
  });
  return partyDocument([
    headerBlock(input),
    para([run('')]),
    para(
      [run(`BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM ${input.year}`, { bold: true })],
      AlignmentType.CENTER,
    ),
    para([run(input.orgName, { bold: true })], AlignmentType.CENTER),
    para([run(`(Theo ${input.rules})`, { italics: true, size: 13 })], AlignmentType.CENTER, 240),
    para([run('I. TỔNG HỢP THEO MỨC XẾP LOẠI', { bold: true })], AlignmentType.LEFT, 120),
    summary,
    para([run('')]),
    para([run('II. DANH SÁCH', { bold: true })], AlignmentType.LEFT, 120),
    list,
    para([run('')]),
    signatureBlock(input.signer, ['Ban Tổ chức cấp ủy cấp trên', 'Lưu văn phòng']),
  ]);
}

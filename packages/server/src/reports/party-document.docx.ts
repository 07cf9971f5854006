import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ComparisonRow } from '@quyche/core';
import { recipientLines, sentence } from './punctuation.js';

/**
 * Documents in the Party format (Hướng dẫn 36-HD/VPTW, DOMAIN.md §4): A4, Times New Roman, the issuing body and
 * "Số …" on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, place and date in italics, title in capitals,
 * signature block and "Nơi nhận", page numbers from page 2.
 */
const mm = (x: number) => Math.round(x * 56.693); // twips
const FONT = 'Times New Roman';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: (o.size ?? 14) * 2, bold: o.bold, italics: o.italics });
export const para = (
  children: TextRun[],
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT,
  after = 0,
) => new Paragraph({ alignment: align, spacing: { after }, children });

export function vietnameseDateLine(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

export interface PartyHeader {
  issuer: string;
  symbol: string;
  place: string;
  date: string;
}

/** The header of a report (báo cáo) an organization issues: its name, the symbol left to number, its place. */
export const reportHeaderOf = (
  org: { name: string; short_name: string | null; symbol: string | null } | undefined,
) => ({
  issuer: org?.short_name ?? org?.name ?? '',
  symbol: `Số      -BC/${org?.symbol ?? ''}`,
  place: (org?.name ?? '').replace(/^Đảng bộ (tỉnh|xã|phường|thành phố)\s*/u, '') || 'An Lạc',
});

/** One borderless full-width row of cells, each `[width %, paragraphs]`: the layout of a party document's blocks. */
function borderlessRow(cells: [number, Paragraph[]][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: cells.map(
          ([size, children]) =>
            new TableCell({ width: { size, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children }),
        ),
      }),
    ],
  });
}

export function headerBlock(h: PartyHeader): Table {
  return borderlessRow([
    [
      42,
      [
        para([run(h.issuer.toUpperCase(), { size: 14 })], AlignmentType.CENTER),
        para([run('*')], AlignmentType.CENTER),
        para([run(h.symbol)], AlignmentType.CENTER),
      ],
    ],
    [
      58,
      [
        para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 15 })], AlignmentType.CENTER),
        para([run(vietnameseDateLine(h.place, h.date), { italics: true })], AlignmentType.CENTER),
      ],
    ],
  ]);
}

export interface Signer {
  for: string;
  position: string;
  name: string;
}

export function signatureBlock(signer: Signer | undefined, recipients: string[]): Table {
  return borderlessRow([
    [
      50,
      [
        para([run('Nơi nhận:', { bold: true, italics: true, size: 12 })]),
        ...recipientLines(recipients).map((r) => para([run(r, { size: 12 })])),
      ],
    ],
    [
      50,
      signer
        ? [
            para([run(signer.for, { bold: true })], AlignmentType.CENTER),
            para([run(signer.position, { bold: true })], AlignmentType.CENTER, 1200),
            para([run(signer.name, { bold: true })], AlignmentType.CENTER),
          ]
        : [para([run('')])],
    ],
  ]);
}

/** Two signatures side by side (the minutes: the secretary on the left, the chair on the right). */
export function twoSignatures(left: { title: string; name: string }, right: { title: string; name: string }): Table {
  const cell = (x: { title: string; name: string }): [number, Paragraph[]] => [
    50,
    [
      para([run(x.title, { bold: true })], AlignmentType.CENTER, 1200),
      para([run(x.name, { bold: true })], AlignmentType.CENTER),
    ],
  ];
  return borderlessRow([cell(left), cell(right)]);
}

/** One section in the Party layout: A4, margins top/bottom 20 mm, left 30, right 15, page numbers from page 2. */
export async function partyDocument(children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph('')] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A cell of a document's table: its lines, 13 pt, bold in the header. */
export function tableCell(text: string, o: { bold?: boolean; width: number; center?: boolean }) {
  return new TableCell({
    width: { size: o.width, type: WidthType.PERCENTAGE },
    children: text
      .split('\n')
      .map((line) =>
        para([run(line, { bold: o.bold, size: 13 })], o.center ? AlignmentType.CENTER : AlignmentType.LEFT),
      ),
  });
}

export interface ComparisonDocInput extends PartyHeader {
  rows: ComparisonRow[];
  title?: string;
  summary: string;
  signer?: Signer;
  recipients?: string[];
}

const CHANGE_VI = { added: 'Bổ sung', removed: 'Bãi bỏ', changed: 'Sửa đổi' } as const;

/** The comparison table (bảng so sánh) of two versions of a regulation. */
export function comparisonTableDocx(input: ComparisonDocInput): Promise<Buffer> {
  const cell = tableCell;
  const widths = [6, 14, 33, 33, 14];
  const head = new TableRow({
    tableHeader: true,
    children: ['STT', 'Điều, khoản', 'Quy định hiện hành', 'Quy định sửa đổi, bổ sung', 'Ghi chú'].map((t, i) =>
      cell(t, { bold: true, width: widths[i]!, center: true }),
    ),
  });
  const rows = input.rows.map(
    (r, i) =>
      new TableRow({
        children: [
          cell(String(i + 1), { width: widths[0]!, center: true }),
          cell(r.cite, { width: widths[1]! }),
          cell(r.before, { width: widths[2]! }),
          cell(r.after, { width: widths[3]! }),
          cell(CHANGE_VI[r.change], { width: widths[4]! }),
        ],
      }),
  );
  return partyDocument([
    headerBlock(input),
    para([run('')]),
    para([run(input.title ?? 'BẢNG SO SÁNH', { bold: true, size: 14 })], AlignmentType.CENTER),
    para([run(input.summary, { bold: true })], AlignmentType.CENTER, 240),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...rows] }),
    para([run('')]),
    signatureBlock(input.signer, input.recipients ?? ['Như trên', 'Lưu Văn phòng Tỉnh ủy']),
  ]);
}

export interface SynthesisDocInput extends PartyHeader {
  title: string;
  /** The heading of the provision column: "Điều, khoản" for a regulation, "Đoạn" for another document. */
  provisionLabel?: string;
  summary: string;
  rows: {
    no: number;
    cite: string;
    draftText: string;
    comments: { from: string; text: string; proposedText: string | null; disposition: string; explanation: string }[];
  }[];
  noComment: string[];
  notAnswered: string[];
  signer?: Signer;
  recipients?: string[];
}

/**
 * The synthesis table (bảng tổng hợp ý kiến, tiếp thu, giải trình): one numbered row per comment, grouped by provision
 * in the draft's order, with who said what, the proposal, and the disposition with its explanation; the units that
 * agreed without comment are rows too, and those who did not answer are named below.
 */
export function synthesisDocx(input: SynthesisDocInput): Promise<Buffer> {
  const cell = tableCell;
  const widths = [6, 13, 25, 30, 26];
  const head = new TableRow({
    tableHeader: true,
    children: [
      'STT',
      input.provisionLabel ?? 'Điều, khoản',
      'Nội dung dự thảo',
      'Ý kiến góp ý',
      'Tiếp thu, giải trình',
    ].map((t, i) => cell(t, { bold: true, width: widths[i]!, center: true })),
  });
  let n = 0;
  const rows: TableRow[] = [];
  for (const r of input.rows) {
    r.comments.forEach((c, i) => {
      n++;
      const said = [
        sentence(`${c.from}: ${c.text}`),
        ...(c.proposedText ? [`Đề xuất sửa: "${c.proposedText.trim()}"`] : []),
      ].join('\n');
      const answer = [c.disposition, ...(c.explanation?.trim() ? [sentence(c.explanation)] : [])].join('\n');
      rows.push(
        new TableRow({
          children: [
            cell(String(n), { width: widths[0]!, center: true }),
            cell(i === 0 ? r.cite : '', { width: widths[1]! }),
            cell(i === 0 ? r.draftText : '', { width: widths[2]! }),
            cell(said, { width: widths[3]! }),
            cell(answer, { width: widths[4]! }),
          ],
        }),
      );
    });
  }
  for (const name of input.noComment) {
    n++;
    rows.push(
      new TableRow({
        children: [
          cell(String(n), { width: widths[0]!, center: true }),
          cell('Toàn văn dự thảo', { width: widths[1]! }),
          cell('', { width: widths[2]! }),
          cell(`${name}: Nhất trí với dự thảo, không có ý kiến`, { width: widths[3]! }),
          cell('Ghi nhận', { width: widths[4]! }),
        ],
      }),
    );
  }
  return partyDocument([
    headerBlock(input),
    para([run('')]),
    para([run(input.title, { bold: true, size: 14 })], AlignmentType.CENTER),
    para([run(input.summary, { bold: true })], AlignmentType.CENTER, 240),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...rows] }),
    para([run('')]),
    para(
      [
        run(
          input.notAnswered.length
            ? `Chưa có ý kiến (${input.notAnswered.length}): ${input.notAnswered.join('; ')}.`
            : 'Tất cả các nơi được xin ý kiến đã trả lời.',
          { italics: true },
        ),
      ],
      AlignmentType.LEFT,
      240,
    ),
    signatureBlock(input.signer, input.recipients ?? ['Như trên', 'Lưu Văn phòng Tỉnh ủy']),
  ]);
}

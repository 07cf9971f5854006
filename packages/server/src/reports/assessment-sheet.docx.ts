import { AlignmentType, Table, TableRow, WidthType } from 'docx';
import type { Paragraph } from 'docx';
import { formatDateVi } from '@quyche/core';
import { LEVELS } from './assessment.docx.js';
import {
  headerBlock,
  para,
  partyDocument,
  run,
  tableCell,
  twoSignatures,
  vietnameseDateLine,
} from './party-document.docx.js';

export interface AssessmentSheetDocInput {
  subject: 'member' | 'organization';
  year: number;
  /** The member's or the organization's name; the cell (or the organization itself) and the unit above it. */
  name: string;
  orgName: string;
  unitName: string;
  place: string;
  date: string;
  rules: string;
  criteria: { text: string; max: number; points: number | null }[];
  figures: { label: string; value: string; basis: string; reason: string | null }[];
  selfText: string;
  /** What the rules give for the points and the record, then the cell's opinion and the decision. */
  ruleLevel: string | null;
  ruleReason: string | null;
  opinion: { text: string; level: string | null } | null;
  decision: { level: string; on: string | null; justification: string | null } | null;
}

const num = (n: number | null) => (n === null ? '…' : String(n).replace('.', ','));
const heading = (t: string) => para([run(t, { bold: true })], AlignmentType.LEFT, 120);
const text = (t: string) => t.split('\n').map((line) => para([run(line)], AlignmentType.JUSTIFIED, 60));
const ticks = (chosen: string | null) =>
  LEVELS.map(([k, t]) => para([run(`${k === chosen ? '☒' : '☐'} ${t}`)], AlignmentType.LEFT, 40));

/**
 * A subject's sheet on the form of Hướng dẫn 43-HD/BTCTW: Mẫu 02B (a member without a leading post) or Mẫu 01 (a
 * party organization): the self-review, the points by criterion on 100, the record's figures behind them with every
 * change and its reason, the level ticked as the rules give it, then the cell's opinion and the competent level's
 * decision as far as they are taken.
 */
export function assessmentSheetDocx(s: AssessmentSheetDocInput): Promise<Buffer> {
  const member = s.subject === 'member';
  const cell = tableCell;
  const total = s.criteria.every((c) => c.points !== null)
    ? Math.round(s.criteria.reduce((t, c) => t + (c.points ?? 0), 0) * 100) / 100
    : null;
  const w1 = [8, 62, 15, 15];
  const points = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['STT', 'Tiêu chí', 'Điểm tối đa', 'Tự chấm'].map((t, i) =>
          cell(t, { bold: true, width: w1[i]!, center: true }),
        ),
      }),
      ...s.criteria.map(
        (c, i) =>
          new TableRow({
            children: [
              cell(String(i + 1), { width: w1[0]!, center: true }),
              cell(c.text, { width: w1[1]! }),
              cell(num(c.max), { width: w1[2]!, center: true }),
              cell(num(c.points), { width: w1[3]!, center: true }),
            ],
          }),
      ),
      new TableRow({
        children: [
          cell('', { width: w1[0]! }),
          cell('Tổng điểm', { bold: true, width: w1[1]! }),
          cell('100', { bold: true, width: w1[2]!, center: true }),
          cell(`${num(total)}/100`, { bold: true, width: w1[3]!, center: true }),
        ],
      }),
    ],
  });
  const w2 = [45, 10, 45];
  const figures = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['Nội dung', 'Số', 'Căn cứ trong hồ sơ'].map((t, i) =>
          cell(t, { bold: true, width: w2[i]!, center: true }),
        ),
      }),
      ...s.figures.map(
        (f) =>
          new TableRow({
            children: [
              cell(f.label, { width: w2[0]! }),
              cell(f.value, { width: w2[1]!, center: true }),
              cell([f.basis, f.reason ? `Người đánh giá ghi: ${f.reason}` : ''].filter(Boolean).join('\n'), {
                width: w2[2]!,
              }),
            ],
          }),
      ),
    ],
  });
  const form = member ? 'Mẫu 02B-HD KĐ.ĐG 2025' : 'Mẫu 01-HD KĐ.ĐG 2025';
  const title = member
    ? 'BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN KHÔNG GIỮ CHỨC VỤ LÃNH ĐẠO, QUẢN LÝ'
    : 'BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA TẬP THỂ';
  const opinion: Paragraph[] = s.opinion
    ? [
        ...text(s.opinion.text),
        ...(s.opinion.level
          ? [para([run(`Đề xuất xếp loại: ${LEVELS.find(([k]) => k === s.opinion!.level)?.[1] ?? ''}.`)])]
          : []),
      ]
    : [para([run('(Chưa có ý kiến.)', { italics: true })])];
  const decided = s.decision
    ? [
        para([
          run(`Xếp loại: ${LEVELS.find(([k]) => k === s.decision!.level)?.[1] ?? ''}`, { bold: true }),
          run(s.decision.on ? ` (ngày ${formatDateVi(s.decision.on)}).` : '.'),
        ]),
        ...(s.decision.justification ? text(`Căn cứ: ${s.decision.justification}`) : []),
      ]
    : [para([run('(Chưa quyết định xếp loại.)', { italics: true })])];
  return partyDocument([
    para([run(form, { italics: true, size: 12 })], AlignmentType.RIGHT),
    headerBlock({ issuer: s.unitName, symbol: member ? s.orgName.toUpperCase() : '', place: s.place, date: s.date }),
    para([run('')]),
    para([run(title, { bold: true })], AlignmentType.CENTER),
    para([run(`Năm ${s.year}`, { bold: true })], AlignmentType.CENTER, 240),
    ...(member
      ? [
          para([run('Họ và tên: '), run(s.name, { bold: true })]),
          para([run(`Sinh hoạt tại: ${s.orgName}.`)], AlignmentType.LEFT, 120),
        ]
      : [para([run('Tổ chức: '), run(s.name, { bold: true })], AlignmentType.LEFT, 120)]),
    heading('A. KIỂM ĐIỂM, TỰ ĐÁNH GIÁ'),
    ...(s.selfText.trim() ? text(s.selfText) : [para([run('(Chưa viết phần tự kiểm điểm.)', { italics: true })])]),
    para([run('')]),
    heading('B. TỰ CHẤM ĐIỂM THEO TIÊU CHÍ'),
    para([run(`(Theo ${s.rules})`, { italics: true, size: 12 })], AlignmentType.LEFT, 80),
    points,
    para([run('')]),
    heading(
      member
        ? 'Phụ lục: kết quả thực hiện nhiệm vụ, sinh hoạt chi bộ, đảng phí, kế hoạch cá nhân theo hồ sơ'
        : 'Phụ lục: kết quả thực hiện nhiệm vụ và khắc phục hạn chế theo hồ sơ',
    ),
    figures,
    para([run('')]),
    heading('C. TỰ XẾP LOẠI MỨC CHẤT LƯỢNG'),
    para([run('(Mức theo điểm tự chấm và hồ sơ, áp dụng điều kiện của quy định)', { italics: true, size: 12 })]),
    ...ticks(s.ruleLevel),
    ...(s.ruleReason ? [para([run(`Lý do: ${s.ruleReason}.`, { size: 12 })], AlignmentType.JUSTIFIED, 60)] : []),
    para([run('')]),
    twoSignatures(
      { title: member ? 'XÁC NHẬN CỦA CHI BỘ' : 'T/M CẤP ỦY CẤP TRÊN', name: '' },
      { title: member ? 'NGƯỜI TỰ KIỂM ĐIỂM' : 'T/M TẬP THỂ', name: member ? s.name : '' },
    ),
    para([run('')]),
    heading(member ? 'D. Ý KIẾN CỦA CHI BỘ' : 'D. Ý KIẾN NHẬN XÉT'),
    ...opinion,
    para([run('')]),
    heading('Đ. KẾT QUẢ XẾP LOẠI CỦA CẤP CÓ THẨM QUYỀN'),
    ...decided,
    para([run(vietnameseDateLine(s.place, s.date), { italics: true, size: 12 })], AlignmentType.RIGHT),
  ]);
}

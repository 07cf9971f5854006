import { AlignmentType, Paragraph, TextRun } from 'docx';
import { REPORT_SECTION_HEADINGS, REPORT_SECTIONS } from '@quyche/core';
import type { ReportSection } from '@quyche/core';
import { headerBlock, partyDocument, signatureBlock } from './party-document.docx.js';
import { inCapitals, sentence } from './punctuation.js';

/**
 * A review report (báo cáo sơ kết, tổng kết) in the Party format (36-HD/VPTW): the issuer and "Số …-BC/…" on the
 * left, the place and date on the right, BÁO CÁO and its subject line, the four parts, the signature and the
 * recipients. A draft says so above the title and leaves its number blank.
 */
const FONT = 'Times New Roman';
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: (o.size ?? 14) * 2, bold: o.bold, italics: o.italics });
const centre = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; after?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: o.after ?? 0 }, children: [run(text, o)] });
const body = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120, line: 300 },
    indent: { firstLine: 567 },
    children: [run(text)],
  });
const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 160, after: 120 },
    indent: { firstLine: 567 },
    children: [run(text, { bold: true })],
  });

export interface ReviewReportDocInput {
  issuer: string;
  /** "BC/TU": the number is given when the report is issued; a draft shows "Số     -BC/TU". */
  symbolSuffix: string;
  number: string | null;
  place: string;
  date: string;
  draft: boolean;
  /** The subject line under BÁO CÁO ("sơ kết 6 tháng đầu năm 2026"). */
  subject: string;
  paragraphs: { section: ReportSection; text: string }[];
  signer: { for: string; position: string; name: string };
  recipients: string[];
}

/**
 * A paragraph as a sentence: a line of a list ("- …") ends with ";", the list's last line with "."; another
 * paragraph with its stop (one before a list keeps its ":"); a line in capitals is a heading the office typed and
 * is left as it is.
 */
function punctuated(texts: string[]): string[] {
  return texts.map((t, i) => {
    if (!t.trim() || inCapitals(t.trim())) return t.trim();
    const item = (x: string | undefined) => x !== undefined && /^[-–+•]\s/u.test(x.trim());
    if (item(t)) return sentence(t, item(texts[i + 1]) ? ';' : '.');
    return sentence(t);
  });
}

export function reviewReportDocx(input: ReviewReportDocInput): Promise<Buffer> {
  const parts = REPORT_SECTIONS.flatMap((s) => {
    const ps = punctuated(input.paragraphs.filter((p) => p.section === s).map((p) => p.text));
    return ps.length ? [heading(`${s}. ${REPORT_SECTION_HEADINGS[s]}`), ...ps.map((p) => body(p))] : [];
  });
  return partyDocument([
    headerBlock({
      issuer: input.issuer,
      symbol: `Số ${input.number ?? '       '}-${input.symbolSuffix}`,
      place: input.place,
      date: input.date,
    }),
    centre(''),
    ...(input.draft ? [centre('DỰ THẢO', { bold: true, size: 13, after: 120 })] : []),
    centre('BÁO CÁO', { bold: true, size: 15 }),
    centre(input.subject, { bold: true, after: 80 }),
    centre('-----', { after: 240 }),
    ...parts,
    centre(''),
    signatureBlock(input.signer, input.recipients),
  ]);
}

import { AlignmentType, Paragraph, TextRun } from 'docx';
import { CONFIDENTIALITY_LABELS, formatDateVi } from '@quyche/core';
import type { Confidentiality } from '@quyche/core';
import { headerBlock, partyDocument, signatureBlock, twoSignatures } from './party-document.docx.js';
import { clause, inCapitals, sentence } from './punctuation.js';

/**
 * The conclusion notice (thông báo kết luận) and the minutes (biên bản) of a meeting in the Party format
 * (36-HD/VPTW, DOMAIN.md §4): the same header, signature block and page layout as every document we issue.
 */
const FONT = 'Times New Roman';
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: (o.size ?? 14) * 2, bold: o.bold, italics: o.italics });
const centre = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; after?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: o.after ?? 0 }, children: [run(text, o)] });
const body = (text: string, o: { bold?: boolean; italics?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120, line: 300 },
    indent: o.indent === false ? undefined : { firstLine: 567 },
    children: [run(text, o)],
  });
const heading = (text: string) =>
  new Paragraph({
    spacing: { before: 120, after: 120 },
    indent: { firstLine: 567 },
    children: [run(text, { bold: true })],
  });

/** "MẬT", "TỐI MẬT": the confidentiality mark above the title. */
function mark(confidentiality: number) {
  return confidentiality > 0
    ? [
        centre(CONFIDENTIALITY_LABELS[confidentiality as Confidentiality].vi.toUpperCase(), {
          bold: true,
          size: 13,
          after: 120,
        }),
      ]
    : [];
}

export interface ConclusionDocInput {
  /** TB: thông báo kết luận; KL: kết luận (of a conference of the BCH). */
  docType: 'TB' | 'KL';
  issuer: string;
  symbol: string;
  place: string;
  issuedOn: string;
  confidentiality: number;
  bodyName: string;
  meetingTitle: string;
  meetingDate: string;
  summary: string;
  items: {
    kind: string;
    text: string;
    lead: string | null;
    supporting: string[];
    due: string | null;
    supervisor: string | null;
    product: string | null;
  }[];
  signer: { for: string; position: string; name: string };
  recipients: string[];
}

export function conclusionNoticeDocx(input: ConclusionDocInput): Promise<Buffer> {
  // Each item a sentence; an action item's assignment ("Giao … chủ trì; thời hạn: …") a sentence of its own after it.
  const lines = input.items.map((it, i) => {
    let text = sentence(`${i + 1}. ${it.text}`);
    if (it.kind === 'action') {
      const parts: string[] = [];
      if (it.lead) {
        const supporting = it.supporting.length ? `, phối hợp với ${it.supporting.map(clause).join(', ')}` : '';
        parts.push(`Giao ${clause(it.lead)} chủ trì${supporting}`);
      }
      if (it.due) parts.push(`thời hạn: ${clause(it.due)}`);
      if (it.product) parts.push(`sản phẩm: ${clause(it.product)}`);
      if (it.supervisor) parts.push(`đồng chí ${clause(it.supervisor)} theo dõi, chỉ đạo`);
      const assignment = parts.join('; ');
      if (assignment) text += ` ${sentence(assignment.charAt(0).toLocaleUpperCase('vi') + assignment.slice(1))}`;
    }
    return body(text);
  });
  const meetingTitle = input.meetingTitle;
  const meetingDay = formatDateVi(input.meetingDate);
  const at = `tại ${meetingTitle.charAt(0).toLocaleLowerCase('vi')}${meetingTitle.slice(1)}`;
  return partyDocument([
    headerBlock({ issuer: input.issuer, symbol: `Số ${input.symbol}`, place: input.place, date: input.issuedOn }),
    centre(''),
    ...mark(input.confidentiality),
    ...(input.docType === 'KL'
      ? [centre('KẾT LUẬN', { bold: true, size: 15 }), centre(`CỦA ${input.bodyName.toUpperCase()}`, { bold: true })]
      : [
          centre('THÔNG BÁO', { bold: true, size: 15 }),
          centre(`KẾT LUẬN CỦA ${input.bodyName.toUpperCase()}`, { bold: true }),
        ]),
    centre(meetingTitle.includes(meetingDay) ? at : `${at} ngày ${meetingDay}`, { after: 80 }),
    centre('-----', { after: 240 }),
    body(sentence(input.summary)),
    ...lines,
    centre(''),
    signatureBlock(input.signer, input.recipients.length ? input.recipients : ['Như trên', 'Lưu Văn phòng Tỉnh ủy']),
  ]);
}

export interface MinutesDocInput {
  issuer: string;
  place: string;
  date: string;
  confidentiality: number;
  bodyName: string;
  meetingTitle: string;
  kind: string;
  format: string;
  startsAt: string | null;
  location: string | null;
  chair: string | null;
  /** The chair's office in the body ("Bí thư Tỉnh ủy"). */
  chairTitle?: string | null;
  /** A name ("Nguyễn Thị Hoa, Phó Chánh Văn phòng Tỉnh ủy") or, as some communes record it, an office. */
  secretary: string | null;
  counts: { summoned: number; present: number; absentExcused: number; absent: number; guests: number };
  absences: { name: string; reason: string | null; excused: boolean }[];
  guests: string[];
  sites: { name: string; present: number; summoned: number }[];
  quorum: string | null;
  agenda: { title: string; presentingUnit: string | null; votes: string[] }[];
  text: string;
}

/** A person is "đồng chí …"; an office recorded as the secretary (Văn phòng Đảng ủy xã) is named as it is. */
const OFFICE = /^(Văn phòng|Ban |Ủy ban|Phòng |Bộ phận|Tổ )/u;
const comrade = (s: string) => (OFFICE.test(s) ? s : `đồng chí ${s}`);
/** Under a signature the name alone: "Nguyễn Thị Hoa, Phó Chánh Văn phòng" → "Nguyễn Thị Hoa". */
const nameOnly = (s: string | null) => (s && !OFFICE.test(s) ? s.split(',')[0]!.trim() : '');

export function minutesDocx(input: MinutesDocInput): Promise<Buffer> {
  const c = input.counts;
  const startsAt = input.startsAt ? `${input.startsAt.replace(':', ' giờ ')} phút, ` : '';
  const kind = input.kind ? `; ${input.kind.toLowerCase()}` : '';
  const sites = input.sites.map((s) => `${s.name} (${s.present}/${s.summoned})`).join('; ');
  return partyDocument([
    headerBlock({ issuer: input.issuer, symbol: '', place: input.place, date: input.date }),
    centre(''),
    ...mark(input.confidentiality),
    centre('BIÊN BẢN', { bold: true, size: 15 }),
    centre(`${input.meetingTitle}`, { bold: true }),
    centre(input.bodyName, { after: 80 }),
    centre('-----', { after: 240 }),
    heading('I. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC'),
    body(`Thời gian: ${startsAt}ngày ${formatDateVi(input.date)}. Hình thức: ${input.format}${kind}.`),
    ...(input.location ? [body(sentence(`Địa điểm: ${clause(input.location)}`))] : []),
    heading('II. THÀNH PHẦN'),
    ...(input.chair
      ? [
          body(
            sentence(
              `Chủ trì: đồng chí ${clause(input.chair)}${input.chairTitle ? `, ${clause(input.chairTitle)}` : ''}`,
            ),
          ),
        ]
      : []),
    ...(input.secretary ? [body(sentence(`Thư ký: ${comrade(clause(input.secretary))}`))] : []),
    body(
      `Số ủy viên được triệu tập: ${c.summoned}; có mặt: ${c.present}; vắng có lý do: ${c.absentExcused}; ` +
        `vắng: ${c.absent}${c.guests ? `; khách mời: ${c.guests}` : ''}.`,
    ),
    ...input.absences.map((a) => {
      const reason = a.reason?.trim() ? ` (${clause(a.reason)})` : '';
      return body(`- Đồng chí ${clause(a.name)}: ${a.excused ? 'vắng có lý do' : 'vắng'}${reason}.`, { indent: true });
    }),
    ...(input.guests.length ? [body(`Khách mời: ${input.guests.map(clause).join('; ')}.`)] : []),
    ...(input.sites.length ? [body(`Các điểm cầu (${input.sites.length}): ${sites}.`)] : []),
    ...(input.quorum ? [body(sentence(`Điều kiện hợp lệ: ${clause(input.quorum)}`))] : []),
    heading('III. NỘI DUNG VÀ KẾT QUẢ BIỂU QUYẾT'),
    ...input.agenda.flatMap((a, i) => [
      body(
        sentence(`${i + 1}. ${clause(a.title)}${a.presentingUnit ? ` (${clause(a.presentingUnit)} trình bày)` : ''}`),
      ),
      ...a.votes.map((v) => body(sentence(`Kết quả biểu quyết: ${clause(v)}`), { italics: true })),
    ]),
    heading('IV. DIỄN BIẾN HỘI NGHỊ'),
    // The secretary's record as written, each paragraph closed with its stop (a line in capitals is a heading).
    ...input.text
      .split(/\n+/)
      .filter((l) => l.trim())
      .map((l) => body(inCapitals(l.trim()) ? l.trim() : sentence(l))),
    body('Biên bản được lập xong và thông qua tại hội nghị.', { italics: true }),
    centre(''),
    // The signed blocks of the minutes: the secretary on the left, the chair on the right, each with the name alone.
    twoSignatures(
      { title: 'THƯ KÝ HỘI NGHỊ', name: nameOnly(input.secretary) },
      { title: 'CHỦ TRÌ HỘI NGHỊ', name: input.chair ?? '' },
    ),
  ]);
}

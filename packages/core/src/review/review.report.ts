import { ProblemError } from '../problem/problem.js';
import { formatDateVi } from '../time/date.js';
import { inSentence } from './review.period.js';

/**
 * A review report drafted from the figures, in the outline offices use (I. kết quả; II. hạn chế, khuyết điểm và
 * nguyên nhân; III. nhiệm vụ trọng tâm kỳ tới; IV. kiến nghị, đề xuất). A paragraph's text holds its figures as
 * `{{code}}` or `{{code:BODY}}`, so that every number in the report is the computed one, linked to its evidence;
 * the office rewrites the words around them. A figure can be stated otherwise only with a written explanation,
 * which stays beside it.
 */
export const REPORT_SECTIONS = ['I', 'II', 'III', 'IV'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_HEADINGS: Record<ReportSection, string> = {
  I: 'KẾT QUẢ THỰC HIỆN',
  II: 'HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN',
  III: 'NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
  IV: 'KIẾN NGHỊ, ĐỀ XUẤT',
};

export interface ReportFigure {
  code: string;
  /** The kind of body for figures per body (meetings of the BTV): `meetings_held:BTV`. */
  body?: string;
  value: number;
}

export interface ReportParagraph {
  section: ReportSection;
  text: string;
}

/** A figure stated otherwise than computed, with why. */
export interface FigureOverride {
  key: string;
  stated: number;
  explanation: string;
}

const keyOf = (f: { code: string; body?: string }) => (f.body ? `${f.code}:${f.body}` : f.code);
const PLACEHOLDER = /\{\{([a-z_]+(?::[A-Z_]+)?)\}\}/g;

/** The figure keys a text uses. */
export function figureKeys(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export interface DraftInput {
  orgName: string;
  periodLabel: string;
  asOf: string;
  figures: ReportFigure[];
  /** Body kinds with their names, in the order the report names them (BCH, BTV, TT). */
  bodies: { kind: string; name: string }[];
  /** The departures of the period, each a sentence ending with its clause. */
  deviations: string[];
  /** Shortcomings of earlier reviews and inspections that concern the period: fixed in it, or still open at its end. */
  shortcomings?: { text: string; lead: string; dueDate: string; fixedOn: string | null }[];
}

/** The first draft: sentences around the figures there are, the departures listed with their clauses. */
export function draftReport(d: DraftInput): ReportParagraph[] {
  const has = (k: string) => d.figures.some((f) => keyOf(f) === k);
  const value = (k: string) => d.figures.find((f) => keyOf(f) === k)?.value ?? 0;
  const p: ReportParagraph[] = [];
  const meetings = d.bodies
    .filter((b) => has(`meetings_held:${b.kind}`))
    .map((b) => `${b.name} họp {{meetings_held:${b.kind}}}/{{meetings_required:${b.kind}}} kỳ thường lệ theo quy chế`);
  p.push({
    section: 'I',
    text:
      `1. Thực hiện chế độ làm việc, chế độ họp. Trong ${inSentence(d.periodLabel)}, ` +
      `${meetings.length ? `${meetings.join('; ')}; ` : ''}` +
      'tổ chức {{meetings_other}} hội nghị bất thường, chuyên đề, quán triệt; ' +
      'ban hành {{conclusions_issued}} thông báo kết luận, giao {{conclusion_actions}} nhiệm vụ, ' +
      'trong đó {{conclusion_actions_followed}} nhiệm vụ đã được theo dõi trên hệ thống.',
  });
  p.push({
    section: 'I',
    text:
      '2. Theo dõi, đôn đốc thực hiện nhiệm vụ. Đã giao {{tasks_assigned}} nhiệm vụ; ' +
      'hoàn thành đúng hạn {{tasks_done_on_time}} nhiệm vụ, hoàn thành chậm {{tasks_done_late}} nhiệm vụ; ' +
      '{{tasks_extended}} nhiệm vụ được gia hạn; ' +
      (value('tasks_overdue')
        ? `đến ngày ${formatDateVi(d.asOf)} còn {{tasks_overdue}} nhiệm vụ quá hạn`
        : `đến ngày ${formatDateVi(d.asOf)} không còn nhiệm vụ quá hạn`) +
      '.',
  });
  p.push({
    section: 'I',
    text:
      '3. Thực hiện chương trình làm việc, chương trình kiểm tra, giám sát. ' +
      'Hoàn thành {{program_items_done}}/{{program_items_planned}} nội dung chương trình đến hạn trong kỳ; ' +
      'kết luận {{inspections_concluded}} cuộc kiểm tra, giám sát; ' +
      'kiểm tra việc khắc phục sau kiểm tra {{inspections_remedies_verified}} cuộc.',
  });
  p.push({
    section: 'I',
    text:
      `4. Tiếp nhận, trả lời kiến nghị, đề xuất${value('consultation_recipients') ? '; lấy ý kiến dự thảo' : ''}. ` +
      'Tiếp nhận {{recommendations_received}} kiến nghị, đề xuất; ' +
      'trả lời đúng hạn {{recommendations_answered_on_time}}, trả lời chậm {{recommendations_answered_late}}' +
      (value('recommendations_overdue') ? ', còn {{recommendations_overdue}} kiến nghị quá hạn chưa trả lời' : '') +
      '.' +
      (value('consultation_recipients')
        ? ' Gửi dự thảo xin ý kiến {{consultation_recipients}} lượt đơn vị, ' +
          '{{consultation_answered}} lượt góp ý đúng hạn.'
        : ''),
  });
  const fixed = (d.shortcomings ?? []).filter((x) => x.fixedOn);
  const open = (d.shortcomings ?? []).filter((x) => !x.fixedOn);
  if (fixed.length) {
    p.push({
      section: 'I',
      text:
        '5. Khắc phục hạn chế, khuyết điểm. Đã khắc phục {{shortcomings_fixed}} hạn chế, ' +
        'khuyết điểm nêu ở lần sơ kết, kiểm tra trước:',
    });
    for (const x of fixed)
      p.push({ section: 'I', text: `- ${x.text} (${x.lead} chủ trì; khắc phục ngày ${formatDateVi(x.fixedOn)}).` });
  }
  if (open.length) {
    p.push({
      section: 'II',
      text: 'Còn {{shortcomings_open}} hạn chế, khuyết điểm chưa khắc phục xong, chuyển sang kỳ sau:',
    });
    for (const x of open)
      p.push({ section: 'II', text: `- ${x.text} (${x.lead} chủ trì; hạn ${formatDateVi(x.dueDate)}).` });
  }
  p.push({
    section: 'II',
    text: d.deviations.length
      ? `Trong kỳ có {{deviations}} trường hợp chưa đúng quy chế làm việc:`
      : 'Trong kỳ không phát hiện trường hợp nào chưa đúng quy chế làm việc.',
  });
  for (const x of d.deviations) p.push({ section: 'II', text: `- ${x}` });
  p.push({
    section: 'II',
    text: 'Nguyên nhân: (văn phòng ghi nguyên nhân chủ quan, khách quan của các hạn chế trên).',
  });
  p.push({
    section: 'III',
    text:
      (value('tasks_overdue') ? 'Tập trung hoàn thành dứt điểm {{tasks_overdue}} nhiệm vụ quá hạn; t' : 'T') +
      'hực hiện nghiêm chế độ họp, thời hạn gửi tài liệu và ban hành thông báo kết luận theo quy chế' +
      (d.deviations.length ? '; khắc phục các hạn chế nêu tại Mục II' : '') +
      '.',
  });
  p.push({ section: 'IV', text: '(Văn phòng ghi các kiến nghị, đề xuất với cấp trên.)' });
  return p;
}

/** The text with its figures filled in: the stated value where one is explained, the computed one otherwise. */
export function renderParagraph(
  text: string,
  figures: ReportFigure[],
  overrides: FigureOverride[] = [],
  fmt: (n: number) => string = (n) => n.toLocaleString('vi-VN'),
): string {
  const computed = new Map(figures.map((f) => [keyOf(f), f.value]));
  const stated = new Map(overrides.map((o) => [o.key, o.stated]));
  return text.replace(PLACEHOLDER, (m, k: string) => {
    const v = stated.get(k) ?? computed.get(k);
    return v === undefined ? m : fmt(v);
  });
}

/**
 * Checks the office's edit of a report: every `{{…}}` names a figure of the review, and a figure stated otherwise
 * than computed carries an explanation. Refusals name the paragraph or the figure by its label.
 */
export function checkReportEdit(
  paragraphs: ReportParagraph[],
  overrides: FigureOverride[],
  figures: ReportFigure[],
  labelOf: (key: string) => string,
): void {
  const computed = new Map(figures.map((f) => [keyOf(f), f.value]));
  paragraphs.forEach((p, i) => {
    for (const k of figureKeys(p.text)) {
      if (!computed.has(k))
        throw new ProblemError('VALIDATION_FAILED', {
          code: 'SO_LIEU_KHONG_CO',
          field: `body.paragraphs[${i}].text`,
          detail: `Đoạn ${i + 1} dẫn số liệu "${k}" mà kỳ sơ kết không có`,
        });
    }
  });
  overrides.forEach((o, i) => {
    const value = computed.get(o.key);
    if (value === undefined)
      throw new ProblemError('VALIDATION_FAILED', {
        code: 'SO_LIEU_KHONG_CO',
        field: `body.overrides[${i}].key`,
        detail: `Kỳ sơ kết không có số liệu "${o.key}"`,
      });
    if (o.stated !== value && !o.explanation.trim()) {
      throw new ProblemError('VALIDATION_FAILED', {
        code: 'THIEU_GIAI_TRINH_SO_LIEU',
        field: `body.overrides[${i}].explanation`,
        detail:
          `Số liệu "${labelOf(o.key)}" tính từ hồ sơ là ${value}, báo cáo ghi ${o.stated}: ` +
          `cần ghi rõ lý do (giải trình) cho số liệu đã sửa`,
      });
    }
  });
}

/**
 * The text as the office edits it: each figure shown by its label in double brackets ("[[Hoàn thành đúng hạn]]"),
 * never by its code; `fromEditable` turns the labels back. A label the review does not have is refused, naming it.
 */
export function toEditable(text: string, labelOf: (key: string) => string): string {
  return text.replace(PLACEHOLDER, (_m, k: string) => `[[${labelOf(k)}]]`);
}

export function fromEditable(
  text: string,
  keys: string[],
  labelOf: (key: string) => string,
  field = 'body.paragraphs',
): string {
  const byLabel = new Map(keys.map((k) => [labelOf(k).toLocaleLowerCase('vi'), k]));
  return text.replace(/\[\[([^\]]{1,200})\]\]/g, (_m, label: string) => {
    const k = byLabel.get(label.trim().toLocaleLowerCase('vi'));
    if (!k)
      throw new ProblemError('VALIDATION_FAILED', {
        code: 'SO_LIEU_KHONG_CO',
        field,
        detail: `Không có số liệu "${label.trim()}" trong kỳ sơ kết: chọn số liệu trong danh sách bên cạnh`,
      });
    return `{{${k}}}`;
  });
}

/**
 * The regulation's matter a report is: a quarter's, half-year's or nine months' review (sơ kết) is adopted by the
 * body the regulation names for SO_KET_CONG_TAC (the BTV in 01-QC/TU), a year's, mid-term or full-term review
 * (tổng kết) by the one for TONG_KET_CONG_TAC (the BCH), the report on the working regulation by the one for
 * BAO_CAO_THUC_HIEN_QUY_CHE.
 */
export function reportMatter(kind: 'period' | 'regulation', periodKind: string, days: number): string {
  if (kind === 'regulation') return 'BAO_CAO_THUC_HIEN_QUY_CHE';
  if (periodKind === 'quarter' || periodKind === 'half' || periodKind === 'nine_months') return 'SO_KET_CONG_TAC';
  if (periodKind === 'custom') return days <= 275 ? 'SO_KET_CONG_TAC' : 'TONG_KET_CONG_TAC';
  return 'TONG_KET_CONG_TAC';
}

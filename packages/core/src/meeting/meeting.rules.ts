import type { Answer, ConferenceQuotaAnswer } from '../regulation/engine.js';
import { citeVi } from '../regulation/reg.parse.js';

/**
 * Meetings under the regulation: the life cycle as an explicit graph, document symbols numbered per
 * issuer, type and term (R14), and the yearly conference quotas (R10).
 */
export const MEETING_STATES = [
  'planned',
  'convened',
  'documents_sent',
  'in_session',
  'closed',
  'minutes_approved',
  'cancelled',
] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const MEETING_TRANSITIONS: Record<MeetingState, readonly MeetingState[]> = {
  planned: ['convened', 'cancelled'],
  convened: ['documents_sent', 'in_session', 'cancelled'],
  documents_sent: ['in_session', 'cancelled'],
  in_session: ['closed'],
  closed: ['minutes_approved'],
  minutes_approved: [],
  cancelled: [],
};

export const MEETING_STATE_LABELS: Record<MeetingState, { vi: string; en: string }> = {
  planned: { vi: 'Dự kiến', en: 'Planned' },
  convened: { vi: 'Đã triệu tập', en: 'Convened' },
  documents_sent: { vi: 'Đã gửi tài liệu', en: 'Documents sent' },
  in_session: { vi: 'Đang họp', en: 'In session' },
  closed: { vi: 'Đã bế mạc', en: 'Closed' },
  minutes_approved: { vi: 'Đã thông qua biên bản', en: 'Minutes approved' },
  cancelled: { vi: 'Hủy', en: 'Cancelled' },
};

export const MEETING_KINDS = [
  'regular',
  'extraordinary',
  'thematic',
  'expanded',
  'briefing',
  'written_consultation',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, { vi: string; en: string }> = {
  regular: { vi: 'Thường lệ', en: 'Regular' },
  extraordinary: { vi: 'Bất thường', en: 'Extraordinary' },
  thematic: { vi: 'Chuyên đề', en: 'Thematic' },
  expanded: { vi: 'Mở rộng', en: 'Expanded' },
  briefing: { vi: 'Giao ban', en: 'Briefing' },
  written_consultation: { vi: 'Lấy ý kiến bằng văn bản', en: 'Written consultation' },
};

export const MEETING_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export const MEETING_FORMAT_LABELS: Record<MeetingFormat, { vi: string; en: string }> = {
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  hybrid: { vi: 'Trực tiếp kết hợp trực tuyến', en: 'Hybrid' },
};

export function canMoveMeeting(from: MeetingState, to: MeetingState): { ok: boolean; reason_vi: string } {
  return MEETING_TRANSITIONS[from].includes(to)
    ? { ok: true, reason_vi: 'Được phép' }
    : {
        ok: false,
        reason_vi:
          `Không chuyển được hội nghị từ "${MEETING_STATE_LABELS[from].vi}" sang ` + `"${MEETING_STATE_LABELS[to].vi}"`,
      };
}

/**
 * The position line under "T/M BAN THƯỜNG VỤ" (36-HD/VPTW): a party committee's documents are signed on behalf of the
 * collective by its secretary or a deputy secretary, each under his own office ("T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ").
 */
export const SIGNING_POSITIONS: Readonly<Record<string, string>> = {
  BI_THU: 'BÍ THƯ',
  PHO_BI_THU_TT: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
  PHO_BI_THU: 'PHÓ BÍ THƯ',
};

/** A meeting is moved to another date only before it opens: once in session, held or cancelled its date is history. */
export const RESCHEDULABLE_STATES: readonly MeetingState[] = ['planned', 'convened', 'documents_sent'];

export function canReschedule(state: MeetingState): { ok: boolean; reason_vi: string } {
  if (RESCHEDULABLE_STATES.includes(state)) return { ok: true, reason_vi: 'Được phép' };
  const why: Partial<Record<MeetingState, string>> = {
    in_session: 'hội nghị đang họp',
    closed: 'hội nghị đã bế mạc',
    minutes_approved: 'hội nghị đã họp xong và đã thông qua biên bản',
    cancelled: 'hội nghị đã bị hủy',
  };
  return {
    ok: false,
    reason_vi:
      `Không dời ngày họp được: ${why[state] ?? MEETING_STATE_LABELS[state].vi.toLocaleLowerCase('vi')}. ` +
      `Chỉ dời được hội nghị dự kiến hoặc đã triệu tập, chưa khai mạc.`,
  };
}

/** Party document type codes (DOMAIN.md §4, 36-HD/VPTW). */
export const DOCUMENT_TYPES: Record<string, string> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  KL: 'Kết luận',
  QC: 'Quy chế',
  TB: 'Thông báo',
  BC: 'Báo cáo',
  KH: 'Kế hoạch',
  CTr: 'Chương trình',
  HD: 'Hướng dẫn',
  TTr: 'Tờ trình',
  ĐA: 'Đề án',
  CV: 'Công văn',
  BB: 'Biên bản',
};

/** `12-TB/TU`: number, type code, issuer symbol. Numbers restart at 01 per type, issuer and term (R14). */
export function documentSymbol(n: number, type: string, issuer: string): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('Số văn bản là số nguyên dương');
  if (!(type in DOCUMENT_TYPES)) throw new RangeError(`Không có loại văn bản "${type}"`);
  return `${String(n).padStart(2, '0')}-${type}/${issuer}`;
}

export function parseDocumentSymbol(symbol: string): { number: number; type: string; issuer: string } | null {
  const m = /^(\d+)-([A-Za-zĐđ]+)\/([A-Za-zĐđ0-9]+)$/u.exec(symbol.trim());
  if (!m || !(m[2]! in DOCUMENT_TYPES)) return null;
  return { number: Number(m[1]), type: m[2]!, issuer: m[3]! };
}

/** Meetings that count as conferences (hội nghị) for the yearly quotas: BCH conferences and the conference kinds. */
export function isConference(m: { bodyKind: string; kind: MeetingKind | string }): boolean {
  return (
    m.kind !== 'written_consultation' &&
    (m.bodyKind === 'BCH' || m.kind === 'thematic' || m.kind === 'expanded' || m.kind === 'briefing')
  );
}

export interface QuotaYear {
  total: number;
  inPerson: number;
  provinceWide: number;
  lastYearTotal: number | null;
}

/**
 * R10 (226-KL/TW) on a year's conferences against the quotas the regulation sets (engine `conferenceQuota`), with
 * exact integer comparisons; a quota the regulation does not set is not checked, and last year's total may be unknown.
 */
export function checkConferenceQuota(year: QuotaYear, quota: Answer<ConferenceQuotaAnswer>) {
  const q = quota.result;
  const pct = (a: number, b: number) => (b === 0 ? '0' : ((100 * a) / b).toFixed(1).replace('.', ','));
  const basis = citeVi(quota.eIds[0] ?? '');
  const items: { code: string; ok: boolean | null; message_vi: string }[] = [];
  if (q.maxInPersonShare) {
    const { num, den } = q.maxInPersonShare;
    const ok = year.inPerson * den <= year.total * num;
    items.push({
      code: 'TY_LE_TRUC_TIEP',
      ok,
      message_vi:
        `Hội nghị trực tiếp ${year.inPerson}/${year.total} (${pct(year.inPerson, year.total)}%), ` +
        `tối đa ${pct(num, den)}% (${basis})`,
    });
  }
  if (q.maxProvinceWide !== null) {
    items.push({
      code: 'HOI_NGHI_TOAN_TINH',
      ok: year.provinceWide <= q.maxProvinceWide,
      message_vi: `Hội nghị toàn tỉnh ${year.provinceWide}, tối đa ${q.maxProvinceWide} (${basis})`,
    });
  }
  if (q.minReduction) {
    const { num, den } = q.minReduction;
    if (year.lastYearTotal === null) {
      items.push({
        code: 'GIAM_SO_HOI_NGHI',
        ok: null,
        message_vi: `Chưa có số hội nghị năm trước để so sánh (cần giảm ít nhất ${pct(num, den)}%; ${basis})`,
      });
    } else {
      // total ≤ lastYear × (1 − r)  ⇔  total·den ≤ lastYear·(den − num)
      const ok = year.total * den <= year.lastYearTotal * (den - num);
      items.push({
        code: 'GIAM_SO_HOI_NGHI',
        ok,
        message_vi:
          `Tổng số hội nghị ${year.total} so với năm trước ${year.lastYearTotal} (giảm ` +
          `${pct(year.lastYearTotal - year.total, year.lastYearTotal)}%), ` +
          `cần giảm ít nhất ${pct(num, den)}% (${basis})`,
      });
    }
  }
  return { ok: items.every((i) => i.ok !== false), items, ruleIds: quota.ruleIds, eIds: quota.eIds };
}

import { addDays, addWorkingDays, foldVietnamese, formatDateVi, VIETNAM_CALENDAR } from '@quyche/core';
import type { Batch } from './batch.js';

/**
 * Tân Lập's 2026 meetings under its own regulation (regulations/an-lac/xa-tan-lap.qc.md: the BCH monthly, the BTV
 * twice a month), up to the demo's day, each with its conclusion notice — so that the commune's own six-month review
 * has a record. Three departures are planted: the BTV met once in February (Tết), the documents of the BCH's May
 * meeting went out the day before, and the notice of the BTV's 11/06 session came out late.
 */
export interface CommuneMeetingContext {
  org: string;
  orgName: string;
  termId: string;
  bch: string;
  btv: string;
  secretary: string;
  today: string;
}

const BCH_DATES = [
  '2026-01-06',
  '2026-02-03',
  '2026-03-03',
  '2026-04-07',
  '2026-05-05',
  '2026-06-02',
  '2026-07-07',
  '2026-08-04',
  '2026-09-08',
  '2026-10-06',
  '2026-11-03',
];
const BTV_DATES = [
  '2026-01-08',
  '2026-01-22',
  '2026-02-05',
  '2026-03-12',
  '2026-03-26',
  '2026-04-09',
  '2026-04-23',
  '2026-05-14',
  '2026-05-28',
  '2026-06-11',
  '2026-06-25',
  '2026-07-09',
  '2026-07-23',
  '2026-08-13',
  '2026-08-27',
  '2026-09-10',
  '2026-09-24',
  '2026-10-08',
  '2026-10-22',
  '2026-11-12',
  '2026-11-26',
];

function workingDaysBefore(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (VIETNAM_CALENDAR.isWorkingDay(d)) left--;
  }
  return d;
}

export function seedCommuneMeetings(b: Batch, c: CommuneMeetingContext) {
  const plans = [
    ...BCH_DATES.map((date) => ({ date, body: 'BCH' as const })),
    ...BTV_DATES.map((date) => ({ date, body: 'BTV' as const })),
  ]
    .filter((p) => p.date < c.today)
    .sort((a, b) => a.date.localeCompare(b.date));
  let number = 0;
  for (const p of plans) {
    const bodyName = p.body === 'BCH' ? `Ban Chấp hành Đảng bộ ${c.orgName}` : `Ban Thường vụ Đảng ủy ${c.orgName}`;
    const meetingName = p.body === 'BCH' ? 'Hội nghị Ban Chấp hành Đảng bộ' : 'Phiên họp Ban Thường vụ Đảng ủy';
    const title = `${meetingName} ${c.orgName} tháng ${Number(p.date.slice(5, 7))}/2026`;
    const documentsSent =
      p.date === '2026-05-05' ? addDays(p.date, -1) : workingDaysBefore(p.date, p.body === 'BCH' ? 6 : 4);
    const id = b.add('meeting', {
      org_id: c.org,
      body_id: p.body === 'BCH' ? c.bch : c.btv,
      kind: 'regular',
      state: 'minutes_approved',
      title,
      meeting_date: p.date,
      location: 'Hội trường Đảng ủy xã',
      format: 'in_person',
      province_wide: false,
      convened_by: p.body === 'BCH' ? 'BTV' : 'TT',
      convening_ref: p.body === 'BCH' ? 'Giấy triệu tập của Ban Thường vụ Đảng ủy' : 'Giấy mời của Thường trực Đảng ủy',
      documents_sent_on: documentsSent,
      opened_on: p.date,
      closed_on: p.date,
      minutes_text:
        `Biên bản ${title.toLowerCase().replace(/^h/, 'h')}: nghe báo cáo tình hình tháng, ` +
        'thảo luận và kết luận các nội dung theo chương trình.',
      minutes_approved_on: p.date,
      chair_person_id: c.secretary,
      secretary_name: 'Văn phòng Đảng ủy xã',
      confidentiality: 0,
      search_text: foldVietnamese(title),
    });
    number++;
    const issuedOn =
      p.date === '2026-06-11'
        ? addWorkingDays(p.date, 6, VIETNAM_CALENDAR)
        : addWorkingDays(p.date, 2, VIETNAM_CALENDAR);
    const symbol = `${number}-TB/ĐU`;
    const doc = b.add('issued_document', {
      org_id: c.org,
      term_id: c.termId,
      doc_type: 'TB',
      number,
      symbol,
      title: `Thông báo kết luận ${title}`,
      issued_on: issuedOn,
      confidentiality: 0,
    });
    b.add('conclusion', {
      org_id: c.org,
      meeting_id: id,
      issued_document_id: doc,
      symbol,
      issued_on: issuedOn,
      summary:
        `Ngày ${formatDateVi(p.date)}, ${bodyName} họp, nghe báo cáo tình hình thực hiện nhiệm vụ và cho ý kiến ` +
        `các nội dung theo chương trình. ${p.body === 'BCH' ? 'Ban Chấp hành' : 'Ban Thường vụ'} kết luận như sau:`,
      signer_person_id: c.secretary,
      signer_for: p.body === 'BCH' ? 'T/M ĐẢNG ỦY' : 'T/M BAN THƯỜNG VỤ',
      signer_position: 'BÍ THƯ',
      recipients: JSON.stringify(['Các đồng chí Đảng ủy viên', 'Các chi bộ trực thuộc', 'Lưu Văn phòng Đảng ủy']),
    });
  }
  b.addRow('document_counter', { issuer_org_id: c.org, doc_type: 'TB', term_id: c.termId, last_number: number });
  return { meetings: plans.length };
}

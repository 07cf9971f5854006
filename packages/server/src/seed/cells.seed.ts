import { createHash } from 'node:crypto';
import { addDays, foldVietnamese } from '@quyche/core';
import type { Batch } from './batch.js';

/** A cell's assembly meeting: where, and its members (the first chairs). */
interface MeetingPlace {
  cell: string;
  assembly: string;
  members: string[];
  location: string;
}

/** The tables of the cells' record, in the order they are written (after the people and the meetings). */
export const CELL_TABLES = ['party_member', 'member_exemption', 'member_dues', 'member_plan', 'member_plan_item'];

export interface CellSeedContext {
  /** Chi bộ Phòng Tổng hợp, Văn phòng Tỉnh ủy: its twelve members, the first its secretary. */
  cell: string;
  cellName: string;
  assembly: string;
  members: string[];
  /** Tân Lập's village cells: each one's probationary member. */
  probationers: { cell: string; person: string }[];
  /** Tân Lập's village cells with their assembly and members (the first the secretary): they meet every month. */
  villages: { cell: string; name: string; assembly: string; members: string[] }[];
}

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'];
/** The cell did not meet in August (the deviation report's case). */
const SKIPPED = '08';
/** Planted: two members absent three months without a reason, one excused (not counted), one exempted from April. */
const ABSENT: Record<number, string[]> = { 4: ['02', '05', '09'], 5: ['03', '04', '10'], 6: ['11'], 7: [] };
const EXCUSED: Record<number, string[]> = { 6: ['06', '07'] };
const EXEMPT_FROM = '2026-04-01';
/** Dues unpaid three months: one member. */
const UNPAID: Record<number, string[]> = { 8: ['02', '03', '06'] };

const COMMON = 'Thường xuyên học tập, quán triệt nghị quyết của Đảng; chấp hành nghiêm Quy chế làm việc của chi bộ.';
const COPIED = [
  'Tham mưu xây dựng 02 báo cáo chuyên đề về công tác văn phòng cấp ủy, hoàn thành trước 30/6/2026.',
  'Số hóa 100% hồ sơ, tài liệu lưu trữ năm 2025 của phòng, bàn giao kho lưu trữ trước 30/9/2026.',
  'Rút ngắn thời gian xử lý văn bản đến xuống còn 01 ngày làm việc, báo cáo kết quả hằng quý.',
  'Tham gia đầy đủ sinh hoạt chi bộ và sinh hoạt tại nơi cư trú; gương mẫu chấp hành đóng đảng phí.',
];
const OWN = [
  'Biên tập 12 số bản tin nội bộ của Văn phòng, phát hành đúng ngày 05 hằng tháng.',
  'Hoàn thành lớp bồi dưỡng lý luận chính trị trung cấp, đạt loại khá trở lên.',
  'Hướng dẫn 05 đảng ủy xã sử dụng phần mềm quản lý văn bản, có biên bản bàn giao.',
  'Rà soát, đề xuất sửa đổi 03 quy trình nội bộ về lễ tân, hậu cần hội nghị trước quý III.',
  'Tổ chức 04 buổi tập huấn nghiệp vụ lưu trữ cho văn thư các ban, có danh sách học viên.',
  'Theo dõi, tổng hợp tiến độ 20 nhiệm vụ Ban Thường vụ giao, báo cáo hằng tháng.',
  'Vận động gia đình và 10 hộ ở tổ dân phố nơi cư trú phân loại rác tại nguồn.',
  'Chuẩn bị tài liệu 06 hội nghị Ban Chấp hành, gửi đúng thời hạn theo quy chế.',
  'Xây dựng cơ sở dữ liệu kết luận của Ban Thường vụ từ năm 2020, hoàn thành tháng 10.',
  'Kèm cặp 01 đồng chí mới tuyển dụng, đánh giá kết quả sau 6 tháng.',
  'Đề xuất 02 sáng kiến cải tiến lề lối làm việc, được Văn phòng công nhận.',
  'Kiểm tra 100% văn bản trình ký về thể thức trước khi phát hành.',
  'Hoàn thành chứng chỉ tin học nâng cao trước ngày 31/8/2026.',
  'Tham gia đoàn công tác giám sát 02 đảng bộ xã, viết báo cáo phần được giao.',
];
/** Each plan item's product and date (the check of measurable items reads them); the general one has neither. */
const ITEM_PRODUCT: Record<string, [string, string] | null> = {
  [COPIED[0]!]: ['02 báo cáo chuyên đề', '2026-06-30'],
  [COPIED[1]!]: ['Kho hồ sơ số hóa, biên bản bàn giao', '2026-09-30'],
  [COPIED[2]!]: ['Báo cáo quý về thời gian xử lý văn bản', '2026-12-31'],
  [COPIED[3]!]: null,
  [OWN[0]!]: ['12 số bản tin', '2026-12-05'],
  [OWN[1]!]: ['Bằng trung cấp lý luận chính trị', '2026-11-30'],
  [OWN[2]!]: ['05 biên bản bàn giao', '2026-10-31'],
  [OWN[3]!]: ['03 quy trình sửa đổi', '2026-06-30'],
  [OWN[4]!]: ['04 buổi tập huấn, danh sách học viên', '2026-11-30'],
  [OWN[5]!]: ['12 báo cáo tháng', '2026-12-31'],
  [OWN[6]!]: ['10 hộ phân loại rác', '2026-12-31'],
  [OWN[7]!]: ['Tài liệu 06 hội nghị', '2026-12-31'],
  [OWN[8]!]: ['Cơ sở dữ liệu kết luận', '2026-10-31'],
  [OWN[9]!]: ['Phiếu đánh giá sau 6 tháng', '2026-09-30'],
  [OWN[10]!]: ['02 sáng kiến được công nhận', '2026-11-30'],
  [OWN[11]!]: ['Sổ kiểm tra thể thức', '2026-12-31'],
  [OWN[12]!]: ['Chứng chỉ tin học nâng cao', '2026-08-31'],
  [OWN[13]!]: ['Báo cáo phần được giao', '2026-10-31'],
};

const DECEMBER_DOCUMENTS: [string, string][] = [
  [
    'Dự thảo Nghị quyết sinh hoạt chi bộ tháng 12/2026',
    'DỰ THẢO NGHỊ QUYẾT SINH HOẠT CHI BỘ THÁNG 12/2026\n\n1. Kết quả tháng 11: hoàn thành 18/20 nhiệm vụ; ' +
      '2 nhiệm vụ chuyển sang tháng 12.\n2. Nhiệm vụ tháng 12: tổng kết công tác năm 2026; đánh giá, xếp loại ' +
      'chất lượng đảng viên; hoàn thành kế hoạch hành động cá nhân.\n',
  ],
  [
    'Báo cáo kết quả thực hiện nhiệm vụ tháng 11/2026',
    'BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 11/2026\n\nChi bộ Phòng Tổng hợp đã tham mưu 06 văn bản, ' +
      'tổ chức 02 hội nghị; 11/12 đảng viên dự sinh hoạt tháng 11.\n',
  ],
];

/** Members whose plans are the same plan copied, one item changed in each copy. */
const COPY_GROUP = [2, 3, 9, 10, 11];

/**
 * The 2026 record of one cell and the probations of Tân Lập's villages, for the members' pages, the alerts and the
 * copied-plan check: the cell's monthly meetings (August skipped) and quarterly thematic ones with attendance, an
 * exempted member, dues by month, the members' commitments and plans (five of them copies of one).
 */
export function seedCellRecord(b: Batch, c: CellSeedContext) {
  c.members.forEach((person, i) => {
    const admitted = `${1996 + i}-${String((i % 9) + 1).padStart(2, '0')}-15`;
    b.addRow('party_member', {
      person_id: person,
      org_id: c.cell,
      admitted_on: admitted,
      official_on: `${1997 + i}${admitted.slice(4)}`,
      card_number: `${String(79_000_000 + i * 731)}`,
      citizen_id_hash: null,
      citizen_id_tail: String(100 + ((i * 37) % 900)),
      // Salaried: 1 % of the salary on which social insurance is paid (Quy định 01-QĐ/TW Điều 3 khoản 1).
      dues_category: 'salary',
      dues_base: 6_000_000 + i * 250_000,
      dues_region: 'I',
    });
  });
  // Probations: one ending 20/12/2026 (the cell is told from 20/11), one ended 25/11/2026, the others later.
  const ADMITTED = ['2025-12-20', '2026-03-10', '2025-11-25', '2026-06-01', '2026-06-01'];
  c.probationers.forEach((p, i) => {
    b.addRow('party_member', {
      person_id: p.person,
      org_id: p.cell,
      admitted_on: ADMITTED[i % ADMITTED.length]!,
      official_on: null,
      card_number: null,
      citizen_id_hash: null,
      citizen_id_tail: null,
      dues_category: null,
      dues_base: null,
      dues_region: null,
    });
  });
  const office: MeetingPlace = {
    cell: c.cell,
    assembly: c.assembly,
    members: c.members,
    location: 'Phòng họp Văn phòng Tỉnh ủy',
  };
  b.add('member_exemption', {
    org_id: c.cell,
    person_id: c.members[7]!,
    valid_from: EXEMPT_FROM,
    valid_until: null,
    reason: 'Tuổi cao, sức yếu, được miễn công tác và sinh hoạt đảng',
    decided_by: 'Đảng ủy cơ quan Văn phòng Tỉnh ủy',
  });

  const meeting = (date: string, kind: 'regular' | 'thematic', title: string, at: MeetingPlace = office) =>
    b.add('meeting', {
      org_id: at.cell,
      body_id: at.assembly,
      kind,
      state: 'minutes_approved',
      title,
      meeting_date: date,
      starts_at: '16:00',
      location: at.location,
      format: 'in_person',
      province_wide: false,
      convened_by: 'CHI_UY',
      convening_ref: 'Thông báo của Chi ủy',
      documents_sent_on: addDays(date, -1),
      opened_on: date,
      closed_on: date,
      minutes_text: `Biên bản ${title.charAt(0).toLowerCase()}${title.slice(1)}.`,
      minutes_approved_on: date,
      chair_person_id: at.members[0]!,
      secretary_name: 'Chi ủy viên',
      confidentiality: 0,
      search_text: foldVietnamese(title),
    });
  const attend = (meetingId: string, month: string, thematic: boolean) =>
    c.members.forEach((person, i) => {
      const absent = !thematic && (ABSENT[i]?.includes(month) || (i === 7 && `2026-${month}-01` >= EXEMPT_FROM));
      const excused = !thematic && EXCUSED[i]?.includes(month);
      b.add('meeting_attendance', {
        org_id: c.cell,
        meeting_id: meetingId,
        person_id: person,
        role: 'member',
        status: absent ? 'absent' : excused ? 'absent_excused' : 'present',
        reason: excused ? 'Đi công tác theo quyết định của cơ quan' : null,
      });
    });
  for (const month of MONTHS) {
    if (month === SKIPPED) continue;
    const date = `2026-${month}-05`;
    attend(meeting(date, 'regular', `Sinh hoạt ${c.cellName} thường kỳ tháng ${Number(month)}/2026`), month, false);
    if (['03', '06', '09'].includes(month))
      attend(
        meeting(addDays(date, 7), 'thematic', `Sinh hoạt chuyên đề quý ${Number(month) / 3}/2026 của ${c.cellName}`),
        month,
        true,
      );
  }

  // December's meeting, convened for the 11th: the members open its documents on their phones beforehand.
  const december = b.add('meeting', {
    org_id: c.cell,
    body_id: c.assembly,
    kind: 'regular',
    state: 'documents_sent',
    title: `Sinh hoạt ${c.cellName} thường kỳ tháng 12/2026`,
    meeting_date: '2026-12-11',
    starts_at: '16:00',
    location: office.location,
    format: 'in_person',
    province_wide: false,
    convened_by: 'CHI_UY',
    convening_ref: 'Thông báo của Chi ủy',
    documents_sent_on: '2026-12-01',
    confidentiality: 0,
    search_text: foldVietnamese(`Sinh hoạt ${c.cellName} thường kỳ tháng 12/2026`),
  });
  for (const person of c.members)
    b.add('meeting_attendance', {
      org_id: c.cell,
      meeting_id: december,
      person_id: person,
      role: 'member',
      status: 'summoned',
      reason: null,
    });
  for (const [title, text] of DECEMBER_DOCUMENTS) {
    const content = Buffer.from(text, 'utf8');
    b.add('meeting_document', {
      org_id: c.cell,
      meeting_id: december,
      title,
      doc_type: 'BC',
      confidentiality: 0,
      file_name: `${foldVietnamese(title).replace(/[^a-z0-9]+/g, '-')}.txt`,
      media_type: 'text/plain',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
    });
  }

  // The villages' cells meet every month and hold the quarter's thematic meeting; every member present.
  for (const v of c.villages) {
    const at = { ...v, location: `Nhà văn hóa ${v.name.replace('Chi bộ ', '')}` };
    for (const month of MONTHS) {
      const held = [
        meeting(`2026-${month}-10`, 'regular', `Sinh hoạt ${v.name} thường kỳ tháng ${Number(month)}/2026`, at),
      ];
      if (['03', '06', '09'].includes(month))
        held.push(
          meeting(
            `2026-${month}-20`,
            'thematic',
            `Sinh hoạt chuyên đề quý ${Number(month) / 3}/2026 của ${v.name}`,
            at,
          ),
        );
      for (const meetingId of held)
        for (const person of v.members)
          b.add('meeting_attendance', {
            org_id: v.cell,
            meeting_id: meetingId,
            person_id: person,
            role: 'member',
            status: 'present',
            reason: null,
          });
    }
  }

  c.members.forEach((person, i) => {
    for (const month of MONTHS) {
      const unpaid = UNPAID[i]?.includes(month);
      b.add('member_dues', {
        org_id: c.cell,
        person_id: person,
        month: `2026-${month}`,
        status: unpaid ? 'unpaid' : 'paid',
        // The month's dues (1 % of the salary the member declared, QĐ 01-QĐ/TW Điều 3): paid or owed.
        amount: 60_000 + i * 2_500,
        // Quy định 01-QĐ/TW applies from February; January was paid under Quyết định 342-QĐ/TW.
        due_amount: month === '01' ? null : 60_000 + i * 2_500,
        paid_on: unpaid ? null : `2026-${month}-10`,
      });
    }
  });

  c.members.forEach((person, i) => {
    const copy = COPY_GROUP.indexOf(i);
    const items =
      copy >= 0
        ? COPIED.map((t, k) => (copy > 0 && k === copy - 1 ? OWN[(i + k) % OWN.length]! : t))
        : [OWN[i % OWN.length]!, OWN[(i + 5) % OWN.length]!, OWN[(i + 9) % OWN.length]!];
    const plan = b.add('member_plan', {
      org_id: c.cell,
      person_id: person,
      year: 2026,
      commitment: COMMON,
      search_text: foldVietnamese(items.join(' ')),
    });
    items.forEach((text, position) => {
      b.add('member_plan_item', {
        plan_id: plan,
        position: position + 1,
        text,
        product: ITEM_PRODUCT[text]?.[0] ?? null,
        due_date: ITEM_PRODUCT[text]?.[1] ?? null,
      });
    });
  });
}

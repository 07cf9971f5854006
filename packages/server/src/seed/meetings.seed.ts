import { readFileSync } from 'node:fs';
import {
  addDays,
  addWorkingDays,
  checkSixClear,
  documentSymbol,
  foldVietnamese,
  isQuorate,
  latestDispatch,
  parseOrThrow,
  VIETNAM_CALENDAR,
  voteOutcome,
} from '@quyche/core';
import type { TaskDraft } from '@quyche/core';
import { uuidv7, voteRow } from '@quyche/db';
import type { Batch } from './batch.js';
import { externalUnit, fixtureUnits } from './units.seed.js';
import type { SeedBodies, SeedOrgs } from './units.seed.js';

/**
 * An Lạc's 2026 meetings (shared/fixtures/an-lac.md §4) as they would stand on 01/12/2026: BCH conferences, BTV
 * sessions and Monday TT meetings with agendas, attendance, votes, minutes and numbered conclusions; two province-wide
 * online conferences with 96 connection points, two briefings and a written consultation. The anomalies placed here
 * (docs/demo-2026.md) are what the deviation report must find — exactly these:
 *  1. September: one BTV session (22/9 was cancelled and not held again) — khoản 1 Điều 13;
 *  2. the week of 15/6: no TT meeting — khoản 1 Điều 14 (the week of 16/2 is Tết: excused);
 *  3. the BTV session of 19/5: documents sent on 18/5, one working day ahead instead of three — khoản 2 Điều 13;
 *  4. the BTV session of 9/6: its conclusion notice issued on 19/6, after the five working days — khoản 1 Điều 17;
 *  5. the TT meeting of 19/1: the Ban Nội chính's own matter (fixture task 7) put before the TT — khoản 2 Điều 18.
 */
export const DEMO_TODAY = '2026-12-01';

/** A conclusion's action item as seeded, for the follow-up seed to turn into the fixture's task. */
export interface SeededAction {
  itemId: string;
  conclusionSymbol: string;
  bodyId: string;
  meetingDate: string;
  issuedOn: string;
  /** The item as planned, its supervisor and meeting due at by their ids. */
  action: Omit<Action, 'supervisor' | 'dueMeeting'> & { supervisorId: string; dueMeetingId: string | null };
}

export interface MeetingSeedContext {
  org: string;
  termId: string;
  bodies: SeedBodies;
  orgs: SeedOrgs;
  people: Map<string, string>;
  names: Map<string, string>;
  communes: { id: string; name: string; secretary: string; secretaryName: string }[];
}

export const regulation = parseOrThrow(
  readFileSync(new URL('../../../../regulations/an-lac/01-QC-TU.qc.md', import.meta.url), 'utf8'),
);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Body = 'BCH' | 'BTV' | 'TT';
interface Item {
  title: string;
  matter?: string;
  attrs?: Record<string, number>;
  topic?: string;
  unit?: string;
  vote?: boolean;
  confidential?: boolean;
  /** The TT reports back on what it decided since the last BTV session (khoản 2 Điều 3). */
  reportsBack?: boolean;
}
/** A conclusion's action item as the fixture plans it: its 6 rõ, people and meetings by the fixture's keys. */
export interface Action {
  /** The fixture's task number (shared/fixtures/an-lac.md §5). */
  no: number;
  text: string;
  lead: { kind: 'unit'; id: string; name: string };
  supporting: { kind: 'unit'; id: string | null; name: string }[];
  supervisor: string;
  deciding: string;
  due?: string;
  dueMeeting?: string;
  product: string;
}
interface Plan {
  key: string;
  body: Body;
  date: string;
  title: string;
  kind?: string;
  format?: string;
  provinceWide?: boolean;
  startsAt?: string;
  items: Item[];
  actions?: Action[];
  sites?: boolean;
  cancelled?: string;
  documentsLate?: boolean;
  conclusionLate?: boolean;
}

const BTV_DATES = [
  '01-06',
  '01-20',
  '02-03',
  '02-24',
  '03-10',
  '03-24',
  '04-07',
  '04-21',
  '05-05',
  '05-19',
  '06-09',
  '06-23',
  '07-07',
  '07-21',
  '08-04',
  '08-18',
  '09-08',
  '09-22',
  '10-06',
  '10-20',
  '11-03',
  '11-17',
  '12-01',
  '12-15',
];
const TT_DAYS: Record<number, number[]> = {
  1: [5, 12, 19, 26],
  2: [2, 9, 23],
  3: [2, 9, 16, 23, 30],
  4: [6, 13, 20, 27],
  5: [4, 11, 18, 25],
  6: [1, 8, 22, 29],
  7: [6, 13, 20, 27],
  8: [3, 10, 17, 24, 31],
  9: [7, 14, 21, 28],
  10: [5, 12, 19, 26],
  11: [2, 9, 16, 23, 30],
  12: [7, 14, 21, 28],
};
const iso = (m: number, d: number) => `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const BTV_ITEMS: Item[] = [
  {
    title: 'Quy chế phối hợp giữa Đảng ủy UBND tỉnh với Ủy ban Mặt trận Tổ quốc tỉnh',
    matter: 'QUY_CHE_PHOI_HOP',
    unit: 'Đảng ủy UBND tỉnh',
    vote: true,
  },
  {
    title: 'Đề án sắp xếp tổ chức bộ máy các đơn vị sự nghiệp thuộc Tỉnh ủy',
    matter: 'DE_AN_TO_CHUC',
    unit: 'Ban Tổ chức Tỉnh ủy',
    vote: true,
  },
  {
    title: 'Chủ trương đầu tư dự án hạ tầng khu công nghiệp (1.200 tỷ đồng)',
    matter: 'CHU_TRUONG_DU_AN',
    attrs: { tong_muc_dau_tu_ty_dong: 1200 },
    unit: 'Đảng ủy UBND tỉnh',
    vote: true,
  },
  {
    title: 'Giới thiệu cán bộ thuộc diện Ban Thường vụ quản lý',
    matter: 'NHAN_SU_BTV_QUAN_LY',
    topic: 'can_bo',
    unit: 'Ban Tổ chức Tỉnh ủy',
    vote: true,
    confidential: true,
  },
  {
    title: 'Thành lập đoàn kiểm tra, giám sát của Ban Thường vụ',
    matter: 'DOAN_KIEM_TRA',
    unit: 'Ủy ban Kiểm tra Tỉnh ủy',
    vote: true,
  },
  { title: 'Báo cáo tình hình kinh tế – xã hội, quốc phòng, an ninh trong tháng', unit: 'Đảng ủy UBND tỉnh' },
];
/** At each BTV session the TT reports back on what it decided in between; the demo's session of 21/04 forgot to. */
const REPORT_BACK: Item = {
  title: 'Thường trực Tỉnh ủy báo cáo công việc đã giải quyết giữa hai kỳ họp Ban Thường vụ',
  unit: 'Văn phòng Tỉnh ủy',
  reportsBack: true,
};
const TT_ITEMS: Item[] = [
  {
    title: 'Công việc thường xuyên, đột xuất giữa hai kỳ họp Ban Thường vụ',
    matter: 'VIEC_DOT_XUAT',
    unit: 'Văn phòng Tỉnh ủy',
  },
  { title: 'Chương trình công tác tuần của lãnh đạo Tỉnh ủy', unit: 'Văn phòng Tỉnh ủy' },
  {
    title: 'Chủ trương đầu tư dự án cải tạo trụ sở (300 tỷ đồng, theo ủy quyền)',
    matter: 'CHU_TRUONG_DU_AN',
    attrs: { tong_muc_dau_tu_ty_dong: 300 },
    unit: 'Đảng ủy UBND tỉnh',
  },
];

export function seedMeetings2026(b: Batch, c: MeetingSeedContext) {
  const r = rng(20261201);
  const P = (code: string) => c.people.get(code)!;
  const N = (code: string) => c.names.get(P(code))!;
  const ext = externalUnit;
  const U = fixtureUnits(c.bodies, c.orgs);
  const members: Record<Body, string[]> = {
    BCH: Array.from({ length: 61 }, (_, i) => P(`M${String(i + 1).padStart(2, '0')}`)),
    BTV: Array.from({ length: 17 }, (_, i) => P(`M${String(i + 1).padStart(2, '0')}`)),
    TT: ['M01', 'M02', 'M03', 'M04'].map(P),
  };
  const conveners: Record<Body, string> = { BCH: 'BTV', BTV: 'TT', TT: 'TT' };
  const bodyMembersOf = (body: Body) => members[body];

  // — The plan of the year.
  const plans: Plan[] = [];
  const bch = (n: number, date: string, subject: string, items: Item[], extra: Partial<Plan> = {}) =>
    plans.push({
      key: `HN${n}`,
      body: 'BCH',
      date,
      title: `Hội nghị Tỉnh ủy lần thứ ${n}: ${subject}`,
      format: 'in_person',
      startsAt: '07:30',
      items,
      ...extra,
    });
  bch(
    5,
    '2026-01-16',
    'triển khai nhiệm vụ năm 2026',
    [
      {
        title: 'Nghị quyết về nhiệm vụ trọng tâm năm 2026',
        matter: 'NQ_CHUYEN_DE',
        unit: 'Văn phòng Tỉnh ủy',
        vote: true,
      },
      {
        title: 'Chương trình làm việc và Chương trình kiểm tra, giám sát năm 2026 (cho ý kiến)',
        unit: 'Văn phòng Tỉnh ủy',
      },
    ],
    {
      actions: [
        {
          no: 6,
          text: 'Xây dựng Kế hoạch thực hiện Nghị quyết Đại hội XIV của Đảng',
          lead: U.BTGDV,
          supporting: [ext('Các ban đảng Tỉnh ủy')],
          supervisor: 'M07',
          deciding: 'BTV',
          due: '2026-02-28',
          product: 'Kế hoạch của Ban Thường vụ Tỉnh ủy',
        },
      ],
    },
  );
  bch(
    6,
    '2026-04-10',
    'sơ kết quý I năm 2026',
    [
      {
        title: 'Nghị quyết chuyên đề về chuyển đổi số trong cơ quan Đảng',
        matter: 'NQ_CHUYEN_DE',
        unit: 'Văn phòng Tỉnh ủy',
        vote: true,
      },
      { title: 'Báo cáo sơ kết quý I, nhiệm vụ quý II năm 2026', unit: 'Văn phòng Tỉnh ủy' },
    ],
    {
      format: 'hybrid',
      actions: [
        {
          no: 12,
          text: 'Xây dựng Đề án phát triển du lịch biển (chủ trương)',
          lead: U.UBND,
          supporting: [U.BTGDV],
          supervisor: 'M12',
          deciding: 'BCH',
          dueMeeting: 'HN9',
          product: 'Tờ trình và Đề án',
        },
      ],
    },
  );
  bch(
    7,
    '2026-07-10',
    'sơ kết 6 tháng đầu năm 2026',
    [
      { title: 'Báo cáo sơ kết 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2026', unit: 'Văn phòng Tỉnh ủy' },
      {
        title: 'Nghị quyết chuyên đề về phát triển kinh tế biển',
        matter: 'NQ_CHUYEN_DE',
        unit: 'Đảng ủy UBND tỉnh',
        vote: true,
      },
    ],
    {
      actions: [
        {
          no: 19,
          text: 'Xây dựng bộ chỉ số theo dõi thực hiện nhiệm vụ "6 rõ" trên phần mềm',
          lead: U.VPTU,
          supporting: [ext('Sở Khoa học và Công nghệ')],
          supervisor: 'M09',
          deciding: 'TT',
          due: '2026-09-30',
          product: 'Phần mềm và hướng dẫn sử dụng',
        },
      ],
    },
  );
  bch(
    8,
    '2026-08-20',
    'công tác cán bộ',
    [
      {
        title: 'Bầu bổ sung Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy',
        matter: 'BAU_NHAN_SU',
        topic: 'can_bo',
        unit: 'Ban Tổ chức Tỉnh ủy',
        vote: true,
        confidential: true,
      },
    ],
    { kind: 'extraordinary', title: 'Hội nghị Tỉnh ủy lần thứ 8 (bất thường): công tác cán bộ' },
  );
  bch(
    9,
    '2026-10-09',
    'sơ kết 9 tháng năm 2026',
    [
      { title: 'Báo cáo sơ kết 9 tháng, nhiệm vụ quý IV năm 2026', unit: 'Văn phòng Tỉnh ủy' },
      {
        title: 'Đề án phát triển du lịch biển (chủ trương)',
        matter: 'NQ_CHUYEN_DE',
        unit: 'Đảng ủy UBND tỉnh',
        vote: true,
      },
    ],
    { format: 'online' },
  );
  bch(10, '2026-12-18', 'tổng kết năm 2026, Nghị quyết và Chương trình năm 2027', [
    { title: 'Báo cáo tổng kết năm 2026, phương hướng nhiệm vụ năm 2027', unit: 'Văn phòng Tỉnh ủy' },
    { title: 'Nghị quyết về nhiệm vụ năm 2027', matter: 'NQ_CHUYEN_DE', unit: 'Văn phòng Tỉnh ủy', vote: true },
  ]);

  const fixtureActions: Record<string, Action[]> = {
    '01-06': [
      {
        no: 1,
        text: 'Xây dựng Đề án sắp xếp các đơn vị sự nghiệp thuộc Tỉnh ủy',
        lead: U.BTC,
        supporting: [U.VPTU],
        supervisor: 'M05',
        deciding: 'BTV',
        due: '2026-03-31',
        product: 'Tờ trình và Đề án',
      },
    ],
    '01-20': [
      {
        no: 4,
        text: 'Tổng hợp vướng mắc giải phóng mặt bằng dự án cao tốc đoạn qua tỉnh',
        lead: U.UBND,
        supporting: [ext('Sở Xây dựng')],
        supervisor: 'M03',
        deciding: 'TT',
        due: '2026-02-13',
        product: 'Báo cáo và kiến nghị',
      },
      {
        no: 5,
        text: 'Hướng dẫn sử dụng Sổ tay đảng viên điện tử cho 100% chi bộ',
        lead: U.BTC,
        supporting: [U.VPTU],
        supervisor: 'M05',
        deciding: 'BTV',
        due: '2026-04-30',
        product: 'Hướng dẫn và số liệu triển khai',
      },
    ],
    '02-03': [
      {
        no: 8,
        text: 'Xây dựng Quy chế phối hợp giữa Đảng ủy UBND tỉnh và Hội đồng nhân dân tỉnh',
        lead: U.UBND,
        supporting: [U.CQD],
        supervisor: 'M03',
        deciding: 'BTV',
        due: '2026-03-31',
        product: 'Dự thảo Quy chế',
      },
    ],
    '03-24': [
      {
        no: 15,
        text: 'Chuẩn bị quy trình nhân sự Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy (bỏ phiếu kín tại Hội nghị Tỉnh ủy)',
        lead: U.BTC,
        supporting: [U.UBKT],
        supervisor: 'M05',
        deciding: 'BCH',
        dueMeeting: 'HN8',
        product: 'Tờ trình nhân sự',
      },
    ],
    '04-07': [
      {
        no: 17,
        text: 'Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử',
        lead: U.BTC,
        supporting: [U.BTGDV],
        supervisor: 'M05',
        deciding: 'BTV',
        due: '2026-07-31',
        product: 'Báo cáo tổng kết và dự thảo kết luận',
      },
    ],
    '04-21': [
      {
        no: 18,
        text: 'Xây dựng phương án xử lý vi phạm đất rừng tại xã Hòa Sơn',
        lead: U.UBND,
        supporting: [U.BNC, U.CA],
        supervisor: 'M08',
        deciding: 'BTV',
        due: '2026-04-30',
        product: 'Báo cáo và đề xuất xử lý kỷ luật',
      },
    ],
  };
  BTV_DATES.forEach((md, i) => {
    const date = `2026-${md}`;
    const items = [
      BTV_ITEMS[i % BTV_ITEMS.length]!,
      BTV_ITEMS[(i + 2) % BTV_ITEMS.length]!,
      BTV_ITEMS[5]!,
      ...(md === '04-21' ? [] : [REPORT_BACK]),
    ].filter((x, j, a) => a.indexOf(x) === j);
    plans.push({
      key: `BTV-${md}`,
      body: 'BTV',
      date,
      title: `Phiên họp Ban Thường vụ Tỉnh ủy ngày ${md.slice(3)}/${md.slice(0, 2)}/2026`,
      format: 'in_person',
      startsAt: '08:00',
      items,
      actions: fixtureActions[md],
      cancelled:
        md === '09-22'
          ? 'Lùi lịch do làm việc với Đoàn công tác của Trung ương; không tổ chức lại trong tháng'
          : undefined,
      documentsLate: md === '05-19',
      conclusionLate: md === '06-09',
    });
  });
  const ttActions: Record<string, Action[]> = {
    '2026-01-05': [
      {
        no: 11,
        text: 'Xây dựng Kế hoạch tổ chức hội nghị năm 2026, giảm 10% số hội nghị so với năm 2025',
        lead: U.VPTU,
        supporting: [ext('Các ban đảng Tỉnh ủy')],
        supervisor: 'M09',
        deciding: 'TT',
        due: '2026-01-31',
        product: 'Kế hoạch tổ chức hội nghị năm 2026',
      },
    ],
    '2026-01-19': [
      {
        no: 7,
        text: 'Rà soát đơn thư khiếu nại kéo dài tại phường Bắc Sơn',
        lead: U.BNC,
        supporting: [U.UBKT, U.CA],
        supervisor: 'M08',
        deciding: 'TT',
        due: '2026-02-15',
        product: 'Báo cáo đề xuất',
      },
    ],
    '2026-03-02': [
      {
        no: 14,
        text: 'Chuẩn bị Hội nghị trực tuyến quán triệt Nghị quyết Trung ương đến 96 điểm cầu',
        lead: U.BTGDV,
        supporting: [U.VPTU],
        supervisor: 'M07',
        deciding: 'TT',
        due: '2026-03-20',
        product: 'Kế hoạch và tài liệu hội nghị',
      },
    ],
    '2026-03-16': [
      {
        no: 13,
        text: 'Củng cố 5 chi bộ yếu kém tại xã Tân Lập',
        lead: U.TAN_LAP,
        supporting: [U.BTC],
        supervisor: 'M14',
        deciding: 'DANG_UY_XA',
        due: '2026-09-30',
        product: 'Báo cáo kết quả củng cố',
      },
    ],
  };
  let ti = 0;
  for (const [m, days] of Object.entries(TT_DAYS)) {
    for (const d of days) {
      const date = iso(Number(m), d);
      const items = [TT_ITEMS[ti % 2]!, ...(ti % 5 === 2 ? [TT_ITEMS[2]!] : [])];
      // Fixture task 7: the Ban Nội chính's own matter escalated to the TT (R9).
      if (date === '2026-01-19')
        items.push({
          title: 'Rà soát đơn thư khiếu nại kéo dài tại phường Bắc Sơn',
          matter: 'RA_SOAT_DON_THU',
          unit: 'Ban Nội chính Tỉnh ủy',
        });
      plans.push({
        key: `TT-${date}`,
        body: 'TT',
        date,
        title: `Họp Thường trực Tỉnh ủy ngày ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/2026`,
        format: 'in_person',
        startsAt: '14:00',
        items,
        actions: ttActions[date],
      });
      ti++;
    }
  }
  // Conferences that are not sessions of a body: briefings and province-wide online conferences (R10).
  plans.push({
    key: 'GB-1',
    body: 'TT',
    date: '2026-01-08',
    kind: 'briefing',
    title: 'Giao ban các cơ quan tham mưu, giúp việc Tỉnh ủy quý I năm 2026',
    format: 'online',
    startsAt: '08:00',
    items: [{ title: 'Kết quả tham mưu quý IV năm 2025, nhiệm vụ quý I năm 2026', unit: 'Văn phòng Tỉnh ủy' }],
  });
  plans.push({
    key: 'GB-2',
    body: 'TT',
    date: '2026-07-15',
    kind: 'briefing',
    title: 'Giao ban 6 tháng đầu năm 2026 các ban đảng, Văn phòng Tỉnh ủy',
    format: 'online',
    startsAt: '08:00',
    items: [{ title: 'Kết quả phối hợp tham mưu 6 tháng đầu năm', unit: 'Văn phòng Tỉnh ủy' }],
  });
  plans.push({
    key: 'QT-NQ',
    body: 'BTV',
    date: '2026-03-26',
    kind: 'thematic',
    title: 'Hội nghị trực tuyến quán triệt Nghị quyết Trung ương đến 96 điểm cầu',
    format: 'online',
    provinceWide: true,
    startsAt: '07:30',
    sites: true,
    items: [
      { title: 'Quán triệt, triển khai Nghị quyết Hội nghị Trung ương', unit: 'Ban Tuyên giáo và Dân vận Tỉnh ủy' },
    ],
  });
  plans.push({
    key: 'SK-6T',
    body: 'BTV',
    date: '2026-07-14',
    kind: 'thematic',
    title: 'Hội nghị trực tuyến toàn tỉnh sơ kết 6 tháng công tác xây dựng Đảng',
    format: 'online',
    provinceWide: true,
    startsAt: '07:30',
    sites: true,
    items: [{ title: 'Sơ kết 6 tháng công tác xây dựng Đảng và hệ thống chính trị', unit: 'Ban Tổ chức Tỉnh ủy' }],
  });
  plans.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));

  // — Rows.
  const ids = new Map<string, string>();
  for (const p of plans) ids.set(p.key, uuidv7());
  const reasons = [
    'Đi công tác Trung ương',
    'Điều trị bệnh',
    'Học tập trung tại Học viện Chính trị quốc gia',
    'Việc gia đình',
    'Tiếp đoàn công tác của Chính phủ',
  ];
  const conclusions: { plan: Plan; meetingId: string; issuedOn: string; type: 'TB' | 'KL' }[] = [];
  let written = 0;

  for (const p of plans) {
    const id = ids.get(p.key)!;
    const kind = p.kind ?? 'regular';
    const past = p.date < DEMO_TODAY;
    const today = p.date === DEMO_TODAY;
    const noticeDays = p.body === 'BCH' ? 7 : p.body === 'BTV' ? 3 : 1;
    const latest = latestDispatch(p.date, noticeDays, 'working_day', VIETNAM_CALENDAR);
    const sentOn = p.documentsLate ? addDays(p.date, -1) : addDays(latest, -1);
    let state = past
      ? p.date < '2026-11-16'
        ? 'minutes_approved'
        : 'closed'
      : today
        ? 'in_session'
        : p.date <= '2026-12-18' && p.body !== 'TT'
          ? 'convened'
          : 'planned';
    if (p.cancelled) state = 'cancelled';
    const convened = state !== 'planned';
    const documentsSent =
      (past || today || (state === 'convened' && sentOn <= DEMO_TODAY)) && !p.cancelled ? sentOn : null;
    if (state === 'convened' && documentsSent) state = 'documents_sent';
    const held = (past || today) && !p.cancelled;
    const bodyMembers = members[p.body];
    const minutes =
      held && !p.cancelled
        ? `Hội nghị khai mạc lúc ${p.startsAt ?? '08:00'}. Đồng chí ${N('M01')}, Bí thư Tỉnh ủy, chủ trì.\n` +
          'Các đại biểu thảo luận từng nội dung theo chương trình; cơ quan trình bày tiếp thu, giải trình ý kiến.\n' +
          'Đồng chí chủ trì kết luận các nội dung; hội nghị biểu quyết thông qua theo quy chế.'
        : null;
    b.add('meeting', {
      id,
      org_id: c.org,
      body_id: c.bodies[p.body],
      kind,
      state,
      title: p.title,
      meeting_date: p.date,
      starts_at: p.startsAt ?? null,
      location: p.format === 'online' ? 'Trực tuyến từ Hội trường Tỉnh ủy' : 'Hội trường Tỉnh ủy',
      format: p.format ?? 'in_person',
      province_wide: p.provinceWide ?? false,
      convened_by: convened ? conveners[p.body] : null,
      convening_ref: convened
        ? p.body === 'BCH'
          ? 'Quyết định triệu tập của Ban Thường vụ Tỉnh ủy'
          : p.body === 'BTV'
            ? 'Giấy mời của Thường trực Tỉnh ủy'
            : 'Lịch công tác tuần của Thường trực'
        : null,
      documents_sent_on: documentsSent,
      opened_on: held && !p.cancelled ? p.date : null,
      closed_on: past && !p.cancelled ? p.date : null,
      minutes_text: minutes,
      minutes_approved_on: state === 'minutes_approved' ? p.date : null,
      cancel_reason: p.cancelled ?? null,
      chair_person_id: convened ? P('M01') : null,
      secretary_name: convened ? 'Nguyễn Thị Thư Ký, Phó Chánh Văn phòng Tỉnh ủy' : null,
      confidentiality: 0,
      search_text: foldVietnamese(p.title),
    });

    // Connection points: the provincial hall and the 96 communes, each led by its Bí thư.
    const sites: string[] = [];
    const siteOf = new Map<string, string>();
    if (p.sites) {
      sites.push(
        b.add('meeting_site', {
          org_id: c.org,
          meeting_id: id,
          name: 'Điểm cầu Hội trường Tỉnh ủy',
          lead_person_id: P('M02'),
          host_org_id: c.org,
          position: 1,
        }),
      );
      c.communes.forEach((cm, i) => {
        const site = b.add('meeting_site', {
          org_id: c.org,
          meeting_id: id,
          name: `Điểm cầu Đảng ủy ${cm.name}`,
          lead_person_id: cm.secretary,
          host_org_id: cm.id,
          position: i + 2,
        });
        // A commune secretary on the BTV (M14–M17) attends as a member from the commune; the others are guests.
        if (held && !bodyMembersOf(p.body).includes(cm.secretary))
          b.add('meeting_attendance', {
            org_id: c.org,
            meeting_id: id,
            person_id: null,
            guest_name: cm.secretaryName,
            guest_title: `Bí thư Đảng ủy ${cm.name}`,
            site_id: site,
            role: 'guest',
            status: 'present',
          });
        siteOf.set(cm.secretary, site);
      });
    }

    // Attendance: those summoned are the body's members; a few excused with a reason.
    let present = 0;
    if (convened && !p.cancelled) {
      const excused = new Set<number>();
      const nAbsent = held
        ? p.body === 'BCH'
          ? 2 + Math.floor(r() * 5)
          : p.body === 'BTV'
            ? Math.floor(r() * 3)
            : Math.floor(r() * 1.4)
        : 0;
      while (excused.size < nAbsent) excused.add(Math.floor(r() * bodyMembers.length));
      excused.delete(0); // the Bí thư chairs
      bodyMembers.forEach((person, i) => {
        let status = 'summoned';
        let reason: string | null = null;
        if (held) {
          if (excused.has(i)) [status, reason] = ['absent_excused', reasons[Math.floor(r() * reasons.length)]!];
          else if (today && i % 6 === 5)
            status = 'summoned'; // today's session: a few not yet checked in
          else status = 'present';
        }
        if (status === 'present') present++;
        b.add('meeting_attendance', {
          org_id: c.org,
          meeting_id: id,
          person_id: person,
          role: 'member',
          status,
          reason,
          site_id: sites.length ? (siteOf.get(person) ?? sites[0]) : null,
        });
      });
    }

    // Agenda and votes (counted by the engine on all incumbent members).
    p.items.forEach((it, j) => {
      const item = b.add('agenda_item', {
        org_id: c.org,
        meeting_id: id,
        position: j + 1,
        title: it.title,
        matter: it.matter ?? null,
        attributes: JSON.stringify(it.attrs ?? {}),
        topic: it.topic ?? null,
        presenting_unit: it.unit ?? null,
        confidentiality: it.confidential ? 1 : 0,
        reports_back: it.reportsBack ?? false,
      });
      if (it.vote && held && !today && p.body !== 'TT' && kind !== 'written_consultation') {
        const q = isQuorate(regulation, p.body, { summoned: bodyMembers.length, present }, p.date);
        if (!q.result.valid) throw new Error(`demo: ${p.key} has no quorum`);
        const no = Math.floor(r() * 2);
        const abstain = Math.floor(r() * 2);
        const v = {
          totalMembers: bodyMembers.length,
          present,
          yes: present - no - abstain,
          no,
          abstain,
          method: it.topic === 'can_bo' ? 'secret_ballot' : 'show_of_hands',
        };
        const a = voteOutcome(regulation, p.body, it.topic, v, p.date);
        b.add('vote', voteRow(c.org, item, v, a));
        if (p.key === 'HN8')
          b.add('reserved_opinion', {
            org_id: c.org,
            meeting_id: id,
            agenda_item_id: item,
            person_id: P('M33'),
            text:
              'Đề nghị xem xét thêm thời gian công tác tại cơ sở của nhân sự được giới thiệu; ' +
              'bảo lưu ý kiến và đề nghị báo cáo Ban Tổ chức Trung ương.',
          });
      }
    });
    if (p.body !== 'TT' && !p.cancelled) {
      b.add('meeting_document', {
        org_id: c.org,
        meeting_id: id,
        title: `Tài liệu ${p.title}`,
        doc_type: 'BC',
        confidentiality: 0,
        file_name: null,
        size: null,
      });
      if (p.items.some((i) => i.confidential))
        b.add('meeting_document', {
          org_id: c.org,
          meeting_id: id,
          title: 'Tờ trình nhân sự (tài liệu Mật)',
          doc_type: 'TTr',
          confidentiality: 1,
        });
    }
    if (past && !p.cancelled && (kind === 'regular' || kind === 'extraordinary')) {
      const issuedOn = p.conclusionLate
        ? addWorkingDays(p.date, 8, VIETNAM_CALENDAR)
        : addWorkingDays(p.date, 2, VIETNAM_CALENDAR);
      conclusions.push({ plan: p, meetingId: id, issuedOn, type: p.body === 'BCH' ? 'KL' : 'TB' });
    }
  }

  // A written consultation between conferences (Điều 15): 48 of 61 members replied.
  {
    const id = b.add('meeting', {
      org_id: c.org,
      body_id: c.bodies.BCH,
      kind: 'written_consultation',
      state: 'closed',
      title:
        'Lấy ý kiến Tỉnh ủy viên bằng văn bản về dự thảo Nghị quyết chuyên đề phát triển nông nghiệp công nghệ cao',
      meeting_date: '2026-05-20',
      consultation_deadline: '2026-05-27',
      format: 'online',
      convened_by: 'BTV',
      convening_ref: 'Phiếu lấy ý kiến của Ban Thường vụ',
      opened_on: '2026-05-20',
      closed_on: '2026-05-28',
      chair_person_id: P('M01'),
      search_text: foldVietnamese('Lấy ý kiến Tỉnh ủy viên bằng văn bản nông nghiệp công nghệ cao'),
    });
    const item = b.add('agenda_item', {
      org_id: c.org,
      meeting_id: id,
      position: 1,
      title: 'Dự thảo Nghị quyết chuyên đề phát triển nông nghiệp công nghệ cao',
      matter: 'NQ_CHUYEN_DE',
      attributes: '{}',
      presenting_unit: 'Đảng ủy UBND tỉnh',
      confidentiality: 0,
    });
    const tally = { agree: 0, disagree: 0, abstain: 0 };
    members.BCH.forEach((person, i) => {
      const replied = i < 48;
      b.add('meeting_attendance', {
        org_id: c.org,
        meeting_id: id,
        person_id: person,
        role: 'member',
        status: replied ? 'present' : 'summoned',
      });
      if (!replied) return;
      const choice = i === 7 || i === 30 ? 'disagree' : i === 41 ? 'abstain' : 'agree';
      tally[choice]++;
      b.add('written_response', {
        org_id: c.org,
        meeting_id: id,
        agenda_item_id: item,
        person_id: person,
        choice,
        received_on: addDays('2026-05-21', i % 6),
      });
    });
    const q = isQuorate(
      regulation,
      'BCH',
      { summoned: 61, present: 48, total: 61 },
      '2026-05-20',
      'written_consultation',
    );
    const v = {
      totalMembers: 61,
      present: 48,
      yes: tally.agree,
      no: tally.disagree,
      abstain: tally.abstain,
      method: 'written',
    };
    const a = voteOutcome(regulation, 'BCH', undefined, v, '2026-05-20');
    const passed = a.result.passed && q.result.valid;
    b.add('vote', {
      org_id: c.org,
      agenda_item_id: item,
      method: 'written',
      total_members: 61,
      present: 48,
      yes: v.yes,
      no: v.no,
      abstain: v.abstain,
      passed,
      outcome: JSON.stringify({
        result: { ...a.result, passed, consultationValid: q.result.valid },
        ruleIds: [...q.ruleIds, ...a.ruleIds],
        eIds: [...q.eIds, ...a.eIds],
        reason_vi: a.reason_vi,
      }),
    });
    written++;
  }

  // — Conclusion notices, numbered in the order they were issued (R14): the TB numbers of the fixture follow
  //   (12-TB/TU for the BTV session of 6/1 … 33-TB/TU for 21/4), the term's first notices having been issued in 2025.
  const counters = { TB: 10, KL: 2 };
  const actionItems = new Map<number, SeededAction>();
  const termId = c.termId;
  conclusions.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.plan.date.localeCompare(b.plan.date));
  for (const k of conclusions) {
    const n = ++counters[k.type];
    const symbol = documentSymbol(n, k.type, 'TU');
    const doc = b.add('issued_document', {
      org_id: c.org,
      term_id: termId,
      doc_type: k.type,
      number: n,
      symbol,
      title: `${k.type === 'KL' ? 'Kết luận' : 'Thông báo kết luận'} ${k.plan.title}`,
      issued_on: k.issuedOn,
      confidentiality: 0,
    });
    const bodyName =
      k.plan.body === 'BCH' ? 'Tỉnh ủy' : k.plan.body === 'BTV' ? 'Ban Thường vụ Tỉnh ủy' : 'Thường trực Tỉnh ủy';
    const cid = b.add('conclusion', {
      org_id: c.org,
      meeting_id: k.meetingId,
      issued_document_id: doc,
      symbol,
      issued_on: k.issuedOn,
      summary:
        `Ngày ${k.plan.date.slice(8)}/${k.plan.date.slice(5, 7)}/2026, ${bodyName} họp, ` +
        `nghe các cơ quan báo cáo theo chương trình. Sau khi thảo luận, ${bodyName} kết luận như sau:`,
      signer_person_id: k.plan.body === 'TT' ? P('M02') : P('M01'),
      signer_for:
        k.plan.body === 'BCH' ? 'T/M TỈNH ỦY' : k.plan.body === 'BTV' ? 'T/M BAN THƯỜNG VỤ' : 'T/L BAN THƯỜNG VỤ',
      signer_position: k.plan.body === 'TT' ? 'PHÓ BÍ THƯ THƯỜNG TRỰC' : 'BÍ THƯ',
      recipients: JSON.stringify([
        'Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy',
        'Các cơ quan, đơn vị liên quan',
        'Lưu Văn phòng Tỉnh ủy',
      ]),
    });
    let pos = 1;
    for (const it of k.plan.items) {
      b.add('conclusion_item', {
        org_id: c.org,
        conclusion_id: cid,
        position: pos++,
        kind: 'conclusion',
        text:
          `Về ${it.title.charAt(0).toLowerCase()}${it.title.slice(1)}: ` +
          'thống nhất với nội dung trình; cơ quan trình tiếp thu ý kiến, hoàn chỉnh.',
        leads: '[]',
        supporting: '[]',
      });
    }
    for (const a of k.plan.actions ?? []) {
      const itemId = uuidv7();
      actionItems.set(a.no, {
        itemId,
        conclusionSymbol: symbol,
        bodyId: c.bodies[k.plan.body],
        meetingDate: k.plan.date,
        issuedOn: k.issuedOn,
        action: { ...a, supervisorId: P(a.supervisor), dueMeetingId: a.dueMeeting ? ids.get(a.dueMeeting)! : null },
      });
      const due = {
        date: a.due ?? null,
        meetingId: a.dueMeeting ? ids.get(a.dueMeeting)! : null,
        label: a.dueMeeting ? `Trình ${plans.find((x) => x.key === a.dueMeeting)!.title.split(':')[0]}` : null,
      };
      const draft: TaskDraft = {
        title: a.text,
        leads: [a.lead],
        supporting: a.supporting,
        due,
        supervisorId: P(a.supervisor),
        decidingBody: a.deciding,
        product: a.product,
      };
      b.add('conclusion_item', {
        id: itemId,
        org_id: c.org,
        conclusion_id: cid,
        position: pos++,
        kind: 'action',
        text: a.text,
        leads: JSON.stringify([a.lead]),
        supporting: JSON.stringify(a.supporting),
        due_date: due.date,
        due_meeting_id: due.meetingId,
        due_label: due.label,
        supervisor_person_id: P(a.supervisor),
        deciding_body: a.deciding,
        product: a.product,
        six_clear: JSON.stringify(checkSixClear(draft)),
      });
    }
  }
  for (const [type, n] of Object.entries(counters))
    b.addRow('document_counter', { issuer_org_id: c.org, doc_type: type, term_id: termId, last_number: n });
  // 2025 (before these records): the conferences counted in the 2025 report, for the R10 reduction.
  b.addRow('conference_baseline', {
    org_id: c.org,
    year: 2025,
    total: 12,
    note: 'Báo cáo số hội nghị năm 2025 của Văn phòng Tỉnh ủy (số liệu trước khi dùng Quychế)',
  });
  return { meetings: plans.length + written, conclusions: conclusions.length, actionItems, meetingIds: ids };
}

export const MEETING_TABLES = [
  'meeting',
  'meeting_site',
  'meeting_attendance',
  'agenda_item',
  'vote',
  'meeting_document',
  'reserved_opinion',
  'written_response',
  'document_counter',
  'issued_document',
  'conclusion',
  'conclusion_item',
  'conference_baseline',
];

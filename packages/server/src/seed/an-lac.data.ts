/** Tỉnh An Lạc (fictional), after ../shared/fixtures/an-lac.md: the demo data set and the tests' ground truth. */

export const LEADERS = [
  {
    code: 'M01',
    name: 'Trần Quốc Hưng',
    gender: 'nam',
    bch: 'BI_THU',
    title: 'Bí thư Tỉnh ủy',
    fields: ['Lãnh đạo toàn diện'],
    locality: null,
  },
  {
    code: 'M02',
    name: 'Lê Thị Minh Châu',
    gender: 'nu',
    bch: 'PHO_BI_THU_TT',
    title: 'Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh',
    fields: [
      'Công tác xây dựng Đảng',
      'Hội đồng nhân dân tỉnh',
      'Cải cách hành chính trong Đảng',
      'Thi đua, khen thưởng',
    ],
    locality: null,
  },
  {
    code: 'M03',
    name: 'Nguyễn Văn Khải',
    gender: 'nam',
    bch: 'PHO_BI_THU',
    title: 'Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Bí thư Đảng ủy UBND tỉnh',
    fields: ['Kinh tế, ngân sách, đầu tư'],
    locality: null,
  },
  {
    code: 'M04',
    name: 'Phạm Đức Tài',
    gender: 'nam',
    bch: 'PHO_BI_THU',
    title: 'Phó Bí thư Tỉnh ủy, Bí thư Đảng ủy các cơ quan Đảng tỉnh',
    fields: ['Khối các cơ quan Đảng'],
    locality: null,
  },
  {
    code: 'M05',
    name: 'Võ Thị Thu Hà',
    gender: 'nu',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Trưởng Ban Tổ chức Tỉnh ủy',
    fields: ['Tổ chức, cán bộ, bảo vệ chính trị nội bộ'],
    locality: 'X05',
  },
  {
    code: 'M06',
    name: 'Đặng Minh Quân',
    gender: 'nam',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy',
    fields: ['Kiểm tra, giám sát, kỷ luật đảng'],
    locality: 'X06',
  },
  {
    code: 'M07',
    name: 'Hoàng Văn Lộc',
    gender: 'nam',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy',
    fields: ['Tuyên giáo, dân vận, báo chí'],
    locality: 'X07',
  },
  {
    code: 'M08',
    name: 'Bùi Thanh Sơn',
    gender: 'nam',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Trưởng Ban Nội chính Tỉnh ủy',
    fields: ['Nội chính, phòng, chống tham nhũng, lãng phí, tiêu cực'],
    locality: 'X08',
  },
  {
    code: 'M09',
    name: 'Đỗ Ngọc Lan',
    gender: 'nu',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Chánh Văn phòng Tỉnh ủy',
    fields: ['Văn phòng, chuyển đổi số cơ quan Đảng'],
    locality: 'X09',
  },
  {
    code: 'M10',
    name: 'Lý Văn Thành',
    gender: 'nam',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Đại tá, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh',
    fields: ['Quốc phòng, quân sự địa phương'],
    locality: 'X10',
  },
  {
    code: 'M11',
    name: 'Mai Xuân Phúc',
    gender: 'nam',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Đại tá, Giám đốc Công an tỉnh',
    fields: ['An ninh, trật tự'],
    locality: 'X11',
  },
  {
    code: 'M12',
    name: 'Trịnh Thị Hồng',
    gender: 'nu',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Phó Chủ tịch Thường trực UBND tỉnh',
    fields: ['Kinh tế, ngân sách, đầu tư'],
    locality: 'X12',
  },
  {
    code: 'M13',
    name: 'Cao Văn Nam',
    gender: 'nam',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh',
    fields: ['Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội'],
    locality: 'X13',
  },
  {
    code: 'M14',
    name: 'Phan Anh Tuấn',
    gender: 'nam',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Bí thư Đảng ủy xã Tân Lập',
    fields: ['Địa bàn xã Tân Lập'],
    locality: 'X01',
  },
  {
    code: 'M15',
    name: 'Lương Thị Yến',
    gender: 'nu',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Bí thư Đảng ủy phường Bắc Sơn',
    fields: ['Địa bàn phường Bắc Sơn'],
    locality: 'X02',
  },
  {
    code: 'M16',
    name: 'Kiều Văn Bảo',
    gender: 'nam',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Bí thư Đảng ủy xã Hòa Sơn',
    fields: ['Địa bàn xã Hòa Sơn'],
    locality: 'X03',
  },
  {
    code: 'M17',
    name: 'Tạ Minh Đức',
    gender: 'nam',
    bch: 'UY_VIEN',
    title: 'Ủy viên BTV, Bí thư Đảng ủy phường An Lạc',
    fields: ['Địa bàn phường An Lạc'],
    locality: 'X04',
  },
] as const;

/** The four key communes first (fixture: Tân Lập, Bắc Sơn, Hòa Sơn), then 92 more. */
const FIRST = ['xã Tân Lập', 'phường Bắc Sơn', 'xã Hòa Sơn', 'phường An Lạc'];
const A = [
  'Tân',
  'Hòa',
  'Bình',
  'Phú',
  'Long',
  'Vĩnh',
  'Quang',
  'Hưng',
  'Thuận',
  'Mỹ',
  'Phước',
  'Thanh',
  'Trung',
  'Đông',
  'Tây',
  'Nam',
  'Hiệp',
  'Xuân',
];
const B = [
  'Lợi',
  'Thạnh',
  'An',
  'Thành',
  'Lộc',
  'Hải',
  'Điền',
  'Tiến',
  'Phong',
  'Khánh',
  'Đức',
  'Nghĩa',
  'Trạch',
  'Yên',
];
export function communeNames(): string[] {
  const out = [...FIRST];
  const seen = new Set(out.map((n) => n.split(' ').slice(1).join(' ')));
  let i = 0;
  while (out.length < 96) {
    const name = `${A[i % A.length]} ${B[Math.floor(i / A.length) % B.length]}`;
    i++;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(`${out.length % 5 === 0 ? 'phường' : 'xã'} ${name}`);
  }
  return out;
}

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Châu',
  'Lâm',
];
const MIDDLE_M = ['Văn', 'Minh', 'Quốc', 'Thanh', 'Đức', 'Hữu', 'Xuân', 'Công', 'Anh'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Kim', 'Bích'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hải',
  'Hiếu',
  'Hòa',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quang',
  'Sơn',
  'Thắng',
  'Trung',
  'Tuấn',
  'Việt',
  'Hùng',
  'Kiên',
];
const GIVEN_F = ['Hạnh', 'Linh', 'Mai', 'Nga', 'Phương', 'Tâm', 'Thảo', 'Trang', 'Vân', 'Yến', 'Hương', 'Loan'];

/** Deterministic fictional names (mulberry32), so demo data and tests agree across runs. */
export function nameGenerator(seed: number) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const used = new Set<string>();
  return (): { name: string; gender: 'nam' | 'nu' } => {
    for (;;) {
      const female = rnd() < 0.35;
      const name = `${pick(FAMILY)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
      if (!used.has(name) && !LEADERS.some((l) => l.name === name)) {
        used.add(name);
        return { name, gender: female ? 'nu' : 'nam' };
      }
    }
  };
}

export const DEMO_PASSWORD = 'anlac2026';
/** A day the demo's record stands on (the day after the BTV's session of 01/12/2026): a test whose answer turns on
 * today keeps the server on it. */
export const DEMO_TODAY = '2026-12-02';
/** The demo's accounts as the console lists them at start (the seed creates them, an-lac.seed.ts). */
export const DEMO_ACCOUNTS: { username: string; vi: string; en: string }[] = [
  { username: 'admin', vi: 'quản trị hệ thống Tỉnh ủy An Lạc', en: 'administrator of the An Lạc provincial committee' },
  {
    username: 'lanhdao',
    vi: 'lãnh đạo (Bí thư Tỉnh ủy): quyết định gia hạn, nhận kết quả nhiệm vụ, xem ý kiến bảo lưu',
    en: 'leader (provincial secretary)',
  },
  { username: 'vanthu.vptu', vi: 'văn thư Văn phòng Tỉnh ủy', en: 'clerk of the provincial office' },
  { username: 'vanthu.x01', vi: 'văn thư Đảng ủy xã Tân Lập', en: 'clerk of Tân Lập commune' },
  { username: 'vanthu.x02', vi: 'văn thư Đảng ủy phường Bắc Sơn', en: 'clerk of Bắc Sơn ward' },
  { username: 'xem', vi: 'tài khoản chỉ xem', en: 'read-only account' },
  {
    username: 'bithu.cb',
    vi: 'bí thư Chi bộ Phòng Tổng hợp: ghi buổi sinh hoạt chi bộ (trên điện thoại)',
    en: 'secretary of a party cell',
  },
  { username: 'dangvien', vi: 'đảng viên: trang "Chi bộ của tôi" (trên điện thoại)', en: 'a party member' },
];

import { useSyncExternalStore } from 'react';

/** Vietnamese first; English is the second language. The choice is kept in the browser. */
export type Lang = 'vi' | 'en';
const dict = {
  appName: { vi: 'Quychế', en: 'Quychế' },
  tagline: { vi: 'Quy chế làm việc của cấp ủy', en: 'Working regulations of party committees' },
  login: { vi: 'Đăng nhập', en: 'Sign in' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  logout: { vi: 'Đăng xuất', en: 'Sign out' },
  tree: { vi: 'Cây tổ chức', en: 'Organization tree' },
  search: { vi: 'Tìm kiếm', en: 'Search' },
  regulations: { vi: 'Quy chế', en: 'Regulations' },
  asOf: { vi: 'Tại ngày', en: 'As of' },
  today: { vi: 'Hôm nay', en: 'Today' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  succeeded: { vi: 'Kế thừa', en: 'Successor of' },
  until: { vi: 'đến', en: 'until' },
  from: { vi: 'từ', en: 'from' },
  kind: { vi: 'Loại', en: 'Kind' },
  parent: { vi: 'Trực thuộc', en: 'Parent' },
  parentHistory: { vi: 'Lịch sử trực thuộc', en: 'Parent history' },
  predecessors: { vi: 'Tiền thân', en: 'Predecessors' },
  successors: { vi: 'Kế thừa bởi', en: 'Succeeded by' },
  terms: { vi: 'Khóa, nhiệm kỳ', en: 'Terms' },
  bodies: { vi: 'Cơ quan', en: 'Bodies' },
  children: { vi: 'Tổ chức trực thuộc', en: 'Subordinate organizations' },
  partyMembers: { vi: 'Số đảng viên sinh hoạt', en: 'Party members' },
  members: { vi: 'Thành viên', en: 'Members' },
  history: { vi: 'Lịch sử', en: 'History' },
  fullName: { vi: 'Họ tên', en: 'Name' },
  position: { vi: 'Chức vụ', en: 'Position' },
  fromDate: { vi: 'Từ ngày', en: 'From' },
  toDate: { vi: 'Đến ngày', en: 'To' },
  organization: { vi: 'Tổ chức', en: 'Organization' },
  positions: { vi: 'Chức vụ hiện giữ', en: 'Current positions' },
  positionHistory: { vi: 'Quá trình công tác', en: 'Position history' },
  portfolio: { vi: 'Phân công phụ trách', en: 'Portfolio' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  locality: { vi: 'Địa bàn', en: 'Locality' },
  partyMembership: { vi: 'Sinh hoạt đảng', en: 'Party membership' },
  searchPlaceholder: {
    vi: 'Nhập tên người hoặc tổ chức, có dấu hoặc không dấu',
    en: 'Name of a person or organization, with or without diacritics',
  },
  organizations: { vi: 'Tổ chức', en: 'Organizations' },
  people: { vi: 'Cán bộ, đảng viên', en: 'People' },
  noResult: { vi: 'Không có kết quả', en: 'No results' },
  none: { vi: 'Không có', en: 'None' },
  ended: { vi: 'đã kết thúc', en: 'ended' },
  notActive: { vi: 'Không hoạt động vào ngày này', en: 'Not active on this date' },
  term: { vi: 'Khóa', en: 'Term' },
  count: { vi: 'Số lượng', en: 'Count' },
  body: { vi: 'Cơ quan', en: 'Body' },
  status: { vi: 'Tình trạng', en: 'Status' },
  official: { vi: 'Chính thức', en: 'Official' },
  probationary: { vi: 'Dự bị', en: 'Probationary' },
  loadMore: { vi: 'Xem các tổ chức trực thuộc', en: 'Show subordinates' },
  collapse: { vi: 'Thu gọn', en: 'Collapse' },
  menu: { vi: 'Mở danh mục', en: 'Open menu' },
  name: { vi: 'Tên', en: 'Name' },
  parentOrg: { vi: 'Tổ chức cấp trên', en: 'Parent organization' },
  memberCount: { vi: 'Số thành viên', en: 'Members' },
  positionsOn: { vi: 'Chức vụ tại ngày', en: 'Positions as of' },
  change: { vi: 'Hình thức', en: 'Change' },
  effectiveOn: { vi: 'Ngày hiệu lực', en: 'Effective on' },
  congressClosedOn: { vi: 'Bế mạc đại hội', en: 'Congress closed' },
  membersOn: { vi: 'Thành viên tại ngày', en: 'Members as of' },
  endReason: { vi: 'Lý do thôi', en: 'End reason' },
  user: { vi: 'Người dùng', en: 'User' },
  meetingCalendar: { vi: 'Lịch họp', en: 'Meeting calendar' },
  meetingReport: { vi: 'Báo cáo hội nghị', en: 'Meetings report' },
  tasks: { vi: 'Nhiệm vụ', en: 'Tasks' },
  taskDashboard: { vi: 'Theo dõi nhiệm vụ', en: 'Task follow-up' },
  programs: { vi: 'Chương trình công tác', en: 'Programs' },
  inspections: { vi: 'Kiểm tra, giám sát', en: 'Inspections' },
  recommendations: { vi: 'Kiến nghị, đề xuất', en: 'Recommendations' },
  consultations: { vi: 'Lấy ý kiến dự thảo', en: 'Consultations' },
  reviews: { vi: 'Sơ kết, tổng kết', en: 'Reviews' },
  shortcomings: { vi: 'Hạn chế, khuyết điểm', en: 'Shortcomings' },
  accounts: { vi: 'Tài khoản', en: 'Accounts' },
  jobs: { vi: 'Công việc nền', en: 'Background jobs' },
  changePassword: { vi: 'Đổi mật khẩu', en: 'Change password' },
} satisfies Record<string, Record<Lang, string>>;
export type MessageKey = keyof typeof dict;

let lang: Lang = (typeof localStorage !== 'undefined' && (localStorage.getItem('qc-lang') as Lang)) || 'vi';
const listeners = new Set<() => void>();
document.documentElement.lang = lang;

export function setLang(l: Lang) {
  lang = l;
  localStorage.setItem('qc-lang', l);
  document.documentElement.lang = l;
  for (const f of listeners) f();
}
export function useLang(): [Lang, (key: MessageKey) => string] {
  const l = useSyncExternalStore(
    (cb) => (listeners.add(cb), () => listeners.delete(cb)),
    () => lang,
  );
  return [l, (key) => dict[key][l]];
}
/** How an organization came to succeed another (SUCCESSION_KINDS). */
export const SUCCESSION_LABELS: Record<string, { vi: string; en: string }> = {
  merge: { vi: 'hợp nhất, sáp nhập', en: 'merger' },
  split: { vi: 'chia tách', en: 'split' },
  dissolve: { vi: 'giải thể', en: 'dissolution' },
  transfer: { vi: 'chuyển giao', en: 'transfer' },
  rename: { vi: 'đổi tên', en: 'renaming' },
};

export function label(l: Lang, v: { vi: string; en: string } | undefined, fallback = ''): string {
  return v ? v[l] : fallback;
}

/** A sentence in both languages, written where it is used: `tr('Lưu', 'Save')`. */
export function useTr(): [Lang, (vi: string, en: string) => string] {
  const [l] = useLang();
  return [l, (vi, en) => (l === 'vi' ? vi : en)];
}

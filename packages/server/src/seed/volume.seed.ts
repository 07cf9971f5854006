import { addDays, daysInMonth, foldVietnamese } from '@quyche/core';
import type { Batch } from './batch.js';

/**
 * Generated volume for the demo: the communes follow the province's resolutions and directives of 2026 as tasks of
 * their own (about a thousand), so that lists, the board and the dashboards look like a province's, not a fixture's.
 * Deterministic (a fixed seed), standing on 01/12/2026 like the rest: mostly done, some under way, a few overdue —
 * never longer overdue than the fixture's own planted case, which the dashboard must still show first.
 * The two communes of the fixture (Tân Lập, Bắc Sơn) keep only the fixture's records.
 */
export interface VolumeSeedContext {
  communes: { id: string; name: string; secretary: string }[];
  /** The first communes are the fixture's own. */
  skip: number;
  adminUser: string;
  today: string;
}

const SOURCES: { kind: 'resolution' | 'directive' | 'letter' | 'other'; label: string; deciding: string }[] = [
  { kind: 'resolution', label: 'Nghị quyết số 05-NQ/TU về chuyển đổi số trong cơ quan Đảng', deciding: 'BTV' },
  { kind: 'resolution', label: 'Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025–2030', deciding: 'BCH' },
  { kind: 'directive', label: 'Chỉ thị số 03-CT/TU về nâng cao chất lượng sinh hoạt chi bộ', deciding: 'BTV' },
  { kind: 'directive', label: 'Chỉ thị số 04-CT/TU về công tác phát triển đảng viên', deciding: 'BTV' },
  { kind: 'letter', label: 'Công văn số 215-CV/TU về sơ kết 6 tháng', deciding: 'BTV' },
  { kind: 'other', label: 'Chương trình công tác năm 2026 của Ban Thường vụ Đảng ủy', deciding: 'BTV' },
];
const WORK: { title: (n: number, place: string) => string; product: string; source: number }[] = [
  { title: (n) => `Kiện toàn chi ủy chi bộ thôn ${n}`, product: 'Quyết định kiện toàn', source: 2 },
  {
    title: (n) => `Kết nạp đảng viên mới quý ${['I', 'II', 'III', 'IV'][n % 4]} năm 2026`,
    product: 'Báo cáo kết quả kết nạp',
    source: 3,
  },
  {
    title: () => 'Sinh hoạt chuyên đề "6 rõ" trong giao nhiệm vụ tại các chi bộ',
    product: 'Báo cáo kết quả sinh hoạt chuyên đề',
    source: 2,
  },
  { title: () => 'Số hóa hồ sơ đảng viên của Đảng bộ', product: 'Cơ sở dữ liệu hồ sơ đảng viên', source: 0 },
  { title: () => 'Sử dụng Sổ tay đảng viên điện tử tại 100% chi bộ', product: 'Số liệu triển khai', source: 0 },
  {
    title: () => 'Báo cáo sơ kết 6 tháng thực hiện Nghị quyết Đại hội Đảng bộ xã',
    product: 'Báo cáo sơ kết',
    source: 4,
  },
  { title: () => 'Rà soát, phân loại chất lượng đảng viên năm 2026', product: 'Báo cáo phân loại', source: 5 },
  {
    title: (_n, place) => `Giải quyết dứt điểm đơn thư kéo dài trên địa bàn ${place}`,
    product: 'Báo cáo kết quả giải quyết',
    source: 1,
  },
  { title: () => 'Kiểm tra việc thu, nộp đảng phí tại các chi bộ', product: 'Thông báo kết quả kiểm tra', source: 5 },
  { title: (_n, place) => `Xây dựng mô hình dân vận khéo tại ${place}`, product: 'Báo cáo mô hình', source: 1 },
  {
    title: () => 'Tổ chức hội nghị đối thoại giữa Bí thư Đảng ủy với nhân dân',
    product: 'Báo cáo kết quả đối thoại',
    source: 1,
  },
  { title: (n) => `Củng cố chi bộ yếu kém thôn ${n}`, product: 'Báo cáo kết quả củng cố', source: 2 },
  {
    title: () => 'Chuẩn bị báo cáo tổng kết công tác xây dựng Đảng năm 2026',
    product: 'Báo cáo tổng kết năm',
    source: 5,
  },
  {
    title: () => 'Bồi dưỡng lý luận chính trị cho đảng viên mới',
    product: 'Danh sách học viên, kết quả bồi dưỡng',
    source: 3,
  },
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function seedVolume(b: Batch, c: VolumeSeedContext) {
  const r = rng(20261201);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  // Overdue, if at all, since this date at most: the fixture's task 17 (31/07/2026) stays the longest overdue.
  const overdueFloor = '2026-08-15';
  // Two communes clearly behind in the first half of 2026: what they finished then, they finished weeks late (the
  // province's table of its communes flags them).
  const behind = new Set([c.communes[c.skip + 20]?.id, c.communes[c.skip + 55]?.id].filter(Boolean));
  let n = 0;
  for (const commune of c.communes.slice(c.skip)) {
    const org = commune.id;
    const lead = { kind: 'unit', id: org, name: `Đảng ủy ${commune.name}` };
    const count = 9 + Math.floor(r() * 6);
    const used = new Set<number>();
    for (let k = 0; k < count; k++) {
      let w = Math.floor(r() * WORK.length);
      while (used.has(w)) w = (w + 1) % WORK.length;
      used.add(w);
      const work = WORK[w]!;
      const src = SOURCES[work.source]!;
      const month = 1 + Math.floor(r() * 15); // January 2026 … March 2027
      const year = month > 12 ? 2027 : 2026;
      const mo = month > 12 ? month - 12 : month;
      const due = `${year}-${String(mo).padStart(2, '0')}-${String(daysInMonth(year, mo)).padStart(2, '0')}`;
      const assignedOn = addDays(`${year}-${String(mo).padStart(2, '0')}-01`, -45 - Math.floor(r() * 60));
      let state: string;
      let percent: number;
      let doneOn: string | null = null;
      const x = r();
      if (due < overdueFloor) {
        state = 'done';
      } else if (due < c.today) {
        state = x < 0.82 ? 'done' : x < 0.95 ? 'in_progress' : 'reported';
      } else {
        state = x < 0.15 ? 'done' : x < 0.6 ? 'in_progress' : 'assigned';
      }
      if (state === 'done') {
        // Mostly on time, some a few days late.
        const [a, d] = [r(), r()];
        doneOn =
          behind.has(commune.id) && due < '2026-07-01'
            ? addDays(due, 12 + Math.floor(d * 40))
            : addDays(due, a < 0.85 ? -Math.floor(d * 20) : 1 + Math.floor(d * 10));
        if (doneOn > c.today) doneOn = addDays(c.today, -1 - Math.floor(r() * 10));
        if (doneOn < assignedOn) doneOn = addDays(assignedOn, 10);
        percent = 100;
      } else if (state === 'reported') percent = 100;
      else if (state === 'in_progress') percent = 10 * (2 + Math.floor(r() * 7));
      else percent = 0;
      const title = work.title(1 + Math.floor(r() * 8), commune.name);
      const reportedOn =
        state === 'assigned'
          ? null
          : (doneOn ??
            (addDays(c.today, -3 - Math.floor(r() * 40)) > assignedOn
              ? addDays(c.today, -3 - Math.floor(r() * 40))
              : addDays(assignedOn, 5)));
      const id = b.add('task', {
        org_id: org,
        title,
        lead_kind: lead.kind,
        lead_id: lead.id,
        lead_name: lead.name,
        lead_org_id: org,
        supporting: '[]',
        due_date: due,
        supervisor_person_id: commune.secretary,
        deciding_body: src.deciding,
        product: work.product,
        source_kind: src.kind,
        source_label: src.label,
        state,
        percent,
        weight: 1,
        assigned_on: assignedOn,
        done_on: doneOn,
        reported_on: state === 'done' || state === 'reported' ? reportedOn : null,
        search_text: foldVietnamese(`${title} ${lead.name} ${src.label} ${work.product}`),
      });
      n++;
      if (reportedOn) {
        b.add('task_report', {
          org_id: org,
          task_id: id,
          reported_on: reportedOn,
          percent,
          text: pick([
            'Đã triển khai đến các chi bộ.',
            'Đang tổng hợp kết quả từ các chi bộ.',
            'Đã hoàn thành, báo cáo Ban Thường vụ.',
            'Đã xây dựng kế hoạch, đang thực hiện.',
          ]),
          created_by: c.adminUser,
        });
      }
    }
  }
  return { tasks: n };
}

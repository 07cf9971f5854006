import { addDays, foldVietnamese } from '@quyche/core';
import { uuidv7 } from '@quyche/db';
import type { Batch } from './batch.js';
import { externalUnit, fixtureUnits, leadOrgOf } from './units.seed.js';
import type { SeedBodies, SeedOrgs } from './units.seed.js';
import type { SeededAction } from './meetings.seed.js';

/**
 * The fixture's 20 tasks (shared/fixtures/an-lac.md §5) as they stand on 01/12/2026. Those assigned in a conclusion
 * come from its action items; those of the 2026 programs name the program. The fixture's cases: task 7 is the Ban
 * Nội chính's own matter escalated to the TT (competence warning, R9); task 13 and task 17 are past their deadline
 * (task 17 from a BTV conclusion: it comes back on the next BTV session's proposed agenda); task 18 runs on an
 * extension the BTV approved (30/4 → 31/5); task 19 is reported and awaits acceptance; task 20, with two leads, is
 * stored split in two, one per program — the fixture's version is refused (tested).
 */
export interface TaskSeedContext {
  org: string;
  actions: Map<number, SeededAction>;
  meetings: Map<string, string>;
  bodies: SeedBodies;
  orgs: SeedOrgs;
  people: Map<string, string>;
  adminUser: string;
}

/** A task done on `doneOn` (100 %), with its progress reports [date, percent, text]. */
const done = (no: number, doneOn: string, ...reports: [string, number, string][]): Plan => ({
  no,
  state: 'done',
  percent: 100,
  doneOn,
  reports,
});
/** A task under way: its percentage is that of its latest report. */
const underway = (no: number, ...reports: [string, number, string][]): Plan => ({
  no,
  state: 'in_progress',
  percent: reports.at(-1)![1],
  reports,
});

type Lead = { kind: 'unit'; id: string; name: string };
interface Plan {
  no: number | string;
  state: 'assigned' | 'in_progress' | 'reported' | 'done';
  percent: number;
  doneOn?: string;
  reports?: [string, number, string][];
  extension?: { requestedOn: string; requestedTo: string; reason: string; decidedOn: string; ref: string };
  matter?: string;
}

export function seedFixtureTasks(b: Batch, c: TaskSeedContext) {
  const U = fixtureUnits(c.bodies, c.orgs);
  const leadOrg = leadOrgOf(c.orgs, c.org);
  const ext = externalUnit;

  // How each task stands on 01/12/2026.
  const plans: Plan[] = [
    done(
      1,
      '2026-03-27',
      ['2026-02-27', 60, 'Đã xây dựng dự thảo Đề án, xin ý kiến các cơ quan.'],
      ['2026-03-26', 100, 'Trình Ban Thường vụ Tờ trình và Đề án.'],
    ),
    done(4, '2026-02-12', ['2026-02-11', 100, 'Báo cáo tổng hợp 14 vướng mắc và 5 kiến nghị.']),
    done(
      5,
      '2026-04-28',
      ['2026-03-31', 70, '1.420/2.030 chi bộ đã dùng Sổ tay.'],
      ['2026-04-27', 100, '100% chi bộ đã triển khai.'],
    ),
    done(6, '2026-02-26', ['2026-02-25', 100, 'Ban hành Kế hoạch thực hiện Nghị quyết Đại hội XIV.']),
    {
      no: 7,
      state: 'done',
      percent: 100,
      doneOn: '2026-02-13',
      matter: 'RA_SOAT_DON_THU',
      reports: [['2026-02-12', 100, 'Báo cáo rà soát 23 đơn thư, đề xuất hướng giải quyết.']],
    },
    done(8, '2026-03-30', ['2026-03-27', 100, 'Trình dự thảo Quy chế phối hợp.']),
    done(11, '2026-01-29', ['2026-01-28', 100, 'Kế hoạch 10 hội nghị năm 2026 (năm 2025: 12).']),
    done(12, '2026-10-09', ['2026-10-01', 100, 'Trình Hội nghị lần thứ 9 Đề án phát triển du lịch biển.']),
    underway(
      13,
      ['2026-06-30', 40, 'Đã củng cố 2/5 chi bộ.'],
      ['2026-09-15', 60, 'Đã củng cố 3/5 chi bộ; 2 chi bộ thôn 4, thôn 5 chưa kiện toàn chi ủy.'],
    ),
    done(14, '2026-03-19', ['2026-03-18', 100, 'Kế hoạch, tài liệu hội nghị đã gửi 96 điểm cầu.']),
    done(15, '2026-08-20', ['2026-08-12', 100, 'Tờ trình nhân sự đã trình Hội nghị lần thứ 8.']),
    underway(
      17,
      ['2026-06-15', 40, 'Đã tổng hợp báo cáo của 96 đảng ủy xã, phường.'],
      ['2026-07-28', 70, 'Đang hoàn chỉnh dự thảo kết luận, chờ ý kiến Ban Tuyên giáo và Dân vận.'],
    ),
    {
      no: 18,
      state: 'done',
      percent: 100,
      doneOn: '2026-05-29',
      reports: [
        ['2026-04-24', 50, 'Đã xác minh 3/6 vụ vi phạm.'],
        ['2026-05-28', 100, 'Báo cáo phương án xử lý và đề xuất kỷ luật.'],
      ],
      extension: {
        requestedOn: '2026-04-24',
        requestedTo: '2026-05-31',
        reason: 'Cần thêm thời gian xác minh 3 vụ vi phạm liên quan đến nhiều hộ dân',
        decidedOn: '2026-05-05',
        ref: 'Ý kiến Ban Thường vụ tại phiên họp ngày 05/05/2026',
      },
    },
    {
      no: 19,
      state: 'reported',
      percent: 100,
      reports: [['2026-09-29', 100, 'Đã đưa phần mềm vào sử dụng, ban hành hướng dẫn.']],
    },
  ];
  const programTasks = [
    {
      no: 2,
      title: 'Dự thảo Nghị quyết chuyên đề về chuyển đổi số cơ quan Đảng',
      lead: U.VPTU,
      supporting: [ext('Ban Tuyên giáo và Dân vận Tỉnh ủy'), ext('Sở Khoa học và Công nghệ')],
      supervisor: 'M09',
      deciding: 'BCH',
      dueMeeting: 'HN6',
      product: 'Tờ trình và dự thảo Nghị quyết',
      source: 'Chương trình làm việc năm 2026',
      state: 'done' as const,
      doneOn: '2026-04-08',
    },
    {
      no: 3,
      title: 'Giám sát chuyên đề việc thực hiện Kết luận 226-KL/TW tại 10 đảng ủy xã',
      lead: U.UBKT,
      supporting: [U.BTC],
      supervisor: 'M06',
      deciding: 'BTV',
      due: '2026-06-30',
      product: 'Báo cáo kết quả giám sát',
      source: 'Chương trình kiểm tra, giám sát năm 2026',
      state: 'done' as const,
      doneOn: '2026-06-29',
    },
    {
      no: 9,
      title: 'Sơ kết 1 năm thực hiện mô hình chính quyền địa phương 2 cấp',
      lead: U.BTC,
      supporting: [ext('Sở Nội vụ')],
      supervisor: 'M05',
      deciding: 'BCH',
      due: '2026-06-30',
      product: 'Báo cáo sơ kết',
      source: 'Chương trình làm việc năm 2026',
      state: 'done' as const,
      doneOn: '2026-06-25',
    },
    {
      no: 10,
      title: 'Kiểm tra công tác tài chính đảng năm 2025 tại Đảng ủy các cơ quan Đảng tỉnh',
      lead: U.UBKT,
      supporting: [U.VPTU],
      supervisor: 'M06',
      deciding: 'UBKT',
      due: '2026-05-31',
      product: 'Thông báo kết luận kiểm tra',
      source: 'Chương trình kiểm tra, giám sát năm 2026',
      state: 'done' as const,
      doneOn: '2026-05-27',
    },
    {
      no: 16,
      title: 'Báo cáo 6 tháng thực hiện Nghị quyết Đại hội Đảng bộ tỉnh',
      lead: U.VPTU,
      supporting: [ext('Các đảng ủy trực thuộc')],
      supervisor: 'M02',
      deciding: 'BCH',
      due: '2026-06-30',
      product: 'Báo cáo 6 tháng',
      source: 'Chương trình làm việc năm 2026',
      state: 'done' as const,
      doneOn: '2026-06-26',
    },
    // Task 20 of the fixture, split: one program, one lead each.
    {
      no: '20a',
      title: 'Xây dựng Chương trình làm việc năm 2027 của Tỉnh ủy',
      lead: U.VPTU,
      supporting: [ext('Các ban đảng Tỉnh ủy')],
      supervisor: 'M02',
      deciding: 'BCH',
      dueMeeting: 'HN10',
      product: 'Chương trình làm việc năm 2027',
      source: 'Chương trình làm việc năm 2026',
      state: 'in_progress' as const,
    },
    {
      no: '20b',
      title: 'Xây dựng Chương trình kiểm tra, giám sát năm 2027 của Tỉnh ủy',
      lead: U.UBKT,
      supporting: [ext('Các ban đảng Tỉnh ủy')],
      supervisor: 'M02',
      deciding: 'BCH',
      dueMeeting: 'HN10',
      product: 'Chương trình kiểm tra, giám sát năm 2027',
      source: 'Chương trình kiểm tra, giám sát năm 2026',
      state: 'in_progress' as const,
    },
  ];

  const ids = new Map<number | string, string>();
  const row = (
    t: {
      no: number | string;
      title: string;
      lead: Lead;
      supporting: unknown[];
      due?: string | null;
      dueMeetingId?: string | null;
      dueLabel?: string | null;
      supervisorId: string;
      deciding: string;
      product: string;
      sourceKind: string;
      sourceId: string | null;
      sourceLabel: string;
      sourceBodyId: string | null;
      assignedOn: string;
      matter?: string;
    },
    p: { state: string; percent: number; doneOn?: string; reportedOn?: string; extendedTo?: string },
  ) => {
    const id = uuidv7();
    ids.set(t.no, id);
    b.add('task', {
      id,
      org_id: c.org,
      title: t.title,
      lead_kind: t.lead.kind,
      lead_id: t.lead.id,
      lead_name: t.lead.name,
      lead_org_id: leadOrg(t.lead),
      supporting: JSON.stringify(t.supporting),
      due_date: t.due ?? null,
      due_meeting_id: t.dueMeetingId ?? null,
      due_label: t.dueLabel ?? null,
      extended_to: p.extendedTo ?? null,
      supervisor_person_id: t.supervisorId,
      deciding_body: t.deciding,
      matter: t.matter ?? null,
      product: t.product,
      source_kind: t.sourceKind,
      source_id: t.sourceId,
      source_label: t.sourceLabel,
      source_body_id: t.sourceBodyId,
      state: p.state,
      percent: p.percent,
      assigned_on: t.assignedOn,
      done_on: p.doneOn ?? null,
      reported_on: p.reportedOn ?? null,
      search_text: foldVietnamese(`${t.title} ${t.lead.name} ${t.sourceLabel} ${t.product}`),
    });
    return id;
  };
  for (const p of plans) {
    const a = c.actions.get(p.no as number)!;
    const id = row(
      {
        no: p.no,
        title: a.action.text,
        lead: a.action.lead,
        supporting: a.action.supporting,
        due: a.action.due ?? null,
        dueMeetingId: a.action.dueMeetingId,
        supervisorId: a.action.supervisorId,
        deciding: a.action.deciding,
        product: a.action.product,
        sourceKind: 'conclusion_item',
        sourceId: a.itemId,
        sourceLabel: a.conclusionSymbol,
        sourceBodyId: a.bodyId,
        assignedOn: a.issuedOn,
        matter: p.matter,
      },
      {
        state: p.state,
        percent: p.percent,
        doneOn: p.doneOn,
        reportedOn: p.reports?.filter((r) => r[1] >= 100).at(-1)?.[0],
        extendedTo: p.extension?.requestedTo,
      },
    );
    for (const [on, percent, text] of p.reports ?? [])
      b.add('task_report', { org_id: c.org, task_id: id, reported_on: on, percent, text, created_by: c.adminUser });
    if (p.extension) {
      b.add('task_extension', {
        org_id: c.org,
        task_id: id,
        requested_on: p.extension.requestedOn,
        requested_to: p.extension.requestedTo,
        reason: p.extension.reason,
        state: 'approved',
        decided_on: p.extension.decidedOn,
        decided_by: 'BTV',
        decision_ref: p.extension.ref,
        created_by: c.adminUser,
      });
    }
  }
  for (const t of programTasks) {
    const dueMeetingId = t.dueMeeting ? c.meetings.get(t.dueMeeting)! : null;
    const id = row(
      {
        no: t.no,
        title: t.title,
        lead: t.lead,
        supporting: t.supporting,
        due: t.due ?? null,
        dueMeetingId,
        dueLabel: t.dueMeeting ? `Trình Hội nghị Tỉnh ủy lần thứ ${t.dueMeeting.slice(2)}` : null,
        supervisorId: c.people.get(t.supervisor)!,
        deciding: t.deciding,
        product: t.product,
        sourceKind: 'program_item',
        sourceId: null,
        sourceLabel: t.source,
        sourceBodyId: c.bodies.BTV,
        assignedOn: '2026-01-16',
      },
      {
        state: t.state,
        percent: t.state === 'done' ? 100 : 50,
        doneOn: t.state === 'done' ? t.doneOn : undefined,
        reportedOn: t.state === 'done' ? addDays(t.doneOn!, -1) : undefined,
      },
    );
    b.add('task_report', {
      org_id: c.org,
      task_id: id,
      reported_on: t.state === 'done' ? addDays(t.doneOn!, -1) : '2026-11-20',
      percent: t.state === 'done' ? 100 : 50,
      text:
        t.state === 'done'
          ? 'Đã hoàn thành, trình cấp có thẩm quyền.'
          : 'Đã xây dựng khung chương trình, đang lấy ý kiến các ban.',
      created_by: c.adminUser,
    });
  }
  return { tasks: ids.size, ids };
}

export const TASK_TABLES = ['task', 'task_milestone', 'task_report', 'task_file', 'task_extension'];

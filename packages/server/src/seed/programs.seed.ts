import {
  addDays,
  documentSymbol,
  dueDate,
  foldVietnamese,
  parsePeriod,
  periodLabel,
  periodRange,
  programAdopter,
  RECOMMENDATION_DUTY,
  RECOMMENDATION_EVENT,
} from '@quyche/core';
import type { ProgramPeriod, Regulation } from '@quyche/core';
import type { Batch } from './batch.js';
import { externalUnit, fixtureUnits, leadOrgOf } from './units.seed.js';
import type { SeedBodies, SeedOrgs } from './units.seed.js';

/**
 * The programs of khóa XVIII and of 2026 (fixture §5's program tasks become items of them), the inspections and
 * supervisions of the 2026 program, and recommendations sent up to the Tỉnh ủy — as they stand on 01/12/2026.
 * Planted for the demo: one inspection concluded with a remedy still open (not verifiable yet), one recommendation
 * past its answer deadline (from Đảng ủy phường Bắc Sơn).
 */
export interface ProgramSeedContext {
  org: string;
  termId: string;
  reg: Regulation;
  meetings: Map<string, string>;
  bodies: SeedBodies;
  orgs: SeedOrgs;
  communes: { id: string; name: string }[];
  people: Map<string, string>;
  adminUser: string;
}

type Lead = { kind: 'unit'; id: string; name: string };
interface ItemPlan {
  title: string;
  period: ProgramPeriod | { kind: 'meeting'; key: string };
  lead: Lead;
  supporting?: { kind: 'unit'; id: string | null; name: string }[];
  supervisor: string;
  deciding: string;
  product: string;
  /** The fixture task it carries (by title), or a task made here. */
  fixtureTitle?: string;
  task?: { state: 'assigned' | 'in_progress' | 'done'; percent: number; doneOn?: string; report?: string };
  inspectionKind?: string;
  targets?: { id: string | null; name: string }[];
}

export function seedPrograms(b: Batch, c: ProgramSeedContext) {
  const unit = (id: string, name: string): Lead => ({ kind: 'unit', id, name });
  const U = fixtureUnits(c.bodies, c.orgs);
  const ext = externalUnit;
  const P = (code: string) => c.people.get(code)!;
  const period = (kind: 'month' | 'quarter' | 'half' | 'date', v: string) => parsePeriod(kind, v)!;
  const leadOrg = leadOrgOf(c.orgs, c.org);
  // Both programs end by drafting next year's (the 10th conference, its fixture task), named after the program.
  const nextYears = (name: string, lead: Lead): ItemPlan => {
    const title = `Xây dựng ${name} năm 2027 của Tỉnh ủy`;
    const product = `${name} năm 2027`;
    return {
      title,
      period: { kind: 'meeting', key: 'HN10' },
      lead,
      supervisor: 'M02',
      deciding: 'BCH',
      product,
      fixtureTitle: title,
    };
  };
  const counters = { CTr: 0, QĐ: 6 };
  const doc = (type: 'CTr' | 'QĐ', title: string, on: string) => {
    const n = ++counters[type];
    const symbol = documentSymbol(n, type, 'TU');
    return {
      id: b.add('issued_document', {
        org_id: c.org,
        term_id: c.termId,
        doc_type: type,
        number: n,
        symbol,
        title,
        issued_on: on,
        confidentiality: 0,
      }),
      symbol,
    };
  };
  const taskRows = () => b.tables.get('task') ?? [];
  const meetingRow = (key: string) => {
    const id = c.meetings.get(key);
    const m = (b.tables.get('meeting') ?? []).find((r) => r['id'] === id);
    if (!m) throw new Error(`seed: no meeting ${key}`);
    return { id: String(m['id']), date: String(m['meeting_date']), title: String(m['title']) };
  };
  const noticeOf = (key: string) =>
    String((b.tables.get('conclusion') ?? []).find((r) => r['meeting_id'] === meetingRow(key).id)?.['symbol'] ?? '');
  const itemIds = new Map<string, string>();

  const program = (p: {
    kind: 'work' | 'inspection';
    span: 'term' | 'year';
    year: number | null;
    title: string;
    ownerBody: string | null;
    adoptedOn: string;
    meetingKey: string | null;
    adoptingBody: 'BCH' | 'BTV';
    items: ItemPlan[];
  }) => {
    const matter = p.span === 'term' ? 'CTR_TOAN_KHOA' : 'CTR_NAM';
    const who = programAdopter(c.reg, p.span, matter, p.adoptedOn);
    const _bodyName = p.adoptingBody === 'BCH' ? 'Ban Chấp hành Đảng bộ tỉnh' : 'Ban Thường vụ Tỉnh ủy';
    const d = doc('CTr', p.title, p.adoptedOn);
    const id = b.add('program', {
      org_id: c.org,
      term_id: c.termId,
      kind: p.kind,
      span: p.span,
      year: p.year,
      title: p.title,
      matter,
      owner_body_id: p.ownerBody,
      state: 'adopted',
      adopted_on: p.adoptedOn,
      adopted_meeting_id: p.meetingKey ? c.meetings.get(p.meetingKey)! : null,
      adopting_body_id: c.bodies[p.adoptingBody],
      issued_document_id: d.id,
      symbol: d.symbol,
      competence: JSON.stringify({
        ok: who.competent === p.adoptingBody,
        competent: who.competent,
        reason_vi: `Đúng thẩm quyền: ${who.reason_vi}`,
        ruleIds: who.ruleIds,
        eIds: who.eIds,
      }),
      search_text: foldVietnamese(`${p.title} ${d.symbol}`),
    });
    p.items.forEach((it, i) => {
      const per: ProgramPeriod =
        it.period.kind === 'meeting' && 'key' in it.period
          ? {
              kind: 'meeting',
              meetingDate: meetingRow(it.period.key).date,
              label: meetingRow(it.period.key).title.split(':')[0]!,
            }
          : (it.period as ProgramPeriod);
      const r = periodRange(per);
      const itemId = b.add('program_item', {
        org_id: c.org,
        program_id: id,
        position: i + 1,
        title: it.title,
        period_kind: per.kind,
        period: 'value' in per ? per.value : null,
        due_meeting_id: it.period.kind === 'meeting' && 'key' in it.period ? c.meetings.get(it.period.key)! : null,
        starts_on: r.from,
        due_date: r.to,
        period_label: periodLabel(per),
        lead_kind: it.lead.kind,
        lead_id: it.lead.id,
        lead_name: it.lead.name,
        lead_org_id: leadOrg(it.lead),
        supporting: JSON.stringify(it.supporting ?? []),
        supervisor_person_id: P(it.supervisor),
        deciding_body: it.deciding,
        product: it.product,
        inspection_kind: it.inspectionKind ?? null,
        targets: JSON.stringify(it.targets ?? []),
      });
      itemIds.set(it.title, itemId);
      if (it.fixtureTitle) {
        const t = taskRows().find((x) => x['title'] === it.fixtureTitle);
        if (!t) throw new Error(`seed: no fixture task "${it.fixtureTitle}"`);
        t['source_id'] = itemId;
        t['source_label'] = p.title;
      } else if (it.task) {
        const due = r.to;
        const taskId = b.add('task', {
          org_id: c.org,
          title: it.title,
          lead_kind: it.lead.kind,
          lead_id: it.lead.id,
          lead_name: it.lead.name,
          lead_org_id: leadOrg(it.lead),
          supporting: JSON.stringify(it.supporting ?? []),
          due_date: due,
          due_meeting_id: it.period.kind === 'meeting' && 'key' in it.period ? c.meetings.get(it.period.key)! : null,
          due_label: per.kind === 'meeting' ? `Trình ${periodLabel(per).replace(/ \(.*\)$/, '')}` : periodLabel(per),
          supervisor_person_id: P(it.supervisor),
          deciding_body: it.deciding,
          product: it.product,
          source_kind: 'program_item',
          source_id: itemId,
          source_label: p.title,
          source_body_id: c.bodies.BTV,
          state: it.task.state,
          percent: it.task.percent,
          assigned_on: '2026-01-16',
          done_on: it.task.doneOn ?? null,
          search_text: foldVietnamese(`${it.title} ${it.lead.name} ${p.title} ${it.product}`),
        });
        if (it.task.report)
          b.add('task_report', {
            org_id: c.org,
            task_id: taskId,
            reported_on: it.task.doneOn ? addDays(it.task.doneOn, -1) : '2026-11-25',
            percent: it.task.percent,
            text: it.task.report,
            created_by: c.adminUser,
          });
      }
    });
    return id;
  };

  // — Khóa XVIII: the full-term programs, adopted by the BCH (R11) before these records began.
  program({
    kind: 'work',
    span: 'term',
    year: null,
    title: 'Chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh khóa XVIII, nhiệm kỳ 2025–2030',
    ownerBody: null,
    adoptedOn: '2025-11-14',
    meetingKey: null,
    adoptingBody: 'BCH',
    items: [
      {
        title: 'Ban hành chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII',
        period: period('half', '2025-H2'),
        lead: U.VPTU,
        supervisor: 'M02',
        deciding: 'BCH',
        product: 'Chương trình hành động',
      },
      {
        title: 'Nghị quyết chuyên đề về chuyển đổi số cơ quan Đảng',
        period: period('half', '2026-H1'),
        lead: U.VPTU,
        supervisor: 'M09',
        deciding: 'BCH',
        product: 'Nghị quyết chuyên đề',
      },
      {
        title: 'Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII',
        period: period('half', '2028-H1'),
        lead: U.VPTU,
        supervisor: 'M02',
        deciding: 'BCH',
        product: 'Báo cáo sơ kết giữa nhiệm kỳ',
      },
      {
        title: 'Tổng kết nhiệm kỳ, chuẩn bị Đại hội Đảng bộ tỉnh lần thứ XIX',
        period: period('half', '2030-H1'),
        lead: U.BTC,
        supervisor: 'M05',
        deciding: 'BCH',
        product: 'Báo cáo chính trị, Đề án nhân sự',
      },
    ],
  });
  program({
    kind: 'inspection',
    span: 'term',
    year: null,
    title: 'Chương trình kiểm tra, giám sát toàn khóa của Ban Chấp hành Đảng bộ tỉnh khóa XVIII, nhiệm kỳ 2025–2030',
    ownerBody: null,
    adoptedOn: '2025-11-14',
    meetingKey: null,
    adoptingBody: 'BCH',
    items: [
      {
        title: 'Giám sát việc thực hiện Kết luận 226-KL/TW về "6 rõ" trong giao nhiệm vụ',
        period: period('half', '2026-H1'),
        lead: U.UBKT,
        supervisor: 'M06',
        deciding: 'BTV',
        product: 'Báo cáo kết quả giám sát',
        inspectionKind: 'thematic_supervision',
      },
      {
        title: 'Kiểm tra việc thực hiện quy chế làm việc của các đảng ủy trực thuộc',
        period: period('half', '2027-H2'),
        lead: U.UBKT,
        supervisor: 'M06',
        deciding: 'BTV',
        product: 'Thông báo kết luận kiểm tra',
        inspectionKind: 'thematic_inspection',
      },
    ],
  });

  // — 2026: the annual programs, decided by the BTV (khoản 2 Điều 2) on 6/1 and deployed at Hội nghị lần thứ 5.
  program({
    kind: 'work',
    span: 'year',
    year: 2026,
    title: 'Chương trình làm việc năm 2026',
    ownerBody: null,
    adoptedOn: '2026-01-06',
    meetingKey: 'BTV-01-06',
    adoptingBody: 'BTV',
    items: [
      {
        title: 'Dự thảo Nghị quyết chuyên đề về chuyển đổi số cơ quan Đảng',
        period: { kind: 'meeting', key: 'HN6' },
        lead: U.VPTU,
        supervisor: 'M09',
        deciding: 'BCH',
        product: 'Tờ trình và dự thảo Nghị quyết',
        fixtureTitle: 'Dự thảo Nghị quyết chuyên đề về chuyển đổi số cơ quan Đảng',
      },
      {
        title: 'Sơ kết 1 năm thực hiện mô hình chính quyền địa phương 2 cấp',
        period: period('quarter', '2026-Q2'),
        lead: U.BTC,
        supervisor: 'M05',
        deciding: 'BCH',
        product: 'Báo cáo sơ kết',
        fixtureTitle: 'Sơ kết 1 năm thực hiện mô hình chính quyền địa phương 2 cấp',
      },
      {
        title: 'Báo cáo 6 tháng thực hiện Nghị quyết Đại hội Đảng bộ tỉnh',
        period: period('month', '2026-06'),
        lead: U.VPTU,
        supervisor: 'M02',
        deciding: 'BCH',
        product: 'Báo cáo 6 tháng',
        fixtureTitle: 'Báo cáo 6 tháng thực hiện Nghị quyết Đại hội Đảng bộ tỉnh',
      },
      {
        title: 'Sơ kết 9 tháng thực hiện Nghị quyết năm 2026',
        period: { kind: 'meeting', key: 'HN9' },
        lead: U.VPTU,
        supervisor: 'M02',
        deciding: 'BCH',
        product: 'Báo cáo sơ kết 9 tháng',
        task: {
          state: 'done',
          percent: 100,
          doneOn: '2026-10-05',
          report: 'Đã trình Hội nghị lần thứ 9 báo cáo sơ kết 9 tháng.',
        },
      },
      {
        title: 'Báo cáo tổng kết công tác xây dựng Đảng năm 2026',
        period: { kind: 'meeting', key: 'HN10' },
        lead: U.BTC,
        supporting: [ext('Các ban đảng Tỉnh ủy')],
        supervisor: 'M05',
        deciding: 'BCH',
        product: 'Báo cáo tổng kết năm',
        task: { state: 'in_progress', percent: 40, report: 'Đã tổng hợp báo cáo của các đảng ủy trực thuộc.' },
      },
      nextYears('Chương trình làm việc', U.VPTU),
    ],
  });
  const threeCommunes = c.communes.slice(0, 3).map((x) => ({ id: x.id, name: `Đảng ủy ${x.name}` }));
  const tenCommunes = c.communes.slice(0, 10).map((x) => ({ id: x.id, name: `Đảng ủy ${x.name}` }));
  program({
    kind: 'inspection',
    span: 'year',
    year: 2026,
    title: 'Chương trình kiểm tra, giám sát năm 2026',
    ownerBody: c.bodies.BTV,
    adoptedOn: '2026-01-06',
    meetingKey: 'BTV-01-06',
    adoptingBody: 'BTV',
    items: [
      {
        title: 'Giám sát chuyên đề việc thực hiện Kết luận 226-KL/TW tại 10 đảng ủy xã',
        period: period('quarter', '2026-Q2'),
        lead: U.UBKT,
        supporting: [U.BTC],
        supervisor: 'M06',
        deciding: 'BTV',
        product: 'Báo cáo kết quả giám sát',
        fixtureTitle: 'Giám sát chuyên đề việc thực hiện Kết luận 226-KL/TW tại 10 đảng ủy xã',
        inspectionKind: 'thematic_supervision',
        targets: tenCommunes,
      },
      {
        title: 'Kiểm tra công tác tài chính đảng năm 2025 tại Đảng ủy các cơ quan Đảng tỉnh',
        period: period('month', '2026-05'),
        lead: U.UBKT,
        supporting: [U.VPTU],
        supervisor: 'M06',
        deciding: 'UBKT',
        product: 'Thông báo kết luận kiểm tra',
        fixtureTitle: 'Kiểm tra công tác tài chính đảng năm 2025 tại Đảng ủy các cơ quan Đảng tỉnh',
        inspectionKind: 'finance_inspection',
        targets: [{ id: c.orgs.CQD, name: 'Đảng ủy các cơ quan Đảng tỉnh' }],
      },
      {
        title: 'Kiểm tra việc lãnh đạo, chỉ đạo sinh hoạt chi bộ tại 3 đảng ủy xã',
        period: period('month', '2026-05'),
        lead: U.UBKT,
        supervisor: 'M06',
        deciding: 'UBKT',
        product: 'Thông báo kết luận kiểm tra',
        inspectionKind: 'thematic_inspection',
        targets: threeCommunes,
        task: { state: 'done', percent: 100, doneOn: '2026-06-10', report: 'Đã kết luận kiểm tra 3 đảng ủy xã.' },
      },
      {
        title: 'Giám sát chuyên đề công tác cán bộ tại Đảng ủy UBND tỉnh',
        period: period('quarter', '2026-Q4'),
        lead: U.UBKT,
        supporting: [U.BTC],
        supervisor: 'M06',
        deciding: 'BTV',
        product: 'Báo cáo kết quả giám sát',
        inspectionKind: 'thematic_supervision',
        targets: [{ id: c.orgs.UBND, name: 'Đảng ủy UBND tỉnh' }],
        task: { state: 'in_progress', percent: 50, report: 'Đoàn giám sát đang làm việc với Đảng ủy UBND tỉnh.' },
      },
      nextYears('Chương trình kiểm tra, giám sát', U.UBKT),
    ],
  });

  // — Inspections and supervisions of the 2026 program.
  const team = (leader: string, ...members: string[]) =>
    JSON.stringify([
      { personId: P(leader), role: 'leader' },
      ...members.map((m, i) => ({ personId: P(m), role: i === members.length - 1 ? 'secretary' : 'member' })),
    ]);
  const btvTeam = {
    ok: true,
    reason_vi: 'Đúng thẩm quyền: Ban Thường vụ thành lập đoàn kiểm tra, giám sát',
    ruleIds: [],
    eIds: [],
  };
  const own = {
    ok: true,
    reason_vi: 'Ủy ban Kiểm tra quyết định kiểm tra, giám sát theo thẩm quyền của mình (Điều lệ Đảng, Điều 32)',
    ruleIds: [],
    eIds: [],
  };
  const inspection = (r: Record<string, unknown>) =>
    b.add('inspection', { org_id: c.org, search_text: foldVietnamese(String(r['title'])), ...r });
  const qd1 = doc('QĐ', 'Quyết định thành lập Đoàn giám sát chuyên đề việc thực hiện Kết luận 226-KL/TW', '2026-04-03');
  const sup226 = inspection({
    program_item_id: itemIds.get('Giám sát chuyên đề việc thực hiện Kết luận 226-KL/TW tại 10 đảng ủy xã'),
    kind: 'thematic_supervision',
    title: 'Giám sát chuyên đề việc thực hiện Kết luận 226-KL/TW tại 10 đảng ủy xã',
    deciding_body: 'BTV',
    decision_symbol: qd1.symbol,
    decision_document_id: qd1.id,
    decided_on: '2026-04-03',
    team: team('M06', 'M15', 'M16'),
    targets: JSON.stringify(tenCommunes),
    window_from: '2026-04-13',
    window_to: '2026-06-12',
    findings: JSON.stringify(
      tenCommunes.map((t, i) => ({
        target: t.name,
        text:
          i < 7
            ? 'Giao nhiệm vụ bảo đảm "6 rõ"; theo dõi, đôn đốc thường xuyên.'
            : 'Một số nhiệm vụ chưa rõ sản phẩm, chưa rõ thời gian; chưa phân công Ủy viên Ban Thường vụ theo dõi.',
        violation: false,
      })),
    ),
    conclusion_text:
      'Các đảng ủy xã cơ bản thực hiện nghiêm Kết luận 226-KL/TW; ' +
      '3 đảng ủy xã còn giao nhiệm vụ chưa bảo đảm "6 rõ", cần khắc phục trong quý III/2026.',
    conclusion_symbol: null,
    concluded_on: '2026-06-29',
    verified_on: '2026-10-15',
    verification_text: 'Ba đảng ủy xã đã rà soát, giao lại 27 nhiệm vụ bảo đảm "6 rõ".',
    state: 'verified',
    competence: JSON.stringify(btvTeam),
  });
  const finance = inspection({
    program_item_id: itemIds.get('Kiểm tra công tác tài chính đảng năm 2025 tại Đảng ủy các cơ quan Đảng tỉnh'),
    kind: 'finance_inspection',
    title: 'Kiểm tra công tác tài chính đảng năm 2025 tại Đảng ủy các cơ quan Đảng tỉnh',
    deciding_body: 'UBKT',
    decision_symbol: '18-QĐ/UBKTTU',
    decided_on: '2026-04-20',
    team: team('M06', 'M17', 'M18'),
    targets: JSON.stringify([{ id: c.orgs.CQD, name: 'Đảng ủy các cơ quan Đảng tỉnh' }]),
    window_from: '2026-05-04',
    window_to: '2026-05-22',
    findings: JSON.stringify([
      {
        target: 'Đảng ủy các cơ quan Đảng tỉnh',
        text: 'Thu, nộp đảng phí đúng quy định; sổ sách kế toán của 2 chi bộ chưa cập nhật kịp thời.',
        violation: false,
      },
    ]),
    conclusion_text:
      'Đảng ủy các cơ quan Đảng tỉnh thực hiện tốt công tác tài chính đảng năm 2025; ' +
      'chỉ đạo 2 chi bộ cập nhật sổ sách kế toán.',
    conclusion_symbol: '22-TB/UBKTTU',
    concluded_on: '2026-05-27',
    verified_on: '2026-09-15',
    verification_text: 'Hai chi bộ đã cập nhật đầy đủ sổ sách kế toán.',
    state: 'verified',
    competence: JSON.stringify(own),
  });
  const communesCheck = inspection({
    program_item_id: itemIds.get('Kiểm tra việc lãnh đạo, chỉ đạo sinh hoạt chi bộ tại 3 đảng ủy xã'),
    kind: 'thematic_inspection',
    title: 'Kiểm tra việc lãnh đạo, chỉ đạo sinh hoạt chi bộ tại 3 đảng ủy xã',
    deciding_body: 'UBKT',
    decision_symbol: '21-QĐ/UBKTTU',
    decided_on: '2026-04-27',
    team: team('M06', 'M19', 'M20'),
    targets: JSON.stringify(threeCommunes),
    window_from: '2026-05-04',
    window_to: '2026-05-29',
    findings: JSON.stringify(
      threeCommunes.map((t, i) => ({
        target: t.name,
        text:
          i === 0
            ? '5 chi bộ thôn sinh hoạt chưa đều, nội dung sinh hoạt chuyên đề còn hình thức.'
            : 'Sinh hoạt chi bộ nền nếp; chất lượng sinh hoạt chuyên đề khá.',
        violation: i === 0,
      })),
    ),
    conclusion_text:
      'Đảng ủy xã Tân Lập còn hạn chế trong lãnh đạo sinh hoạt chi bộ ở 5 chi bộ thôn; ' +
      'yêu cầu khắc phục, báo cáo Ủy ban Kiểm tra Tỉnh ủy trước ngày 15/12/2026.',
    conclusion_symbol: '25-TB/UBKTTU',
    concluded_on: '2026-06-10',
    state: 'concluded',
    competence: JSON.stringify(own),
  });
  const qd2 = doc(
    'QĐ',
    'Quyết định thành lập Đoàn giám sát chuyên đề công tác cán bộ tại Đảng ủy UBND tỉnh',
    '2026-11-10',
  );
  inspection({
    program_item_id: itemIds.get('Giám sát chuyên đề công tác cán bộ tại Đảng ủy UBND tỉnh'),
    kind: 'thematic_supervision',
    title: 'Giám sát chuyên đề công tác cán bộ tại Đảng ủy UBND tỉnh',
    deciding_body: 'BTV',
    decision_symbol: qd2.symbol,
    decision_document_id: qd2.id,
    decided_on: '2026-11-10',
    team: team('M06', 'M21', 'M22'),
    targets: JSON.stringify([{ id: c.orgs.UBND, name: 'Đảng ủy UBND tỉnh' }]),
    window_from: '2026-11-16',
    window_to: '2026-12-11',
    state: 'in_progress',
    competence: JSON.stringify(btvTeam),
  });
  // Remedies: the supervision's and the finance inspection's done, Tân Lập's under way (planted: not verifiable yet).
  const remedy = (
    inspectionId: string,
    label: string,
    r: {
      title: string;
      lead: Lead;
      due: string;
      state: string;
      percent: number;
      doneOn?: string;
      assignedOn: string;
      deciding: string;
    },
  ) =>
    b.add('task', {
      org_id: c.org,
      title: r.title,
      lead_kind: r.lead.kind,
      lead_id: r.lead.id,
      lead_name: r.lead.name,
      lead_org_id: leadOrg(r.lead),
      supporting: '[]',
      due_date: r.due,
      supervisor_person_id: P('M06'),
      deciding_body: r.deciding,
      product: 'Báo cáo kết quả khắc phục',
      source_kind: 'inspection',
      source_id: inspectionId,
      source_label: label,
      state: r.state,
      percent: r.percent,
      assigned_on: r.assignedOn,
      done_on: r.doneOn ?? null,
      search_text: foldVietnamese(`${r.title} ${r.lead.name} ${label}`),
    });
  remedy(sup226, 'Giám sát chuyên đề việc thực hiện Kết luận 226-KL/TW tại 10 đảng ủy xã', {
    title: 'Rà soát, giao lại nhiệm vụ bảo đảm "6 rõ" tại 3 đảng ủy xã',
    lead: unit(c.communes[7]!.id, `Đảng ủy ${c.communes[7]!.name}`),
    due: '2026-09-30',
    state: 'done',
    percent: 100,
    doneOn: '2026-09-25',
    assignedOn: '2026-06-29',
    deciding: 'BTV',
  });
  remedy(finance, '22-TB/UBKTTU – Kiểm tra công tác tài chính đảng năm 2025', {
    title: 'Cập nhật sổ sách kế toán tài chính đảng của 2 chi bộ',
    lead: U.CQD,
    due: '2026-08-31',
    state: 'done',
    percent: 100,
    doneOn: '2026-08-28',
    assignedOn: '2026-05-27',
    deciding: 'UBKT',
  });
  const tanLapRemedy = remedy(
    communesCheck,
    '25-TB/UBKTTU – Kiểm tra việc lãnh đạo, chỉ đạo sinh hoạt chi bộ tại 3 đảng ủy xã',
    {
      title: 'Khắc phục hạn chế trong sinh hoạt chi bộ tại 5 chi bộ thôn',
      lead: U.TAN_LAP,
      due: '2026-12-15',
      state: 'in_progress',
      percent: 60,
      assignedOn: '2026-06-10',
      deciding: 'UBKT',
    },
  );
  b.add('task_report', {
    org_id: c.org,
    task_id: tanLapRemedy,
    reported_on: '2026-11-20',
    percent: 60,
    text: '3/5 chi bộ thôn đã sinh hoạt chuyên đề theo hướng dẫn.',
    created_by: c.adminUser,
  });

  // — Recommendations sent up to the Tỉnh ủy, the answer due per khoản 3 Điều 19.
  const due = (on: string) => {
    const a = dueDate(c.reg, RECOMMENDATION_DUTY, on, undefined, RECOMMENDATION_EVENT);
    return {
      due_on: a.result.due,
      due_basis: JSON.stringify({ ok: true, reason_vi: a.reason_vi, ruleIds: a.ruleIds, eIds: a.eIds }),
    };
  };
  const rec = (r: Record<string, unknown> & { received_on: string; title: string; from_label: string }) =>
    b.add('recommendation', {
      org_id: c.org,
      to_body_id: c.bodies.BTV,
      ...due(r.received_on),
      search_text: foldVietnamese(`${r.title} ${r.from_label}`),
      ...r,
    });
  rec({
    source: 'lower_unit',
    from_org_id: c.orgs.UBND,
    from_label: 'Đảng ủy UBND tỉnh',
    title: 'Kiến nghị tháo gỡ vướng mắc giải phóng mặt bằng dự án cao tốc đoạn qua tỉnh',
    text:
      'Đảng ủy UBND tỉnh kiến nghị Ban Thường vụ chỉ đạo các đảng ủy xã có dự án đi qua tập trung tuyên truyền, ' +
      'vận động; giao Ban Nội chính theo dõi 14 vướng mắc.',
    received_on: '2026-02-13',
    state: 'answered',
    answered_on: '2026-02-26',
    answer_text: 'Ban Thường vụ thống nhất chỉ đạo; giao Ban Nội chính Tỉnh ủy theo dõi, báo cáo hằng tháng.',
    answer_symbol: noticeOf('BTV-02-24') || null,
  });
  rec({
    source: 'delegation',
    inspection_id: communesCheck,
    from_label: 'Đoàn kiểm tra của Ủy ban Kiểm tra Tỉnh ủy (Quyết định 21-QĐ/UBKTTU)',
    title: 'Đề xuất chỉ đạo rà soát quy chế làm việc của 3 đảng ủy xã',
    text:
      'Đoàn kiểm tra đề xuất Ban Thường vụ chỉ đạo 3 đảng ủy xã rà soát, ' +
      'sửa đổi quy chế làm việc cho phù hợp Quy chế làm việc 01-QC/TU.',
    received_on: '2026-06-12',
    state: 'answered',
    answered_on: '2026-06-30',
    answer_text: 'Ban Thường vụ đồng ý; giao Ban Tổ chức Tỉnh ủy hướng dẫn.',
    answer_symbol: null,
  });
  const x01 = rec({
    source: 'lower_unit',
    from_org_id: c.orgs.TAN_LAP,
    from_label: 'Đảng ủy xã Tân Lập',
    title: 'Kiến nghị bổ sung cán bộ chuyên trách công tác đảng cấp xã',
    text:
      'Đảng ủy xã Tân Lập kiến nghị Ban Thường vụ xem xét bổ sung 01 cán bộ ' +
      'chuyên trách công tác đảng do khối lượng công việc tăng sau sắp xếp.',
    received_on: '2026-11-16',
    state: 'assigned',
  });
  b.add('task', {
    org_id: c.org,
    title: 'Tham mưu trả lời kiến nghị: Kiến nghị bổ sung cán bộ chuyên trách công tác đảng cấp xã',
    lead_kind: 'unit',
    lead_id: c.bodies.BTC,
    lead_name: 'Ban Tổ chức Tỉnh ủy',
    lead_org_id: c.org,
    supporting: '[]',
    due_date: due('2026-11-16').due_on,
    supervisor_person_id: P('M05'),
    deciding_body: 'BTV',
    product: 'Văn bản trả lời kiến nghị',
    source_kind: 'recommendation',
    source_id: x01,
    source_label: 'Kiến nghị của Đảng ủy xã Tân Lập',
    source_body_id: c.bodies.BTV,
    state: 'in_progress',
    percent: 30,
    assigned_on: '2026-11-17',
    search_text: foldVietnamese('Tham mưu trả lời kiến nghị bổ sung cán bộ chuyên trách Ban Tổ chức Tỉnh ủy'),
  });
  // Planted: past its answer deadline, not answered.
  rec({
    source: 'lower_unit',
    from_org_id: c.communes[1]!.id,
    from_label: `Đảng ủy ${c.communes[1]!.name}`,
    title: 'Kiến nghị hướng dẫn giải quyết đơn thư liên quan đến đất đai kéo dài',
    text:
      'Đảng ủy phường kiến nghị Ban Thường vụ chỉ đạo các cơ quan ' +
      'hướng dẫn giải quyết dứt điểm 4 vụ việc đất đai kéo dài.',
    received_on: '2026-10-20',
    state: 'received',
  });

  b.addRow('document_counter', { issuer_org_id: c.org, doc_type: 'CTr', term_id: c.termId, last_number: counters.CTr });
  b.addRow('document_counter', { issuer_org_id: c.org, doc_type: 'QĐ', term_id: c.termId, last_number: counters.QĐ });
  return { programs: 4, inspections: 4, recommendations: 4 };
}

export const PROGRAM_TABLES = ['program', 'program_item', 'inspection', 'recommendation'];

import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from './seed/an-lac.data.js';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

interface Item {
  id: string;
  title: string;
  percent: number;
  dueDate: string;
  startsOn: string;
  period: { kind: string; label: string };
  status: { code: string };
  tasks: { id: string; state: string; percent: number; version: number; sourceLabel: string }[];
  inspections: { id: string; state: string }[];
  version: number;
}
interface Program {
  id: string;
  title: string;
  state: string;
  symbol: string | null;
  percent: number;
  lateItems: number;
  version: number;
  competence: { ok: boolean; competent: string | null; reason_vi: string; eIds: string[] };
  itemsDetail: Item[];
  tasksCreated?: number;
}

describe.each(drivers)('work and inspection–supervision programs (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let al: string;
  const db = () => qb(t.db);
  const bodyOf = async (kind: string, orgId: string) =>
    (
      await db()
        .selectFrom('body')
        .select('id')
        .where('kind', '=', kind)
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).id;
  const countAdopted = async () =>
    (
      await db()
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity', '=', 'program')
        .where('action', '=', 'adopt')
        .executeTakeFirstOrThrow()
    ).n;
  const countInspectionTasks = async () =>
    (
      await db()
        .selectFrom('task')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('source_kind', '=', 'inspection')
        .executeTakeFirstOrThrow()
    ).n;
  const call = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.as(s, { method, url: `${API}${url}`, payload });
  const ok = async <T = Program>(
    s: Session,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<T> => {
    const r = await call(s, method, url, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const unit = async (name: string) => ({
    kind: 'unit',
    id: (await db().selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id,
    name,
  });
  const person = (code: string) => t.personId(code);
  const meeting = async (titleStart: string) =>
    (await db().selectFrom('meeting').select('id').where('title', 'like', `${titleStart}%`).executeTakeFirstOrThrow())
      .id;
  const item = async (title: string, period: object, extra: object = {}) => ({
    title,
    period,
    leads: [await unit('Văn phòng Tỉnh ủy')],
    supervisorPersonId: await person('M02'),
    decidingBody: 'BTV',
    product: 'Báo cáo',
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(driver, { today: DEMO_TODAY });
    admin = await t.login('admin');
    al = await t.orgId('ORG-AL');
  });
  afterAll(async () => t?.close());

  it('lists the demo programs of 2026 with their numbers, items, tasks and progress rolled up', async () => {
    const list = await ok<
      { title: string; symbol: string; kind: string; span: string; items: number; percent: number }[]
    >(admin, 'GET', `/programs?orgId=${al}&year=2026`);
    expect(list.map((p) => p.symbol).sort()).toEqual(['01-CTr/TU', '02-CTr/TU', '03-CTr/TU', '04-CTr/TU']);
    const work = list.find((p) => p.title === 'Chương trình làm việc năm 2026')!;
    const workId = (
      await db().selectFrom('program').select('id').where('title', '=', work.title).executeTakeFirstOrThrow()
    ).id;
    const p = await ok(admin, 'GET', `/programs/${workId}`);
    const dx = p.itemsDetail.find((i) => i.title.startsWith('Dự thảo Nghị quyết chuyên đề về chuyển đổi số'))!;
    expect(dx.period.label).toMatch(/^Hội nghị Tỉnh ủy lần thứ 6 \(10\/04\/2026\)$/);
    expect(dx.tasks).toHaveLength(1);
    expect(dx).toMatchObject({ percent: 100, status: { code: 'done' } });
    const q2 = p.itemsDetail.find((i) => i.title.startsWith('Sơ kết 1 năm'))!;
    expect(q2).toMatchObject({ startsOn: '2026-04-01', dueDate: '2026-06-30', period: { label: 'Quý II/2026' } });
    // The program's progress is its items' weighted mean (all weights 1 here).
    const mean = Math.round((p.itemsDetail.reduce((s, i) => s + i.percent, 0) / p.itemsDetail.length) * 10) / 10;
    expect(p.percent).toBe(mean);
    expect(p.percent).toBeGreaterThan(0);
    expect(p.percent).toBeLessThan(100);
    expect(p.competence.ok).toBe(true);
    expect(p.competence.reason_vi).toContain('Điều 2');
  });

  it('refuses the BTV adopting a full-term program (R11, khoản 3 Điều 1) and lets the BCH adopt it', async () => {
    const ubkt = await bodyOf('UBKT', al);
    const draft = await ok(admin, 'POST', '/programs', {
      orgId: al,
      kind: 'inspection',
      span: 'term',
      ownerBodyId: ubkt,
      items: [
        await item(
          'Kiểm tra việc thực hiện "6 rõ" tại các ban đảng',
          { kind: 'half', value: '2027-H1' },
          { leads: [await unit('Ủy ban Kiểm tra Tỉnh ủy')], inspectionKind: 'thematic_inspection' },
        ),
      ],
    });
    expect(draft.title).toBe('Chương trình kiểm tra, giám sát toàn khóa XVIII của Ủy ban Kiểm tra Tỉnh ủy');
    expect(draft.competence.competent).toBe('BCH');
    const btv = await call(admin, 'POST', `/programs/${draft.id}/adopt`, {
      version: draft.version,
      meetingId: await meeting('Phiên họp Ban Thường vụ Tỉnh ủy ngày 01/12/2026'),
    });
    expect(btv.statusCode).toBe(422);
    const pb = btv.json();
    expect(pb.code).toBe('CHUONG_TRINH_SAI_THAM_QUYEN');
    expect(pb.detail).toContain('Ban Chấp hành Đảng bộ tỉnh');
    expect(pb.detail).toMatch(/khoản 3 Điều 1/);
    expect(pb.eIds.join()).toContain('art_1__para_3');
    expect((await ok(admin, 'GET', `/programs/${draft.id}`)).state).toBe('draft');
    const notHeld = await call(admin, 'POST', `/programs/${draft.id}/adopt`, {
      version: draft.version,
      meetingId: await meeting('Hội nghị Tỉnh ủy lần thứ 10'),
    });
    expect(notHeld.statusCode).toBe(422);
    expect(notHeld.json().code).toBe('TRANG_THAI_HOI_NGHI');
    const adopted = await ok(admin, 'POST', `/programs/${draft.id}/adopt`, {
      version: draft.version,
      meetingId: await meeting('Hội nghị Tỉnh ủy lần thứ 9'),
    });
    expect(adopted).toMatchObject({ state: 'adopted', symbol: '05-CTr/TU', tasksCreated: 1 });
    expect(adopted.competence).toMatchObject({ ok: true, competent: 'BCH' });
  });

  it('adopts an annual program at the BTV, numbers it and turns each item into a task keeping its 6 rõ', async () => {
    const items = [
      await item('Tổ chức hội nghị sơ kết quý I năm 2027', { kind: 'quarter', value: 'Quý I/2027' }),
      await item('Báo cáo tình hình tháng 5/2027', { kind: 'month', value: '5/2027' }, { weight: 3 }),
      await item('Chuẩn bị nội dung kỳ họp', { kind: 'date', value: '2027-06-15' }, { supervisorPersonId: null }),
    ];
    const draft = await ok(admin, 'POST', '/programs', { orgId: al, kind: 'work', span: 'year', year: 2027, items });
    expect(draft.itemsDetail.map((i) => i.dueDate)).toEqual(['2027-03-31', '2027-05-31', '2027-06-15']);
    const bch = await call(admin, 'POST', `/programs/${draft.id}/adopt`, {
      version: draft.version,
      meetingId: await meeting('Hội nghị Tỉnh ủy lần thứ 9'),
    });
    expect(bch.statusCode).toBe(422);
    expect(bch.json().detail).toMatch(/Ban Thường vụ Tỉnh ủy.*khoản 2 Điều 2/);
    const audits = await countAdopted();
    const p = await ok(admin, 'POST', `/programs/${draft.id}/adopt`, {
      version: draft.version,
      meetingId: await meeting('Phiên họp Ban Thường vụ Tỉnh ủy ngày 01/12/2026'),
    });
    expect(p).toMatchObject({ state: 'adopted', symbol: '06-CTr/TU', tasksCreated: 3 });
    expect(await countAdopted()).toBe(audits + 1);
    const issued = await db()
      .selectFrom('issued_document')
      .select('title')
      .where('symbol', '=', '06-CTr/TU')
      .executeTakeFirstOrThrow();
    expect(issued.title).toBe(p.title);
    const [q, m, d] = p.itemsDetail;
    expect(q!.tasks[0]).toMatchObject({ state: 'assigned', sourceLabel: p.title });
    expect(d!.tasks[0]!.state).toBe('draft');
    const task = await ok<{
      dueDate: string;
      dueLabel: string;
      sixClear: { missing: { code: string }[] };
      sourceId: string;
    }>(admin, 'GET', `/tasks/${d!.tasks[0]!.id}`);
    expect(task.sixClear.missing.map((x) => x.code)).toEqual(['ro_trach_nhiem']);
    expect(task.sourceId).toBe(d!.id);
    expect(await ok<{ dueDate: string; dueLabel: string }>(admin, 'GET', `/tasks/${q!.tasks[0]!.id}`)).toMatchObject({
      dueDate: '2027-03-31',
      dueLabel: 'Quý I/2027',
    });
    // Progress rolls up: the month item weighs 3.
    const mt = m!.tasks[0]!;
    await ok(admin, 'POST', `/tasks/${mt.id}/reports`, {
      reportedOn: '2027-05-20',
      percent: 50,
      text: 'Đã tổng hợp số liệu.',
    });
    const after = await ok(admin, 'GET', `/programs/${p.id}`);
    expect(after.itemsDetail[1]!.percent).toBe(50);
    expect(after.percent).toBe(Math.round(((0 + 50 * 3 + 0) / 5) * 10) / 10);
    // Adopted: items no longer change.
    const edit = await call(admin, 'PATCH', `/program-items/${q!.id}`, { version: q!.version, title: 'Đổi' });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().code).toBe('CHUONG_TRINH_DA_THONG_QUA');
    // One more task under an item.
    const extra = await ok<{ sourceId: string; state: string }>(admin, 'POST', `/program-items/${q!.id}/tasks`, {
      title: 'Chuẩn bị tài liệu hội nghị sơ kết quý I',
      leads: [await unit('Ban Tổ chức Tỉnh ủy')],
    });
    expect(extra).toMatchObject({ sourceId: q!.id, state: 'assigned' });
  });

  it('refuses items outside the program’s year, unreadable periods and two leads, naming the field', async () => {
    const draft = await ok(admin, 'POST', '/programs', { orgId: al, kind: 'inspection', span: 'year', year: 2028 });
    const outside = await call(
      admin,
      'POST',
      `/programs/${draft.id}/items`,
      await item('Việc năm 2029', { kind: 'month', value: '2029-01' }),
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'NGOAI_THOI_GIAN_CHUONG_TRINH', field: 'body.period' });
    expect(outside.json().detail).toContain('Tháng 1/2029');
    const bad = await call(
      admin,
      'POST',
      `/programs/${draft.id}/items`,
      await item('Việc', { kind: 'quarter', value: 'Quý V/2028' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('body.period.value');
    const two = await call(
      admin,
      'POST',
      `/programs/${draft.id}/items`,
      await item(
        'Xây dựng CTr làm việc và CTr KTGS năm 2029',
        { kind: 'quarter', value: '2028-Q4' },
        { leads: [await unit('Văn phòng Tỉnh ủy'), await unit('Ủy ban Kiểm tra Tỉnh ủy')] },
      ),
    );
    expect(two.statusCode).toBe(422);
    expect(two.json().code).toBe('MOT_DAU_MOI_CHU_TRI');
    const dup = await call(admin, 'POST', '/programs', { orgId: al, kind: 'inspection', span: 'year', year: 2028 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toMatch(/^Đã có "Chương trình kiểm tra, giám sát năm 2028/);
    // A quarter's program names its quarter; one without, or with a fifth quarter, is refused naming the field.
    for (const period of [undefined, '2028-Q5']) {
      const noQuarter = await call(admin, 'POST', '/programs', {
        orgId: al,
        kind: 'work',
        span: 'quarter',
        ...(period ? { period } : {}),
      });
      expect(noQuarter.statusCode).toBe(400);
      expect(noQuarter.json()).toMatchObject({
        field: 'body.period',
        detail: expect.stringContaining('ví dụ 2026-Q3'),
      });
    }
    const quarter = await call(admin, 'POST', '/programs', {
      orgId: al,
      kind: 'work',
      span: 'quarter',
      period: '2028-Q4',
    });
    expect(quarter.statusCode, quarter.body).toBe(201);
    expect(quarter.json()).toMatchObject({
      year: 2028,
      period: '2028-Q4',
      periodLabel: 'Quý IV/2028',
      range: { from: '2028-10-01', to: '2028-12-31' },
      title: expect.stringMatching(/^Chương trình làm việc quý IV\/2028 của /),
    });
    const empty = await call(admin, 'POST', `/programs/${draft.id}/adopt`, {
      version: draft.version,
      meetingId: await meeting('Phiên họp Ban Thường vụ Tỉnh ủy ngày 01/12/2026'),
    });
    expect(empty.json().code).toBe('CHUONG_TRINH_TRONG');
    const added = await ok(
      admin,
      'POST',
      `/programs/${draft.id}/items`,
      await item('Giám sát chuyên đề năm 2028', { kind: 'half', value: '2028-H2' }),
    );
    const it = added.itemsDetail[0]!;
    const gone = await ok(admin, 'DELETE', `/program-items/${it.id}?version=${it.version}`);
    expect(gone.itemsDetail).toHaveLength(0);
  });

  it('carries an inspection from the team decision to verified remedies, each step checked', async () => {
    const item2026 = (
      await db()
        .selectFrom('program_item')
        .select('id')
        .where('title', '=', 'Giám sát chuyên đề công tác cán bộ tại Đảng ủy UBND tỉnh')
        .executeTakeFirstOrThrow()
    ).id;
    const target = { id: await t.orgId('ORG-X05'), name: 'Đảng ủy xã thứ năm' };
    let insp = await ok<{
      id: string;
      version: number;
      state: string;
      decisionSymbol: string | null;
      competence: { ok: boolean } | null;
      nextSteps: { to: string; problems: string[] }[];
      remedies: { id: string; version: number; state: string }[];
    }>(admin, 'POST', '/inspections', {
      orgId: al,
      programItemId: item2026,
      kind: 'thematic_supervision',
      title: 'Giám sát chuyên đề việc thực hiện quy chế làm việc tại một đảng ủy xã',
      decidingBody: 'BTV',
      targets: [target],
      windowFrom: '2026-12-07',
      windowTo: '2026-12-18',
      team: [{ personId: await person('M06'), role: 'member' }],
    });
    expect(insp.competence?.ok).toBe(true);
    const noLeader = await call(admin, 'POST', `/inspections/${insp.id}/transition`, {
      version: insp.version,
      to: 'decided',
      decidedOn: '2026-12-02',
    });
    expect(noLeader.statusCode).toBe(422);
    expect(noLeader.json().errors.map((e: { message: string }) => e.message)).toEqual([
      'Đoàn chưa có Trưởng đoàn',
      'Đoàn cần ít nhất 2 người (Trưởng đoàn và thành viên)',
    ]);
    insp = await ok(admin, 'PATCH', `/inspections/${insp.id}`, {
      version: insp.version,
      team: [
        { personId: await person('M06'), role: 'leader' },
        { personId: await person('M23'), role: 'member' },
      ],
    });
    insp = await ok(admin, 'POST', `/inspections/${insp.id}/transition`, {
      version: insp.version,
      to: 'decided',
      decidedOn: '2026-12-02',
    });
    expect(insp.decisionSymbol).toBe('09-QĐ/TU');
    insp = await ok(admin, 'POST', `/inspections/${insp.id}/transition`, { version: insp.version, to: 'in_progress' });
    const noFindings = await call(admin, 'POST', `/inspections/${insp.id}/transition`, {
      version: insp.version,
      to: 'concluded',
      concludedOn: '2026-12-20',
      conclusionText: 'Kết luận',
    });
    expect(noFindings.json().detail).toContain('Chưa có kết quả');
    insp = await ok(admin, 'PATCH', `/inspections/${insp.id}`, {
      version: insp.version,
      findings: [{ target: target.name, text: 'Chưa xây dựng quy chế làm việc khóa mới.', violation: true }],
    });
    const before = await countInspectionTasks();
    const twoLeads = await call(admin, 'POST', `/inspections/${insp.id}/transition`, {
      version: insp.version,
      to: 'concluded',
      concludedOn: '2026-12-20',
      conclusionText: 'Yêu cầu xây dựng quy chế làm việc.',
      remedies: [
        { title: 'Xây dựng quy chế làm việc', leads: [await unit('Văn phòng Tỉnh ủy')], dueDate: '2027-01-31' },
        {
          title: 'Hướng dẫn xây dựng quy chế',
          leads: [await unit('Văn phòng Tỉnh ủy'), await unit('Ban Tổ chức Tỉnh ủy')],
          dueDate: '2027-01-31',
        },
      ],
    });
    expect(twoLeads.statusCode).toBe(422);
    expect(twoLeads.json()).toMatchObject({ code: 'MOT_DAU_MOI_CHU_TRI', field: 'body.remedies.1.leads' });
    expect(await countInspectionTasks()).toBe(before);
    insp = await ok(admin, 'POST', `/inspections/${insp.id}/transition`, {
      version: insp.version,
      to: 'concluded',
      concludedOn: '2026-12-20',
      conclusionText: 'Yêu cầu xây dựng quy chế làm việc.',
      remedies: [
        {
          title: 'Xây dựng quy chế làm việc khóa mới',
          leads: [await unit('Văn phòng Tỉnh ủy')],
          dueDate: '2027-01-31',
          supervisorPersonId: await person('M06'),
        },
      ],
    });
    expect(insp.state).toBe('concluded');
    expect(insp.remedies).toHaveLength(1);
    expect(insp.nextSteps.find((s) => s.to === 'verified')!.problems[0]).toContain(
      'Xây dựng quy chế làm việc khóa mới',
    );
    const early = await call(admin, 'POST', `/inspections/${insp.id}/transition`, {
      version: insp.version,
      to: 'verified',
      verifiedOn: '2027-02-05',
      verificationText: 'Đã kiểm tra',
    });
    expect(early.statusCode).toBe(422);
    const rem = insp.remedies[0]!;
    const reported = await ok<{ version: number }>(admin, 'POST', `/tasks/${rem.id}/reports`, {
      reportedOn: '2027-01-25',
      percent: 100,
      text: 'Đã ban hành quy chế.',
      finished: true,
    });
    await ok(admin, 'POST', `/tasks/${rem.id}/transition`, { version: reported.version, to: 'done', on: '2027-01-26' });
    insp = await ok(admin, 'POST', `/inspections/${insp.id}/transition`, {
      version: insp.version,
      to: 'verified',
      verifiedOn: '2027-02-05',
      verificationText: 'Đã kiểm tra việc khắc phục.',
    });
    expect(insp.state).toBe('verified');
    const { program_id } = await db()
      .selectFrom('program_item')
      .select('program_id')
      .where('id', '=', item2026)
      .executeTakeFirstOrThrow();
    const byItem = await ok(admin, 'GET', `/programs/${program_id}`);
    expect(byItem.itemsDetail.find((i) => i.id === item2026)!.inspections.map((i) => i.state)).toContain('verified');
  });

  it('shows the demo inspection whose remedy is still open as not verifiable', async () => {
    const list = await ok<{ title: string; state: string; nextSteps: { to: string; problems: string[] }[] }[]>(
      admin,
      'GET',
      `/inspections?orgId=${al}&year=2026`,
    );
    const tl = list.find((i) => i.title.startsWith('Kiểm tra việc lãnh đạo, chỉ đạo sinh hoạt chi bộ'))!;
    expect(tl.state).toBe('concluded');
    expect(tl.nextSteps.find((s) => s.to === 'verified')!.problems[0]).toContain(
      'Khắc phục hạn chế trong sinh hoạt chi bộ tại 5 chi bộ thôn',
    );
    expect(list.filter((i) => i.state === 'verified').length).toBeGreaterThanOrEqual(2);
  });

  it('lets the units an inspection targets read it and find it in their list; others still get 403', async () => {
    const clerk = await t.login('vanthu.x01');
    const x01 = await t.orgId('ORG-X01');
    type Insp = { id: string; title: string; targets: { id: string | null }[] };
    const all = (await call(admin, 'GET', `/inspections?orgId=${al}`)).json() as Insp[];
    const mine = all.filter((i) => i.targets.some((x) => x.id === x01));
    expect(mine.length).toBeGreaterThan(0);
    const listed = (await call(clerk, 'GET', `/inspections?orgId=${x01}`)).json() as Insp[];
    expect(listed.map((i) => i.id).sort()).toEqual(mine.map((i) => i.id).sort());
    for (const i of mine) expect((await call(clerk, 'GET', `/inspections/${i.id}`)).statusCode).toBe(200);
    const notMine = all.find((i) => !i.targets.some((x) => x.id === x01))!;
    expect((await call(clerk, 'GET', `/inspections/${notMine.id}`)).statusCode).toBe(403);
    // Reading is not deciding: the inspected unit cannot change it.
    const edit = await call(clerk, 'PATCH', `/inspections/${mine[0]!.id}`, { version: 1, title: 'Đổi tên' });
    expect(edit.statusCode).toBe(403);
  });

  it(
    'follows a recommendation sent up by a commune to the province’s answer, with its deadline from khoản 3 ' +
      'Điều 19',
    async () => {
      const clerk = await t.login('vanthu.x01');
      const x01 = await t.orgId('ORG-X01');
      const btv = await bodyOf('BTV', al);
      const sideways = await call(clerk, 'POST', '/recommendations', {
        orgId: await t.orgId('ORG-X02'),
        fromOrgId: x01,
        source: 'lower_unit',
        title: 'Kiến nghị ngang cấp',
        text: 'x',
        receivedOn: '2026-12-01',
      });
      expect(sideways.statusCode).toBe(422);
      expect(sideways.json().code).toBe('KIEN_NGHI_LEN_CAP_TREN');
      const r = await ok<{
        id: string;
        version: number;
        dueOn: string;
        dueBasis: { reason_vi: string };
        fromLabel: string;
        canAnswer: boolean;
        state: string;
      }>(clerk, 'POST', '/recommendations', {
        orgId: al,
        toBodyId: btv,
        fromOrgId: x01,
        source: 'lower_unit',
        title: 'Kiến nghị hỗ trợ kinh phí sửa chữa hội trường Đảng ủy xã',
        text: 'Hội trường xuống cấp.',
        receivedOn: '2026-12-01',
      });
      expect(r.dueOn).toBe('2026-12-22');
      expect(r.dueBasis.reason_vi).toContain('15 ngày làm việc');
      expect(r.dueBasis.reason_vi).toMatch(/khoản 3 Điều 19/);
      expect(r.canAnswer).toBe(false);
      expect(
        (
          await call(clerk, 'POST', `/recommendations/${r.id}/transition`, {
            version: r.version,
            to: 'answered',
            answeredOn: '2026-12-05',
            answerText: 'Tự trả lời',
          })
        ).statusCode,
      ).toBe(403);
      const sent = await ok<{ id: string }[]>(clerk, 'GET', `/recommendations?orgId=${x01}&direction=sent`);
      expect(sent.map((x) => x.id)).toContain(r.id);
      const assigned = await ok<{
        version: number;
        tasks: { lead: { name: string }; dueDate: string }[];
        state: string;
      }>(admin, 'POST', `/recommendations/${r.id}/transition`, {
        version: r.version,
        to: 'assigned',
        lead: await unit('Văn phòng Tỉnh ủy'),
        supervisorPersonId: await person('M02'),
      });
      expect(assigned.state).toBe('assigned');
      expect(assigned.tasks[0]).toMatchObject({ lead: { name: 'Văn phòng Tỉnh ủy' }, dueDate: '2026-12-22' });
      const answered = await ok<{ state: string; status: { late: boolean; label_vi: string } }>(
        admin,
        'POST',
        `/recommendations/${r.id}/transition`,
        {
          version: assigned.version,
          to: 'answered',
          answeredOn: '2026-12-18',
          answerText: 'Ban Thường vụ đồng ý hỗ trợ một phần kinh phí.',
        },
      );
      expect(answered.state).toBe('answered');
      expect(answered.status).toMatchObject({ late: false, label_vi: 'Đã trả lời, ngày 18/12/2026' });
      expect((await call(clerk, 'GET', `/recommendations/${r.id}`)).statusCode).toBe(200);
      // The demo's planted one: Bắc Sơn's, unanswered past its deadline.
      const overdue = await ok<{ fromLabel: string; status: { overdue: boolean } }[]>(
        admin,
        'GET',
        `/recommendations?orgId=${al}&state=overdue`,
      );
      expect(overdue.map((x) => x.fromLabel)).toEqual(['Đảng ủy phường Bắc Sơn']);
      const search = await ok<{ title: string }[]>(admin, 'GET', `/recommendations?orgId=${al}&q=giai phong mat bang`);
      expect(search.map((x) => x.title)).toEqual([
        'Kiến nghị tháo gỡ vướng mắc giải phóng mặt bằng dự án cao tốc đoạn qua tỉnh',
      ]);
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb, sql } from '@quyche/db';
import { DEMO_TODAY } from './seed/an-lac.data.js';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

interface Task {
  id: string;
  title: string;
  state: string;
  version: number;
  percent: number;
  status: { overdue: boolean; extended: boolean; due: string | null; label_vi: string };
  sixClear: { complete: boolean; missing: { code: string; message_vi: string }[] };
  competence: { ok: boolean; reason_vi: string; eIds: string[] } | null;
  extensionAuthority: { code: string; name: string } | null;
  extensions: { id: string; state: string; requestedTo: string; decidedBy: string | null; version: number }[];
  reports: { percent: number; files: { id: string; fileName: string }[] }[];
  extendedTo: string | null;
  lead: { kind: string; id: string; name: string } | null;
}

describe.each(drivers)('follow-up of tasks with the 6 rõ (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let al: string;
  const db = () => qb(t.db);
  const taskCount = async () =>
    (
      await db()
        .selectFrom('task')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const provincialBtv = async () =>
    (
      await db()
        .selectFrom('body')
        .select('id')
        .where('kind', '=', 'BTV')
        .where('name', '=', 'Ban Thường vụ Tỉnh ủy')
        .executeTakeFirstOrThrow()
    ).id;
  /** A meeting of a body kind (BTV, TT…) on a date. */
  const meetingOn = async (kind: string, date: string) =>
    (
      await db()
        .selectFrom('meeting as m')
        .innerJoin('body as b', 'b.id', 'm.body_id')
        .select('m.id')
        .where('b.kind', '=', kind)
        .where('m.meeting_date', '=', date)
        .executeTakeFirstOrThrow()
    ).id;
  const meetingOfNotice = async (symbol: string) =>
    (await db().selectFrom('conclusion').select('meeting_id').where('symbol', '=', symbol).executeTakeFirstOrThrow())
      .meeting_id;
  const unit = async (name: string) => ({
    kind: 'unit',
    id: (await db().selectFrom('body').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id,
    name,
  });
  const person = (code: string) => t.personId(code);
  const call = (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.as(s, { method, url: `${API}${url}`, payload });
  const ok = async (s: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<Task> => {
    const r = await call(s, method, url, payload);
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const fixture = async (title: string) =>
    (await db().selectFrom('task').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
  const full = async () => ({
    orgId: al,
    title: 'Xây dựng Chương trình làm việc năm 2027',
    leads: [await unit('Văn phòng Tỉnh ủy')],
    dueDate: '2027-01-20',
    supervisorPersonId: await person('M02'),
    decidingBody: 'BCH',
    product: 'Dự thảo Chương trình làm việc năm 2027',
    sourceKind: 'program_item',
    sourceLabel: 'Chương trình làm việc năm 2026',
  });

  beforeAll(async () => {
    t = await createTestApp(driver, { today: DEMO_TODAY });
    admin = await t.login('admin');
    al = await t.orgId('ORG-AL');
  });
  afterAll(async () => t?.close());

  it('refuses fixture task 20 with two leads, naming the 6 rõ rule, and stores nothing', async () => {
    const before = await taskCount();
    const r = await call(admin, 'POST', '/tasks', {
      ...(await full()),
      title: 'Xây dựng CTr làm việc và CTr KTGS năm 2027',
      leads: [await unit('Văn phòng Tỉnh ủy'), await unit('Ủy ban Kiểm tra Tỉnh ủy')],
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'MOT_DAU_MOI_CHU_TRI', field: 'body.leads' });
    expect(r.json().detail).toContain('Kết luận 226-KL/TW');
    expect(r.json().detail).toContain('Văn phòng Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy');
    expect(r.json().detail).toContain('Hãy tách thành 2 nhiệm vụ');
    expect(await taskCount()).toBe(before);
  });

  it("warns on fixture task 7: the Ban Nội chính's own matter escalated to the TT (R9)", async () => {
    const task = await ok(
      admin,
      'GET',
      `/tasks/${await fixture('Rà soát đơn thư khiếu nại kéo dài tại phường Bắc Sơn')}`,
    );
    expect(task.competence).toMatchObject({ ok: false, eIds: ['chp_3__art_18__para_2'] });
    expect(task.competence!.reason_vi).toContain(
      'Việc thuộc thẩm quyền của Ban Nội chính Tỉnh ủy: không đưa lên Thường trực Tỉnh ủy',
    );
  });

  it('shows fixture task 18 with its extension approved by the BTV', async () => {
    const task = await ok(
      admin,
      'GET',
      `/tasks/${await fixture('Xây dựng phương án xử lý vi phạm đất rừng tại xã Hòa Sơn')}`,
    );
    expect(task).toMatchObject({ state: 'done', extendedTo: '2026-05-31', status: { extended: true, overdue: false } });
    expect(task.extensions).toMatchObject([{ state: 'approved', requestedTo: '2026-05-31', decidedBy: 'BTV' }]);
    expect(task.extensionAuthority).toMatchObject({ code: 'BTV' });
  });

  it("puts an overdue task from a BTV conclusion on the next BTV session's proposed agenda", async () => {
    const overdue = (await call(admin, 'GET', `/tasks?state=overdue&asOf=2026-12-01&orgId=${al}`)).json();
    expect(overdue.items.map((x: { title: string }) => x.title).sort()).toEqual([
      'Củng cố 5 chi bộ yếu kém tại xã Tân Lập',
      'Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử',
    ]);
    const next = await meetingOn('BTV', '2026-12-15');
    const m = (await call(admin, 'GET', `/meetings/${next}`)).json();
    const p = m.proposedAgenda.find((x: { title: string }) => x.title.startsWith('Tổng kết 5 năm'));
    expect(p).toMatchObject({
      kind: 'overdue',
      sourceLabel: '30-TB/TU',
      due: '2026-07-31',
      leadName: 'Ban Tổ chức Tỉnh ủy',
    });
    expect(p.reason_vi).toContain('quá hạn từ 31/07/2026');
    // The TT's overdue task goes to the TT, not to the BTV.
    expect(m.proposedAgenda.map((x: { title: string }) => x.title)).not.toContain(
      'Củng cố 5 chi bộ yếu kém tại xã Tân Lập',
    );
    const tt = await meetingOn('TT', '2026-12-07');
    expect(
      (await call(admin, 'GET', `/meetings/${tt}`)).json().proposedAgenda.map((x: { title: string }) => x.title),
    ).toContain('Củng cố 5 chi bộ yếu kém tại xã Tân Lập');
    // A session after the next one is not asked twice.
    const later = await call(admin, 'POST', '/meetings', {
      bodyId: await provincialBtv(),
      kind: 'regular',
      title: 'Phiên họp tháng 1/2027',
      meetingDate: '2027-01-05',
    });
    expect(later.json().proposedAgenda).toEqual([]);
  });

  it('keeps a task missing a "rõ" a draft, naming it, and assigns it once stated', async () => {
    const { product: _p, ...noProduct } = await full();
    let task = await ok(admin, 'POST', '/tasks', noProduct);
    expect(task.state).toBe('draft');
    expect(task.sixClear.missing.map((m) => m.code)).toEqual(['ro_san_pham']);
    const refused = await call(admin, 'POST', `/tasks/${task.id}/transition`, {
      version: task.version,
      to: 'assigned',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain('Thiếu Rõ sản phẩm');
    task = await ok(admin, 'PATCH', `/tasks/${task.id}`, { version: task.version, product: 'Dự thảo Chương trình' });
    task = await ok(admin, 'POST', `/tasks/${task.id}/transition`, {
      version: task.version,
      to: 'assigned',
      on: '2026-12-01',
    });
    expect(task).toMatchObject({ state: 'assigned', sixClear: { complete: true } });
  });

  it('takes a conclusion item to a task, its progress with evidence, the report and its acceptance', async () => {
    // Every action item of the demo's conclusions is a task already.
    const withoutTask = await db()
      .selectFrom('conclusion_item as i')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('i.kind', '=', 'action')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('task').select('task.id').whereRef('task.source_id', '=', 'i.id'))),
      )
      .executeTakeFirstOrThrow();
    expect(withoutTask.n).toBe(0);
    const extra = await db()
      .selectFrom('conclusion_item as i')
      .innerJoin('conclusion as c', 'c.id', 'i.conclusion_id')
      .select('i.id')
      .where('i.kind', '=', 'conclusion')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((await call(admin, 'POST', `/conclusion-items/${extra.id}/task`, {})).json().code).toBe(
      'KHONG_PHAI_NHIEM_VU',
    );
    // The fixture's items are tasks already: one task per item.
    const taken = (
      await db()
        .selectFrom('task')
        .select('source_id')
        .where('source_kind', '=', 'conclusion_item')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).source_id;
    expect((await call(admin, 'POST', `/conclusion-items/${taken}/task`, {})).statusCode).toBe(409);
    // A new notice with an action item.
    const btv = await provincialBtv();
    let m = (
      await call(admin, 'POST', '/meetings', {
        bodyId: btv,
        kind: 'regular',
        title: 'Phiên họp thử',
        meetingDate: '2026-12-08',
      })
    ).json();
    m = (await call(admin, 'POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'TT' })).json();
    m = (
      await call(admin, 'POST', `/meetings/${m.id}/open`, {
        earlyReason: 'Ghi nhận thử trước ngày họp',
        version: m.version,
      })
    ).json();
    for (const a of m.attendance.slice(0, 12))
      m = (await call(admin, 'PATCH', `/meetings/${m.id}/attendance/${a.id}`, { status: 'present' })).json();
    m = (
      await call(admin, 'POST', `/meetings/${m.id}/close`, {
        earlyReason: 'Ghi nhận thử trước ngày họp',
        version: m.version,
      })
    ).json();
    m = (
      await call(admin, 'POST', `/meetings/${m.id}/conclusion`, {
        issuedOn: '2026-12-09',
        summary: 'Kết luận:',
        signer: { for: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ' },
        items: [
          {
            kind: 'action',
            text: 'Tổng kết công tác dân vận năm 2026',
            leads: [await unit('Ban Tuyên giáo và Dân vận Tỉnh ủy')],
            dueDate: '2026-12-25',
            supervisorPersonId: await person('M07'),
            decidingBody: 'BTV',
            product: 'Báo cáo tổng kết',
          },
        ],
      })
    ).json();
    const itemId = (
      await db()
        .selectFrom('conclusion_item as i')
        .innerJoin('conclusion as c', 'c.id', 'i.conclusion_id')
        .select('i.id')
        .where('c.meeting_id', '=', m.id)
        .where('i.kind', '=', 'action')
        .executeTakeFirstOrThrow()
    ).id;
    let task = await ok(admin, 'POST', `/conclusion-items/${itemId}/task`, {});
    expect(task).toMatchObject({
      state: 'assigned',
      sixClear: { complete: true },
      lead: { name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy' },
      extensionAuthority: { code: 'BTV' },
    });
    expect((task as unknown as { sourceLabel: string }).sourceLabel).toBe(m.conclusion.symbol);
    const evidence = Buffer.from('Báo cáo tiến độ').toString('base64');
    task = await ok(admin, 'POST', `/tasks/${task.id}/reports`, {
      reportedOn: '2026-12-15',
      percent: 40,
      text: 'Đã tổng hợp báo cáo của 96 đảng ủy.',
      files: [{ fileName: 'tien-do.txt', mediaType: 'text/plain', contentBase64: evidence }],
    });
    expect(task).toMatchObject({ state: 'in_progress', percent: 40 });
    const file = await call(admin, 'GET', `/tasks/${task.id}/files/${task.reports[0]!.files[0]!.id}`);
    expect(file.rawPayload.toString()).toBe('Báo cáo tiến độ');
    expect(
      (
        await call(admin, 'POST', `/tasks/${task.id}/reports`, {
          reportedOn: '2026-12-20',
          percent: 90,
          text: 'Gần xong',
          finished: true,
        })
      ).json().field,
    ).toBe('body.percent');
    task = await ok(admin, 'POST', `/tasks/${task.id}/reports`, {
      reportedOn: '2026-12-22',
      percent: 100,
      text: 'Đã trình Báo cáo tổng kết.',
      finished: true,
    });
    expect(task.state).toBe('reported');
    task = await ok(admin, 'POST', `/tasks/${task.id}/transition`, {
      version: task.version,
      to: 'done',
      on: '2026-12-23',
    });
    expect(task).toMatchObject({ state: 'done', percent: 100 });
    expect(
      (
        await call(admin, 'POST', `/tasks/${task.id}/reports`, { reportedOn: '2026-12-24', percent: 100, text: 'Thêm' })
      ).json().code,
    ).toBe('TRANG_THAI_NHIEM_VU');
  });

  it('has an extension decided by the level that assigned the task, and refuses another', async () => {
    let task = await ok(admin, 'POST', '/tasks', {
      ...(await full()),
      sourceBodyId: await provincialBtv(),
    });
    expect(
      (
        await call(admin, 'POST', `/tasks/${task.id}/extensions`, {
          requestedOn: '2027-01-10',
          requestedTo: '2027-01-15',
          reason: 'Chờ số liệu',
        })
      ).json().field,
    ).toBe('body.requestedTo');
    task = await ok(admin, 'POST', `/tasks/${task.id}/extensions`, {
      requestedOn: '2027-01-10',
      requestedTo: '2027-02-15',
      reason: 'Chờ ý kiến các ban',
    });
    const e = task.extensions[0]!;
    const wrong = await call(admin, 'POST', `/tasks/${task.id}/extensions/${e.id}/decision`, {
      version: e.version,
      approved: true,
      decidedOn: '2027-01-12',
      decidedBy: 'TT',
    });
    expect(wrong.json()).toMatchObject({ code: 'GIA_HAN_SAI_THAM_QUYEN', field: 'body.decidedBy' });
    expect(wrong.json().detail).toContain('do Ban Thường vụ Tỉnh ủy quyết định');
    task = await ok(admin, 'POST', `/tasks/${task.id}/extensions/${e.id}/decision`, {
      version: e.version,
      approved: true,
      decidedOn: '2027-01-12',
      decidedBy: 'BTV',
      decisionRef: 'Phiên họp ngày 12/01/2027',
    });
    expect(task).toMatchObject({ extendedTo: '2027-02-15', status: { extended: true } });
    expect((await call(admin, 'GET', `/tasks/${task.id}`)).json().status.label_vi).toContain('gia hạn đến 15/02/2027');
  });

  it(
    'lets the leader account decide an extension and accept a reported result, which the read-only account ' +
      'may not (the leader could only read)',
    async () => {
      const leader = await t.login('lanhdao');
      const viewer = await t.login('xem');
      let task = await ok(admin, 'POST', '/tasks', {
        ...(await full()),
        sourceBodyId: await provincialBtv(),
      });
      expect((await call(leader, 'GET', `/tasks/${task.id}`)).json().can).toEqual({
        write: false,
        report: false,
        decide: true,
        readOrg: true,
      });
      expect((await call(viewer, 'GET', `/tasks/${task.id}`)).json().can).toEqual({
        write: false,
        report: false,
        decide: false,
        readOrg: true,
      });
      task = await ok(admin, 'POST', `/tasks/${task.id}/extensions`, {
        requestedOn: '2027-01-10',
        requestedTo: '2027-02-15',
        reason: 'Chờ ý kiến các ban',
      });
      const e = task.extensions[0]!;
      const decision = {
        version: e.version,
        approved: true,
        decidedOn: '2027-01-12',
        decidedBy: 'BTV',
        decisionRef: 'Phiên họp ngày 12/01/2027',
      };
      expect((await call(viewer, 'POST', `/tasks/${task.id}/extensions/${e.id}/decision`, decision)).statusCode).toBe(
        403,
      );
      const decided = await call(leader, 'POST', `/tasks/${task.id}/extensions/${e.id}/decision`, decision);
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json()).toMatchObject({ extendedTo: '2027-02-15' });
      // Reported finished: the leader accepts; the leader still may not edit or cancel it (the office's work).
      task = await ok(admin, 'POST', `/tasks/${task.id}/reports`, {
        reportedOn: '2027-02-01',
        percent: 100,
        text: 'Đã trình báo cáo.',
        finished: true,
      });
      expect(task.state).toBe('reported');
      expect(
        (
          await call(viewer, 'POST', `/tasks/${task.id}/transition`, {
            version: task.version,
            to: 'done',
            on: '2027-02-02',
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await call(leader, 'PATCH', `/tasks/${task.id}`, { version: task.version, title: 'Đổi tên' })).statusCode,
      ).toBe(403);
      const accepted = await call(leader, 'POST', `/tasks/${task.id}/transition`, {
        version: task.version,
        to: 'done',
        on: '2027-02-02',
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ state: 'done', doneOn: '2027-02-02' });
      const audit = await db()
        .selectFrom('audit_log as a')
        .innerJoin('app_user as u', 'u.id', 'a.actor_user_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('u.username', '=', 'lanhdao')
        .where('a.entity_id', '=', task.id)
        .where('a.action', '=', 'accept')
        .executeTakeFirstOrThrow();
      expect(audit.n).toBe(1);
    },
  );

  it('lists the tasks overdue on a past date: open that day and past the deadline then in force', async () => {
    const btv = await provincialBtv();
    const make = async (title: string) => {
      const d = await ok(admin, 'POST', '/tasks', {
        ...(await full()),
        title,
        dueDate: '2026-10-31',
        sourceBodyId: btv,
        assign: false,
      });
      return ok(admin, 'POST', `/tasks/${d.id}/transition`, { version: d.version, to: 'assigned', on: '2026-09-01' });
    };
    let done = await make('Quá hạn theo ngày: xong muộn');
    done = await ok(admin, 'POST', `/tasks/${done.id}/transition`, {
      version: done.version,
      to: 'reported',
      on: '2026-11-15',
    });
    done = await ok(admin, 'POST', `/tasks/${done.id}/transition`, {
      version: done.version,
      to: 'done',
      on: '2026-11-20',
    });
    let ext = await make('Quá hạn theo ngày: gia hạn');
    ext = await ok(admin, 'POST', `/tasks/${ext.id}/extensions`, {
      requestedOn: '2026-10-25',
      requestedTo: '2026-12-31',
      reason: 'Chờ số liệu của các xã',
    });
    ext = await ok(admin, 'POST', `/tasks/${ext.id}/extensions/${ext.extensions[0]!.id}/decision`, {
      version: ext.extensions[0]!.version,
      approved: true,
      decidedOn: '2026-11-05',
      decidedBy: 'BTV',
    });
    const overdueOn = async (asOf: string) =>
      (
        (
          await call(
            admin,
            'GET',
            `/tasks?orgId=${al}&state=overdue&asOf=${asOf}&q=${encodeURIComponent('quá hạn theo ngày')}`,
          )
        ).json().items as { title: string }[]
      )
        .map((x) => x.title)
        .sort();
    expect(await overdueOn('2026-08-15')).toEqual([]); // not yet assigned
    expect(await overdueOn('2026-10-31')).toEqual([]); // due that day
    // The extension was decided on 05/11.
    expect(await overdueOn('2026-11-03')).toEqual(['Quá hạn theo ngày: gia hạn', 'Quá hạn theo ngày: xong muộn']);
    expect(await overdueOn('2026-11-10')).toEqual(['Quá hạn theo ngày: xong muộn']);
    expect(await overdueOn('2026-11-16')).toEqual([]); // reported finished on 15/11
  });

  it('moves the open tasks of a merged organization to its successor, audited', async () => {
    const x05 = await t.orgId('ORG-X05');
    const x06 = await t.orgId('ORG-X06');
    const lead = { kind: 'unit', id: x05, name: 'Đảng ủy xã X05' };
    const count = async (org: string) =>
      (
        await db()
          .selectFrom('task')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('lead_org_id', '=', org)
          .where('state', 'in', ['draft', 'assigned', 'in_progress', 'reported'])
          .executeTakeFirstOrThrow()
      ).n;
    const already = await count(x05); // the commune's own (generated demo volume), if any
    const made: Task[] = [];
    for (const title of ['Kiện toàn chi bộ thôn 1', 'Kiện toàn chi bộ thôn 2', 'Rà soát đảng viên', 'Báo cáo năm'])
      made.push(await ok(admin, 'POST', '/tasks', { ...(await full()), title, leads: [lead] }));
    let done = made[3]!;
    done = await ok(admin, 'POST', `/tasks/${done.id}/transition`, {
      version: done.version,
      to: 'cancelled',
      note: 'Gộp vào báo cáo chung',
    });
    const [openBefore, successorBefore] = [await count(x05), await count(x06)];
    expect(openBefore).toBe(already + 3);
    const preview = (
      await call(admin, 'POST', '/reorganizations', {
        kind: 'merge',
        effectiveOn: '2026-12-15',
        sourceIds: [x05],
        successorId: x06,
        preview: true,
      })
    ).json();
    expect(preview.movedTasks).toBe(openBefore);
    const r = await call(admin, 'POST', '/reorganizations', {
      kind: 'merge',
      effectiveOn: '2026-12-15',
      sourceIds: [x05],
      successorId: x06,
      decisionRef: 'Quyết định sáp nhập (thử)',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().movedTasks).toBe(openBefore);
    expect(await count(x05)).toBe(0);
    expect(await count(x06)).toBe(successorBefore + openBefore);
    const moved = await ok(admin, 'GET', `/tasks/${made[0]!.id}`);
    expect(moved.lead).toMatchObject({ id: x06 });
    expect((await ok(admin, 'GET', `/tasks/${done.id}`)).lead).toMatchObject({ id: x05 });
    const audit = await db()
      .selectFrom('audit_log')
      .select(['entity_id', sql<string>`before->>'leadOrgId'`.as('from'), sql<string>`after->>'leadOrgId'`.as('to')])
      .where('action', '=', 'transfer')
      .where('entity', '=', 'task')
      .orderBy('seq')
      .execute();
    expect(audit).toHaveLength(openBefore);
    expect(audit.map((a) => a.entity_id)).toEqual(expect.arrayContaining(made.slice(0, 3).map((m) => m.id)));
    expect(audit.map((a) => a.entity_id)).not.toContain(done.id);
    expect(audit.every((a) => a.from === x05 && a.to === x06)).toBe(true);
  });

  it('finds tasks with or without diacritics, and shows a commune the tasks it leads', async () => {
    for (const q of ['ra soat don thu', 'RÀ SOÁT ĐƠN THƯ', 'đơn thư bắc sơn']) {
      const r = (await call(admin, 'GET', `/tasks?q=${encodeURIComponent(q)}`)).json();
      expect(
        r.items.map((x: { title: string }) => x.title),
        q,
      ).toContain('Rà soát đơn thư khiếu nại kéo dài tại phường Bắc Sơn');
    }
    const clerk = await t.login('vanthu.x01');
    const mine = (await call(clerk, 'GET', '/tasks')).json();
    // Its two: the conclusion's task and the remedy of the UBKT's inspection (demo).
    expect(mine.items.map((x: { title: string }) => x.title).sort()).toEqual([
      'Củng cố 5 chi bộ yếu kém tại xã Tân Lập',
      'Khắc phục hạn chế trong sinh hoạt chi bộ tại 5 chi bộ thôn',
    ]);
    const id = mine.items.find((x: { title: string }) => x.title.startsWith('Củng cố')).id;
    // The page learns what this user may do: the lead's clerk reports, the assigner edits; and where the task came
    // from.
    const seen = (await call(clerk, 'GET', `/tasks/${id}`)).json();
    // The commune's clerk may not read the province that assigned it: the page does not ask for it.
    expect(seen.can).toEqual({ write: false, report: true, decide: false, readOrg: false });
    expect(seen.decidingBodyName).toBe('Đảng ủy xã, phường');
    expect(seen.sourceMeetingId).toBe(await meetingOfNotice(seen.sourceLabel));
    expect((await call(admin, 'GET', `/tasks/${id}`)).json().can).toEqual({
      write: true,
      report: true,
      decide: true,
      readOrg: true,
    });
    const task = await ok(clerk, 'POST', `/tasks/${id}/reports`, {
      reportedOn: '2026-12-02',
      percent: 80,
      text: 'Đã kiện toàn chi ủy chi bộ thôn 4.',
    });
    expect(task.percent).toBe(80);
    // The lead reports; the assigner decides.
    expect(
      (await call(clerk, 'POST', `/tasks/${id}/transition`, { version: task.version, to: 'cancelled', note: 'x' }))
        .statusCode,
    ).toBe(403);
    const other = await fixture('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử');
    expect((await call(clerk, 'GET', `/tasks/${other}`)).statusCode).toBe(403);
  });

  it(
    'reports the coverage of responsibilities on the demo data: the gap, the overlap and the overload placed ' +
      'there',
    async () => {
      const r = await call(admin, 'GET', `/organizations/${al}/coverage?asOf=2026-12-01`);
      expect(r.statusCode, r.body).toBe(200);
      const c = r.json();
      expect(c.findings.map((f: { code: string; subject: string }) => [f.code, f.subject])).toEqual([
        ['FIELD_TWO_MEMBERS', 'Kinh tế, ngân sách, đầu tư'],
        ['FIELD_NO_MEMBER', 'Quy hoạch, đất đai, tài nguyên, môi trường'],
        ['MEMBER_OVERLOADED', 'Lê Thị Minh Châu'],
      ]);
      expect(c.findings[0].people.map((p: { name: string }) => p.name).sort()).toEqual([
        'Nguyễn Văn Khải',
        'Trịnh Thị Hồng',
      ]);
      expect(c.findings.every((f: { eIds: string[] }) => f.eIds[0] === 'chp_2__art_8__para_3')).toBe(true);
      expect(c.findings[2].message_vi).toContain('phụ trách 4 lĩnh vực');
      expect(c.findings[2].message_vi).toContain('khoản 3 Điều 8');
      expect(c.counts).toMatchObject({ fields: 16, members: 17 });
      // The load table: M05 supervises the overdue task 17.
      expect(c.load.find((l: { name: string }) => l.name === 'Võ Thị Thu Hà')).toMatchObject({ overdueTasks: 1 });
    },
  );

  it(
    'rolls the follow-up up to the conclusion: each action item shows its task, the notice its weighted ' + 'progress',
    async () => {
      const meetingId = await meetingOfNotice('30-TB/TU');
      const c = (await call(admin, 'GET', `/meetings/${meetingId}`)).json().conclusion;
      const action = c.items.find((i: { kind: string }) => i.kind === 'action');
      expect(action.task).toMatchObject({ state: 'in_progress', percent: 70, overdue: true });
      expect(action.task.label_vi).toContain('quá hạn từ 31/07/2026');
      expect(c.progress).toEqual({ percent: 70, actionItems: 1, tasks: 1, done: 0, overdue: 1 });
    },
  );

  it('shows the dashboard: overdue by unit and by supervising member, completion by month, bottlenecks', async () => {
    const d = (await call(admin, 'GET', `/organizations/${al}/task-dashboard?asOf=2026-12-01`)).json();
    expect(d.overdueByUnit.map((u: { leadName: string; count: number }) => [u.leadName, u.count])).toEqual(
      expect.arrayContaining([
        ['Ban Tổ chức Tỉnh ủy', 1],
        ['Đảng ủy xã Tân Lập', 1],
      ]),
    );
    expect(d.overdueBySupervisor.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['Võ Thị Thu Hà', 'Phan Anh Tuấn']),
    );
    // Task 18's extension (other tests of this file extend tasks too).
    expect(d.bottlenecks.mostExtended).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Xây dựng phương án xử lý vi phạm đất rừng tại xã Hòa Sơn', extensions: 1 }),
      ]),
    );
    expect(d.bottlenecks.longestOverdue[0]).toMatchObject({
      title: 'Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử',
      due: '2026-07-31',
      daysOverdue: 123,
    });
    expect(d.completionByMonth).toHaveLength(12);
    const done = d.completionByMonth.reduce((s: number, m: { done: number }) => s + m.done, 0);
    expect(done).toBe(d.totals.doneThisYear);
    // Task 18 was done on 29/05 within its extension: on time.
    expect(d.completionByMonth[4]).toMatchObject({ month: '2026-05' });
    const lateIn = async (col: 'due_effective' | 'due_date') =>
      (
        await db()
          .selectFrom('task')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('state', '=', 'done')
          .where((eb) => eb.between('done_on', '2026-05-01', '2026-05-31'))
          .whereRef('done_on', '>', col)
          .executeTakeFirstOrThrow()
      ).n;
    expect(d.completionByMonth[4].late).toBe(await lateIn('due_effective'));
    expect(d.completionByMonth[4].late).toBe((await lateIn('due_date')) - 1);
  });

  it(
    'counts on a commune clerk’s dashboard what the same clerk’s task list shows (it counted only tasks the ' +
      'commune assigned)',
    async () => {
      const clerk = await t.login('vanthu.x01');
      const x01 = await t.orgId('ORG-X01');
      const d = (await call(clerk, 'GET', `/organizations/${x01}/task-dashboard`)).json();
      // The clerk's task list page asks without an organization: the tasks its commune assigned or leads.
      const list = (await call(clerk, 'GET', `/tasks?pageSize=500`)).json() as {
        total: number;
        items: { state: string }[];
      };
      const overdue = (await call(clerk, 'GET', `/tasks?state=overdue&pageSize=500`)).json() as { total: number };
      const open = list.items.filter((x) => ['assigned', 'in_progress', 'reported'].includes(x.state)).length;
      expect(open).toBeGreaterThan(0);
      expect(overdue.total).toBeGreaterThan(0);
      expect(d.totals.open).toBe(open);
      expect(d.totals.overdue).toBe(overdue.total);
      expect(d.overdueByUnit.reduce((n: number, u: { count: number }) => n + u.count, 0)).toBe(overdue.total);
    },
  );
});

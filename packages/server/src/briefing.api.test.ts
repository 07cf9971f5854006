import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';
const FROM = '2026-01-01';
const TO = '2026-06-30';
const HELD = ['in_session', 'closed', 'minutes_approved'];
const ADVISORY = [
  'Văn phòng Tỉnh ủy',
  'Ban Tổ chức Tỉnh ủy',
  'Ban Tuyên giáo và Dân vận Tỉnh ủy',
  'Ban Nội chính Tỉnh ủy',
];
const CONFIDENTIAL_UNIT = 'Ban Chỉ đạo bảo vệ chính trị nội bộ Tỉnh ủy';

type Counts = {
  total: number;
  overdue: number;
  open: number;
  reported: number;
  doneLate: number;
  doneOnTime: number;
  closed: number;
};
type Item = {
  taskId: string;
  title: string;
  state: string;
  stateLabel_vi: string;
  dueDate: string | null;
  dueMeetingDate: string | null;
  doneOn: string | null;
  daysOverdue: number | null;
};
type Group = { counts: Counts; items: Item[] };
type Unit = {
  bodyId: string;
  name: string;
  tasksLed: Group;
  tasksSupported: Group;
  overdue: (Item & { role: string })[];
  presented: {
    meetingId: string;
    meetingDate: string;
    bodyName: string;
    agendaItemId: string;
    agendaItemTitle: string;
  }[];
  coordination: { taskId: string; role: 'lead' | 'support'; otherUnitId: string; otherUnit: string }[];
};
type Briefing = { from: string; to: string; asOf: string; periodLabel: string; units: Unit[] };
type Detail = {
  id: string;
  state: string;
  assignedOn: string | null;
  doneOn: string | null;
  dueDate: string | null;
  lead: { kind: string; id: string } | null;
  supporting: { kind: string; id: string | null }[];
  reports: { reportedOn: string; percent: number }[];
  extensions: { state: string; decidedOn: string | null; requestedTo: string }[];
};

describe.each(drivers)('briefing of the advisory units (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let commune: Session;
  let al: string;
  let h1: Briefing;
  const details = new Map<string, Detail>();

  const get = async (s: Session, url: string) => {
    const r = await t.as(s, { method: 'GET', url: `${API}${url}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const detail = async (id: string): Promise<Detail> => {
    if (!details.has(id)) details.set(id, await get(admin, `/tasks/${id}`));
    return details.get(id)!;
  };
  const unit = (b: Briefing, name: string) => {
    const u = b.units.find((x) => x.name === name);
    expect(u, name).toBeDefined();
    return u!;
  };
  const ids = (items: { taskId: string }[]) => new Set(items.map((x) => x.taskId));

  /**
   * Where a task stood on `to`, worked out from its page alone: the deadline then in force, its reports, the overdue
   * list.
   */
  const stateOn = (d: Detail, to: string, overdue: Set<string>) => {
    const extension = d.extensions
      .filter((e) => e.state === 'approved' && e.decidedOn && e.decidedOn <= to)
      .sort((a, b) => b.decidedOn!.localeCompare(a.decidedOn!))[0];
    const due = extension?.requestedTo ?? d.dueDate;
    if (d.state === 'done' && d.doneOn! <= to) return !due || d.doneOn! <= due ? 'done_on_time' : 'done_late';
    if (overdue.has(d.id)) return 'overdue';
    if (d.reports.some((r) => r.percent >= 100 && r.reportedOn <= to)) return 'reported';
    return 'open';
  };
  const underWay = (d: Detail, from: string, to: string) =>
    d.state !== 'draft' && !!d.assignedOn && d.assignedOn <= to && !(d.state === 'done' && d.doneOn! < from);
  const countsOf = (states: string[]): Counts => ({
    total: states.length,
    overdue: states.filter((s) => s === 'overdue').length,
    open: states.filter((s) => s === 'open').length,
    reported: states.filter((s) => s === 'reported').length,
    doneLate: states.filter((s) => s === 'done_late').length,
    doneOnTime: states.filter((s) => s === 'done_on_time').length,
    closed: 0,
  });

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    commune = await t.login('vanthu.x01');
    al = await t.orgId('ORG-AL');
    h1 = await get(admin, `/organizations/${al}/briefing?from=${FROM}&to=${TO}`);
  });
  afterAll(async () => t?.close());

  it(
    'answers the period with its label and one card per advisory unit the user may see, the confidential ' +
      'one only to those cleared for it',
    async () => {
      expect(h1).toMatchObject({ from: FROM, to: TO, asOf: TO, periodLabel: '6 tháng đầu năm 2026' });
      expect(h1.units.map((u) => u.name).sort()).toEqual([...ADVISORY, CONFIDENTIAL_UNIT].sort());
      // The clerk of the Office is cleared for "Mật", not "Tối mật": the confidential steering board is not listed.
      const clerk = await t.login('vanthu.vptu');
      const theirs = (await get(clerk, `/organizations/${al}/briefing?from=${FROM}&to=${TO}`)) as Briefing;
      expect(theirs.units.map((u) => u.name).sort()).toEqual([...ADVISORY].sort());
      const quarter = (await get(admin, `/organizations/${al}/briefing?from=2026-07-01&to=2026-09-30`)) as Briefing;
      expect(quarter.periodLabel).toBe('Quý III năm 2026');
      expect((await get(admin, `/organizations/${al}/briefing?from=2026-02-10&to=2026-05-20`)).periodLabel).toBe(
        'Từ 10/02/2026 đến 20/05/2026',
      );
      // The Ban Tổ chức's half-year: tasks done on time, and the review of Chỉ thị 02 still under way (due 31/07),
      // which the Ban Tuyên giáo và Dân vận supports.
      const btc = unit(h1, 'Ban Tổ chức Tỉnh ủy');
      expect(btc.tasksLed.counts).toMatchObject({ overdue: 0, doneLate: 0 });
      expect(btc.tasksLed.counts.doneOnTime).toBeGreaterThan(0);
      const review = btc.tasksLed.items.find((i) => i.title.startsWith('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU'));
      expect(review).toMatchObject({
        state: 'open',
        stateLabel_vi: 'Đang thực hiện, còn hạn',
        dueDate: '2026-07-31',
        daysOverdue: null,
      });
      expect(ids(unit(h1, 'Ban Tuyên giáo và Dân vận Tỉnh ủy').tasksSupported.items).has(review!.taskId)).toBe(true);
    },
  );

  it.each([
    [FROM, TO],
    ['2026-07-01', '2026-09-30'],
  ])(
    'counts the tasks each unit leads and supports from %s to %s as their own pages and the task list ' +
      'say, state by state at the period end',
    async (from, to) => {
      const b: Briefing = from === FROM ? h1 : await get(admin, `/organizations/${al}/briefing?from=${from}&to=${to}`);
      const all = (await get(admin, `/tasks?orgId=${al}&pageSize=500`)).items as { id: string }[];
      const overdueAl = new Set(
        ((await get(admin, `/tasks?orgId=${al}&state=overdue&asOf=${to}&pageSize=500`)).items as { id: string }[]).map(
          (x) => x.id,
        ),
      );
      let done = 0;
      for (const name of ADVISORY) {
        const u = unit(b, name);
        const listed = (await get(admin, `/tasks?leadId=${u.bodyId}&pageSize=500`)).items as { id: string }[];
        const overdueLed = await get(admin, `/tasks?leadId=${u.bodyId}&state=overdue&asOf=${to}&pageSize=500`);
        const led = (await Promise.all(listed.map((x) => detail(x.id)))).filter((d) => underWay(d, from, to));
        const ledOverdue = new Set((overdueLed.items as { id: string }[]).map((x) => x.id));
        expect(u.tasksLed.counts.overdue, name).toBe(overdueLed.total);
        expect(ids(u.tasksLed.items), name).toEqual(new Set(led.map((d) => d.id)));
        expect(u.tasksLed.counts, name).toEqual(countsOf(led.map((d) => stateOn(d, to, ledOverdue))));
        for (const i of u.tasksLed.items)
          expect(i.state, i.title).toBe(stateOn(details.get(i.taskId)!, to, ledOverdue));
        const supported = (await Promise.all(all.map((x) => detail(x.id)))).filter(
          (d) =>
            underWay(d, from, to) &&
            d.supporting.some((s) => s.kind === 'unit' && s.id === u.bodyId) &&
            d.lead?.id !== u.bodyId,
        );
        expect(ids(u.tasksSupported.items), name).toEqual(new Set(supported.map((d) => d.id)));
        expect(u.tasksSupported.counts, name).toEqual(countsOf(supported.map((d) => stateOn(d, to, overdueAl))));
        done += u.tasksLed.counts.doneOnTime + u.tasksLed.counts.doneLate;
      }
      expect(done, 'tasks done in the period').toBeGreaterThan(from === FROM ? 5 : 0);
    },
  );

  it(
    'lists what each unit presented at held meetings of the BTV and the TT in the period, as the meetings’ ' +
      'agendas say',
    async () => {
      const meetings = (await get(admin, `/meetings?orgId=${al}&from=${FROM}&to=${TO}`)) as {
        id: string;
        bodyKind: string;
        state: string;
      }[];
      const held = meetings.filter((m) => ['BTV', 'TT'].includes(m.bodyKind) && HELD.includes(m.state));
      expect(held.length).toBeGreaterThan(30);
      const byUnit = new Map<string, Set<string>>();
      for (const m of held) {
        for (const a of (await get(admin, `/meetings/${m.id}`)).agenda as {
          id: string;
          presentingUnit: string | null;
        }[]) {
          if (a.presentingUnit) byUnit.set(a.presentingUnit, (byUnit.get(a.presentingUnit) ?? new Set()).add(a.id));
        }
      }
      for (const name of ADVISORY) {
        const u = unit(h1, name);
        expect(new Set(u.presented.map((p) => p.agendaItemId)), name).toEqual(byUnit.get(name) ?? new Set());
        for (const p of u.presented) expect(p.meetingDate >= FROM && p.meetingDate <= TO, p.meetingDate).toBe(true);
      }
      // The Office presents at the TT's Monday meetings and at the first-quarter briefing of the advisory units.
      const office = unit(h1, 'Văn phòng Tỉnh ủy');
      expect(office.presented.length).toBeGreaterThan(20);
      expect(office.presented.some((p) => p.meetingDate === '2026-01-08' && p.bodyName === 'Thường trực Tỉnh ủy')).toBe(
        true,
      );
      // The Ban Tổ chức's personnel item is "Mật": a viewer without clearance does not see it.
      const btc = unit(h1, 'Ban Tổ chức Tỉnh ủy');
      const personnel = btc.presented.filter(
        (p) => p.agendaItemTitle === 'Giới thiệu cán bộ thuộc diện Ban Thường vụ quản lý',
      );
      expect(personnel.length).toBeGreaterThan(0);
      const viewer = (await get(
        await t.login('xem'),
        `/organizations/${al}/briefing?from=${FROM}&to=${TO}`,
      )) as Briefing;
      expect(unit(viewer, 'Ban Tổ chức Tỉnh ủy').presented.length).toBe(btc.presented.length - personnel.length);
    },
  );

  it('names the other unit of every task led with another advisory unit supporting, on both sides', async () => {
    const advisory = new Map(h1.units.map((u) => [u.bodyId, u.name]));
    for (const u of h1.units) {
      const expected = new Set<string>();
      for (const i of [...u.tasksLed.items, ...u.tasksSupported.items]) {
        const d = await detail(i.taskId);
        if (d.lead?.id === u.bodyId)
          for (const s of d.supporting)
            if (s.id && s.id !== u.bodyId && advisory.has(s.id)) expected.add(`${i.taskId}|lead|${advisory.get(s.id)}`);
        if (d.lead && d.lead.id !== u.bodyId && advisory.has(d.lead.id))
          expected.add(`${i.taskId}|support|${advisory.get(d.lead.id)}`);
      }
      expect(new Set(u.coordination.map((c) => `${c.taskId}|${c.role}|${c.otherUnit}`)), u.name).toEqual(expected);
      for (const c of u.coordination) {
        const mirror = unit(h1, c.otherUnit).coordination.find(
          (x) => x.taskId === c.taskId && x.otherUnitId === u.bodyId,
        );
        expect(mirror?.role, `${u.name} ↔ ${c.otherUnit}`).toBe(c.role === 'lead' ? 'support' : 'lead');
      }
    }
    const btc = unit(h1, 'Ban Tổ chức Tỉnh ủy');
    expect(btc.coordination.filter((c) => c.role === 'lead' && c.otherUnit === 'Văn phòng Tỉnh ủy').length).toBe(2);
  });

  it(
    'puts first what is overdue at the end of the third quarter: the Ban Tổ chức’s review of Chỉ thị 02, ' +
      '61 days late, supported by the Ban Tuyên giáo và Dân vận',
    async () => {
      const q3 = (await get(admin, `/organizations/${al}/briefing?from=2026-07-01&to=2026-09-30`)) as Briefing;
      expect(q3.asOf).toBe('2026-09-30');
      const btc = unit(q3, 'Ban Tổ chức Tỉnh ủy');
      const overdue = await get(admin, `/tasks?leadId=${btc.bodyId}&state=overdue&asOf=2026-09-30&pageSize=500`);
      expect(overdue.total).toBeGreaterThan(0);
      expect(btc.tasksLed.counts.overdue).toBe(overdue.total);
      expect(ids(btc.overdue.filter((o) => o.role === 'lead'))).toEqual(
        new Set((overdue.items as { id: string }[]).map((x) => x.id)),
      );
      const late = btc.overdue.find((o) => o.title.startsWith('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU'));
      expect(late).toMatchObject({
        role: 'lead',
        state: 'overdue',
        stateLabel_vi: 'Quá hạn',
        dueDate: '2026-07-31',
        daysOverdue: 61,
      });
      expect(btc.tasksLed.items[0]!.state).toBe('overdue');
      // A task due at a conference (Hội nghị lần thứ 8, 20/08) carries that meeting's date, not a deadline.
      expect(btc.tasksLed.items.find((i) => i.title.startsWith('Chuẩn bị quy trình nhân sự'))).toMatchObject({
        state: 'done_on_time',
        dueDate: null,
        dueMeetingDate: '2026-08-20',
        doneOn: '2026-08-20',
      });
      const btgdv = unit(q3, 'Ban Tuyên giáo và Dân vận Tỉnh ủy');
      expect(btgdv.overdue.find((o) => o.taskId === late!.taskId)).toMatchObject({ role: 'support', daysOverdue: 61 });
      expect(btgdv.tasksSupported.counts.overdue).toBeGreaterThan(0);
      expect(btgdv.coordination.find((c) => c.taskId === late!.taskId)).toMatchObject({
        role: 'support',
        otherUnit: 'Ban Tổ chức Tỉnh ủy',
      });
      // Nothing the Office led was overdue then.
      expect(unit(q3, 'Văn phòng Tỉnh ủy').tasksLed.counts.overdue).toBe(0);
    },
  );

  it(
    'gives one unit alone when asked, the same as in the whole briefing; refuses an unknown unit, a body ' +
      'that is not an advisory unit and a malformed id, naming the field',
    async () => {
      const btc = unit(h1, 'Ban Tổ chức Tỉnh ủy');
      const one = (await get(
        admin,
        `/organizations/${al}/briefing?from=${FROM}&to=${TO}&unitId=${btc.bodyId}`,
      )) as Briefing;
      expect(one.units).toEqual([btc]);
      const refused = async (unitId: string, status: number) => {
        const r = await t.as(admin, {
          method: 'GET',
          url: `${API}/organizations/${al}/briefing?from=${FROM}&to=${TO}&unitId=${unitId}`,
        });
        expect(r.statusCode, r.body).toBe(status);
        expect(r.json().field).toBe('query.unitId');
        return r.json();
      };
      expect(await refused(randomUUID(), 404)).toMatchObject({
        code: 'KHONG_CO_BAN_THAM_MUU',
        detail: 'Không có cơ quan tham mưu, giúp việc này của tổ chức trong kỳ đã chọn',
      });
      const btv = (
        await qb(t.db)
          .selectFrom('body')
          .select('id')
          .where('org_id', '=', al)
          .where('kind', '=', 'BTV')
          .executeTakeFirstOrThrow()
      ).id;
      expect((await refused(btv, 404)).code).toBe('KHONG_CO_BAN_THAM_MUU');
      expect((await refused('ban-to-chuc', 400)).code).toBe('VALIDATION_FAILED');
    },
  );

  it('refuses a period that ends before it begins, or has no start, in Vietnamese naming the field', async () => {
    const bad = async (q: string) => {
      const r = await t.as(admin, { method: 'GET', url: `${API}/organizations/${al}/briefing${q}` });
      expect(r.statusCode, r.body).toBe(400);
      return r.json();
    };
    expect(await bad('?from=2026-06-30&to=2026-01-01')).toMatchObject({
      field: 'query.to',
      detail: 'Ngày kết thúc (01/01/2026) trước ngày bắt đầu (30/06/2026)',
    });
    expect((await bad('?to=2026-06-30')).field).toBe('query.from');
    expect((await bad('?from=2026-02-30&to=2026-06-30')).field).toBe('query.from');
  });

  it(
    'keeps a commune clerk to its own commune: the province’s briefing is refused, ' + 'its own has no advisory unit',
    async () => {
      const r = await t.as(commune, {
        method: 'GET',
        url: `${API}/organizations/${al}/briefing?from=${FROM}&to=${TO}`,
      });
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('FORBIDDEN');
      const own = await get(commune, `/organizations/${await t.orgId('ORG-X01')}/briefing?from=${FROM}&to=${TO}`);
      expect(own.units).toEqual([]);
    },
  );

  it('recognizes a presenting unit written without the committee’s name or diacritics', async () => {
    const q3 = `/organizations/${al}/briefing?from=2026-07-01&to=2026-09-30`;
    const before = unit(await get(admin, q3), 'Ban Nội chính Tỉnh ủy').presented.length;
    const meeting = (
      await qb(t.db)
        .selectFrom('meeting as m')
        .innerJoin('body as b', 'b.id', 'm.body_id')
        .select('m.id')
        .where('m.org_id', '=', al)
        .where('b.kind', '=', 'TT')
        .where('m.meeting_date', '=', '2026-08-03')
        .executeTakeFirstOrThrow()
    ).id;
    const item = randomUUID();
    await t.db.query(
      `insert into agenda_item (id, org_id, meeting_id, position, title, presenting_unit)
       values ($1, $2, $3, 9, 'Tình hình đơn thư quý III', 'BAN NOI CHINH')`,
      [item, al, meeting],
    );
    const after = unit(await get(admin, q3), 'Ban Nội chính Tỉnh ủy').presented;
    expect(after.length).toBe(before + 1);
    expect(after.find((p) => p.agendaItemId === item)).toMatchObject({
      meetingId: meeting,
      meetingDate: '2026-08-03',
      agendaItemTitle: 'Tình hình đơn thư quý III',
      bodyName: 'Thường trực Tỉnh ủy',
    });
  });
});

import { qb, sql } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

/** The API path of the list a home page figure links to (its web address, /tasks?… → /api/v1/tasks?…). */
const apiOf = (href: string) => {
  const u = new URL(href, 'http://x');
  const q = new URLSearchParams();
  // The web list's own parameter names → the API's (the task list page keeps short names in the address).
  const rename: Record<string, string> = {
    from: 'dueFrom',
    to: 'dueTo',
    lead: 'leadId',
    supervisor: 'supervisorPersonId',
  };
  for (const [k, v] of u.searchParams) q.set(rename[k] ?? k, v);
  return { path: u.pathname, query: q };
};

const drivers = await testDrivers();

describe.each(drivers)('home page "Việc của tôi" (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
    // One unread and one read notification for the clerk, so the unread figure is not trivially zero.
    await t.db.query(
      `insert into notification (id, org_id, user_id, kind, title, body, read_at)
       select gen_random_uuid(), g.org_id, u.id, 'overdue', x.title, 'Nội dung', x.read_at
         from app_user u join role_grant g on g.user_id = u.id,
              (values ('Nhiệm vụ quá hạn: thử', null::timestamptz), ('Đã đọc', now())) as x(title, read_at)
        where u.username = 'vanthu.x01'`,
    );
  }, 120_000);
  afterAll(() => t?.close());

  const get = async (s: Session, url: string) => {
    const r = await t.as(s, { method: 'GET', url: `/api/v1${url}` });
    expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    return r.json();
  };

  it.each(['vanthu.x01', 'admin', 'lanhdao'])('shows for %s the counts the linked lists show', async (username) => {
    const s = await t.login(username);
    const h = await get(s, '/home');
    // Tasks: each figure equals the total of the task list filtered as its link says.
    for (const f of [h.tasks.overdue, h.tasks.dueThisWeek, h.tasks.open]) {
      const { query } = apiOf(f.href);
      if (!query.has('state')) query.set('state', 'open'); // the list page opens on open tasks
      const list = await get(s, `/tasks?${query}`);
      expect(list.total, f.href).toBe(f.count);
    }
    // Meetings this week: the meeting list for the same days.
    const week = await get(s, `/meetings?from=${h.week.from}&to=${h.week.to}`);
    expect(week.length).toBe(h.meetings.count);
    expect(h.meetings.items.map((m: { id: string }) => m.id)).toEqual(week.map((m: { id: string }) => m.id));
    // Consultations to answer, unread notifications, conclusion items without a task.
    expect((await get(s, '/consultations?awaiting=1')).length).toBe(h.consultations.count);
    expect((await get(s, '/notifications?unread=1')).length).toBe(h.notifications.unread);
    const me = await get(s, '/auth/me');
    let pending = 0;
    for (const g of me.grants) pending += (await get(s, `/conclusion-items?orgId=${g.orgId}`)).length;
    expect(h.conclusions.count).toBe(pending);
    // The register of notices the figure links to shows the same number of items without a task.
    const register = await get(s, `/conclusions?${apiOf(h.conclusions.href).query}`);
    expect(register.reduce((n: number, c: { pending: number }) => n + c.pending, 0)).toBe(h.conclusions.count);
    if (h.supervision) {
      expect((await get(s, '/tasks?state=overdue&pageSize=1')).total).toBe(h.supervision.overdue.count);
      for (const u of h.supervision.byUnit)
        expect((await get(s, `/tasks?${apiOf(u.href).query}`)).total, u.name).toBe(u.overdue);
    }
  });

  it("is the leader's own tasks for an account with a person, the organization's for a clerk", async () => {
    const leader = await get(await t.login('lanhdao'), '/home');
    expect(leader.taskScope).toBe('person');
    expect(leader.tasks.overdue.href).toContain('mine=1');
    expect(leader.supervision).not.toBeNull();
    // His own tasks are those his person leads, supports or supervises (the Bí thư of the demo supervises none
    // himself: the Ủy viên Ban Thường vụ do); the committee's overdue tasks are in the leader's summary.
    const own = Number(
      (
        await qb(t.db)
          .selectFrom('task as t')
          .innerJoin('app_user as u', (j) => j.on('u.username', '=', 'lanhdao'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('t.state', 'in', ['assigned', 'in_progress', 'reported'])
          .where((eb) =>
            eb.or([
              eb('t.lead_id', '=', eb.ref('u.person_id')),
              eb('t.supervisor_person_id', '=', eb.ref('u.person_id')),
              sql<boolean>`t.supporting @> jsonb_build_array(jsonb_build_object('id', u.person_id::text))`,
            ]),
          )
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(leader.tasks.open.count).toBe(own);
    expect(leader.supervision.overdue.count).toBeGreaterThan(0);
    expect(leader.supervision.byUnit.length).toBeGreaterThan(0);
    const clerk = await get(await t.login('vanthu.x01'), '/home');
    expect(clerk.taskScope).toBe('organization');
    expect(clerk.supervision).toBeNull();
    expect(clerk.notifications.unread).toBe(1);
    // The commune's clerk sees the commune's overdue task (the one the dashboard defect hid).
    expect(clerk.tasks.overdue.count).toBeGreaterThan(0);
  });

  it('names what a meeting of the week still lacks, in words', async () => {
    const h = await get(await t.login('admin'), '/home');
    const lacks = h.meetings.items.flatMap((m: { lacks: string[] }) => m.lacks);
    for (const x of lacks)
      expect(x).toMatch(
        /^(Chưa triệu tập|Chưa gửi tài liệu|Có nguy cơ không đủ số lượng|Biên bản chưa được thông qua)/,
      );
  });
});

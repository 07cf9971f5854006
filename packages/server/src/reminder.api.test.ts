import { qb, sql } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import { mailbox } from './test-mailbox.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();

describe.each(drivers)('reminders by e-mail and in the application (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let box: Awaited<ReturnType<typeof mailbox>>;
  const run = (today: string) => t.as(admin, { method: 'POST', url: '/api/v1/reminders/run', payload: { today } });

  beforeAll(async () => {
    box = await mailbox();
    t = await createTestApp(driver, {
      smtpUrl: box.url,
      mailFrom: 'Văn phòng Tỉnh ủy <vptu@tinhuy-anlac.example>',
      remindBeforeWorkingDays: 3,
      baseUrl: 'http://quyche.test',
    });
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
    await box?.close();
  });

  it(
    'mails the lead and the supervising member 3 working days before the due date, with a Vietnamese subject ' +
      'and the date as dd/mm/yyyy',
    async () => {
      const r = await run('2026-07-28');
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ failed: 0 });
      const mail = box.received.find((m) => m.subject?.includes('Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU'));
      expect(mail, box.received.map((m) => m.subject).join(' | ')).toBeDefined();
      expect(mail!.subject).toBe(
        '[Quychế] Sắp đến hạn 31/07/2026: Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử',
      );
      // M05 is both the supervising member and the head of the Ban Tổ chức: one e-mail.
      expect(box.received.filter((m) => m.subject === mail!.subject).flatMap((m) => m.rcpt)).toEqual([
        'm05@tinhuy-anlac.example',
      ]);
      expect(mail!.from?.text).toContain('vptu@tinhuy-anlac.example');
      expect(mail!.text).toContain('Hạn: 31/07/2026');
      expect(mail!.text).toContain('Nguồn: 30-TB/TU');
      expect(mail!.text).toContain('http://quyche.test/tasks/');
    },
  );

  it('sends each reminder once however often the scan runs, then on the day and when overdue', async () => {
    const count = () => box.received.filter((m) => m.subject?.includes('Chỉ thị 02-CT/TU')).length;
    const before = count();
    expect((await run('2026-07-29')).json().queued).toBe(0);
    expect(count()).toBe(before);
    await run('2026-07-31');
    expect(box.received.at(-1)!.subject).toBe(
      '[Quychế] Đến hạn hôm nay 31/07/2026: Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử',
    );
    await run('2026-08-03');
    const overdue = box.received.filter((m) => m.subject?.startsWith('[Quychế] Quá hạn từ 31/07/2026: Tổng kết 5 năm'));
    expect(overdue).toHaveLength(1);
    await run('2026-08-05');
    expect(
      box.received.filter((m) => m.subject?.startsWith('[Quychế] Quá hạn từ 31/07/2026: Tổng kết 5 năm')),
    ).toHaveLength(1);
    await run('2026-08-10');
    expect(
      box.received.filter((m) => m.subject?.startsWith('[Quychế] Quá hạn từ 31/07/2026: Tổng kết 5 năm')),
    ).toHaveLength(2);
    const sent = (
      await qb(t.db)
        .selectFrom('mail_sent')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('subject', 'like', '%Chỉ thị 02-CT/TU%')
        .executeTakeFirstOrThrow()
    ).n;
    expect(sent).toBe(count());
  });

  it('notifies in the application the accounts of those concerned, each reading only its own', async () => {
    const leader = await t.login('lanhdao'); // the account of Trần Quốc Hưng (M01)
    const m01 = await t.personId('M01');
    const vptu = (
      await qb(t.db).selectFrom('body').select('id').where('name', '=', 'Văn phòng Tỉnh ủy').executeTakeFirstOrThrow()
    ).id;
    const al = await t.orgId('ORG-AL');
    const task = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/tasks',
      payload: {
        orgId: al,
        title: 'Chuẩn bị Hội nghị tổng kết công tác xây dựng Đảng',
        leads: [{ kind: 'unit', id: vptu, name: 'Văn phòng Tỉnh ủy' }],
        dueDate: '2026-08-14',
        supervisorPersonId: m01,
        decidingBody: 'BTV',
        product: 'Kế hoạch hội nghị',
        sourceKind: 'other',
      },
    });
    expect(task.statusCode, task.body).toBe(201);
    await run('2026-08-11');
    const mine = (await t.as(leader, { method: 'GET', url: '/api/v1/notifications' })).json();
    const n = mine.find((x: { taskId: string }) => x.taskId === task.json().id);
    expect(n).toMatchObject({
      kind: 'due_soon',
      title: 'Sắp đến hạn 14/08/2026: Chuẩn bị Hội nghị tổng kết công tác xây dựng Đảng',
      readAt: null,
    });
    // Sent in the name of the office of the assigning committee, linking to the task in the application; the mail
    // carries the configured public address and the same signature.
    expect(n).toMatchObject({ sender: 'Văn phòng Tỉnh ủy', link: `/tasks/${task.json().id}` });
    expect(n.body).toMatch(/\n\nVăn phòng Tỉnh ủy$/);
    // Its text has no address with the record's id: the notification's own link opens the task.
    expect(n.body).not.toMatch(/https?:\/\/|\/tasks\//);
    const sent = box.received.find((m) => m.subject?.includes('Chuẩn bị Hội nghị tổng kết'))!;
    expect(sent.text).toContain(`http://quyche.test/tasks/${task.json().id}`);
    expect(sent.text?.trim()).toMatch(/Văn phòng Tỉnh ủy$/);
    // Unread only, then all marked read at once.
    expect(
      (await t.as(leader, { method: 'GET', url: '/api/v1/notifications?unread=1' }))
        .json()
        .map((x: { id: string }) => x.id),
    ).toContain(n.id);
    // The head of the Văn phòng (M09) is mailed too.
    expect(
      box.received
        .filter((m) => m.subject?.includes('Chuẩn bị Hội nghị tổng kết'))
        .flatMap((m) => m.rcpt)
        .sort(),
    ).toEqual(['m01@tinhuy-anlac.example', 'm09@tinhuy-anlac.example']);
    expect((await t.as(admin, { method: 'POST', url: `/api/v1/notifications/${n.id}/read` })).statusCode).toBe(404);
    expect((await t.as(leader, { method: 'POST', url: `/api/v1/notifications/${n.id}/read` })).statusCode).toBe(204);
    expect(
      (await t.as(leader, { method: 'GET', url: '/api/v1/notifications' }))
        .json()
        .find((x: { id: string }) => x.id === n.id).readAt,
    ).not.toBeNull();
    expect((await t.as(admin, { method: 'GET', url: '/api/v1/notifications' })).json()).toEqual([]);
    expect(
      (await t.as(leader, { method: 'POST', url: '/api/v1/notifications/read-all', payload: {} })).statusCode,
    ).toBe(400);
    // Only what was on screen (created up to upTo) is marked; a later one stays unread.
    const shown = (await t.as(leader, { method: 'GET', url: '/api/v1/notifications' })).json() as {
      createdAt: string;
      readAt: string | null;
    }[];
    const upTo = shown
      .map((x) => x.createdAt)
      .sort()
      .at(-1)!;
    await qb(t.db)
      .insertInto('notification')
      .columns(['id', 'org_id', 'user_id', 'kind', 'title', 'body', 'created_at'])
      .expression(
        qb(t.db)
          .selectFrom('notification')
          .select([
            sql<string>`gen_random_uuid()`.as('id'),
            'org_id',
            'user_id',
            'kind',
            sql.lit('Đến sau').as('title'),
            'body',
            sql<Date>`${upTo}::timestamptz + interval '1 minute'`.as('created_at'),
          ])
          .where('id', '=', n.id),
      )
      .execute();
    const all = await t.as(leader, { method: 'POST', url: '/api/v1/notifications/read-all', payload: { upTo } });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().marked).toBe(shown.filter((x) => !x.readAt).length);
    expect(
      (await t.as(leader, { method: 'GET', url: '/api/v1/notifications?unread=1' }))
        .json()
        .map((x: { title: string }) => x.title),
    ).toEqual(['Đến sau']);
    expect(
      (
        await t.as(leader, {
          method: 'POST',
          url: '/api/v1/notifications/read-all',
          payload: { upTo: new Date(Date.now() + 86400e3).toISOString() },
        })
      ).json().marked,
    ).toBe(1);
    expect((await t.as(leader, { method: 'GET', url: '/api/v1/notifications?unread=1' })).json()).toEqual([]);
  });

  it('sends the supervising members their weekly digest', async () => {
    const { JobRunner } = await import('./services/job.service.js');
    const { enqueue } = await import('./services/job.service.js');
    await enqueue(t.db, 'weekly_digest', 'digest:test', { today: '2026-08-03' });
    const jobs = (t.app as unknown as { jobs: InstanceType<typeof JobRunner> }).jobs;
    expect(await jobs.runPending()).toMatchObject({ failed: 0 });
    const digest = box.received.find(
      (m) =>
        m.subject?.startsWith('[Quychế] Tổng hợp nhiệm vụ tuần 32/2026') && m.rcpt.includes('m05@tinhuy-anlac.example'),
    );
    expect(digest, box.received.map((m) => m.subject).join(' | ')).toBeDefined();
    expect(digest!.subject).toMatch(/: \d+ quá hạn, \d+ sắp đến hạn$/);
    expect(digest!.text).toContain(
      'Tổng kết 5 năm thực hiện Chỉ thị 02-CT/TU về công tác bầu cử — Ban Tổ chức Tỉnh ủy, hạn 31/07/2026',
    );
  });

  it('refuses the scan to anyone but an administrator', async () => {
    const clerk = await t.login('vanthu.vptu');
    expect(
      (await t.as(clerk, { method: 'POST', url: '/api/v1/reminders/run', payload: { today: '2026-07-28' } }))
        .statusCode,
    ).toBe(403);
  });
});

import { fork } from 'node:child_process';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDb, qb, sql } from '@quyche/db';
import { createPgDatabase, createTestDb } from '../../db/src/test-db.js';
import type { Db } from '@quyche/db';
import { seedAnLac } from './seed/an-lac.seed.js';
import { enqueue, JobRunner } from './services/job.service.js';
import { reminderHandlers, smtpMailer } from './services/reminder.service.js';
import type { Mailer } from './services/reminder.service.js';
import { mailbox } from './test-mailbox.js';
import { testDrivers } from './test-app.js';

const drivers = await testDrivers();

/** Queues a reminder of an open demo task, supervised for the test by M01 (who has an account); the job, the title. */
async function queueReminder(db: Db) {
  const task = await qb(db)
    .updateTable('task')
    .set((eb) => ({ supervisor_person_id: eb.selectFrom('person').select('id').where('code', '=', 'M01') }))
    .where((eb) =>
      eb(
        'id',
        '=',
        eb
          .selectFrom('task')
          .select('id')
          .where('state', '=', 'assigned')
          .where('due_date', 'is not', null)
          .orderBy('id')
          .limit(1),
      ),
    )
    .returning(['id', 'due_date', 'title'])
    .executeTakeFirstOrThrow();
  const key = `lease-test:${task.id}`;
  const id = await enqueue(db, 'send_reminder', key, {
    taskId: task.id,
    reminder: { kind: 'due_soon', due: task.due_date!, key },
  });
  return { jobId: id!, title: task.title };
}
/** Addresses mailed about the task: each once, and some. */
function mailedOnce(box: { received: { subject?: string | undefined; rcpt: string[] }[] }, title: string) {
  const rcpt = box.received.filter((m) => m.subject?.includes(title)).flatMap((m) => m.rcpt);
  expect(rcpt.length).toBeGreaterThan(0);
  expect(rcpt.filter((r, i) => rcpt.indexOf(r) !== i)).toEqual([]);
}
const jobState = async (db: Db, id: string) =>
  qb(db).selectFrom('job').select(['state', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
const until = async (f: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error('waited too long');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.each(drivers)('a reminder job whose worker got stuck after claiming it (%s)', (driver) => {
  let db: Db;
  let drop: () => Promise<void>;
  let box: Awaited<ReturnType<typeof mailbox>>;
  const config = () => ({
    smtpUrl: box.url,
    mailFrom: 'Văn phòng Tỉnh ủy <vptu@tinhuy-anlac.example>',
    baseUrl: 'http://quyche.test',
    remindBeforeWorkingDays: 3,
  });
  beforeAll(async () => {
    box = await mailbox();
    ({ db, drop } = await createTestDb(driver));
    await seedAnLac(db);
  });
  afterAll(async () => {
    await drop?.();
    await box?.close();
  });

  it(
    'is taken again once its lease runs out, and sent once: ' + 'one e-mail per person, one notification per account',
    async () => {
      const { jobId, title } = await queueReminder(db);
      // Worker A claims the job and never comes back (its mail server never answers): past its longest run it stops
      // holding the job.
      const never: Mailer = { send: () => new Promise<string | null>(() => {}) };
      const a = new JobRunner(db, reminderHandlers(config(), never), { leaseSeconds: 1, maxRunSeconds: 0.5 });
      void a.runPending();
      await until(async () => (await jobState(db, jobId)).state === 'running');
      // Worker B: nothing to do while A's lease holds, the job once it has run out.
      const b = new JobRunner(db, reminderHandlers(config(), smtpMailer(config())), { leaseSeconds: 1 });
      expect(await b.runPending()).toEqual({ done: 0, failed: 0 });
      await new Promise((r) => setTimeout(r, 1500));
      expect(await b.runPending()).toEqual({ done: 1, failed: 0 });
      expect(await jobState(db, jobId)).toEqual({ state: 'done', attempts: 2 });
      expect(await b.runPending()).toEqual({ done: 0, failed: 0 });
      mailedOnce(box, title);
      // A had already written the in-application notifications before it hung: B adds none.
      const notes = await qb(db)
        .selectFrom('notification')
        .select((eb) => ['user_id', eb.fn.countAll<number>().as('n')])
        .where('job_id', '=', jobId)
        .groupBy('user_id')
        .execute();
      expect(notes.length).toBeGreaterThan(0);
      expect(notes.every((n) => Number(n.n) === 1)).toBe(true);
    },
  );

  it('is left failed, with its reason, after its worker was lost on every allowed attempt', async () => {
    const jobId = (await enqueue(db, 'reminder_scan', 'lease-test:lost', { today: '2026-07-28' }))!;
    const hang = { reminder_scan: () => new Promise<void>(() => {}) };
    for (let i = 0; i < 2; i++) {
      void new JobRunner(db, hang, { leaseSeconds: 1, maxAttempts: 2, maxRunSeconds: 0.2 }).runPending();
      await until(async () => (await jobState(db, jobId)).attempts === i + 1);
      await new Promise((r) => setTimeout(r, 1200));
    }
    const c = new JobRunner(db, hang, { leaseSeconds: 1, maxAttempts: 2 });
    expect(await c.runPending()).toEqual({ done: 0, failed: 0 });
    const row = await qb(db)
      .selectFrom('job')
      .select(['state', 'last_error'])
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'failed', last_error: 'Bị gián đoạn 2 lần khi đang xử lý (máy chủ dừng giữa chừng)' });
  });

  it('refuses a payload its kind does not accept, naming the field, and does not retry it forever', async () => {
    const { id } = await qb(db)
      .insertInto('job')
      .values({
        id: sql<string>`gen_random_uuid()`,
        kind: 'send_reminder',
        dedupe_key: 'lease-test:bad',
        payload: '{"taskId": 7}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = new JobRunner(db, reminderHandlers(config(), null), { maxAttempts: 1 });
    expect(await r.runPending()).toEqual({ done: 0, failed: 1 });
    const row = await qb(db)
      .selectFrom('job')
      .select(['state', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('failed');
    expect(row.last_error).toContain('taskId');
  });
});

// A real process killed (SIGKILL) while it holds the job: its connection and its worker are gone at once.
const serverDist = fileURLToPath(new URL('../dist/services/job.service.js', import.meta.url));
const dbDist = fileURLToPath(new URL('../../db/dist/index.js', import.meta.url));
const reminderDist = fileURLToPath(new URL('../dist/services/reminder.service.js', import.meta.url));
describe.runIf(drivers.includes('postgres'))('a worker process killed after claiming a reminder job (postgres)', () => {
  let url: string;
  let drop: () => Promise<void>;
  let db: Db;
  let box: Awaited<ReturnType<typeof mailbox>>;
  beforeAll(async () => {
    box = await mailbox();
    ({ url, drop } = await createPgDatabase());
    db = await openDb({ url });
    await migrate(db);
    await seedAnLac(db);
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
    await box?.close();
  });

  it('leaves the job to the next worker, which sends it once', async () => {
    // The child runs the built server (npm test builds first).
    expect(existsSync(serverDist), `${serverDist}: run the build first`).toBe(true);
    const { jobId, title } = await queueReminder(db);
    // A mail server that takes the connection and never greets: the child hangs inside the job.
    const sockets: Socket[] = [];
    const silent = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as { port: number }).port;
    const script = join(tmpdir(), `quyche-worker-${process.pid}.mjs`);
    writeFileSync(
      script,
      `const { openDb } = await import(${JSON.stringify(dbDist)});
const { JobRunner } = await import(${JSON.stringify(serverDist)});
const { reminderHandlers } = await import(${JSON.stringify(reminderDist)});
const db = await openDb({ url: process.env.DB_URL });
const config = {
  smtpUrl: 'smtp://127.0.0.1:${port}',
  mailFrom: 'vptu@tinhuy-anlac.example',
  baseUrl: 'http://quyche.test',
  remindBeforeWorkingDays: 3,
};
await new JobRunner(db, reminderHandlers(config), { leaseSeconds: 2 }).runPending();
`,
    );
    const child = fork(script, [], { env: { ...process.env, DB_URL: url }, stdio: 'pipe' });
    try {
      await until(async () => (await jobState(db, jobId)).state === 'running' && sockets.length > 0);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      for (const s of sockets) s.destroy();
      silent.close();
    }
    expect(await jobState(db, jobId)).toEqual({ state: 'running', attempts: 1 });
    const next = new JobRunner(
      db,
      reminderHandlers({
        smtpUrl: box.url,
        mailFrom: 'vptu@tinhuy-anlac.example',
        baseUrl: 'http://quyche.test',
        remindBeforeWorkingDays: 3,
      }),
      { leaseSeconds: 2 },
    );
    await until(async () => (await next.runPending()).done === 1, 10_000);
    expect(await jobState(db, jobId)).toEqual({ state: 'done', attempts: 2 });
    mailedOnce(box, title);
  });
});

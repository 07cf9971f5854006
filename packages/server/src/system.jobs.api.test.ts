import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb, sql } from '@quyche/db';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';
import { JobRunner } from './services/job.service.js';

const drivers = await testDrivers();

describe.each(drivers)('the job queue for the administrator (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('shows a failed job with its Vietnamese name and reason, queues it again once, and refuses others', async () => {
    // A job queued with a payload its kind refuses fails at once (one attempt allowed here).
    await qb(t.db)
      .insertInto('job')
      .values({
        id: sql<string>`gen_random_uuid()`,
        kind: 'weekly_digest',
        dedupe_key: 'jobs-test',
        payload: JSON.stringify({ today: '31/02/2026' }),
      })
      .execute();
    expect(await new JobRunner(t.db, { weekly_digest: async () => {} }, { maxAttempts: 1 }).runPending()).toEqual({
      done: 0,
      failed: 1,
    });
    const q = await t.as(admin, { method: 'GET', url: '/api/v1/system/jobs' });
    expect(q.statusCode, q.body).toBe(200);
    const failed = q.json().failed.find((j: { kind: string }) => j.kind === 'weekly_digest');
    expect(failed).toMatchObject({ label: 'Tổng hợp nhiệm vụ hằng tuần', attempts: 1 });
    expect(failed.lastError).toContain('today');
    expect(q.json().counts.failed).toBeGreaterThanOrEqual(1);

    const leader = await t.login('lanhdao');
    expect((await t.as(leader, { method: 'GET', url: '/api/v1/system/jobs' })).statusCode).toBe(403);
    expect((await t.as(leader, { method: 'POST', url: `/api/v1/system/jobs/${failed.id}/retry` })).statusCode).toBe(
      403,
    );

    const retry = await t.as(admin, { method: 'POST', url: `/api/v1/system/jobs/${failed.id}/retry` });
    expect(retry.statusCode, retry.body).toBe(204);
    const again = await t.as(admin, { method: 'POST', url: `/api/v1/system/jobs/${failed.id}/retry` });
    expect(again.statusCode).toBe(404);
    expect(again.json().title).toMatch(/[à-ỹ]/);
    const after = (await t.as(admin, { method: 'GET', url: '/api/v1/system/jobs' })).json();
    expect(after.failed.some((j: { id: string }) => j.id === failed.id)).toBe(false);
    const audit = (
      await qb(t.db)
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity', '=', 'job')
        .where('action', '=', 'retry')
        .executeTakeFirstOrThrow()
    ).n;
    expect(audit).toBe(1);
  });
});

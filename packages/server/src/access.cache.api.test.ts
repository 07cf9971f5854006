import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheGenerations, qb } from '@quyche/db';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();

// Sessions, grants and the organization tree are served from memory; every change made outside the server (another
// server, the CLI, a restore — here: SQL on the test's own connection) must be seen by the very next request: on
// PGlite the notification is heard inside the write, on PostgreSQL the generations are read at each request.
describe.each(drivers)('access cache (%s)', (driver) => {
  let t: TestApp;
  let clerk: Session;
  let x01: string;
  const me = (s: Session) => t.as(s, { method: 'GET', url: '/api/v1/auth/me' });
  const org = (s: Session, id: string) => t.as(s, { method: 'GET', url: `/api/v1/organizations/${id}` });
  /** The status the very next request gets (no retry). */
  const soon = (f: () => ReturnType<typeof me>) => ({
    toBe: async (status: number) => expect((await f()).statusCode).toBe(status),
  });

  beforeAll(async () => {
    t = await createTestApp(driver);
    x01 = await t.orgId('ORG-X01');
  });
  afterAll(async () => t?.close());

  it('ends an open session at once when its user is disabled, its session deleted or its grant withdrawn', async () => {
    clerk = await t.login('vanthu.x01');
    expect((await me(clerk)).statusCode).toBe(200);
    expect((await org(clerk, x01)).statusCode).toBe(200);
    await t.db.query("update app_user set disabled = true where username = 'vanthu.x01'");
    await soon(() => me(clerk)).toBe(401);
    await t.db.query("update app_user set disabled = false where username = 'vanthu.x01'");

    clerk = await t.login('vanthu.x01');
    expect((await me(clerk)).statusCode).toBe(200);
    await t.db.query(
      "delete from user_session where user_id = (select id from app_user where username = 'vanthu.x01')",
    );
    await soon(() => me(clerk)).toBe(401);

    clerk = await t.login('vanthu.x01');
    expect((await org(clerk, x01)).statusCode).toBe(200);
    const grant = await qb(t.db)
      .selectFrom('role_grant as g')
      .innerJoin('app_user as u', 'u.id', 'g.user_id')
      .select(['g.id', 'g.role', 'g.org_id', 'g.user_id'])
      .where('u.username', '=', 'vanthu.x01')
      .executeTakeFirstOrThrow();
    await t.db.query('delete from role_grant where id = $1', [grant.id]);
    await soon(() => org(clerk, x01)).toBe(403);
    await t.db.query('insert into role_grant (id, user_id, role, org_id) values ($1, $2, $3, $4)', [
      grant.id,
      grant.user_id,
      grant.role,
      grant.org_id,
    ]);
    await soon(() => org(clerk, x01)).toBe(200);
  });

  it("follows the org tree at once: a commune moved to another parent leaves its former superior's scope", async () => {
    const admin = await t.login('admin');
    // A district-level clerk of the old tree sees its communes; the link is ended, then restored.
    const link = await qb(t.db)
      .selectFrom('organization_parent')
      .select(['id', 'valid_until'])
      .where('org_id', '=', x01)
      .orderBy('valid_from', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((await org(admin, x01)).statusCode).toBe(200);
    const before = await cacheGenerations(t.db);
    await t.db.query('delete from organization_parent where org_id = $1', [x01]);
    expect((await cacheGenerations(t.db)).org).toBeGreaterThan(before.org);
    // The province's administrator no longer covers a commune detached from the tree.
    await soon(() => org(admin, x01)).toBe(403);
    await t.db.query(
      `insert into organization_parent (id, org_id, parent_id, valid_from, valid_until)
         select $1, $2, p.id, $3, $4 from organization p where p.code = $5`,
      [link.id, x01, '2025-07-01', link.valid_until, 'ORG-AL'],
    );
    await soon(() => org(admin, x01)).toBe(200);
  });

  it('listens again after its connection is lost, and meanwhile asks at every request', async () => {
    clerk = await t.login('vanthu.x01');
    expect((await me(clerk)).statusCode).toBe(200);
    if (driver === 'postgres') {
      // The LISTEN connection is cut from the database's side, as a restart would.
      await t.db.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query ilike 'listen quyche_cache%'`,
      );
      await expect
        .poll(
          async () =>
            (
              await t.db.query(
                `select 1 from pg_stat_activity
                  where datname = current_database() and query ilike 'listen quyche_cache%'`,
              )
            ).rows.length,
        )
        .toBe(0);
    }
    // Nothing can be heard on the lost connection: the 401 comes from asking at the request itself.
    await t.db.query("update app_user set disabled = true where username = 'vanthu.x01'");
    await soon(() => me(clerk)).toBe(401);
    await t.db.query("update app_user set disabled = false where username = 'vanthu.x01'");
  });

  it('is not emptied by the clearing of expired sessions at each login', async () => {
    const before = await cacheGenerations(t.db);
    await t.login('lanhdao');
    await t.login('xem');
    expect(await cacheGenerations(t.db)).toEqual(before);
  });
});

import { qb, sql } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();

describe.each(drivers)('people directory and the register of conclusion notices (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  }, 120_000);
  afterAll(() => t?.close());
  const get = async (s: Session, url: string) => {
    const r = await t.as(s, { method: 'GET', url: `/api/v1${url}` });
    expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    return r.json();
  };

  it('finds a person typed without diacritics, with the positions held on the date', async () => {
    const admin = await t.login('admin');
    const d = await get(admin, '/directory?q=tran%20quoc%20hung&asOf=2026-06-01');
    expect(d.items[0].fullName).toBe('Trần Quốc Hưng');
    expect(d.items[0].positions.map((p: { title: string | null }) => p.title)).toContain('Bí thư Tỉnh ủy');
    // Before the merged province's first term he held no position in it: the directory of that day has no such row.
    const before = await get(admin, '/directory?q=tran%20quoc%20hung&asOf=2020-01-01');
    expect(
      before.items.flatMap((e: { positions: { title: string | null }[] }) => e.positions.map((p) => p.title)),
    ).not.toContain('Bí thư Tỉnh ủy');
    // Everyone, paged; a page holds at most its size and the total counts them all.
    const all = await get(admin, '/directory?all=1&pageSize=10');
    expect(all.items.length).toBe(10);
    expect(all.total).toBeGreaterThan(10);
  });

  it("shows a commune clerk only the commune's people and notices", async () => {
    const x01 = await t.login('vanthu.x01');
    const me = await get(x01, '/auth/me');
    const d = await get(x01, '/directory?all=1&pageSize=500');
    expect(d.total).toBeGreaterThan(0);
    expect(d.items.some((e: { fullName: string }) => e.fullName === 'Trần Quốc Hưng')).toBe(false);
    const c = await get(x01, '/conclusions');
    const admin = await get(await t.login('admin'), '/conclusions');
    expect(c.length).toBeLessThan(admin.length);
    expect(c.every((n: { orgName: string }) => n.orgName === me.grants[0].orgName)).toBe(true);
    // Another organization's register is refused, not emptied.
    const other = admin.find((n: { orgName: string }) => n.orgName !== me.grants[0].orgName);
    const al = (
      await qb(t.db)
        .selectFrom('conclusion')
        .select('org_id')
        .where('symbol', '=', other.symbol)
        .executeTakeFirstOrThrow()
    ).org_id;
    expect((await t.as(x01, { method: 'GET', url: `/api/v1/conclusions?orgId=${al}` })).statusCode).toBe(403);
  });

  it('gives each notice its follow-up: items, those with a task, done, and the mean progress', async () => {
    const admin = await t.login('admin');
    const list = await get(admin, '/conclusions');
    expect(list.length).toBeGreaterThan(0);
    for (const n of list) {
      const tasks = (
        await sql<{ item: string; p: number | null; has: boolean }>`select i.id as item,
                  (select max(case when x.state = 'done' then 100 else x.percent end) from task x
                    where x.source_kind = 'conclusion_item' and x.source_id = i.id and x.state <> 'cancelled') as p,
                  exists (select 1 from task x where x.source_kind = 'conclusion_item' and x.source_id = i.id) as has
             from conclusion_item i where i.conclusion_id = ${n.id} and i.kind = 'action'`.execute(qb(t.db))
      ).rows;
      expect(n.items).toBe(tasks.length);
      expect(n.pending).toBe(tasks.filter((x) => !x.has).length);
      const mean = tasks.length ? tasks.reduce((s, x) => s + Number(x.p ?? 0), 0) / tasks.length : 0;
      expect(n.percent).toBeCloseTo(Math.round(mean * 10) / 10, 5);
    }
    // A symbol finds its notice.
    const first = list[0];
    const found = await get(admin, `/conclusions?q=${encodeURIComponent(first.symbol)}`);
    expect(found.map((x: { id: string }) => x.id)).toContain(first.id);
  });
});

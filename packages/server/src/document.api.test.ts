import { qb, sql } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();

describe.each(drivers)('document numbers (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let al: string;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    al = await t.orgId('ORG-AL');
  });
  afterAll(async () => t?.close());

  const issue = (type: string, issuedOn: string, title = 'Thông báo kết luận của Ban Thường vụ') =>
    t.as(admin, { method: 'POST', url: '/api/v1/documents', payload: { orgId: al, type, title, issuedOn } });

  // The demo has issued the 2026 notices already: numbering continues from the term's last number.
  const last = async (type: string) =>
    (
      await qb(t.db)
        .selectFrom('issued_document as d')
        .innerJoin('term as tm', 'tm.id', 'd.term_id')
        .select(sql<number>`coalesce(max(d.number), 0)::int`.as('n'))
        .where('d.org_id', '=', al)
        .where('d.doc_type', '=', type)
        .where('tm.name', '=', 'XVIII')
        .executeTakeFirstOrThrow()
    ).n;
  let tb0 = 0;

  it('gives parallel requests different consecutive numbers', async () => {
    tb0 = await last('TB');
    expect(tb0).toBeGreaterThan(33);
    const rs = await Promise.all(Array.from({ length: 12 }, () => issue('TB', '2026-12-01')));
    expect(rs.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const numbers = rs.map((r) => r.json().number).sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => tb0 + i + 1));
    expect(rs.map((r) => r.json().symbol)).toContain(`${tb0 + 12}-TB/TU`);
  });
  it('counts per type: KL numbers are their own', async () => {
    const kl0 = await last('KL');
    expect((await issue('KL', '2026-12-18', 'Kết luận Hội nghị lần thứ 10')).json().symbol).toBe(
      `${String(kl0 + 1).padStart(2, '0')}-KL/TU`,
    );
    expect((await issue('TB', '2026-12-02')).json().symbol).toBe(`${tb0 + 13}-TB/TU`);
  });
  it('restarts at 01 in a new term', async () => {
    const r = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/organizations/${al}/terms`,
      payload: { name: 'XIX', ordinal: 19, validFrom: '2030-10-12' },
    });
    expect(r.statusCode).toBe(201);
    expect((await issue('TB', '2030-11-01')).json()).toMatchObject({ symbol: '01-TB/TU', termName: 'XIX' });
    const list = (await t.as(admin, { method: 'GET', url: `/api/v1/documents?orgId=${al}` })).json();
    expect(
      list.filter((d: { type: string; termName: string }) => d.type === 'TB' && d.termName === 'XVIII'),
    ).toHaveLength(tb0 + 13 - 10); // 01–10 were issued in 2025, before these records
  });
  it('refuses a date outside any term and a clerk of another organization', async () => {
    const r = await issue('TB', '2024-01-01');
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('KHONG_CO_NHIEM_KY');
    const clerk = await t.login('vanthu.x01');
    expect(
      (
        await t.as(clerk, {
          method: 'POST',
          url: '/api/v1/documents',
          payload: { orgId: al, type: 'TB', title: 'x', issuedOn: '2026-01-08' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

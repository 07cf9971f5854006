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

  it('gives parallel requests different consecutive numbers', async () => {
    const rs = await Promise.all(Array.from({ length: 12 }, () => issue('TB', '2026-01-08')));
    expect(rs.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const numbers = rs.map((r) => r.json().number).sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(rs.map((r) => r.json().symbol)).toContain('12-TB/TU');
  });
  it('counts per type: the first KL of the term is 01-KL/TU', async () => {
    expect((await issue('KL', '2026-01-16', 'Kết luận Hội nghị lần thứ 5')).json().symbol).toBe('01-KL/TU');
    expect((await issue('TB', '2026-01-20')).json().symbol).toBe('13-TB/TU');
  });
  it('restarts at 01 in a new term', async () => {
    const r = await t.as(admin, { method: 'POST', url: `/api/v1/organizations/${al}/terms`, payload: { name: 'XIX', ordinal: 19, validFrom: '2030-10-12' } });
    expect(r.statusCode).toBe(201);
    expect((await issue('TB', '2030-11-01')).json()).toMatchObject({ symbol: '01-TB/TU', termName: 'XIX' });
    const list = (await t.as(admin, { method: 'GET', url: `/api/v1/documents?orgId=${al}` })).json();
    expect(list.filter((d: { type: string; termName: string }) => d.type === 'TB' && d.termName === 'XVIII')).toHaveLength(13);
  });
  it('refuses a date outside any term and a clerk of another organization', async () => {
    const r = await issue('TB', '2024-01-01');
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('KHONG_CO_NHIEM_KY');
    const clerk = await t.login('vanthu.x01');
    expect((await t.as(clerk, { method: 'POST', url: '/api/v1/documents', payload: { orgId: al, type: 'TB', title: 'x', issuedOn: '2026-01-08' } })).statusCode).toBe(403);
  });
});

/**
 * The committees' view of their cells (issue 15, item 7): attendance at the month's meetings, dues in arrears and
 * a pair of copied plans side by side, on the demo (Chi bộ Phòng Tổng hợp's 2026), on both drivers, scoped.
 */
import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from './seed/an-lac.data.js';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

type Attendance = {
  rate: number | null;
  rows: { cellId: string; name: string; present: number; excused: number; absent: number; exempted: number }[] &
    { rate: number | null; meetingDate: string }[];
};

describe.each(drivers)('the cells in a committee’s view (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let x01: Session;
  let al: string;
  let cell: string;

  const get = (s: Session, url: string) => t.as(s, { method: 'GET', url: `${API}${url}` });

  beforeAll(async () => {
    t = await createTestApp(driver, { today: DEMO_TODAY });
    [admin, x01] = await Promise.all([t.login('admin'), t.login('vanthu.x01')]);
    al = await t.orgId('ORG-AL');
    cell = await t.orgId('ORG-CB-VP1');
  });
  afterAll(async () => t?.close());

  it('gives each cell’s attendance at the month’s meeting, lowest first, an exempted member not expected', async () => {
    const r = await get(admin, `/organizations/${al}/cell-meetings/attendance?year=2026&month=5`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as Attendance;
    const office = body.rows.find((x) => x.cellId === cell)!;
    // May: one member absent without a reason, one exempted since April (absent, not counted), ten present.
    expect(office).toMatchObject({ present: 10, excused: 0, absent: 1, exempted: 1, rate: 0.909 });
    expect(body.rows[0]!.cellId).toBe(cell);
    expect(body.rows.slice(1).every((x) => x.rate === 1)).toBe(true);
    expect(body.rate).toBeGreaterThan(0.9);
    expect(body.rate).toBeLessThan(1);
    // August: the office cell did not meet; its villages did.
    const aug = (await get(admin, `/organizations/${al}/cell-meetings/attendance?year=2026&month=8`)).json();
    expect((aug as Attendance).rows.map((x) => x.cellId)).not.toContain(cell);
    // A commune sees its own cells only; the province's cell is not among them, and the province is refused.
    const tl = await t.orgId('ORG-X01');
    const own = (await get(x01, `/organizations/${tl}/cell-meetings/attendance?year=2026&month=5`)).json();
    expect((own as Attendance).rows.length).toBeGreaterThan(0);
    expect((own as Attendance).rows.map((x) => x.cellId)).not.toContain(cell);
    expect((await get(x01, `/organizations/${al}/cell-meetings/attendance?year=2026&month=5`)).statusCode).toBe(403);
    const bad = await get(admin, `/organizations/${al}/cell-meetings/attendance?year=2026&month=13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.month');
  });

  it('lists members with dues unpaid this year, the months and the amount owed', async () => {
    const r = await get(admin, `/organizations/${al}/dues-arrears?asOf=2026-12-01`);
    expect(r.statusCode, r.body).toBe(200);
    const rows = r.json().rows as { cellId: string; months: string[]; amount: number | null }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ cellId: cell, months: ['2026-02', '2026-03', '2026-06'], amount: 240_000 });
    // As of April, the June month was not owed yet.
    const april = (await get(admin, `/organizations/${al}/dues-arrears?asOf=2026-04-30`)).json();
    expect(april.rows[0].months).toEqual(['2026-02', '2026-03']);
    expect((await get(x01, `/organizations/${al}/dues-arrears`)).statusCode).toBe(403);
  });

  it('shows two copied plans side by side with the shared passages marked, and logs the read', async () => {
    const pairs = (await get(admin, `/organizations/${al}/plan-similarity?year=2026`)).json().pairs as {
      a: string;
      b: string;
      similarity: number;
    }[];
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    const [p] = pairs;
    const r = await get(admin, `/plans/compare?a=${p!.a}&b=${p!.b}`);
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json() as {
      similarity: number;
      threshold: number;
      a: { text: string; shared: [number, number][]; fullName: string; cellName: string };
      b: { text: string; shared: [number, number][] };
    };
    expect(c.similarity).toBeGreaterThanOrEqual(c.threshold);
    expect(c.a.cellName).toBe('Chi bộ Phòng Tổng hợp, Văn phòng Tỉnh ủy');
    // The marked passages are the same words on both sides; what is not marked differs.
    const marked = (s: { text: string; shared: [number, number][] }) => s.shared.map(([x, y]) => s.text.slice(x, y));
    expect(marked(c.a).join(' ').length).toBeGreaterThan(c.a.text.length / 2);
    expect(marked(c.a).join('\n')).toContain(
      'Tham mưu xây dựng 02 báo cáo chuyên đề về công tác văn phòng cấp ủy, hoàn thành trước 30/6/2026',
    );
    expect(marked(c.a).join('\n').length).toBeLessThan(c.a.text.length);
    for (const m of marked(c.b)) for (const line of m.split('\n')) expect(c.a.text).toContain(line);
    const audit = await qb(t.db)
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'read_member_plan')
      .execute();
    expect(audit.map((x) => x.entity_id).sort()).toEqual([p!.a, p!.b].sort());
    // The same plan twice, an unknown one, and a commune clerk reading the province's cell: refused.
    const same = await get(admin, `/plans/compare?a=${p!.a}&b=${p!.a}`);
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({ field: 'query.b', detail: 'Chọn hai kế hoạch khác nhau để so sánh' });
    expect((await get(admin, `/plans/compare?a=${p!.a}&b=01890000-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    expect((await get(x01, `/plans/compare?a=${p!.a}&b=${p!.b}`)).statusCode).toBe(403);
  });
});

/**
 * Party dues as a cell collects them (issue 15, item 4): each member's amount at their rate under Quy định
 * 01-QĐ/TW Điều 3, the month recorded, a short payment refused with the rate and its clause, the remittance upward
 * not above what was collected — on the demo's office cell, on both drivers, scoped to the cell.
 */
import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from './seed/an-lac.data.js';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

type Sheet = {
  month: string;
  members: { personId: string; fullName: string; due: number | null; dueBasis_vi: string; status: string | null }[];
  collected: number;
  expected: number;
  remittance: { remitted: number; toName: string | null } | null;
};

describe.each(drivers)('party dues of a cell (%s)', (driver) => {
  let t: TestApp;
  let secretary: Session;
  let x01: Session;
  let cell: string;

  const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.as(s, { method, url: `${API}${url}`, payload: payload as never });

  beforeAll(async () => {
    t = await createTestApp(driver, { today: DEMO_TODAY });
    [secretary, x01] = await Promise.all([t.login('bithu.cb'), t.login('vanthu.x01')]);
    cell = await t.orgId('ORG-CB-VP1');
  });
  afterAll(async () => t?.close());

  it('works out each member’s dues at their rate and records the month the cell collected', async () => {
    const r = await call(secretary, 'GET', `/organizations/${cell}/dues?month=2026-12`);
    expect(r.statusCode, r.body).toBe(200);
    const sheet = r.json() as Sheet;
    expect(sheet.members).toHaveLength(12);
    expect(sheet.members.every((m) => m.status === null)).toBe(true);
    const first = sheet.members.find((m) => m.due === 60_000)!;
    expect(first.dueBasis_vi).toBe(
      '1% của 6.000.000 đ (Điều 3 khoản 1 Quy định 01-QĐ/TW ngày 03/02/2026 của Bộ Chính trị về chế độ đảng phí)',
    );
    // November as recorded in the demo: every member paid; collected is the sum of what they paid.
    const nov = (await call(secretary, 'GET', `/organizations/${cell}/dues?month=2026-11`)).json() as Sheet;
    expect(nov.members.filter((m) => m.status === 'paid')).toHaveLength(12);
    expect(nov.collected).toBe(12 * 60_000 + 2_500 * 66);

    const [a, b, c] = sheet.members;
    const saved = await call(secretary, 'POST', `/organizations/${cell}/dues`, {
      month: '2026-12',
      payments: [
        { personId: a!.personId, status: 'paid' },
        { personId: b!.personId, status: 'paid', amount: b!.due! + 20_000, paidOn: '2026-12-01' },
        { personId: c!.personId, status: 'unpaid' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json() as Sheet;
    expect(after.collected).toBe(a!.due! + b!.due! + 20_000);
    expect(after.members.find((m) => m.personId === c!.personId)!.status).toBe('unpaid');
    const audit = await qb(t.db).selectFrom('audit_log').select('action').where('action', '=', 'record_dues').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a payment below the rate with the clause, a month not begun, a person from elsewhere', async () => {
    const sheet = (await call(secretary, 'GET', `/organizations/${cell}/dues?month=2026-12`)).json() as Sheet;
    const m = sheet.members[3]!;
    const short = await call(secretary, 'POST', `/organizations/${cell}/dues`, {
      month: '2026-12',
      payments: [{ personId: m.personId, status: 'paid', amount: 10_000 }],
    });
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({ code: 'DANG_PHI_KHONG_HOP_LE', field: 'body.payments.0.amount' });
    expect(short.json().detail).toContain(`${m.fullName}: số tiền 10.000 đ ít hơn mức phải đóng`);
    expect(short.json().detail).toContain('Điều 3 khoản 1 Quy định 01-QĐ/TW');
    const future = await call(secretary, 'POST', `/organizations/${cell}/dues`, {
      month: '2027-01',
      payments: [{ personId: m.personId, status: 'paid' }],
    });
    expect(future.json()).toMatchObject({ code: 'DANG_PHI_KHONG_HOP_LE', field: 'body.month' });
    const stranger = await call(secretary, 'POST', `/organizations/${cell}/dues`, {
      month: '2026-12',
      payments: [{ personId: await t.personId('M01'), status: 'paid' }],
    });
    expect(stranger.json()).toMatchObject({ field: 'body.payments.0.personId' });
    const badMonth = await call(secretary, 'GET', `/organizations/${cell}/dues?month=12-2026`);
    expect(badMonth.statusCode).toBe(400);
    // Nothing of the refused requests was written.
    const now = (await call(secretary, 'GET', `/organizations/${cell}/dues?month=2026-12`)).json() as Sheet;
    expect(now.members[3]!.status).toBeNull();
    // Another commune's clerk neither reads nor writes the cell's dues.
    expect((await call(x01, 'GET', `/organizations/${cell}/dues`)).statusCode).toBe(403);
  });

  it('remits the month upward, not above what was collected, once', async () => {
    const nov = (await call(secretary, 'GET', `/organizations/${cell}/dues?month=2026-11`)).json() as Sheet;
    const over = await call(secretary, 'POST', `/organizations/${cell}/dues/remittance`, {
      month: '2026-11',
      remitted: nov.collected + 1,
      remittedOn: '2026-12-01',
    });
    expect(over.json()).toMatchObject({ code: 'DANG_PHI_KHONG_HOP_LE', field: 'body.remitted' });
    const ok = await call(secretary, 'POST', `/organizations/${cell}/dues/remittance`, {
      month: '2026-11',
      remitted: Math.round(nov.collected / 2),
      remittedOn: '2026-12-01',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Sheet).remittance).toMatchObject({
      remitted: Math.round(nov.collected / 2),
      toName: 'Đảng bộ cơ quan Văn phòng Tỉnh ủy',
    });
    const again = await call(secretary, 'POST', `/organizations/${cell}/dues/remittance`, {
      month: '2026-11',
      remitted: 1,
      remittedOn: '2026-12-02',
    });
    expect(again.json().detail).toContain('Chi bộ đã ghi nộp đảng phí tháng 11/2026 ngày 01/12/2026');
  });
});

/**
 * Issue 16, item 7: the assessment rules asked through the API as through the CLI — the level of a year's record and
 * the quota of a unit, each with its clause; The province's file is checked against the central one by the
 * CLI's lint (assessment.consistency.test.ts). Both drivers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const read = (p: string) => readFileSync(new URL(`../../../regulations/${p}`, import.meta.url), 'utf8');
const CENTRAL = read('danh-gia/quy-dinh-366.qc.md');

describe.each(drivers)('the assessment rules through the API (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let regId: string;
  const ask = (payload: object) => t.as(admin, { method: 'POST', url: `/api/v1/regulations/${regId}/ask`, payload });
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    const al = await t.orgId('ORG-AL');
    const r = await t.as(admin, { method: 'POST', url: '/api/v1/regulations', payload: { orgId: al, text: CENTRAL } });
    expect(r.statusCode, r.body).toBe(201);
    const list = (await t.as(admin, { method: 'GET', url: '/api/v1/regulations' })).json();
    regId = list.find((x: { work: string }) => x.work === '/vn/quy-dinh/bo-chinh-tri/2025/366-qd-tw').id;
  });
  afterAll(async () => t?.close());

  it('classifies a member’s year with its clause, as the CLI does', async () => {
    const r = await ask({
      ask: 'classify',
      at: '2025-12-15',
      input: { subject: 'member', points: 92, tasks_total: 8, tasks_on_time: 8, tasks_exceeded: 2, disciplined: false },
    });
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json();
    // 2 of 8 exceeded is 25%, under the 30% of the top level.
    expect(a.result.level).toBe('tot');
    expect(a.ruleIds).toEqual(['dg-tot-dang-vien', 'dg-xs-dang-vien']);
    expect(a.eIds[0]).toBe('chp_2__art_11__para_2__point_2.3');
    expect(a.reason_vi).toContain('2/8 nhiệm vụ hoàn thành vượt mức, chưa đủ 30%');
    const disciplined = (
      await ask({
        ask: 'classify',
        at: '2025-12-15',
        input: {
          subject: 'member',
          points: 92,
          tasks_total: 8,
          tasks_on_time: 8,
          tasks_exceeded: 4,
          disciplined: true,
        },
      })
    ).json();
    expect(disciplined.result.level).toBe('khong_hoan_thanh');
  });

  it('checks a unit’s quota in exact arithmetic', async () => {
    const over = (await ask({ ask: 'quota', at: '2025-12-15', input: { xuat_sac: 3, tot: 14 } })).json();
    expect(over.result).toMatchObject({ ok: false, max: 2 });
    expect(over.reason_vi).toContain('điểm 1.5 khoản 1 Điều 11');
    const at = (await ask({ ask: 'quota', at: '2025-12-15', input: { xuat_sac: 2, tot: 10 } })).json();
    expect(at.result).toMatchObject({ ok: true, max: 2 });
  });

  it('refuses a record that does not add up, in Vietnamese, naming the field', async () => {
    const r = await ask({
      ask: 'classify',
      at: '2025-12-15',
      input: { subject: 'member', points: 120, tasks_total: 1, tasks_on_time: 1, tasks_exceeded: 0 },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().detail).toContain('"points" phải là số điểm từ 0 đến 100');
    const before = await ask({ ask: 'quota', at: '2025-01-01', input: { xuat_sac: 1, tot: 10 } });
    expect(before.statusCode).toBe(422);
    expect(before.json().code).toBe('KHONG_CO_PHIEN_BAN_HIEU_LUC');
  });
});

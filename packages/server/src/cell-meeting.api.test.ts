/**
 * A cell's monthly meeting run through the meetings API under the province's model cell regulation: the cell's
 * members summoned from the register, the vote counted over its official members less the exempted one who is
 * absent (QĐ 294-QĐ/TW điểm 9.3.2), the month then held in the compliance report. Both drivers.
 */
import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

describe.each(drivers)('a cell’s monthly meeting (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let cell: string;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    cell = await t.orgId('ORG-CB-VP1');
  });
  afterAll(async () => t?.close());

  it('summons the register, and an absent exempted member does not lower the vote (6 of 11 pass)', async () => {
    const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
      const r = await t.as(admin, { method, url: `${API}${url}`, payload });
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json();
    };
    let m = await call('POST', '/meetings', {
      bodyId: await t.bodyId('ORG-CB-VP1', 'CHI_BO'),
      kind: 'regular',
      title: 'Sinh hoạt Chi bộ Phòng Tổng hợp thường kỳ tháng 12/2026',
      meetingDate: '2026-12-04',
    });
    // The cell has no regulation of its own: the province's model for cells governs it.
    expect(m.regulation.matters.map((x: { code: string }) => x.code)).toContain('NQ_THANG');
    m = await call('POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'CHI_UY' });
    expect(m.counts.summoned).toBe(12);
    m = await call('POST', `/meetings/${m.id}/documents-sent`, { version: m.version, sentOn: '2026-12-03' });
    expect(m.checks.notice.ok).toBe(true);
    m = await call('POST', `/meetings/${m.id}/open`, { version: m.version, on: '2026-12-04' });
    const exempted = await qb(t.db).selectFrom('member_exemption').select('person_id').executeTakeFirstOrThrow();
    const others = m.attendance.filter((a: { personId: string }) => a.personId !== exempted.person_id);
    expect(others).toHaveLength(11);
    for (const a of others.slice(0, 8))
      m = await call('PATCH', `/meetings/${m.id}/attendance/${a.id}`, { status: 'present' });
    m = await call('POST', `/meetings/${m.id}/agenda`, {
      title: 'Nghị quyết sinh hoạt chi bộ tháng 12/2026',
      matter: 'NQ_THANG',
    });
    const item = m.agenda.at(-1);
    expect(item.competence.ok).toBe(true);
    m = await call('POST', `/meetings/${m.id}/agenda/${item.id}/votes`, {
      method: 'show_of_hands',
      yes: 6,
      no: 2,
      abstain: 0,
    });
    const vote = m.agenda.at(-1).votes.at(-1);
    // Counted over all 12 members, 6 would not be more than half.
    expect(vote).toMatchObject({ passed: true, totalMembers: 11, present: 8 });

    const c = await call('GET', `/organizations/${cell}/cell-meetings/compliance?year=2026&month=12`);
    expect(c.rows[0]).toMatchObject({ cellId: cell, regularHeld: true });
  });
});

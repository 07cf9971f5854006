import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();

describe.each(drivers)('meetings under the regulation (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let meeting: { id: string; version: number };
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    const bch = (await t.db.query<{ id: string }>("select b.id from body b join organization o on o.id = b.org_id where o.code = 'ORG-AL' and b.kind = 'BCH' and b.valid_until is null")).rows[0]!.id;
    const r = await t.as(admin, { method: 'POST', url: '/api/v1/meetings', payload: { bodyId: bch, kind: 'regular', title: 'Hội nghị Tỉnh ủy lần thứ 6: sơ kết quý I', meetingDate: '2026-04-10' } });
    expect(r.statusCode).toBe(201);
    meeting = r.json();
  });
  afterAll(async () => t?.close());

  it('refuses to convene a Tỉnh ủy conference without a BTV decision, citing the clause', async () => {
    expect(meeting).toMatchObject({ state: 'planned', regulation: { expression: 'vie@2025-10-20' } });
    for (const convenedBy of [null, 'TT']) {
      const r = await t.as(admin, { method: 'POST', url: `/api/v1/meetings/${meeting.id}/convene`, payload: { version: meeting.version, convenedBy } });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'TRIEU_TAP_SAI_THAM_QUYEN', field: 'body.convenedBy', eIds: ['chp_3__art_12__para_1'] });
      expect(r.json().detail).toContain('phải do Ban Thường vụ Tỉnh ủy triệu tập');
      expect(r.json().detail).toContain('khoản 1 Điều 12');
    }
  });

  it('convenes by BTV decision and summons the 61 members of the BCH on the meeting date', async () => {
    const r = await t.as(admin, { method: 'POST', url: `/api/v1/meetings/${meeting.id}/convene`, payload: { version: meeting.version, convenedBy: 'BTV', conveningRef: 'Quyết định triệu tập của BTV' } });
    expect(r.statusCode).toBe(200);
    meeting = r.json();
    expect(r.json()).toMatchObject({ state: 'convened', counts: { summoned: 61, present: 0 }, checks: { convening: { ok: true } } });
  });

  it('warns when documents reach members 2 working days before the conference', async () => {
    const r = (await t.as(admin, { method: 'POST', url: `/api/v1/meetings/${meeting.id}/documents-sent`, payload: { version: meeting.version, sentOn: '2026-04-08' } })).json();
    meeting = r;
    expect(r.state).toBe('documents_sent');
    expect(r.checks.notice).toMatchObject({ ok: false, eIds: ['chp_3__art_12__para_3'] });
    expect(r.checks.notice.reason_vi).toContain('chậm nhất phải gửi ngày 03/04/2026');
  });

  it('computes the quorum from attendance: 41 of 61 present is quorate, 40 is not', async () => {
    const attendance = meeting.version && (await t.as(admin, { method: 'GET', url: `/api/v1/meetings/${meeting.id}` })).json().attendance;
    let last;
    for (const a of attendance.slice(0, 40)) {
      last = (await t.as(admin, { method: 'PATCH', url: `/api/v1/meetings/${meeting.id}/attendance/${a.id}`, payload: { status: 'present' } })).json();
    }
    expect(last.counts).toEqual({ summoned: 61, present: 40 });
    expect(last.checks.quorum).toMatchObject({ ok: false, eIds: ['chp_3__art_12__para_2'] });
    const r = (await t.as(admin, { method: 'PATCH', url: `/api/v1/meetings/${meeting.id}/attendance/${attendance[40].id}`, payload: { status: 'present' } })).json();
    expect(r.checks.quorum.ok).toBe(true);
    expect(r.checks.quorum.reason_vi).toContain('41/61');
  });
});

import { addDays, formatDateVi, todayInVietnam } from '@quyche/core';
import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

/**
 * Rescheduling: dates relative to today (a meeting is not moved into the past), with margins wide enough that the
 * verdicts do not depend on holidays: documents sent today are late for a session two days away (BTV: 3 working
 * days, khoản 2 Điều 13) and in time for one a month away.
 */
describe.each(drivers)('rescheduling a meeting (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let btv: string;
  const today = todayInVietnam();
  const d = (n: number) => addDays(today, n);
  const ok = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const r = await t.as(admin, { method, url: `${API}${url}`, payload });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const reschedule = (m: { id: string; version: number }, payload: object) =>
    t.as(admin, {
      method: 'POST',
      url: `${API}/meetings/${m.id}/reschedule`,
      payload: { version: m.version, ...payload },
    });
  const plan = (date: string, title = 'Phiên họp Ban Thường vụ Tỉnh ủy') =>
    ok('POST', '/meetings', {
      bodyId: btv,
      kind: 'regular',
      title,
      meetingDate: date,
      startsAt: '08:00',
      location: 'Hội trường Tỉnh ủy',
    });
  const convene = async (date: string) => {
    const m = await plan(date);
    return ok('POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'TT' });
  };
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    btv = await t.bodyId('ORG-AL', 'BTV');
  });
  afterAll(async () => t?.close());

  it('moves a planned meeting with a required reason, kept in the history and the audit', async () => {
    const m = await plan(d(40));
    const noReason = await reschedule(m, { meetingDate: d(47) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toContain('Lý do dời ngày họp');
    const r = await reschedule(m, { meetingDate: d(47), reason: 'Trùng lịch làm việc với Trung ương' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      meetingDate: d(47),
      state: 'planned',
      startsAt: '08:00',
      location: 'Hội trường Tỉnh ủy',
    });
    expect(r.json().reschedules).toEqual([
      expect.objectContaining({
        fromDate: d(40),
        toDate: d(47),
        reason: 'Trùng lịch làm việc với Trung ương',
        state: 'planned',
        notice: null,
        byName: expect.any(String),
      }),
    ]);
    const audit = await qb(t.db)
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'meeting')
      .where('entity_id', '=', m.id)
      .where('action', '=', 'reschedule')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      before: { meetingDate: d(40) },
      after: { meetingDate: d(47), reason: 'Trùng lịch làm việc với Trung ương' },
    });
    // Correcting the planned date in the details is kept in the history too, without a reason.
    const patched = await ok('PATCH', `/meetings/${m.id}`, { version: r.json().version, meetingDate: d(48) });
    expect(patched.reschedules.at(-1)).toMatchObject({ fromDate: d(47), toDate: d(48), reason: null });
  });

  it(
    'runs the notice check again for a convened meeting whose documents went out: late when the date comes ' +
      'closer, in time when it moves away',
    async () => {
      let m = await convene(d(30));
      m = await ok('POST', `/meetings/${m.id}/documents-sent`, { version: m.version, sentOn: today });
      expect(m.checks.notice.ok).toBe(true);
      // Once convened the date is changed by rescheduling only.
      const patch = await t.as(admin, {
        method: 'PATCH',
        url: `${API}/meetings/${m.id}`,
        payload: { version: m.version, meetingDate: d(31) },
      });
      expect(patch.statusCode).toBe(422);
      expect(patch.json()).toMatchObject({ code: 'DOI_NGAY_SAU_TRIEU_TAP', field: 'body.meetingDate' });
      expect(patch.json().detail).toContain('Dời ngày họp');

      const closer = await reschedule(m, { meetingDate: d(2), reason: 'Đồng chí Bí thư đi công tác từ tuần sau' });
      expect(closer.statusCode, closer.body).toBe(200);
      m = closer.json();
      const moved = m.reschedules.at(-1);
      expect(moved).toMatchObject({
        fromDate: d(30),
        toDate: d(2),
        state: 'documents_sent',
        notice: { ok: false, eIds: ['chp_3__art_13__para_2'] },
      });
      expect(moved.notice.reason_vi).toContain(`Chậm: tài liệu gửi ngày ${formatDateVi(today)}`);
      expect(moved.notice.reason_vi).toContain(`trước ngày họp ${formatDateVi(d(2))}`);
      expect(moved.notice.reason_vi).toContain('khoản 2 Điều 13');
      // The meeting's own check reads the same against its new date.
      expect(m.checks.notice).toEqual(moved.notice);

      const later = await reschedule(m, {
        meetingDate: d(35),
        startsAt: '14:00',
        location: 'Phòng họp số 1, Tỉnh ủy',
        reason: 'Chờ ý kiến của Ban Tổ chức Trung ương',
      });
      expect(later.statusCode, later.body).toBe(200);
      m = later.json();
      expect(m).toMatchObject({
        meetingDate: d(35),
        startsAt: '14:00',
        location: 'Phòng họp số 1, Tỉnh ủy',
        checks: { notice: { ok: true } },
      });
      expect(m.reschedules).toHaveLength(2);
      expect(m.reschedules[1]).toMatchObject({
        fromDate: d(2),
        toDate: d(35),
        fromStartsAt: '08:00',
        toStartsAt: '14:00',
        fromLocation: 'Hội trường Tỉnh ủy',
        toLocation: 'Phòng họp số 1, Tỉnh ủy',
        notice: { ok: true },
      });
      expect(m.reschedules[1].notice.reason_vi).toMatch(/^Đúng hạn: tài liệu gửi ngày/);
    },
  );

  it('states the new latest date for the documents of a convened meeting that has not sent them', async () => {
    const m = await convene(d(20));
    const r = await reschedule(m, { meetingDate: d(27), reason: 'Dời để chuẩn bị kỹ Đề án' });
    expect(r.statusCode, r.body).toBe(200);
    const notice = r.json().reschedules[0].notice;
    expect(notice).toMatchObject({ ok: true, eIds: ['chp_3__art_13__para_2'] });
    expect(notice.reason_vi).toMatch(
      new RegExp(
        '^Chưa gửi tài liệu: theo ngày họp mới, tài liệu chậm nhất phải gửi ngày \\d{2}/\\d{2}/\\d{4} ' +
          '\\(3 ngày làm việc trước ngày họp',
      ),
    );
    expect(notice.reason_vi).toContain('khoản 2 Điều 13');
  });

  it(
    'refuses to move a meeting in session, closed, with minutes approved or cancelled, and a date that is no ' + 'move',
    async () => {
      const same = await convene(d(10));
      const r0 = await reschedule(same, { meetingDate: d(10), reason: 'Không đổi' });
      expect(r0.statusCode).toBe(400);
      expect(r0.json()).toMatchObject({ field: 'body.meetingDate' });
      const past = await reschedule(same, { meetingDate: d(-1), reason: 'Về quá khứ' });
      expect(past.json().detail).toContain('đã qua');

      let m = await convene(d(12));
      m = await ok('POST', `/meetings/${m.id}/open`, {
        version: m.version,
        earlyReason: 'Ghi nhận thử trước ngày họp',
      });
      const inSession = await reschedule(m, { meetingDate: d(14), reason: 'Muộn' });
      expect(inSession.statusCode).toBe(422);
      expect(inSession.json()).toMatchObject({ code: 'KHONG_DOI_NGAY_HOP', field: 'body' });
      expect(inSession.json().detail).toContain('hội nghị đang họp');
      m = await ok('PUT', `/meetings/${m.id}/minutes`, { version: m.version, text: 'Biên bản' });
      m = await ok('POST', `/meetings/${m.id}/close`, {
        version: m.version,
        earlyReason: 'Ghi nhận thử trước ngày họp',
      });
      expect((await reschedule(m, { meetingDate: d(14), reason: 'Muộn' })).json()).toMatchObject({
        code: 'KHONG_DOI_NGAY_HOP',
      });
      m = await ok('POST', `/meetings/${m.id}/minutes/approve`, { version: m.version });
      expect((await reschedule(m, { meetingDate: d(14), reason: 'Muộn' })).json().detail).toContain(
        'đã thông qua biên bản',
      );

      let c = await plan(d(15));
      c = await ok('POST', `/meetings/${c.id}/cancel`, { version: c.version, reason: 'Không còn nội dung' });
      const cancelled = await reschedule(c, { meetingDate: d(16), reason: 'Họp lại' });
      expect(cancelled.json()).toMatchObject({ code: 'KHONG_DOI_NGAY_HOP' });
      expect(cancelled.json().detail).toContain('đã bị hủy');
      const history = (
        await qb(t.db)
          .selectFrom('meeting_reschedule')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('meeting_id', 'in', [same.id, m.id, c.id])
          .executeTakeFirstOrThrow()
      ).n;
      expect(history).toBe(0);
    },
  );
});

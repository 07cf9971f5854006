import { addDays, todayInVietnam } from '@quyche/core';
import { qb } from '@quyche/db';
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
    const bch = await t.bodyId('ORG-AL', 'BCH');
    const r = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/meetings',
      payload: {
        bodyId: bch,
        kind: 'regular',
        title: 'Hội nghị Tỉnh ủy lần thứ 6: sơ kết quý I',
        meetingDate: '2026-04-10',
      },
    });
    expect(r.statusCode).toBe(201);
    meeting = r.json();
  });
  afterAll(async () => t?.close());

  it('refuses to convene a Tỉnh ủy conference without a BTV decision, citing the clause', async () => {
    expect(meeting).toMatchObject({ state: 'planned', regulation: { expression: 'vie@2025-10-20' } });
    for (const convenedBy of [null, 'TT']) {
      const r = await t.as(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/convene`,
        payload: { version: meeting.version, convenedBy },
      });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({
        code: 'TRIEU_TAP_SAI_THAM_QUYEN',
        field: 'body.convenedBy',
        eIds: ['chp_3__art_12__para_1'],
      });
      expect(r.json().detail).toContain('phải do Ban Thường vụ Tỉnh ủy triệu tập');
      expect(r.json().detail).toContain('khoản 1 Điều 12');
    }
  });

  it('convenes by BTV decision and summons the 61 members of the BCH on the meeting date', async () => {
    const r = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/convene`,
      payload: { version: meeting.version, convenedBy: 'BTV', conveningRef: 'Quyết định triệu tập của BTV' },
    });
    expect(r.statusCode).toBe(200);
    meeting = r.json();
    expect(r.json()).toMatchObject({
      state: 'convened',
      counts: { summoned: 61, present: 0 },
      checks: { convening: { ok: true } },
    });
  });

  it('warns when documents reach members 2 working days before the conference', async () => {
    const r = (
      await t.as(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/documents-sent`,
        payload: { version: meeting.version, sentOn: '2026-04-08' },
      })
    ).json();
    meeting = r;
    expect(r.state).toBe('documents_sent');
    expect(r.checks.notice).toMatchObject({ ok: false, eIds: ['chp_3__art_12__para_3'] });
    expect(r.checks.notice.reason_vi).toContain('chậm nhất phải gửi ngày 03/04/2026');
  });

  it('computes the quorum from attendance: 41 of 61 present is quorate, 40 is not', async () => {
    const before = (await t.as(admin, { method: 'GET', url: `/api/v1/meetings/${meeting.id}` })).json();
    // Nobody marked yet: the quorum is not known ("chưa điểm danh"), not a failure (it read "không đạt, 0/61").
    expect(before.counts).toMatchObject({ summoned: 61, present: 0, absent: 0, absentExcused: 0 });
    expect(before.checks.quorum).toBeNull();
    const attendance = before.attendance;
    let last: { counts: unknown; checks: { quorum: unknown } } | undefined;
    for (const a of attendance.slice(0, 40)) {
      last = (
        await t.as(admin, {
          method: 'PATCH',
          url: `/api/v1/meetings/${meeting.id}/attendance/${a.id}`,
          payload: { status: 'present' },
        })
      ).json();
    }
    expect(last?.counts).toMatchObject({ summoned: 61, present: 40 });
    expect(last?.checks.quorum).toMatchObject({ ok: false, eIds: ['chp_3__art_12__para_2'] });
    const r = (
      await t.as(admin, {
        method: 'PATCH',
        url: `/api/v1/meetings/${meeting.id}/attendance/${attendance[40].id}`,
        payload: { status: 'present' },
      })
    ).json();
    expect(r.checks.quorum.ok).toBe(true);
    expect(r.checks.quorum.reason_vi).toContain('41/61');
  });

  it("warns of an agenda item outside the body's competence, naming the competent body and the clause", async () => {
    const add = (payload: object) =>
      t.as(admin, { method: 'POST', url: `/api/v1/meetings/${meeting.id}/agenda`, payload });
    const own = (await add({ title: 'Nghị quyết chuyên đề về chuyển đổi số', matter: 'NQ_CHUYEN_DE' })).json();
    expect(own.agenda.at(-1).competence).toMatchObject({ ok: true, eIds: ['chp_1__art_1__para_2'] });
    const down = (await add({ title: 'Rà soát đơn thư kéo dài tại phường Bắc Sơn', matter: 'RA_SOAT_DON_THU' })).json();
    expect(down.agenda.at(-1).competence.ok).toBe(false);
    expect(down.agenda.at(-1).competence.reason_vi).toContain('Việc thuộc thẩm quyền của Ban Nội chính Tỉnh ủy');
    expect(down.agenda.at(-1).competence.reason_vi).toContain('khoản 2 Điều 18');
    const other = (
      await add({
        title: 'Chủ trương dự án 800 tỷ',
        matter: 'CHU_TRUONG_DU_AN',
        attributes: { tong_muc_dau_tu_ty_dong: 800 },
      })
    ).json();
    expect(other.agenda.at(-1).competence.reason_vi).toContain(
      'Việc thuộc thẩm quyền của Ban Thường vụ Tỉnh ủy: không đưa lên Ban Chấp hành',
    );
    // An item by which a body reports back on what it decided in between is marked so; others are not.
    expect(other.agenda.at(-1).reportsBack).toBe(false);
    const back = (
      await add({ title: 'Ban Thường vụ báo cáo công việc đã giải quyết giữa hai kỳ hội nghị', reportsBack: true })
    ).json();
    expect(back.agenda.at(-1)).toMatchObject({
      title: 'Ban Thường vụ báo cáo công việc đã giải quyết giữa hai kỳ hội nghị',
      reportsBack: true,
    });
    expect((await add({ title: 'x', reportsBack: 'có' })).statusCode).toBe(400);
  });

  it('refuses to open or close a meeting before its date without a written reason, and audits the reason', async () => {
    const btv = await t.bodyId('ORG-AL', 'BTV');
    const later = addDays(todayInVietnam(), 20);
    let m = (
      await t.as(admin, {
        method: 'POST',
        url: '/api/v1/meetings',
        payload: { bodyId: btv, kind: 'regular', title: 'Phiên họp thử mở sớm', meetingDate: later },
      })
    ).json();
    m = (
      await t.as(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${m.id}/convene`,
        payload: { version: m.version, convenedBy: 'TT' },
      })
    ).json();
    const early = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${m.id}/open`,
      payload: { version: m.version },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'TRUOC_NGAY_HOP', field: 'body.earlyReason' });
    expect(early.json().detail).toContain(`Hội nghị họp ngày ${later.split('-').reverse().join('/')}`);
    const withReason = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${m.id}/open`,
      payload: { version: m.version, earlyReason: 'Nhập lại hồ sơ phiên họp đã họp theo lịch cũ' },
    });
    expect(withReason.statusCode, withReason.body).toBe(200);
    const audit = await qb(t.db)
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'meeting')
      .where('entity_id', '=', m.id)
      .where('action', '=', 'open')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ earlyReason: 'Nhập lại hồ sơ phiên họp đã họp theo lịch cũ' });
    const close = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${m.id}/close`,
      payload: { version: withReason.json().version },
    });
    expect(close.json()).toMatchObject({ code: 'TRUOC_NGAY_HOP' });
  });

  it('counts votes against all 61 incumbent members and refuses a personnel vote by show of hands', async () => {
    const cur = (await t.as(admin, { method: 'GET', url: `/api/v1/meetings/${meeting.id}` })).json();
    const opened = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/open`,
      payload: { version: cur.version, on: '2026-04-10' },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().state).toBe('in_session');
    const withItem = (
      await t.as(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/agenda`,
        payload: { title: 'Nhân sự Phó Chủ nhiệm Ủy ban Kiểm tra', topic: 'can_bo' },
      })
    ).json();
    const personnel = withItem.agenda.at(-1).id;
    const nq = withItem.agenda[0].id;
    const vote = (item: string, payload: object) =>
      t.as(admin, { method: 'POST', url: `/api/v1/meetings/${meeting.id}/agenda/${item}/votes`, payload });
    const hands = await vote(personnel, { method: 'show_of_hands', yes: 38, no: 3, abstain: 0 });
    expect(hands.statusCode).toBe(422);
    expect(hands.json()).toMatchObject({ code: 'BO_PHIEU_KIN_BAT_BUOC', field: 'body.method' });
    expect(hands.json().detail).toContain('khoản 2 Điều 16');
    const secret = (await vote(personnel, { method: 'secret_ballot', yes: 38, no: 3, abstain: 0 })).json();
    expect(secret.agenda.at(-1).votes[0]).toMatchObject({ passed: true, totalMembers: 61, present: 41 });
    // 31 of 61 passes and 30 fails, whatever the attendance (41 present).
    expect(
      (await vote(nq, { method: 'show_of_hands', yes: 31, no: 10, abstain: 0 })).json().agenda[0].votes.at(-1).passed,
    ).toBe(true);
    const fail = (await vote(nq, { method: 'show_of_hands', yes: 30, no: 5, abstain: 6 }))
      .json()
      .agenda[0].votes.at(-1);
    expect(fail.passed).toBe(false);
    expect(fail.reason_vi).toContain('30 phiếu đồng ý trên 61 tổng số ủy viên');
    expect((await vote(nq, { method: 'show_of_hands', yes: 40, no: 5, abstain: 0 })).statusCode).toBe(400);
    // With all 61 present the threshold is the same: 31 passes, 30 fails.
    let view = (await t.as(admin, { method: 'GET', url: `/api/v1/meetings/${meeting.id}` })).json();
    for (const a of view.attendance.filter((x: { status: string }) => x.status !== 'present')) {
      view = (
        await t.as(admin, {
          method: 'PATCH',
          url: `/api/v1/meetings/${meeting.id}/attendance/${a.id}`,
          payload: { status: 'present' },
        })
      ).json();
    }
    expect(view.counts.present).toBe(61);
    expect(
      (await vote(nq, { method: 'show_of_hands', yes: 31, no: 30, abstain: 0 })).json().agenda[0].votes.at(-1),
    ).toMatchObject({ passed: true, present: 61 });
    expect(
      (await vote(nq, { method: 'show_of_hands', yes: 30, no: 31, abstain: 0 })).json().agenda[0].votes.at(-1),
    ).toMatchObject({ passed: false, present: 61 });
  });

  it('issues the conclusion of a Tỉnh ủy conference as a KL, numbered apart from the TB notices', async () => {
    const kl0 = (
      await qb(t.db)
        .selectFrom('document_counter')
        .select('last_number')
        .where('doc_type', '=', 'KL')
        .executeTakeFirstOrThrow()
    ).last_number;
    const cur = (await t.as(admin, { method: 'GET', url: `/api/v1/meetings/${meeting.id}` })).json();
    const closed = (
      await t.as(admin, {
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/close`,
        payload: { version: cur.version, on: '2026-04-10' },
      })
    ).json();
    expect(closed.state).toBe('closed');
    const r = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/conclusion`,
      payload: {
        issuedOn: '2026-04-14',
        summary: 'Tỉnh ủy kết luận:',
        signer: { for: 'T/M TỈNH ỦY', position: 'BÍ THƯ' },
        items: [{ kind: 'conclusion', text: 'Thông qua Nghị quyết chuyên đề.' }],
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().conclusion.symbol).toBe(`${String(kl0 + 1).padStart(2, '0')}-KL/TU`);
    const docx = await t.as(admin, { method: 'GET', url: `/api/v1/meetings/${meeting.id}/conclusion.docx` });
    expect(docx.statusCode).toBe(200);
  });
});

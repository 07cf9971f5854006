import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '@quyche/db';
import { addDays, todayInVietnam } from '@quyche/core';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

/** A working-group review: the province asks Tân Lập for a report, Tân Lập submits its own, the group concludes. */
describe.each(drivers)('working-group reviews (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let tanLap: Session;
  let other: Session;
  let al: string;
  let x01: string;
  const today = todayInVietnam();

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    tanLap = await t.login('vanthu.x01');
    other = await t.login('vanthu.x02');
    al = await t.orgId('ORG-AL');
    x01 = await t.orgId('ORG-X01');
  });
  afterAll(async () => t?.close());

  const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.as(s, { method, url: `${API}${url}`, ...(payload === undefined ? {} : { payload }) });

  it(
    'runs request → the subordinate’s own report → conclusion, its shortcomings in the subordinate’s ' +
      'register and its recommendations followed to an answer',
    async () => {
      const topics = [
        'Việc xây dựng, ban hành Quy chế làm việc khóa I',
        'Thực hiện chế độ họp, gửi tài liệu, ban hành thông báo kết luận',
        'Khó khăn, vướng mắc và kiến nghị',
      ];
      const sent = await call(admin, 'POST', '/review-requests', {
        orgId: al,
        targetOrgId: x01,
        topics,
        deadline: addDays(today, 10),
        team: [{ name: 'Nguyễn Văn A', role: 'Trưởng đoàn' }],
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const req = sent.json();
      const term = await qb(t.db)
        .selectFrom('term as t')
        .innerJoin('organization as o', 'o.id', 't.org_id')
        .select('t.valid_from')
        .where('o.code', '=', 'ORG-X01')
        .where('t.valid_from', '<=', today)
        .orderBy('t.valid_from', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(req).toMatchObject({
        state: 'sent',
        stateLabel_vi: 'Đã gửi yêu cầu, chờ báo cáo',
        late: false,
        topics,
        periodFrom: term.valid_from,
        periodTo: today,
        targetOrgId: x01,
        report: null,
        canConclude: false,
      });
      expect(req.title).toMatch(/^Đoàn công tác của .+ làm việc với Đảng bộ xã Tân Lập$/);

      // Tân Lập sees it among the requests it received and may answer it; another commune may not read it.
      const received = (await call(tanLap, 'GET', `/review-requests?orgId=${x01}`)).json();
      expect(received.find((x: { id: string }) => x.id === req.id)).toMatchObject({
        direction: 'received',
        canSubmit: true,
        canConclude: false,
      });
      expect((await call(other, 'GET', `/review-requests/${req.id}`)).statusCode).toBe(403);
      expect(
        (
          await call(tanLap, 'POST', `/review-requests/${req.id}/conclude`, {
            version: req.version,
            conclusionText: 'x',
          })
        ).statusCode,
      ).toBe(403);

      // It answers with its own report: another organization's is refused naming the field.
      const theirs = (await call(admin, 'GET', `/review-reports?orgId=${al}`)).json()[0];
      const wrong = await call(tanLap, 'POST', `/review-requests/${req.id}/submit`, {
        version: req.version,
        reportId: theirs.id,
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({
        field: 'body.reportId',
        detail: 'Chọn một báo cáo của chính tổ chức được yêu cầu báo cáo',
      });
      const own = await call(tanLap, 'POST', '/review-reports', { orgId: x01, kind: 'regulation' });
      expect(own.statusCode, own.body).toBe(201);
      const early = await call(admin, 'POST', `/review-requests/${req.id}/conclude`, {
        version: req.version,
        conclusionText: 'Kết luận',
      });
      expect(early.json()).toMatchObject({
        code: 'TRANG_THAI_YEU_CAU',
        detail: expect.stringContaining('chưa nộp báo cáo'),
      });
      const submitted = await call(tanLap, 'POST', `/review-requests/${req.id}/submit`, {
        version: req.version,
        reportId: own.json().id,
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json()).toMatchObject({
        state: 'submitted',
        submittedOn: today,
        late: false,
        report: { id: own.json().id },
        canSubmit: false,
      });

      // The group concludes: two shortcomings for Tân Lập to remedy, one recommendation to the province.
      const version = submitted.json().version;
      const pastDue = await call(admin, 'POST', `/review-requests/${req.id}/conclude`, {
        version,
        conclusionText: 'x',
        shortcomings: [{ text: 'a', remedy: 'b', dueDate: addDays(today, -1) }],
      });
      expect(pastDue.statusCode).toBe(400);
      expect(pastDue.json().field).toBe('body.shortcomings[0].dueDate');
      const concluded = await call(admin, 'POST', `/review-requests/${req.id}/conclude`, {
        version,
        conclusionText:
          'Đảng ủy xã Tân Lập đã ban hành Quy chế làm việc khóa I đúng thời hạn; một số phiên họp gửi tài liệu chậm.',
        shortcomings: [
          {
            text: 'Gửi tài liệu phiên họp Ban Thường vụ chậm so với quy chế',
            remedy: 'Văn phòng Đảng ủy lập lịch gửi tài liệu trước 3 ngày làm việc',
            dueDate: addDays(today, 60),
          },
          {
            text: 'Thông báo kết luận ban hành chậm',
            remedy: 'Ban hành trong 5 ngày làm việc sau phiên họp',
            dueDate: addDays(today, 30),
          },
        ],
        recommendations: [
          {
            title: 'Hướng dẫn mẫu quy chế làm việc của đảng ủy xã sau sắp xếp',
            text: 'Đề nghị Văn phòng Tỉnh ủy ban hành hướng dẫn mẫu.',
          },
        ],
      });
      expect(concluded.statusCode, concluded.body).toBe(200);
      const done = concluded.json();
      expect(done).toMatchObject({ state: 'concluded', concludedOn: today });
      expect(done.shortcomings).toHaveLength(2);
      expect(done.recommendations).toHaveLength(1);
      // Independently: Tân Lập's register holds them, from the group's conclusion; the province follows the
      // recommendation.
      const register = (await call(tanLap, 'GET', `/shortcomings?orgId=${x01}`)).json() as {
        id: string;
        source_vi: string;
        lead: { name: string };
        state: string;
      }[];
      const mine = register.filter((s) => done.shortcomings.some((x: { id: string }) => x.id === s.id));
      expect(mine).toHaveLength(2);
      expect(
        mine.every(
          (s) =>
            s.source_vi === `Kết luận của đoàn công tác${req.title.slice('Đoàn công tác'.length)}` &&
            s.lead.name === 'Đảng bộ xã Tân Lập' &&
            s.state === 'open',
        ),
      ).toBe(true);
      const rec = (await call(admin, 'GET', `/recommendations/${done.recommendations[0].id}`)).json();
      expect(rec).toMatchObject({ orgId: al, source: 'delegation', fromLabel: req.title, receivedOn: today });
      expect(rec.dueOn > today).toBe(true);
      const again = await call(admin, 'POST', `/review-requests/${req.id}/conclude`, {
        version: done.version,
        conclusionText: 'Lần nữa',
      });
      expect(again.json().code).toBe('TRANG_THAI_YEU_CAU');
    },
  );

  it(
    'refuses a request to an organization that is not below, a deadline before the day sent and no topic, ' +
      'naming the field',
    async () => {
      const up = await call(tanLap, 'POST', '/review-requests', {
        orgId: x01,
        targetOrgId: al,
        topics: ['x'],
        deadline: addDays(today, 5),
      });
      expect(up.json()).toMatchObject({ code: 'KHONG_PHAI_CAP_DUOI', field: 'body.targetOrgId' });
      const late = await call(admin, 'POST', '/review-requests', {
        orgId: al,
        targetOrgId: x01,
        topics: ['x'],
        sentOn: today,
        deadline: addDays(today, -1),
      });
      expect(late.statusCode).toBe(400);
      expect(late.json().field).toBe('body.deadline');
      const none = await call(admin, 'POST', '/review-requests', {
        orgId: al,
        targetOrgId: x01,
        topics: [],
        deadline: addDays(today, 5),
      });
      expect(none.statusCode).toBe(400);
      expect(none.json().field).toBe('body.topics');
    },
  );
});

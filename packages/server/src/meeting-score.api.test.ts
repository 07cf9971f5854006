/**
 * The quality score of a cell meeting (issue 15, item 2): the province's sheet read from the model regulation
 * (Điều 5, HD 12-HD/BTCTW criteria, points and grades as data), scored by the cell, checked by the grassroots
 * committee — whose points are the official ones — on both drivers, scoped.
 */
import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from './seed/an-lac.data.js';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';
const POINTS = [18, 17, 26, 14, 12];

type Score = {
  sheet: { criteria: { id: string; max: number }[]; eIds: string[]; regulation: string; max: number } | null;
  scored: { total: number; grade: string; by: string } | null;
  checked: { total: number; grade: string; note: string | null } | null;
  version: number | null;
  mayScore: boolean;
  mayCheck: boolean;
};

describe.each(drivers)('the quality score of a cell meeting (%s)', (driver) => {
  let t: TestApp;
  let secretary: Session;
  let province: Session;
  let x01: Session;
  let meeting: string;

  const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.as(s, { method, url: `${API}${url}`, payload: payload as never });

  beforeAll(async () => {
    t = await createTestApp(driver, { today: DEMO_TODAY });
    [secretary, province, x01] = await Promise.all([
      t.login('bithu.cb'),
      t.login('vanthu.vptu'),
      t.login('vanthu.x01'),
    ]);
    const cell = await t.orgId('ORG-CB-VP1');
    meeting = (
      await qb(t.db)
        .selectFrom('meeting')
        .select('id')
        .where('org_id', '=', cell)
        .where('kind', '=', 'regular')
        .where('meeting_date', '>=', '2026-11-01')
        .where('meeting_date', '<=', '2026-11-30')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t?.close());

  it('gives the sheet of the cell’s regulation, and the cell scores its meeting with the grade', async () => {
    const r = await call(secretary, 'GET', `/meetings/${meeting}/score`);
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json() as Score;
    expect(s.sheet).toMatchObject({ max: 100, eIds: ['chp_3__art_5__para_1'] });
    expect(s.sheet!.regulation).toContain('Quy chế làm việc mẫu của chi bộ');
    expect(s).toMatchObject({ scored: null, mayScore: true, mayCheck: false });
    const lines = s.sheet!.criteria.map((c, i) => ({ criterion: c.id, points: POINTS[i] }));
    const over = await call(secretary, 'POST', `/meetings/${meeting}/score`, {
      scores: lines.map((l, i) => (i === 2 ? { ...l, points: 31 } : l)),
    });
    expect(over.statusCode).toBe(400);
    expect(over.json()).toMatchObject({ field: 'body.scores.2.points' });
    expect(over.json().detail).toContain('điểm từ 0 đến 30');
    const missing = await call(secretary, 'POST', `/meetings/${meeting}/score`, { scores: lines.slice(0, 4) });
    expect(missing.json().detail).toContain('Chưa chấm tiêu chí "Kết quả lãnh đạo thực hiện nghị quyết của chi bộ"');
    const ok = await call(secretary, 'POST', `/meetings/${meeting}/score`, { scores: lines });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Score).scored).toMatchObject({ total: 87, grade: 'Khá' });
    // Another commune's clerk can neither read nor score it.
    expect((await call(x01, 'GET', `/meetings/${meeting}/score`)).statusCode).toBe(403);
    expect((await call(x01, 'POST', `/meetings/${meeting}/score`, { scores: lines })).statusCode).toBe(403);
  });

  it('lets the grassroots committee check the score, not the cell; the checked score is final', async () => {
    const s = (await call(province, 'GET', `/meetings/${meeting}/score`)).json() as Score;
    expect(s.mayCheck).toBe(true);
    const lines = s.sheet!.criteria.map((c, i) => ({ criterion: c.id, points: i === 0 ? 20 : POINTS[i] }));
    expect(
      (await call(secretary, 'POST', `/meetings/${meeting}/score/check`, { version: s.version, scores: lines }))
        .statusCode,
    ).toBe(403);
    const stale = await call(province, 'POST', `/meetings/${meeting}/score/check`, {
      version: s.version! + 1,
      scores: lines,
    });
    expect(stale.statusCode).toBe(409);
    const ok = await call(province, 'POST', `/meetings/${meeting}/score/check`, {
      version: s.version,
      scores: lines,
      note: 'Tỷ lệ dự họp đạt 100%: chấm đủ điểm tiêu chí 1.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as Score).checked).toMatchObject({
      total: 89,
      grade: 'Khá',
      note: expect.stringContaining('100%'),
    });
    const again = await call(secretary, 'POST', `/meetings/${meeting}/score`, { scores: lines });
    expect(again.json()).toMatchObject({ code: 'CHAM_DIEM_KHONG_HOP_LE' });
    expect(again.json().detail).toContain('Đảng ủy cơ sở đã kiểm tra phiếu chấm điểm này');
    const audit = await qb(t.db)
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['score_meeting', 'check_meeting_score'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['check_meeting_score', 'score_meeting']);
  });

  it('refuses to score a meeting not of a cell', async () => {
    const btv = (
      await qb(t.db)
        .selectFrom('meeting')
        .select('id')
        .where('state', '=', 'minutes_approved')
        .where('org_id', '=', await t.orgId('ORG-AL'))
        .executeTakeFirstOrThrow()
    ).id;
    const r = await call(province, 'GET', `/meetings/${btv}/score`);
    expect(r.json()).toMatchObject({
      code: 'CHAM_DIEM_KHONG_HOP_LE',
      detail: 'Chỉ chấm điểm chất lượng buổi sinh hoạt chi bộ',
    });
  });
});

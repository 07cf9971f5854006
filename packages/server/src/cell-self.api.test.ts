/**
 * A cell's secretary records the month's meeting (attendance with reasons, the resolution, its length against the
 * regulation); a member reads their own cell's page — the next meeting and its documents, their plan, dues — and
 * adds an item to their plan; neither reaches another cell. Both drivers.
 */
import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TODAY } from './seed/an-lac.data.js';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

describe.each(drivers)('a cell’s secretary and a member on their phones (%s)', (driver) => {
  let t: TestApp;
  let secretary: Session;
  let member: Session;
  let cell: string;
  // The demo's record stands on this day: the cell's next meeting (11/12/2026) is ahead, the 2026 plans current.
  const today = DEMO_TODAY;
  beforeAll(async () => {
    t = await createTestApp(driver, { today });
    [secretary, member] = await Promise.all([t.login('bithu.cb'), t.login('dangvien')]);
    cell = await t.orgId('ORG-CB-VP1');
  });
  afterAll(async () => t?.close());

  it('records a meeting held: each member’s attendance, the resolution, its length with the clause', async () => {
    const roster = await t.as(secretary, {
      method: 'GET',
      url: `${API}/organizations/${cell}/cell-roster?date=${today}`,
    });
    expect(roster.statusCode, roster.body).toBe(200);
    const r = roster.json();
    expect(r.members).toHaveLength(12);
    expect(r.members.filter((m: { exempted: boolean }) => m.exempted)).toHaveLength(1);
    expect(r.minMinutes).toEqual({ regular: 90, thematic: 120 });
    const attendance = r.members.map((m: { personId: string; exempted: boolean }, i: number) => ({
      personId: m.personId,
      status: m.exempted ? 'absent_excused' : i === 1 ? 'absent' : 'present',
      ...(m.exempted ? { reason: 'Được miễn công tác và sinh hoạt đảng' } : {}),
    }));
    const url = `${API}/organizations/${cell}/cell-meetings`;
    const base = { kind: 'regular', meetingDate: today, startsAt: '16:00', endsAt: '17:15', attendance };
    // A valid reason is named for every excused absence; every member is accounted for.
    const noReason = await t.as(secretary, {
      method: 'POST',
      url,
      payload: {
        ...base,
        resolution: 'x',
        attendance: attendance.map((a: object) => ({ ...a, status: 'absent_excused', reason: undefined })),
      },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toContain('Lý do vắng');
    const partial = await t.as(secretary, {
      method: 'POST',
      url,
      payload: { ...base, resolution: 'Nghị quyết', attendance: attendance.slice(1) },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().detail).toBe('Chưa ghi tình hình dự họp của 1 đảng viên của chi bộ');
    const ok = await t.as(secretary, {
      method: 'POST',
      url,
      payload: { ...base, resolution: 'Chi bộ thống nhất: hoàn thành tổng kết năm trước ngày 25/12.' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const rec = ok.json();
    expect(rec.counts).toEqual({ summoned: 12, present: 10, absentExcused: 1, absent: 1 });
    expect(rec.length.ok).toBe(false);
    expect(rec.length.reason_vi).toContain('75 phút, quy chế quy định ít nhất 90 phút');
    // Stored as held, with its minutes, so the month's compliance sees it.
    const m = await qb(t.db)
      .selectFrom('meeting')
      .select(['state', 'minutes_text', 'ends_at'])
      .where('id', '=', rec.id)
      .executeTakeFirstOrThrow();
    expect(m).toEqual({
      state: 'minutes_approved',
      minutes_text: expect.stringContaining('tổng kết năm'),
      ends_at: '17:15',
    });
    const month = Number(today.slice(5, 7));
    const c = await t.as(secretary, {
      method: 'GET',
      url: `${API}/organizations/${cell}/cell-meetings/compliance?year=${today.slice(0, 4)}&month=${month}`,
    });
    expect(c.json().rows[0]).toMatchObject({ cellId: cell, regularHeld: true });
    // Another cell is out of the secretary's reach.
    const village = await t.orgId('ORG-X01-CB1');
    expect(
      (
        await t.as(secretary, {
          method: 'POST',
          url: `${API}/organizations/${village}/cell-meetings`,
          payload: { ...base, resolution: 'Nghị quyết' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.as(member, { method: 'GET', url: `${API}/organizations/${cell}/cell-roster` })).statusCode).toBe(
      403,
    );
  });

  it('shows a member their cell’s meetings with documents, plan and dues, and lets them add a plan item', async () => {
    const page = await t.as(member, { method: 'GET', url: `${API}/me/cell` });
    expect(page.statusCode, page.body).toBe(200);
    const p = page.json();
    expect(p.cell.name).toBe('Chi bộ Phòng Tổng hợp, Văn phòng Tỉnh ủy');
    const withDocs = p.next ?? p.past.find((x: { documents: unknown[] }) => x.documents.length);
    expect(withDocs.documents.map((d: { title: string }) => d.title)).toContain(
      'Dự thảo Nghị quyết sinh hoạt chi bộ tháng 12/2026',
    );
    const doc = await t.as(member, { method: 'GET', url: `${API}/me/documents/${withDocs.documents[0].id}` });
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('NGHỊ QUYẾT SINH HOẠT CHI BỘ THÁNG 12/2026');
    expect(p.dues.length).toBeGreaterThan(0);
    const before = p.plan?.items.length ?? 0;
    const year = today.slice(0, 4);
    const bad = await t.as(member, {
      method: 'POST',
      url: `${API}/me/plan/items`,
      payload: { text: 'Đọc sách', dueDate: `${year}-12-31` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Sản phẩm');
    const add = await t.as(member, {
      method: 'POST',
      url: `${API}/me/plan/items`,
      payload: { text: 'Viết 01 bài tham luận về chuyển đổi số', product: 'Bài tham luận', dueDate: `${year}-12-31` },
    });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json().plan.items).toHaveLength(before + 1);
    expect(add.json().plan.items.at(-1)).toMatchObject({
      text: 'Viết 01 bài tham luận về chuyển đổi số',
      position: before + 1,
    });
    // A document of another cell's meeting is not theirs to open.
    const other = await qb(t.db)
      .selectFrom('meeting_document')
      .select('id')
      .where('org_id', '!=', cell)
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((await t.as(member, { method: 'GET', url: `${API}/me/documents/${other.id}` })).statusCode).toBe(404);
    // An account without a member behind it has no such page.
    const admin = await t.login('admin');
    expect((await t.as(admin, { method: 'GET', url: `${API}/me/cell` })).statusCode).toBe(404);
  });

  it('checks plan items for a product, a date and a figure; carries check-ins into the self-assessment', async () => {
    const member = await t.login('dangvien');
    const p = (await t.as(member, { method: 'GET', url: `${API}/me/cell` })).json();
    const items = p.plan.items as { id: string; text: string; measurable: { ok: boolean; reason_vi: string } }[];
    expect(items.length).toBeGreaterThan(0);
    // The demo's common first line ("Thường xuyên học tập…") has a product and a date but no figure.
    for (const i of items) expect(i.measurable.reason_vi).toMatch(/^(Đo được|Chưa đo được)/);
    const [first, second] = items;
    const done = await t.as(member, {
      method: 'POST',
      url: `${API}/me/plan/items/${first!.id}/check-in`,
      payload: { progress: 'done', note: 'Hoàn thành tháng 9' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const mid = await t.as(member, {
      method: 'POST',
      url: `${API}/me/plan/items/${second!.id}/check-in`,
      payload: { progress: 'in_progress' },
    });
    const plan = mid.json().plan;
    expect(plan.items[0]).toMatchObject({ progress: 'done', progressNote: 'Hoàn thành tháng 9' });
    expect(plan.items[0].checkedInOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(plan.selfAssessment).toMatchObject({ done: 1, inProgress: 1, total: items.length });
    expect(plan.selfAssessment.text_vi).toContain(`hoàn thành 1/${items.length} việc`);
    expect(plan.selfAssessment.text_vi).toContain(`Đã hoàn thành:\n- ${first!.text}`);
    // Another member's item is not found; a bad progress is named.
    const bithu = await t.login('bithu.cb');
    const notMine = await t.as(bithu, {
      method: 'POST',
      url: `${API}/me/plan/items/${first!.id}/check-in`,
      payload: { progress: 'dropped' },
    });
    expect(notMine.statusCode).toBe(404);
    const bad = await t.as(member, {
      method: 'POST',
      url: `${API}/me/plan/items/${first!.id}/check-in`,
      payload: { progress: 'xong' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.progress');
  });
});

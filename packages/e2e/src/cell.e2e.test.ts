import { addDays, formatDateVi, todayInVietnam } from '@quyche/core';
import { DEMO_TODAY } from '@quyche/server';
import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

const PHONE = { width: 390, height: 844 };

/**
 * Issue 15 on a phone: the cell's secretary records the month's meeting (attendance with a reason, the resolution,
 * the length against the cell's regulation); a member opens the next meeting's documents and adds a plan item.
 */
describe.skipIf(skipReason !== null)('a party cell on a phone, in Chromium', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => demo?.close());

  it('a cell secretary at 390 px records a monthly meeting with attendance and its resolution', async () => {
    const page = await logIn(demo.browser, demo.base, 'bithu.cb', PHONE);
    await page.goto(`${demo.base}/chi-bo-cua-toi`);
    await page.getByTestId('record-cell-meeting').click();
    await expect.poll(() => page.getByTestId('cell-record-member').count()).toBe(12);
    await noHorizontalScroll(page);
    // Nothing filled: each missing field named, nothing sent.
    await page.getByTestId('cell-record-submit').click();
    await expect.poll(() => page.getByText('Thiếu Giờ bắt đầu').count()).toBe(1);
    await expect.poll(() => page.getByText('Nghị quyết (kết luận) của chi bộ không được để trống').count()).toBe(1);
    await page.getByTestId('cell-record-start').fill('16:00');
    await page.getByTestId('cell-record-end').fill('17:45');
    // One member absent with a reason, one without; the exempted member is excused already.
    await page.getByTestId('cell-record-status').nth(0).getByText('Vắng có lý do').click();
    await page.getByTestId('cell-record-status').nth(1).getByText('Vắng', { exact: true }).click();
    await page.getByTestId('cell-record-resolution').fill('Chi bộ thống nhất hoàn thành tổng kết năm trước 25/12.');
    await page.getByTestId('cell-record-observer').fill('Nguyễn Văn Bình');
    await page.getByTestId('cell-record-observer-title').fill('Phó Bí thư Đảng ủy cơ quan');
    await page.getByTestId('cell-record-submit').click();
    await expect.poll(() => page.getByText(/Lý do vắng .*cần ghi lý do/i).count()).toBe(1);
    await page.getByTestId('cell-record-reason').first().fill('Đi công tác theo quyết định của cơ quan');
    await page.getByTestId('cell-record-submit').click();
    await page.getByTestId('cell-record-done').waitFor();
    const done = await page.getByTestId('cell-record-done').innerText();
    expect(done).toContain('Có mặt 9/12, vắng có lý do 2, vắng 1.');
    expect(done).toContain('Cấp ủy cấp trên dự: Nguyễn Văn Bình.');
    expect(await page.getByTestId('cell-record-length').innerText()).toContain(
      'Buổi sinh hoạt thường kỳ đủ thời lượng: 105 phút, quy chế quy định ít nhất 90 phút',
    );
    await noHorizontalScroll(page);
    const m = await qb(demo.db)
      .selectFrom('meeting')
      .select(['id', 'minutes_text', 'state'])
      .where('title', 'like', 'Sinh hoạt thường kỳ tháng %')
      .executeTakeFirstOrThrow();
    expect(m).toMatchObject({ state: 'minutes_approved', minutes_text: expect.stringContaining('tổng kết năm') });
    const reasons = await qb(demo.db)
      .selectFrom('meeting_attendance')
      .select(['status', 'reason'])
      .where('meeting_id', '=', m.id)
      .where('status', '!=', 'present')
      .execute();
    expect(reasons.map((r) => r.status).sort()).toEqual(['absent', 'absent_excused', 'absent_excused']);
    // The superior committee's observer is in the attendance as a guest, not counted among the members.
    const observer = await qb(demo.db)
      .selectFrom('meeting_attendance')
      .select(['guest_name', 'role'])
      .where('meeting_id', '=', m.id)
      .where('role', '=', 'observer')
      .executeTakeFirstOrThrow();
    expect(observer.guest_name).toBe('Nguyễn Văn Bình');
    // The resolution's task, given with the 6 rõ: refused without a lead, then assigned to one member.
    const tasks = page.getByTestId('resolution-tasks');
    await tasks.getByTestId('resolution-task-title').fill('Hoàn thành báo cáo tổng kết công tác năm 2026 của chi bộ');
    await tasks.getByTestId('resolution-task-product').fill('Báo cáo tổng kết năm');
    await tasks.getByTestId('resolution-task-due').fill(formatDateVi(addDays(todayInVietnam(), 18)));
    await tasks.getByTestId('resolution-task-submit').click();
    const given = tasks.getByTestId('resolution-tasks-given');
    await expect.poll(() => given.innerText()).toContain('Thiếu Rõ người (một đầu mối chủ trì)');
    await tasks.getByTestId('resolution-task-title').fill('Chuẩn bị hồ sơ đánh giá, xếp loại đảng viên năm 2026');
    await tasks.getByTestId('resolution-task-product').fill('Hồ sơ đánh giá của 12 đảng viên');
    await tasks.getByTestId('resolution-task-due').fill(formatDateVi(addDays(todayInVietnam(), 13)));
    await tasks.getByTestId('resolution-task-lead').selectOption({ index: 2 });
    await tasks.getByTestId('resolution-task-submit').click();
    await expect.poll(() => given.locator('li').count()).toBe(2);
    const task = await qb(demo.db)
      .selectFrom('task')
      .select(['state', 'lead_kind', 'source_kind', 'source_label', 'deciding_body', 'supervisor_person_id'])
      .where('title', '=', 'Chuẩn bị hồ sơ đánh giá, xếp loại đảng viên năm 2026')
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({
      state: 'assigned',
      lead_kind: 'person',
      source_kind: 'resolution',
      deciding_body: 'CHI_BO',
    });
    expect(task.source_label).toContain('Sinh hoạt thường kỳ tháng');
    expect(task.supervisor_person_id).not.toBeNull();
    await page.close();
  });
});

/** The member's page on the day the demo's record stands on: the cell's next meeting (11/12/2026) is ahead. */
describe.skipIf(skipReason !== null)('a party member on a phone, in Chromium', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo({ today: DEMO_TODAY });
  });
  afterAll(async () => demo?.close());

  it('a member at 390 px opens the next meeting’s documents and adds a plan item', async () => {
    const page = await logIn(demo.browser, demo.base, 'dangvien', PHONE);
    // A member without a role opens on their cell's page; the other pages are not offered.
    await page.getByTestId('my-cell-page').waitFor();
    expect(await page.getByTestId('nav-tasks').count()).toBe(0);
    const meeting = page.getByTestId('my-next-meeting');
    await expect.poll(() => meeting.getByTestId('my-document').count()).toBe(2);
    await noHorizontalScroll(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      meeting.getByTestId('my-document').first().click(),
    ]);
    const text = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(text).toString('utf8')).toContain('NGHỊ QUYẾT SINH HOẠT CHI BỘ THÁNG 12/2026');
    const before = await page.getByTestId('my-plan-item').count();
    // Without a product the item is refused beside its field, and what was typed stays.
    await page.getByTestId('plan-item-text').fill('Viết 01 bài tham luận về chuyển đổi số trong công tác văn phòng');
    await page.getByTestId('plan-item-submit').click();
    await expect.poll(() => page.getByText('Sản phẩm không được để trống').count()).toBe(1);
    expect(await page.getByTestId('plan-item-text').inputValue()).toContain('bài tham luận');
    await page.getByTestId('plan-item-product').fill('Bài tham luận đăng trên bản tin nội bộ');
    await page.getByTestId('plan-item-due').fill(`20/12/${DEMO_TODAY.slice(0, 4)}`);
    await page.getByTestId('plan-item-submit').click();
    await expect.poll(() => page.getByTestId('my-plan-item').count()).toBe(before + 1);
    const added = page.getByTestId('my-plan-item').last();
    expect(await added.innerText()).toContain('Sản phẩm: Bài tham luận');
    expect(await added.getByTestId('my-plan-measurable').innerText()).toContain('Đo được');
    // The check-in: the item marked done with a note, carried into the draft of the year-end self-assessment.
    await added.getByTestId('my-plan-progress').selectOption('done');
    await added.getByTestId('my-plan-note').fill('Đã đăng số 12');
    await added.getByTestId('my-plan-check-in').click();
    const draft = page.getByTestId('my-self-assessment-text');
    await expect.poll(() => draft.innerText()).toContain(`hoàn thành 1/${before + 1} việc`);
    expect(await draft.innerText()).toContain('Viết 01 bài tham luận về chuyển đổi số trong công tác văn phòng');
    await noHorizontalScroll(page);
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateVi, todayInVietnam } from '@quyche/core';
import { qb } from '@quyche/db';
import { apiCall, apiSession, logIn, skipReason, startDemo } from './harness.js';
import type { Demo, Session } from './harness.js';

interface Meeting {
  id: string;
  version: number;
  state: string;
}

/**
 * The clerk of the Office names the chair and the secretary of a convened BTV session, then moves the session two
 * days away: the documents, sent today, are now late (3 working days, khoản 2 Điều 13) and the page says so.
 */
describe.skipIf(skipReason !== null)('rescheduling a meeting in Chromium', () => {
  let demo: Demo;
  let session: Session;
  const today = todayInVietnam();
  const d = (n: number) => addDays(today, n);

  beforeAll(async () => {
    demo = await startDemo({ volume: false });
    session = await apiSession(demo.app);
  });
  afterAll(async () => demo?.close());

  it('sets chair and secretary, reschedules the convened session from its page and shows the notice check run again', {
    timeout: 120_000,
  }, async () => {
    const call = <T = Meeting>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      apiCall<T>(demo.app, session, method, url, payload);
    const btv = (
      await qb(demo.db)
        .selectFrom('body as b')
        .innerJoin('organization as o', 'o.id', 'b.org_id')
        .select('b.id')
        .where('o.code', '=', 'ORG-AL')
        .where('b.kind', '=', 'BTV')
        .where('b.valid_until', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
    let m = await call('POST', '/meetings', {
      bodyId: btv,
      kind: 'regular',
      title: 'Phiên họp Ban Thường vụ Tỉnh ủy bàn Đề án chuyển đổi số',
      meetingDate: d(30),
      startsAt: '08:00',
      location: 'Hội trường Tỉnh ủy',
    });
    m = await call('POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'TT' });
    m = await call('POST', `/meetings/${m.id}/documents-sent`, { version: m.version, sentOn: today });

    const page = await logIn(demo.browser, demo.base, 'vanthu.vptu');
    await page.goto(`${demo.base}/meetings/${m.id}`);
    await expect.poll(() => page.getByTestId('check-notice').getAttribute('data-ok')).toBe('true');

    // Chair picked by name among the BTV's members; the secretary, an officer of the Office, typed.
    await page.getByTestId('chair-edit').click();
    await expect.poll(() => page.getByTestId('chair-select').locator('option').count()).toBeGreaterThan(10);
    await page.getByTestId('chair-select').selectOption({ label: 'Trần Quốc Hưng — Bí thư Tỉnh ủy' });
    await page.getByTestId('secretary-select').selectOption({ label: 'Người khác — nhập họ tên' });
    await page.getByTestId('secretary-input').fill('Nguyễn Thị Hoa, Phó Chánh Văn phòng Tỉnh ủy');
    await page.getByTestId('chair-save').click();
    await expect.poll(() => page.getByTestId('chair-name').innerText()).toBe('Chủ trì: Trần Quốc Hưng, Bí thư Tỉnh ủy');
    expect(await page.getByTestId('secretary-name').innerText()).toBe(
      'Thư ký: Nguyễn Thị Hoa, Phó Chánh Văn phòng Tỉnh ủy',
    );

    // Rescheduling: no date, an impossible one or no reason: nothing is sent, and the form says which field and why
    // in the words the API would use (the form is checked against the route's schema), keeping what was typed.
    expect(await page.getByTestId('reschedule-entry').count()).toBe(0);
    await page.getByTestId('reschedule-open').click();
    await page.getByTestId('reschedule-submit').click();
    const form = page.getByTestId('reschedule-form');
    await expect.poll(() => form.innerText()).toContain('Thiếu Ngày họp mới');
    expect(await form.innerText()).toContain('Lý do dời ngày họp không được để trống');
    await page.getByTestId('reschedule-date').fill('31/02/2027');
    await page.getByTestId('reschedule-reason').fill('Đồng chí Bí thư đi công tác từ tuần sau');
    await page.getByTestId('reschedule-submit').click();
    await expect.poll(() => form.innerText()).toContain('Ngày không có thật (dd/mm/yyyy)');
    expect(await form.innerText()).not.toContain('không được để trống');
    expect(await page.getByTestId('reschedule-entry').count()).toBe(0);
    await page.getByTestId('reschedule-date').fill(formatDateVi(d(2)));
    await page.getByTestId('reschedule-time').fill('14:00');
    await page.getByTestId('reschedule-submit').click();

    await expect.poll(() => page.getByTestId('reschedule-entry').count()).toBe(1);
    const entry = await page.getByTestId('reschedule-entry').innerText();
    expect(entry).toContain(
      `Đã dời từ ${formatDateVi(d(30))} lúc 08:00 sang ${formatDateVi(d(2))} lúc 14:00: ` +
        `lý do Đồng chí Bí thư đi công tác từ tuần sau`,
    );
    expect(entry).toContain('giấy triệu tập được gửi lại theo ngày họp mới');
    expect(await page.getByTestId('reschedule-notice').getAttribute('data-ok')).toBe('false');
    const notice = await page.getByTestId('reschedule-notice').innerText();
    expect(notice).toContain(`Chậm: tài liệu gửi ngày ${formatDateVi(today)}`);
    expect(notice).toContain(`trước ngày họp ${formatDateVi(d(2))}`);
    expect(notice).toContain('khoản 2 Điều 13');
    // The page's own check and header follow the new date.
    expect(await page.getByTestId('check-notice').getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('meeting-when').innerText()).toContain(`${formatDateVi(d(2))} · lúc 14:00`);
    await page.close();
  });
});

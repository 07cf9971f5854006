import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '@quyche/db';
import { qb } from '@quyche/db';
import { todayInVietnam } from '@quyche/core';
import type { FastifyInstance } from 'fastify';
import { apiCall, apiSession, logIn, skipReason, startDemo } from './harness.js';
import type { Demo, Session } from './harness.js';

interface Meeting {
  id: string;
  version: number;
  state: string;
  can: { write: boolean; readReserved: boolean };
  attendance: { id: string; personId: string | null; role: string; status: string }[];
  sites: { id: string; name: string; hostOrgId: string | null }[];
  conclusion: {
    symbol: string;
    items: { kind: string; dueMeetingId: string | null; dueLabel: string | null }[];
  } | null;
}
interface MeetingListItem {
  id: string;
  bodyKind: string;
  state: string;
  title: string;
  meetingDate: string;
}

describe.skipIf(skipReason !== null)('meetings in Chromium', () => {
  let demo: Demo;
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let session: Session;

  beforeAll(async () => {
    ({ db, app, browser, base } = demo = await startDemo());
    session = await apiSession(app);
  });
  afterAll(async () => demo?.close());

  const loggedIn = (username = 'admin', viewport?: { width: number; height: number }): Promise<Page> =>
    logIn(browser, base, username, viewport);

  /** Fixtures through the API (the browser tests what is on the page, not how the data got there). */
  const call = <T = Meeting>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<T> =>
    apiCall<T>(app, session, method, url, payload);
  const bodyOf = async (kind: 'BCH' | 'BTV') =>
    (
      await qb(db)
        .selectFrom('body as b')
        .innerJoin('organization as o', 'o.id', 'b.org_id')
        .select('b.id')
        .where('o.code', '=', 'ORG-AL')
        .where('b.kind', '=', kind)
        .where('b.valid_until', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
  const btv = () => bodyOf('BTV');
  /** A BTV session convened by the TT: its 17 members summoned. */
  async function convenedBtvSession(date: string, extra: object = {}) {
    const m = await call('POST', '/meetings', {
      bodyId: await btv(),
      kind: 'regular',
      title: `Phiên họp Ban Thường vụ Tỉnh ủy ngày ${date.split('-').reverse().join('/')}`,
      meetingDate: date,
      startsAt: '08:00',
      ...extra,
    });
    return call('POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'TT' });
  }
  const state = (page: Page) => page.getByTestId('meeting-page').getAttribute('data-state');

  it('plans a BTV session from the calendar and takes it through convening, attendance, ' +
    'a vote and the conclusion notice', {
    timeout: 120_000,
  }, async () => {
    const page = await loggedIn();
    await page.goto(`${base}/meetings?body=BTV&month=2026-12`);
    await expect.poll(() => page.getByTestId('plan-body').locator('option').count()).toBeGreaterThanOrEqual(3);
    await page.getByTestId('plan-body').selectOption('BTV');
    await page.getByTestId('plan-kind').selectOption('regular');
    // Without a date (nor the title suggested from it) nothing is sent: each field says what is missing, in the
    // words of the API, and what was typed stays.
    await page.getByTestId('plan-location').fill('Hội trường Tỉnh ủy');
    await page.getByTestId('plan-submit').click();
    const plan = page.getByTestId('plan-form');
    await expect.poll(() => plan.innerText()).toContain('Thiếu Ngày họp');
    expect(await plan.innerText()).toContain('Tên cuộc họp không được để trống');
    expect(page.url()).toContain('/meetings?');
    expect(await page.getByTestId('plan-location').inputValue()).toBe('Hội trường Tỉnh ủy');
    expect(await page.getByTestId('plan-body').inputValue()).toBe('BTV');
    await page.getByTestId('plan-date').fill('29/12/2026');
    await page.getByTestId('plan-title').fill('Phiên họp Ban Thường vụ Tỉnh ủy ngày 29/12/2026');
    await page.getByTestId('plan-location').fill('Hội trường Tỉnh ủy');
    await page.getByTestId('plan-submit').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('meeting-title').innerText())
      .toBe('Phiên họp Ban Thường vụ Tỉnh ủy ngày 29/12/2026');
    expect(await page.getByTestId('meeting-when').innerText()).toContain(
      'Thứ Ba, 29/12/2026 · lúc 08:00 · Hội trường Tỉnh ủy',
    );
    expect(await state(page)).toBe('planned');
    expect(await page.getByTestId('meeting-regulation').innerText()).toContain('văn bản có hiệu lực từ 01/07/2026');

    // Convening by the BTV itself is refused with the clause; the TT is the regulation's convening body.
    await page.getByTestId('step-convened').click();
    expect(await page.getByTestId('convene-body').inputValue()).toBe('TT');
    await page.getByTestId('convene-body').selectOption('BTV');
    await page.getByTestId('step-submit').click();
    await expect.poll(() => page.getByTestId('step-error').innerText()).toContain('khoản 1 Điều 13');
    const refused = await page.getByTestId('step-error').innerText();
    expect(refused).toContain('Triệu tập hội nghị không đúng thẩm quyền');
    expect(refused).toContain('Thường trực Tỉnh ủy');
    expect(await state(page)).toBe('planned');
    await page.getByTestId('convene-body').selectOption('TT');
    await page.getByTestId('convene-ref').fill('Giấy triệu tập của Thường trực Tỉnh ủy');
    await page.getByTestId('step-submit').click();
    await expect.poll(() => state(page)).toBe('convened');
    await expect.poll(() => page.getByTestId('att-row').count()).toBe(17);
    expect(await page.getByTestId('check-convening').getAttribute('data-ok')).toBe('true');

    // Before anyone is marked the quorum reads "chưa điểm danh", in grey, not a red failure.
    expect(await page.getByTestId('check-quorum').getAttribute('data-ok')).toBe('none');
    expect(await page.getByTestId('check-quorum').textContent()).toContain('Chưa điểm danh');
    expect(await page.getByTestId('live-quorum').innerText()).toMatch(/^Chưa điểm danh/);
    // Twelve of seventeen present: the quorum of 2/3 is reached.
    for (let i = 0; i < 12; i++) {
      await page.getByTestId('att-status').nth(i).selectOption('present');
      await expect.poll(() => page.getByTestId('live-present').getAttribute('data-present')).toBe(String(i + 1));
    }
    expect(await page.getByTestId('live-present').innerText()).toContain('Có mặt 12/17');
    await expect.poll(() => page.getByTestId('check-quorum').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('live-quorum').innerText()).toContain('12/17');

    // The session is on 29/12: opening it earlier needs a written reason, which the audit keeps.
    await page.getByTestId('step-in_session').click();
    if (todayInVietnam() < '2026-12-29') {
      await page.getByTestId('step-submit').click();
      await expect
        .poll(() => page.getByTestId('step-form').innerText())
        .toContain('Lý do ghi nhận trước ngày họp không được để trống');
      expect(await state(page)).toBe('convened');
      await page.getByTestId('early-reason').fill('Diễn tập quy trình trước phiên họp');
    }
    await page.getByTestId('step-submit').click();
    await expect.poll(() => state(page)).toBe('in_session');

    await page.getByTestId('item-title').fill('Đề án sắp xếp tổ chức bộ máy các đơn vị sự nghiệp thuộc Tỉnh ủy');
    await page.getByTestId('item-matter-select').selectOption('DE_AN_TO_CHUC');
    await page.getByTestId('item-unit').fill('Ban Tổ chức Tỉnh ủy');
    await page.getByTestId('item-submit').click();
    await expect.poll(() => page.getByTestId('agenda-item').count()).toBe(1);
    expect(await page.getByTestId('item-matter').innerText()).toContain('Đề án về tổ chức bộ máy');
    expect(await page.getByTestId('competence-warning').count()).toBe(0);
    await page.getByTestId('vote-yes').fill('10');
    await page.getByTestId('vote-submit').click();
    await expect.poll(() => page.getByTestId('vote-result').first().innerText()).toContain('Được thông qua');
    expect(await page.getByTestId('vote-result').first().innerText()).toContain('17');
    // A reserved opinion without its member is not sent; the text typed stays.
    await page.getByTestId('opinion-open').click();
    await page.getByTestId('opinion-text').fill('Đề nghị lùi thời điểm sắp xếp sang quý II');
    await page.getByTestId('opinion-submit').click();
    await expect.poll(() => page.getByTestId('opinion-form').innerText()).toContain('Ủy viên không hợp lệ');
    expect(await page.getByTestId('reserved-opinion').count()).toBe(0);
    expect(await page.getByTestId('opinion-text').inputValue()).toBe('Đề nghị lùi thời điểm sắp xếp sang quý II');
    await page.getByTestId('opinion-person').selectOption({ index: 1 });
    await page.getByTestId('opinion-submit').click();
    await expect.poll(() => page.getByTestId('reserved-opinion').count()).toBe(1);

    await page.getByTestId('step-closed').click();
    if (todayInVietnam() < '2026-12-29')
      await page.getByTestId('early-reason').fill('Diễn tập quy trình trước phiên họp');
    await page.getByTestId('step-submit').click();
    await expect.poll(() => state(page)).toBe('closed');

    // The conclusion notice: one action item with its 6 rõ.
    await expect.poll(() => page.getByTestId('conclusion-form').count()).toBe(1);
    await page.getByTestId('ci-kind').first().selectOption('action');
    await page
      .getByTestId('ci-text')
      .first()
      .fill('Hoàn thiện Đề án sắp xếp các đơn vị sự nghiệp theo ý kiến của Ban Thường vụ');
    await expect
      .poll(() => page.getByTestId('ci-lead').first().locator('option', { hasText: 'Ban Tổ chức Tỉnh ủy' }).count())
      .toBe(1);
    await page.getByTestId('ci-lead').first().selectOption({ label: 'Ban Tổ chức Tỉnh ủy' });
    await page.getByTestId('ci-due').first().fill('31/01/2027');
    await page.getByTestId('ci-product').first().fill('Đề án hoàn chỉnh trình Ban Thường vụ');
    await page.getByTestId('ci-deciding').first().selectOption('BTV');
    await page.getByTestId('ci-supervisor').first().selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('six-preview').getAttribute('data-complete')).toBe('true');
    // A due date that does not exist blocks the form, naming the field; nothing is issued (it used to go out without
    // it).
    await page.getByTestId('ci-due').first().fill('31/02/2027');
    await page.getByTestId('conclusion-submit').click();
    await expect.poll(() => page.getByText('Ngày không có thật').count()).toBe(1);
    expect(
      await page
        .getByTestId('ci-due')
        .first()
        .evaluate((el) => (el as HTMLInputElement).validationMessage),
    ).toBe('Thời hạn (rõ thời gian): "31/02/2027" không phải một ngày có thật (dd/mm/yyyy)');
    expect(await page.getByTestId('conclusion-symbol').count()).toBe(0);
    expect(
      (await call<{ conclusion: unknown }>('GET', `/meetings/${page.url().split('/').pop()}`)).conclusion,
    ).toBeNull();
    await page.getByTestId('ci-due').first().fill('31/01/2027');
    // A second item left empty: nothing is issued, and the item says which field of which item, as the API would;
    // the first item keeps what was typed.
    await page.getByTestId('ci-add-conclusion').click();
    await page.getByTestId('conclusion-submit').click();
    await expect
      .poll(() => page.getByTestId('ci').nth(1).innerText())
      .toContain('Nội dung kết luận (mục 2) không được để trống');
    expect(await page.getByTestId('conclusion-symbol').count()).toBe(0);
    expect(await page.getByTestId('ci-product').first().inputValue()).toBe('Đề án hoàn chỉnh trình Ban Thường vụ');
    await page.getByTestId('ci-remove').nth(1).click();
    expect(await page.getByTestId('ci').count()).toBe(1);
    await page.getByTestId('conclusion-submit').click();
    await expect.poll(() => page.getByTestId('conclusion-symbol').innerText()).toMatch(/\d+-TB\/TU/);
    const six = page.getByTestId('six-clear');
    expect(await six.getAttribute('data-complete')).toBe('true');
    expect(await six.textContent()).toContain('Đủ 6 rõ');
    expect(await page.getByTestId('conclusion-deadline').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('conclusion-docx').getAttribute('href')).toMatch(/\/conclusion\.docx$/);
    await page.screenshot({ path: '.test-results/meeting-conclusion.png', fullPage: true });
    await page.close();
  });

  it('shows attendance marked on one page live on another, without reloading', { timeout: 90_000 }, async () => {
    const m = await convenedBtvSession('2026-12-28');
    const a = await loggedIn();
    const b = await loggedIn();
    await a.goto(`${base}/meetings/${m.id}`);
    await b.goto(`${base}/meetings/${m.id}`);
    await expect.poll(() => b.getByTestId('live-present').innerText()).toContain('Có mặt 0/17');
    await expect.poll(() => a.getByTestId('att-row').count()).toBe(17);
    // The event stream is open before the change (the page says so while connecting).
    await expect.poll(() => b.getByTestId('live-offline').count()).toBe(0);
    await a.getByTestId('att-status').first().selectOption('present');
    await expect.poll(() => b.getByTestId('live-present').innerText()).toContain('Có mặt 1/17');
    await expect.poll(() => b.getByTestId('att-row').first().getAttribute('data-status')).toBe('present');
    // And the other way round: an excused absence with its reason, saved with the row once written (no button).
    await b.getByTestId('att-status').nth(1).selectOption('absent_excused');
    expect(await b.getByText('Ghi lý do để lưu "vắng có lý do"').count()).toBe(1);
    await b.getByTestId('att-reason').first().fill('Đi công tác Trung ương');
    await b.getByTestId('att-reason').first().press('Tab');
    await expect.poll(() => a.getByTestId('live').innerText()).toContain('Vắng có lý do 1');
    expect((await call('GET', `/meetings/${m.id}`)).attendance.find((x) => x.status === 'absent_excused')?.reason).toBe(
      'Đi công tác Trung ương',
    );
    // "Tất cả có mặt": the fifteen not yet marked are present; the excused absence stays.
    await a.getByTestId('att-all-present').click();
    await expect.poll(() => b.getByTestId('live-present').innerText()).toContain('Có mặt 16/17');
    await expect.poll(() => a.getByTestId('live').innerText()).toContain('Vắng có lý do 1');
    expect(await a.getByTestId('att-all-present').count()).toBe(0);
    await a.close();
    await b.close();
  });

  it(
    "reports the demo year's five deviations and the conference quota, " +
      'and shows the cancelled session of 22/09 in the BTV calendar',
    async () => {
      const page = await loggedIn();
      await page.goto(`${base}/meetings/report`);
      // The demo's record stands on 02/12/2026: the deviations found up to then (December's sessions may add more
      // on the day the test runs).
      const codes = () =>
        page.getByTestId('deviation-row').evaluateAll((els) =>
          els
            .filter((e) => (e.getAttribute('data-date') ?? '') < '2026-12-01')
            .map((e) => e.getAttribute('data-code'))
            .sort(),
        );
      await expect
        .poll(codes)
        .toEqual([
          'SAI_THAM_QUYEN',
          'TAI_LIEU_GUI_CHAM',
          'THIEU_KY_HOP_THUONG_LE',
          'THIEU_KY_HOP_THUONG_LE',
          'THONG_BAO_KET_LUAN_CHAM',
        ]);
      const table = await page.getByTestId('deviations').innerText();
      expect(table).toContain('khoản 1 Điều 13');
      expect(table).toContain('khoản 2 Điều 18');
      expect(table).toContain('Tháng 9/2026');
      expect(await page.getByTestId('deviation-meeting').count()).toBeGreaterThanOrEqual(3);
      await expect
        .poll(() => page.getByTestId('quota-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))))
        .toEqual(['TY_LE_TRUC_TIEP', 'HOI_NGHI_TOAN_TINH', 'GIAM_SO_HOI_NGHI']);
      expect(await page.getByTestId('quota').innerText()).toContain('khoản 4 Điều 11');
      expect(await page.getByTestId('quota-bar').count()).toBe(12);
      await expect.poll(() => page.getByTestId('regime-body').count()).toBe(3);
      await expect
        .poll(() =>
          page
            .locator('[data-testid="regime-body"][data-kind="BTV"] [data-testid="period-chip"][data-from="2026-09-01"]')
            .getAttribute('data-status'),
        )
        .toBe('short');
      expect(
        await page
          .locator('[data-testid="regime-body"][data-kind="BTV"] [data-testid="period-chip"][data-from="2026-09-01"]')
          .getAttribute('title'),
      ).toContain('Tháng 9/2026');
      await page.screenshot({ path: '.test-results/meeting-report.png', fullPage: true });

      // The BTV calendar of September (from October, one month back): the session of 22/09 is there, cancelled.
      await page.goto(`${base}/meetings?body=BTV&month=2026-10`);
      await expect.poll(() => page.getByTestId('cal-title').innerText()).toBe('Tháng 10/2026');
      await page.getByTestId('cal-prev').click();
      await expect.poll(() => page.getByTestId('cal-title').innerText()).toBe('Tháng 9/2026');
      expect(new URL(page.url()).searchParams.get('month')).toBe('2026-09');
      const sept22 = page.locator('[data-testid="cal-meeting"][data-date="2026-09-22"]');
      await expect.poll(() => sept22.getAttribute('data-state')).toBe('cancelled');
      expect(await page.locator('[data-testid="cal-meeting"][data-date="2026-09-08"]').getAttribute('data-state')).toBe(
        'minutes_approved',
      );
      expect(await page.locator('.qc-cal-head').allInnerTexts()).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
      await sept22.click();
      await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByTestId('cancel-reason').innerText()).toContain('Lùi lịch');

      // The private ICS address of the BTV calendar.
      await page.goto(`${base}/meetings?body=BTV&month=2026-09`);
      await page.getByTestId('ics-button').click();
      await expect
        .poll(() => page.getByTestId('ics-body-url').first().inputValue())
        .toMatch(new RegExp(`^${base}/api/v1/ics/[^/]+/bodies/${await btv()}\\.ics$`));
      await page.close();
    },
  );

  it('fits a phone 390 px wide: the meeting page has no horizontal scroll and the commune hosting a connection point ' +
    'marks presence in one tap', {
    timeout: 90_000,
  }, async () => {
    const tanLap = (
      await qb(db).selectFrom('organization').select('id').where('code', '=', 'ORG-X01').executeTakeFirstOrThrow()
    ).id;
    let m = await convenedBtvSession('2026-12-21', {
      format: 'online',
      title: 'Hội nghị trực tuyến Ban Thường vụ Tỉnh ủy ngày 21/12/2026 với các điểm cầu cơ sở',
    });
    m = await call('POST', `/meetings/${m.id}/sites`, { name: 'Điểm cầu Đảng ủy xã Tân Lập', hostOrgId: tanLap });
    const site = m.sites[0]!;
    const member = m.attendance.find((x) => x.role === 'member')!;
    await call('PATCH', `/meetings/${m.id}/attendance/${member.id}`, { status: 'summoned', siteId: site.id });
    const page = await loggedIn('admin', { width: 390, height: 844 });
    await page.goto(`${base}/meetings/${m.id}`);
    await expect.poll(() => page.getByTestId('att-row').count()).toBe(17);
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    await page.screenshot({ path: '.test-results/meeting-phone.png', fullPage: false });
    await page.getByTestId('site-link').click();
    await page.waitForURL(/\/sites\//);
    await expect.poll(() => page.getByTestId('site-name').innerText()).toBe('Điểm cầu Đảng ủy xã Tân Lập');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);

    // The commune's clerk cannot open the meeting, but its connection point, on a phone.
    const clerk = await loggedIn('vanthu.x01', { width: 390, height: 844 });
    await clerk.goto(`${base}/meetings/${m.id}/sites/${site.id}`);
    const present = clerk.getByTestId('site-present').first();
    await expect.poll(() => present.isVisible()).toBe(true);
    expect(await clerk.getByTestId('site-here').innerText()).toBe('0/1');
    expect(await clerk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    await present.click();
    await expect.poll(() => clerk.getByTestId('site-here').innerText()).toBe('1/1');
    await expect.poll(() => clerk.getByTestId('site-total').getAttribute('data-present')).toBe('1');
    expect(await clerk.getByTestId('site-quorum').innerText()).toContain('1/17');
    // A guest without a name: nothing is sent, the form names the field as the API would, and keeps the title.
    await clerk.getByTestId('guest-title').fill('Phó Bí thư Đảng ủy xã Tân Lập');
    await clerk.getByTestId('guest-submit').click();
    await expect.poll(() => clerk.getByTestId('guest-form').innerText()).toContain('Khách mời không được để trống');
    expect(await clerk.getByTestId('site-guest').count()).toBe(0);
    expect(await clerk.getByTestId('guest-title').inputValue()).toBe('Phó Bí thư Đảng ủy xã Tân Lập');
    await clerk.getByTestId('guest-name').fill('Nguyễn Văn Khách');
    await clerk.getByTestId('guest-submit').click();
    await expect
      .poll(() => clerk.getByTestId('site-guest').allInnerTexts())
      .toEqual(['Nguyễn Văn Khách, Phó Bí thư Đảng ủy xã Tân Lập']);
    // The province's page of the same point follows live.
    await expect.poll(() => page.getByTestId('site-here').innerText()).toBe('1/1');
    await clerk.screenshot({ path: '.test-results/meeting-site-phone.png', fullPage: false });
    await clerk.goto(`${base}/meetings/${m.id}`);
    // Not the clerk's: a "no access" page that says so in words, with the way back.
    await expect.poll(() => clerk.getByTestId('no-access').count()).toBe(1);
    expect(await clerk.getByTestId('no-access').getByRole('heading', { level: 1 }).innerText()).toBe(
      'Bạn không có quyền xem nội dung này',
    );
    await clerk.close();
    await page.close();
  });
  it('shows read-only accounts the BTV session in progress of 01/12/2026 with its attendance and checks, ' +
    'and no control to change it', {
    timeout: 90_000,
  }, async () => {
    const [session] = await call<MeetingListItem[]>(
      'GET',
      `/meetings?bodyId=${await btv()}&from=2026-12-01&to=2026-12-01`,
    );
    expect(session?.state).toBe('in_session');
    for (const username of ['xem', 'lanhdao']) {
      const page = await loggedIn(username);
      await page.goto(`${base}/meetings/${session!.id}`);
      await expect.poll(() => state(page)).toBe('in_session');
      expect(await page.getByTestId('meeting-title').innerText()).toBe(
        'Phiên họp Ban Thường vụ Tỉnh ủy ngày 01/12/2026',
      );
      expect(await page.getByTestId('read-only').innerText()).toContain('chỉ được xem');
      // What was recorded reads as before: the steps bar, the checks, each member's status as text, the live counts.
      expect(await page.locator('[data-testid="step-chip"][data-current="true"]').getAttribute('data-state')).toBe(
        'in_session',
      );
      expect(await page.getByTestId('check-convening').getAttribute('data-ok')).toBe('true');
      expect(await page.getByTestId('check-quorum').getAttribute('data-ok')).not.toBe('none');
      expect(await page.getByTestId('att-row').count()).toBe(17);
      expect(await page.getByTestId('att-status-text').count()).toBe(17);
      const present = await page.locator('[data-testid="att-row"][data-status="present"]').count();
      expect(present).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="att-status-text"][data-status="present"]').first().innerText()).toBe(
        'Có mặt',
      );
      await expect.poll(() => page.getByTestId('live-present').innerText()).toContain(`Có mặt ${present}/17`);
      expect(await page.getByTestId('agenda-item').count()).toBeGreaterThan(0);
      // No write control at all: no step button (the session could be closed by a clerk), no attendance select, no
      // form.
      for (const step of ['convened', 'documents_sent', 'in_session', 'closed', 'minutes_approved', 'cancelled'])
        expect(await page.getByTestId(`step-${step}`).count()).toBe(0);
      expect(await page.getByTestId('att-status').count()).toBe(0);
      expect(await page.getByTestId('att-site').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Bế mạc', exact: true }).count()).toBe(0);
      for (const form of [
        'step-form',
        'guest-form',
        'site-form',
        'item-form',
        'vote-form',
        'opinion-open',
        'document-form',
        'minutes-text',
        'conclusion-form',
        'details-edit',
      ])
        expect(await page.getByTestId(form).count()).toBe(0);
      expect(await page.getByTestId('meeting-page').locator('button, select, textarea, input').count()).toBe(0);
      // Nor a plan form in the calendar, which they read as before.
      await page.goto(`${base}/meetings?body=BTV&month=2026-12`);
      await expect.poll(() => page.locator('[data-testid="cal-meeting"][data-date="2026-12-01"]').count()).toBe(1);
      expect(await page.getByText('Dự kiến cuộc họp').count()).toBe(0);
      expect(await page.getByTestId('plan-form').count()).toBe(0);
      // A connection point of a conference is read, not recorded, by a read-only account.
      const online = (
        await call<MeetingListItem[]>('GET', `/meetings?bodyId=${await btv()}&from=2026-03-26&to=2026-03-26`)
      )[0]!;
      const site = (await call<Meeting>('GET', `/meetings/${online.id}`)).sites[1]!;
      await page.goto(`${base}/meetings/${online.id}/sites/${site.id}`);
      await expect.poll(() => page.getByTestId('site-page').count()).toBe(1);
      await expect.poll(() => page.getByTestId('site-person').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('site-present').count()).toBe(0);
      expect(await page.getByTestId('guest-form').count()).toBe(0);
      await page.close();
    }
  });

  it('issues the conclusion of a Tỉnh ủy conference as a KL document from the browser, ' +
    'with a task due at a later conference; a commune hosts its connection point', {
    timeout: 120_000,
  }, async () => {
    const tanLap = (
      await qb(db).selectFrom('organization').select('id').where('code', '=', 'ORG-X01').executeTakeFirstOrThrow()
    ).id;
    let m = await call('POST', '/meetings', {
      bodyId: await bodyOf('BCH'),
      kind: 'extraordinary',
      title: 'Hội nghị Tỉnh ủy (bất thường) ngày 11/12/2026',
      meetingDate: '2026-12-11',
      startsAt: '07:30',
      format: 'hybrid',
    });
    m = await call('POST', `/meetings/${m.id}/convene`, { version: m.version, convenedBy: 'BTV' });
    m = await call('POST', `/meetings/${m.id}/open`, {
      earlyReason: 'Ghi nhận thử trước ngày họp',
      version: m.version,
    });
    m = await call('POST', `/meetings/${m.id}/agenda`, {
      title: 'Chủ trương đầu tư dự án đường ven biển phía Đông',
      matter: 'CHU_TRUONG_DU_AN',
      attributes: { tong_muc_dau_tu_ty_dong: 1200 },
      presentingUnit: 'Đảng ủy UBND tỉnh',
    });
    const later = await call<MeetingListItem[]>(
      'GET',
      `/meetings?bodyId=${await bodyOf('BCH')}&from=2026-12-12&to=2026-12-31`,
    );
    const hn10 = later.find((x) => x.title.startsWith('Hội nghị Tỉnh ủy lần thứ 10'))!;

    // The office's clerk (clearance 1) records the conference.
    const page = await loggedIn('vanthu.vptu');
    await page.goto(`${base}/meetings/${m.id}`);
    await expect.poll(() => state(page)).toBe('in_session');
    expect(await page.getByTestId('read-only').count()).toBe(0);
    expect(await page.getByTestId('item-attribute').innerText()).toBe('Tổng mức đầu tư: 1.200 tỷ đồng');

    // A connection point hosted by the commune of Tân Lập, whose clerk then runs it.
    await expect.poll(() => page.getByTestId('site-host').locator(`option[value="${tanLap}"]`).count()).toBe(1);
    await page.getByTestId('site-host').selectOption(tanLap);
    expect(await page.getByTestId('site-name').inputValue()).toMatch(/^Điểm cầu .*Tân Lập$/);
    // Without a name nothing is sent: the form says so beside the field and keeps the host picked.
    await page.getByTestId('site-name').fill('');
    await page.getByTestId('site-submit').click();
    await expect.poll(() => page.getByTestId('site-form').innerText()).toContain('Tên điểm cầu không được để trống');
    expect(await page.getByTestId('site-row').count()).toBe(0);
    expect(await page.getByTestId('site-host').inputValue()).toBe(tanLap);
    await page.getByTestId('site-name').fill('Điểm cầu xã Tân Lập');
    await page.getByTestId('site-submit').click();
    await expect.poll(() => page.getByTestId('site-row').count()).toBe(1);
    expect(await page.getByTestId('site-row').getAttribute('data-host')).toBe(tanLap);
    expect(await page.getByTestId('site-link').getAttribute('title')).toMatch(/^Tổ chức điểm danh: .*xã Tân Lập$/);
    const withSite = await call('GET', `/meetings/${m.id}`);
    expect(withSite.sites.map((x) => [x.name, x.hostOrgId])).toEqual([['Điểm cầu xã Tân Lập', tanLap]]);

    // Closing: the date offered is the conference's.
    await page.getByTestId('step-closed').click();
    expect(await page.getByTestId('step-date').inputValue()).toBe('11/12/2026');
    if (await page.getByTestId('early-reason').count())
      await page.getByTestId('early-reason').fill('Ghi nhận thử trước ngày họp');
    await page.getByTestId('step-submit').click();
    await expect.poll(() => state(page)).toBe('closed');

    // The conclusion of a BCH conference is a KL document by default; its task is due at the year-end conference.
    await expect.poll(() => page.getByTestId('conclusion-form').count()).toBe(1);
    expect(await page.getByTestId('conclusion-doctype').inputValue()).toBe('KL');
    expect(await page.getByTestId('conclusion-submit').innerText()).toBe('Ban hành kết luận');
    await page.getByTestId('ci-kind').first().selectOption('action');
    await page.getByTestId('ci-text').first().fill('Hoàn thiện hồ sơ chủ trương đầu tư dự án đường ven biển phía Đông');
    await expect
      .poll(() => page.getByTestId('ci-lead').first().locator('option', { hasText: 'Ban Tổ chức Tỉnh ủy' }).count())
      .toBe(1);
    await page.getByTestId('ci-lead').first().selectOption({ label: 'Ban Tổ chức Tỉnh ủy' });
    const hn10Option = page.getByTestId('ci-due-meeting').first().locator(`option[value="${hn10.id}"]`);
    await expect.poll(() => hn10Option.count()).toBe(1);
    expect(await hn10Option.innerText()).toBe(`18/12/2026 — ${hn10.title}`);
    // Only later meetings of the province, not this one.
    expect(await page.getByTestId('ci-due-meeting').first().locator(`option[value="${m.id}"]`).count()).toBe(0);
    await page.getByTestId('ci-due-meeting').first().selectOption(hn10.id);
    expect(await page.getByTestId('ci-due').first().isDisabled()).toBe(true);
    await page.getByTestId('ci-product').first().fill('Tờ trình và hồ sơ dự án');
    await page.getByTestId('ci-deciding').first().selectOption('BCH');
    await page.getByTestId('ci-supervisor').first().selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('six-preview').getAttribute('data-complete')).toBe('true');
    await page.getByTestId('conclusion-submit').click();
    await expect.poll(() => page.getByTestId('conclusion-symbol').innerText()).toMatch(/^Số \d+-KL\/TU$/);
    expect(await page.getByTestId('conclusion').locator('h2').innerText()).toBe('Kết luận');
    expect(await page.getByTestId('conclusion-docx').innerText()).toBe('Tải kết luận (DOCX)');
    expect(await page.getByTestId('six-clear').getAttribute('data-complete')).toBe('true');
    expect(await page.getByTestId('conclusion-due-meeting').innerText()).toBe(hn10.title);
    expect(await page.getByTestId('conclusion-due-meeting').getAttribute('href')).toBe(`/meetings/${hn10.id}`);
    const issued = await call('GET', `/meetings/${m.id}`);
    expect(issued.conclusion!.symbol).toMatch(/^\d+-KL\/TU$/);
    expect(issued.conclusion!.items.map((x) => [x.kind, x.dueMeetingId, x.dueLabel])).toEqual([
      ['action', hn10.id, hn10.title],
    ]);
    await page.screenshot({ path: '.test-results/meeting-conclusion-kl.png', fullPage: true });
    await page.close();
  });
});

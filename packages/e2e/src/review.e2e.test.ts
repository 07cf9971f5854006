import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateVi, todayInVietnam } from '@quyche/core';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '@quyche/db';
import { qb } from '@quyche/db';
import type { FastifyInstance } from 'fastify';
import { apiCall, apiSession, logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo, Session } from './harness.js';

interface Review {
  indicators: { code: string; value: number; bodyId?: string }[];
}

describe.skipIf(skipReason !== null)('reviews in Chromium', () => {
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

  const orgId = async (code: string) =>
    (await qb(db).selectFrom('organization').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const loggedIn = (username = 'admin', viewport?: { width: number; height: number }): Promise<Page> =>
    logIn(browser, base, username, viewport);

  it('opens the first-half review, shows each figure as the API counts it, ' +
    'and lists the records behind one with their clauses', {
    timeout: 120_000,
  }, async () => {
    const al = await orgId('ORG-AL');
    const api = await apiCall<Review>(app, session, 'GET', `/organizations/${al}/review?period=2026-H1`);
    const page = await loggedIn();
    await page.goto(`${base}/reviews?period=2026-H1`);
    await expect.poll(() => page.getByTestId('review-heading').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Sơ kết, tổng kết — 6 tháng đầu năm 2026');
    expect(await page.getByTestId('review-heading').innerText()).toContain(
      'chưa có kỳ trước để so sánh (tổ chức thành lập ngày 01/07/2025)',
    );
    for (const code of ['deviations', 'tasks_assigned', 'tasks_done_on_time', 'tasks_done_late', 'tasks_overdue']) {
      const card = page.locator(`[data-code="${code}"]`);
      expect(await card.getAttribute('data-value'), code).toBe(
        String(api.indicators.find((i) => i.code === code)!.value),
      );
    }
    const deviations = api.indicators.find((i) => i.code === 'deviations')!.value;
    await page.locator('[data-code="deviations"]').getByTestId('indicator-value').click();
    await expect.poll(() => page.getByTestId('evidence-record').count()).toBe(deviations);
    for (const text of await page.getByTestId('evidence-record').allInnerTexts()) expect(text).toMatch(/Điều \d+/);
    // A record opens its meeting.
    await page.getByTestId('evidence-record').first().getByRole('link').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await page.close();
  });

  it('changes the period from the picker, and fits a phone 390 px wide with the records panel open', {
    timeout: 120_000,
  }, async () => {
    const page = await loggedIn('admin', { width: 390, height: 844 });
    await page.goto(`${base}/reviews?period=2026-H1`);
    await expect.poll(() => page.getByTestId('review-heading').count()).toBe(1);
    await noHorizontalScroll(page);
    await page.getByTestId('review-period').click();
    await page.getByRole('option', { name: 'Quý I năm 2026' }).click();
    await page.waitForURL(/period=2026-Q1/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Sơ kết, tổng kết — Quý I năm 2026');
    await page.locator('[data-code="tasks_done_on_time"]').getByTestId('indicator-value').click();
    await expect.poll(() => page.getByTestId('evidence-record').count()).toBeGreaterThan(0);
    await noHorizontalScroll(page);
    await page.close();
  });

  it('drafts the six-month report from the review page and edits it: a changed figure needs an explanation, ' +
    'a figure is written by its label', {
    timeout: 120_000,
  }, async () => {
    const page = await loggedIn();
    await page.goto(`${base}/reviews?period=2026-H1`);
    await expect.poll(() => page.getByTestId('review-heading').count()).toBe(1);
    const onTime = Number(await page.locator('[data-code="tasks_done_on_time"]').getAttribute('data-value'));
    await page.getByTestId('draft-report').click();
    await page.waitForURL(/\/review-reports\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('report-paragraph').count()).toBeGreaterThan(6);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Báo cáo sơ kết 6 tháng đầu năm 2026');
    const text = (await page.getByTestId('report-paragraph').allInnerTexts()).join('\n');
    expect(text).toContain(`hoàn thành đúng hạn ${onTime} nhiệm vụ`);
    expect(text).not.toMatch(/\{\{|tasks_|meetings_/);
    await page.getByTestId('report-edit').click();
    // The text shows each figure by its label, never by a code.
    const second = page.getByTestId('report-paragraph-input').nth(1);
    expect(await second.inputValue()).toContain('[[Hoàn thành đúng hạn]]');
    await page
      .locator('[data-key="tasks_done_on_time"]')
      .getByTestId('report-figure-stated-input')
      .fill(String(onTime + 1));
    await page.getByTestId('report-save').click();
    await expect.poll(() => page.getByTestId('report-error').count()).toBe(1);
    expect(await page.getByTestId('report-error-detail').innerText()).toBe(
      `Số liệu "Hoàn thành đúng hạn" tính từ hồ sơ là ${onTime}, báo cáo ghi ${onTime + 1}: ` +
        `cần ghi rõ lý do (giải trình) cho số liệu đã sửa`,
    );
    expect(await page.locator('[data-key="tasks_done_on_time"]').innerText()).toContain('cần ghi rõ lý do');
    await page
      .locator('[data-key="tasks_done_on_time"]')
      .getByTestId('report-figure-explanation-input')
      .fill('Một nhiệm vụ hoàn thành ngày 30/6, nhận kết quả ngày 1/7');
    // A label the review does not have is refused beside its paragraph.
    await second.fill(`${await second.inputValue()} Kết nạp [[Số đảng viên mới]] đảng viên.`);
    await page.getByTestId('report-save').click();
    await expect
      .poll(() => page.getByTestId('report-error-detail').innerText())
      .toBe('Không có số liệu "Số đảng viên mới" trong kỳ sơ kết: chọn số liệu trong danh sách bên cạnh');
    await second.fill(
      (await second.inputValue()).replace(
        ' Kết nạp [[Số đảng viên mới]] đảng viên.',
        ' Đã rà soát toàn bộ [[Nhiệm vụ đã giao]] nhiệm vụ.',
      ),
    );
    await page.getByTestId('report-save').click();
    await expect.poll(() => page.getByTestId('report-figure-stated').count()).toBe(1);
    expect(await page.getByTestId('report-figure-stated').innerText()).toBe(`báo cáo ghi ${onTime + 1}`);
    expect(await page.getByTestId('report-figure-explanation').innerText()).toContain('nhận kết quả ngày 1/7');
    const after = (await page.getByTestId('report-paragraph').allInnerTexts()).join('\n');
    expect(after).toContain(`hoàn thành đúng hạn ${onTime + 1} nhiệm vụ`);
    expect(after).toMatch(/Đã rà soát toàn bộ \d+ nhiệm vụ\./);
    // The DOCX downloads under the report's title.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-docx').click()]);
    expect(download.suggestedFilename()).toBe('Báo-cáo-sơ-kết-6-tháng-đầu-năm-2026.docx');
    const url = page.url();
    await page.close();
    // On a phone, read and in edit.
    const phone = await loggedIn('admin', { width: 390, height: 844 });
    await phone.goto(url);
    await expect.poll(() => phone.getByTestId('report-paragraph').count()).toBeGreaterThan(6);
    await noHorizontalScroll(phone);
    await phone.getByTestId('report-edit').click();
    await expect.poll(() => phone.getByTestId('report-paragraph-input').count()).toBeGreaterThan(6);
    await noHorizontalScroll(phone);
    await phone.close();
  });

  it('circulates the nine-month report for comments, then adopts it at the BTV: ' +
    'the BCH conference is refused with the clause', {
    timeout: 120_000,
  }, async () => {
    const page = await loggedIn();
    await page.goto(`${base}/reviews?period=2026-M9`);
    await expect.poll(() => page.getByTestId('review-heading').count()).toBe(1);
    await page.getByTestId('draft-report').click();
    await page.waitForURL(/\/review-reports\/[0-9a-f-]{36}$/);
    // Circulated first for comments: the recipients and the deadline are asked for, then sent.
    await page.getByTestId('report-circulate').click();
    await page.getByTestId('circulate-save').click();
    const circulate = page.getByTestId('circulate-form');
    await expect.poll(() => circulate.innerText()).toContain('Chọn ít nhất một nơi nhận');
    expect(await circulate.innerText()).toContain('Thiếu Hạn góp ý');
    await page.getByTestId('circulate-all-communes').click();
    // An impossible date stops the dialog too (it is a form now): nothing is sent, the date stays as typed.
    await page.getByTestId('circulate-deadline').fill('31/02/2027');
    await page.getByTestId('circulate-save').click();
    await expect.poll(() => circulate.innerText()).toContain('Ngày không có thật (dd/mm/yyyy)');
    expect(await page.getByTestId('report-state').innerText()).toBe('Dự thảo');
    expect(await page.getByTestId('circulate-deadline').inputValue()).toBe('31/02/2027');
    // A deadline ahead of the day the test runs (a past one is refused).
    await page.getByTestId('circulate-deadline').fill(formatDateVi(addDays(todayInVietnam(), 14)));
    await page.getByTestId('circulate-save').click();
    await expect.poll(() => page.getByTestId('report-state').innerText()).toBe('Đang lấy ý kiến');
    await page.getByTestId('report-consultation').click();
    await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/);
    await page.goBack();
    await expect.poll(() => page.getByTestId('report-adopt').count()).toBe(1);
    await page.getByTestId('report-adopt').click();
    const select = page.getByTestId('adopt-meeting');
    await expect.poll(async () => (await select.locator('option').allInnerTexts()).length).toBeGreaterThan(3);
    const options = await select.locator('option').allInnerTexts();
    await select.selectOption({ label: options.find((o) => o.startsWith('09/10/2026'))! });
    await page.getByTestId('adopt-save').click();
    await expect.poll(() => page.getByTestId('adopt-error-detail').count()).toBe(1);
    expect(await page.getByTestId('adopt-error-detail').innerText()).toMatch(
      /thẩm quyền của Ban Thường vụ Tỉnh ủy.*khoản 4 Điều 19/,
    );
    await select.selectOption({ label: options.find((o) => o.startsWith('20/10/2026'))! });
    await page.getByTestId('adopt-save').click();
    await expect.poll(() => page.getByTestId('report-state').innerText()).toBe('Đã thông qua ngày 20/10/2026');
    expect(await page.getByTestId('report-edit').count()).toBe(0);
    await page.close();
  });

  it('keeps the register of shortcomings: asks for the missing fields by label, records one, ' +
    'and closes it only with evidence', {
    timeout: 120_000,
  }, async () => {
    const page = await loggedIn('admin', { width: 390, height: 844 });
    await page.goto(`${base}/shortcomings`);
    await expect.poll(() => page.getByTestId('shortcoming').count()).toBe(2); // the demo's two still open
    await noHorizontalScroll(page);
    await page.getByTestId('shortcoming-add').click();
    await page.getByTestId('add-save').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('Hạn chế, khuyết điểm không được để trống');
    for (const m of [
      'Biện pháp khắc phục không được để trống',
      'Thiếu Đơn vị chủ trì khắc phục',
      'Thiếu Hạn khắc phục',
    ])
      expect(await dialog.innerText()).toContain(m);
    expect(await dialog.innerText()).not.toMatch(/body\.|string/);
    await page.getByTestId('add-text').fill('Chưa cập nhật kịp thời tiến độ nhiệm vụ trên hệ thống');
    await page.getByTestId('add-remedy').fill('Giao chuyên viên cập nhật hằng tuần');
    await page.getByTestId('add-lead').selectOption({ label: 'Văn phòng Tỉnh ủy' });
    await page.getByTestId('add-due').fill('31/01/2027');
    await page.getByTestId('add-source').selectOption({ label: 'Báo cáo sơ kết 6 tháng đầu năm 2026' });
    await page.getByTestId('add-save').click();
    await expect.poll(() => page.getByTestId('shortcoming').count()).toBe(3);
    const mine = page.getByTestId('shortcoming').filter({ hasText: 'Chưa cập nhật kịp thời tiến độ' });
    await mine.getByTestId('shortcoming-fix').click();
    await page.getByTestId('fix-save').click();
    await expect.poll(() => page.getByRole('dialog').innerText()).toContain('Minh chứng khắc phục không được để trống');
    await page.getByTestId('fix-evidence').fill('Báo cáo cập nhật tiến độ tuần 49 của Văn phòng');
    await page.getByTestId('fix-save').click();
    await expect.poll(() => page.getByTestId('shortcoming').count()).toBe(2);
    await page.getByTestId('shortcoming-filter').getByText('Đã khắc phục').click();
    await expect
      .poll(() => page.getByTestId('shortcoming-evidence').allInnerTexts())
      .toContain('Minh chứng: Báo cáo cập nhật tiến độ tuần 49 của Văn phòng');
    await page.close();
  });

  it('shows the province its communes ranked, the two behind flagged with their figures; ' +
    'a commune clerk sees its own review only', {
    timeout: 120_000,
  }, async () => {
    const page = await loggedIn();
    await page.goto(`${base}/reviews/subordinates?period=2026-H1`);
    await expect.poll(() => page.getByTestId('subordinate-row').count()).toBeGreaterThan(90);
    await page.getByTestId('flagged-only').click();
    await expect.poll(() => page.getByTestId('subordinate-row').count()).toBe(3);
    const flags = await page.getByTestId('subordinate-flag').allInnerTexts();
    expect(
      flags.filter((f) => /Đúng hạn \d+% nhiệm vụ \(\d+\/\d+\), thấp hơn nhiều so với mức chung/.test(f)),
    ).toHaveLength(2);
    expect(flags.some((f) => f.includes('Họp thường lệ 17/18 kỳ theo quy chế'))).toBe(true);
    await page.close();

    // A read-only account reads a draft report and downloads it, with no control to change, circulate or adopt it.
    const viewer = await loggedIn('xem');
    const reports = await apiCall<{ id: string; state: string }[]>(
      app,
      session,
      'GET',
      `/review-reports?orgId=${await orgId('ORG-AL')}`,
    );
    await viewer.goto(`${base}/review-reports/${reports.find((r) => r.state === 'draft')!.id}`);
    await expect.poll(() => viewer.getByTestId('report-paragraph').count()).toBeGreaterThan(5);
    expect(await viewer.getByTestId('report-docx').count()).toBe(1);
    for (const id of ['report-edit', 'report-adopt', 'report-circulate'])
      expect(await viewer.getByTestId(id).count(), id).toBe(0);
    await viewer.goto(`${base}/reviews?period=2026-H1`);
    await expect.poll(() => viewer.getByTestId('review-heading').count()).toBe(1);
    expect(await viewer.getByTestId('draft-report').count()).toBe(0);
    await viewer.close();

    const clerk = await loggedIn('vanthu.x01');
    await clerk.goto(`${base}/reviews?period=2026-H1`);
    await expect.poll(() => clerk.getByTestId('review-heading').count()).toBe(1);
    expect(await clerk.getByTestId('review-heading').innerText()).toContain('Đảng ủy xã Tân Lập');
    await clerk.goto(`${base}/reviews/subordinates?org=${await orgId('ORG-AL')}&period=2026-H1`);
    // Not the clerk's: a "no access" page that says so in words, with the way back.
    await expect.poll(() => clerk.getByTestId('no-access').count()).toBe(1);
    expect(await clerk.getByTestId('no-access').getByRole('heading', { level: 1 }).innerText()).toBe(
      'Bạn không có quyền xem nội dung này',
    );
    expect(await clerk.getByTestId('subordinate-row').count()).toBe(0);
    await clerk.close();
  });
});

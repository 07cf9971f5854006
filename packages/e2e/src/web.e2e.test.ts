import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '@quyche/db';
import { qb } from '@quyche/db';
import type { FastifyInstance } from 'fastify';
import { logIn, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

describe.skipIf(skipReason !== null)('web in Chromium', () => {
  let demo: Demo;
  let db: Db;
  let _app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ({ db, _app, browser, base } = demo = await startDemo());
  });
  afterAll(async () => demo?.close());

  const loggedIn = (username = 'admin', viewport?: { width: number; height: number }): Promise<Page> =>
    logIn(browser, base, username, viewport);

  it('shows the Vietnamese login page and refuses a wrong password in Vietnamese', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('Đăng nhập');
    // No password: the form says so in Vietnamese (not the browser's own prompt), and keeps the username.
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.locator('form').innerText()).toContain('Mật khẩu không được để trống');
    expect(await page.getByTestId('login-username').inputValue()).toBe('admin');
    expect(await page.getByTestId('login-error').count()).toBe(0);
    await page.getByTestId('login-password').fill('sai-mat-khau');
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toContain('Tên đăng nhập hoặc mật khẩu không đúng');
    await page.close();
  });

  it(
    'answers an unknown address with a "no such page" page, ' +
      'and a missing record with "not found" (both used to show the tree)',
    async () => {
      const page = await loggedIn();
      await page.goto(`${base}/khong-co-trang-nay`);
      await expect.poll(() => page.getByTestId('page-not-found').count()).toBe(1);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Không có trang này');
      expect(await page.getByTestId('tree').count()).toBe(0);
      await page.goto(`${base}/tasks/00000000-0000-7000-8000-000000000000`);
      await expect.poll(() => page.getByTestId('not-found').count()).toBe(1);
      expect(await page.getByTestId('not-found').getByRole('heading', { level: 1 }).innerText()).toBe(
        'Không tìm thấy nội dung này',
      );
      // An address with no record id in it (typed by hand) is not found either, not a refused request.
      await page.goto(`${base}/tasks/new`);
      await expect.poll(() => page.getByTestId('not-found').count()).toBe(1);
      expect(await page.getByTestId('error').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toContain('Dữ liệu gửi lên không hợp lệ');
      await page.close();
    },
  );

  it('logs in and shows the tree as of two dates: before and after the 2025 merger', async () => {
    const page = await loggedIn();
    await page.goto(`${base}/org?asOf=2025-03-01`);
    const codes = async () =>
      page.getByTestId('tree-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    await expect
      .poll(codes, { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['ORG-AL-OLD', 'ORG-BH-OLD', 'ORG-CQD']));
    expect(await codes()).not.toContain('ORG-AL');
    const text2025 = await page.locator('body').innerText();
    expect(text2025).toContain('Đảng bộ tỉnh An Lạc (cũ)');
    expect(text2025).toContain('Đảng bộ tỉnh Bình Hà (cũ)');
    expect(text2025).toContain('Đảng ủy Khối các cơ quan tỉnh');

    await page.goto(`${base}/org?asOf=2026-01-01`);
    await expect.poll(codes, { timeout: 10_000 }).toContain('ORG-AL');
    expect(await codes()).not.toContain('ORG-AL-OLD');
    expect((await codes()).filter((c) => c?.startsWith('ORG-X'))).toHaveLength(96);
    const text2026 = await page.locator('body').innerText();
    expect(text2026).toContain('Đảng bộ xã Tân Lập');
    expect(text2026).toMatch(/Kế thừa[^\n]*Đảng bộ tỉnh An Lạc \(cũ\)/);
    await page.screenshot({ path: '.test-results/tree-2026.png', fullPage: false });
    await page.close();
  });

  it('finds people and organizations typed without diacritics', async () => {
    const page = await loggedIn();
    await page.goto(`${base}/search`);
    await page.getByTestId('search-input').fill('nguyen van khai');
    await page.getByTestId('search-submit').click();
    await expect
      .poll(() => page.getByTestId('search-result').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('Nguyễn Văn Khải')]));
    await page.getByTestId('search-input').fill('dang uy khoi');
    await page.getByTestId('search-submit').click();
    await expect
      .poll(() => page.getByTestId('search-result').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('Đảng ủy Khối các cơ quan tỉnh')]));
    await page.close();
  });

  it('opens a body page with its members and a person page with the portfolio', async () => {
    const page = await loggedIn();
    const tt = (
      await qb(db)
        .selectFrom('body')
        .select('id')
        .where('kind', '=', 'TT')
        .where('valid_until', 'is', null)
        .where('name', 'like', 'Thường trực Tỉnh ủy%')
        .executeTakeFirstOrThrow()
    ).id;
    await page.goto(`${base}/body/${tt}?asOf=2026-01-01`);
    await expect.poll(() => page.locator('body').innerText()).toContain('Trần Quốc Hưng');
    const text = await page.locator('body').innerText();
    expect(text).toContain('Lê Thị Minh Châu');
    await page.getByText('Trần Quốc Hưng').first().click();
    await page.waitForURL(/\/person\//);
    await expect.poll(() => page.locator('body').innerText()).toContain('Lãnh đạo toàn diện');
    await page.close();
  });

  it("reads An Lạc's regulation, asks it a question and compares its versions", async () => {
    const page = await loggedIn();
    await page.goto(`${base}/regulations`);
    await page
      .getByText('Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh, Ban Thường vụ, Thường trực Tỉnh ủy An Lạc')
      .first()
      .click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Điều 12. Hội nghị Tỉnh ủy');
    const text = await page.locator('body').innerText();
    expect(text).toContain('Điều 28. Hiệu lực, sửa đổi');
    // The rule beside its clause reads as a sentence; its machine form is behind "Chi tiết".
    expect(text).toContain('hợp lệ khi có mặt ít nhất hai phần ba (2/3) số thành viên được triệu tập.');
    expect(text).not.toContain('hop-le · quorum');
    await page.getByTestId('details-toggle').click();
    await expect.poll(() => page.locator('body').innerText()).toContain('hop-le · quorum');
    await page.getByTestId('details-toggle').click();
    expect((await page.getByTestId('lint-summary').innerText()).toLowerCase()).toContain('0 lỗi');
    // Ask: 41 of 61 summoned.
    await page.getByTestId('tab-ask').click();
    await page.getByTestId('ask-at').fill('2026-04-10');
    await page.getByTestId('ask-summoned').fill('61');
    await page.getByTestId('ask-present').fill('41');
    await page.getByTestId('ask-submit').click();
    await expect.poll(() => page.getByTestId('ask-answer').innerText()).toContain('Hợp lệ: 41/61');
    expect(await page.getByTestId('ask-answer').innerText()).toContain('khoản 2 Điều 12');
    await expect.poll(() => page.locator('[data-testid="highlighted"][data-eid$="art_12__para_2"]').count()).toBe(1);
    // Versions: by default the last two, the text in force and the draft amendment under consultation …
    await page.getByTestId('tab-versions').click();
    await expect
      .poll(() => page.getByTestId('comparison-row').allInnerTexts())
      .toEqual([expect.stringContaining('khoản 1 Điều 27')]);
    // … then the adopted text against the one consolidated with 15-QĐ/TU.
    await page.getByTestId('diff-from').click();
    await page.getByRole('option', { name: /^văn bản có hiệu lực từ 20\/10\/2025/ }).click();
    await page.getByTestId('diff-to').click();
    await page.getByRole('option', { name: /^văn bản có hiệu lực từ 01\/07\/2026/ }).click();
    await expect
      .poll(() => page.getByTestId('comparison-row').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('khoản 3 Điều 12')]));
    expect(await page.getByTestId('comparison').innerText()).toContain('chậm nhất 07 ngày làm việc');
    await page.screenshot({ path: '.test-results/regulation-versions.png' });
    await page.close();
  });

  it('imports a text regulation, checks it and saves it', async () => {
    const page = await loggedIn();
    await page.goto(`${base}/regulations`);
    await page.getByTestId('upload-file').setInputFiles({
      name: 'quy-che-xa.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        'QUY CHẾ LÀM VIỆC\nChương I. CHUNG\nĐiều 1. Phạm vi\n1. Quy chế này quy định chế độ làm việc.\na) ' +
          'Ban Chấp hành;\nb) Ban Thường vụ.\nĐiều 2. Hiệu lực\n1. Có hiệu lực từ ngày ký.\n',
      ),
    });
    await expect.poll(() => page.getByTestId('import-report').innerText()).toContain('2 điều');
    await page.getByTestId('upload-validate').click();
    await expect.poll(() => page.getByTestId('upload-check').innerText()).toContain('2 điều, 0 quy tắc');
    // Saved without its issuing organization: nothing is sent, the field is named, the imported text stays.
    const saves: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/regulations') && saves.push(r.url()));
    const typed = await page.getByTestId('upload-text').inputValue();
    await page.getByTestId('upload-save').click();
    await expect.poll(() => page.getByTestId('upload-form').innerText()).toContain('Thiếu Tổ chức ban hành');
    expect(saves).toEqual([]);
    expect(await page.getByTestId('upload-text').inputValue()).toBe(typed);
    expect(typed).toContain('Phạm vi');
    await page.close();
  });

  it('switches the interface to English and back', async () => {
    const page = await loggedIn();
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    await page.close();
  });
});

import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

const SHOTS = '/tmp/shots-accounts';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(skipReason !== null)('accounts in Chromium', () => {
  let demo: Demo;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    ({ browser, base } = demo = await startDemo({ volume: false }));
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => demo?.close());

  const row = (page: Page, username: string) =>
    page.locator(`[data-testid="account-row"][data-username="${username}"]`);
  const signIn = async (page: Page, username: string, password: string) => {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  };

  it(
    'locks vanthu.x01 while they have a page open: their next action lands on the login page; ' +
      'unlocking lets them in again',
    async () => {
      const clerk = await logIn(browser, base, 'vanthu.x01', DESKTOP);
      await clerk.goto(`${base}/tasks`);
      await expect.poll(() => clerk.getByTestId('task-list-page').isVisible()).toBe(true);

      const admin = await logIn(browser, base, 'admin', DESKTOP);
      await admin.getByTestId('nav-accounts').click();
      await admin.waitForURL(/\/accounts$/);
      await expect
        .poll(() => row(admin, 'vanthu.x01').innerText())
        .toContain('Văn thư, chuyên viên — Đảng bộ xã Tân Lập');
      expect(await row(admin, 'vanthu.x01').innerText()).toContain('Đang hoạt động');
      await admin.screenshot({ path: `${SHOTS}/accounts-1440.png`, fullPage: true });
      // One's own account offers no lock.
      expect(await row(admin, 'admin').getByTestId('account-disable').count()).toBe(0);

      await row(admin, 'vanthu.x01').getByTestId('account-disable').click();
      await expect.poll(() => admin.getByTestId('account-confirm').innerText()).toContain('Khóa tài khoản vanthu.x01');
      await admin.waitForTimeout(400); // the dialog's opening transition
      await admin.screenshot({ path: `${SHOTS}/accounts-lock-dialog-1440.png` });
      await admin.getByTestId('account-confirm-confirm').click();
      await expect
        .poll(() => admin.getByTestId('account-notice').innerText())
        .toContain('Đã khóa tài khoản vanthu.x01');
      await expect
        .poll(() => row(admin, 'vanthu.x01').getByTestId('account-state').getAttribute('data-state'))
        .toBe('disabled');
      expect(await row(admin, 'vanthu.x01').innerText()).toContain('Đã khóa');

      // The clerk's very next action.
      await clerk.getByTestId('nav-meetings').click();
      await clerk.waitForURL(/\/login/, { timeout: 10_000 });
      await signIn(clerk, 'vanthu.x01', 'anlac2026');
      await expect
        .poll(() => clerk.getByTestId('login-error').innerText())
        .toContain('Tên đăng nhập hoặc mật khẩu không đúng');

      await row(admin, 'vanthu.x01').getByTestId('account-enable').click();
      await admin.getByTestId('account-confirm-confirm').click();
      await expect
        .poll(() => row(admin, 'vanthu.x01').getByTestId('account-state').getAttribute('data-state'))
        .toBe('active');
      await signIn(clerk, 'vanthu.x01', 'anlac2026');
      await clerk.waitForURL((u) => !u.pathname.startsWith('/login'));
      // A clerk has no accounts page: no link, and the address says why.
      expect(await clerk.getByTestId('nav-accounts').count()).toBe(0);
      await clerk.goto(`${base}/accounts`);
      await expect
        .poll(() => clerk.getByTestId('accounts-not-admin').innerText())
        .toContain('Chỉ quản trị viên quản lý tài khoản');
      await clerk.close();
      await admin.close();
    },
  );

  it(
    "changes one's own password from the header menu; " +
      'a too short or common one is refused in Vietnamese beside the field',
    async () => {
      const page = await logIn(browser, base, 'xem', DESKTOP);
      await page.getByTestId('user-menu').click();
      await page.getByTestId('menu-password').click();
      await page.waitForURL(/\/account\/password$/);
      const newError = () => page.getByTestId('password-form').innerText();
      const attempt = async (current: string, next: string, repeat = next) => {
        await page.getByTestId('password-current').fill(current);
        await page.getByTestId('password-new').fill(next);
        await page.getByTestId('password-repeat').fill(repeat);
        await page.getByTestId('password-submit').click();
      };
      await attempt('anlac2026', 'ngắn');
      await expect.poll(newError).toContain('Mật khẩu cần ít nhất 10 ký tự (mới có 4).');
      await attempt('anlac2026', 'matkhau123');
      await expect.poll(newError).toContain('Mật khẩu này quá phổ biến');
      await page.screenshot({ path: `${SHOTS}/password-refused-1440.png` });
      await attempt('anlac2026', 'Hoa sen trong đầm 2026', 'Hoa sen trong dam 2026');
      await expect.poll(newError).toContain('Hai lần nhập mật khẩu mới không khớp nhau.');
      // The server's reason, beside the field it names.
      await attempt('khong-phai-mat-khau', 'Hoa sen trong đầm 2026');
      await expect.poll(newError).toContain('Mật khẩu hiện tại không đúng');
      await attempt('anlac2026', 'Hoa sen trong đầm 2026');
      await expect.poll(() => page.getByTestId('password-done').innerText()).toContain('Đã đổi mật khẩu');
      await page.screenshot({ path: `${SHOTS}/password-done-1440.png` });

      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL(/\/login/);
      await signIn(page, 'xem', 'Hoa sen trong đầm 2026');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.close();
    },
  );

  it('resets a password on the accounts page of a 390 px phone; the user must then pick a new one first', async () => {
    const admin = await logIn(browser, base, 'admin', PHONE);
    await admin.goto(`${base}/accounts`);
    await expect.poll(() => row(admin, 'lanhdao').isVisible()).toBe(true);
    await noHorizontalScroll(admin);
    await admin.screenshot({ path: `${SHOTS}/accounts-390.png`, fullPage: true });

    await row(admin, 'lanhdao').getByTestId('account-reset').click();
    await admin.getByTestId('reset-new').fill('anlac2026');
    await admin.getByTestId('reset-repeat').fill('anlac2026');
    await admin.getByTestId('reset-submit').click();
    await expect.poll(() => admin.getByTestId('reset-dialog').innerText()).toContain('quá phổ biến');
    await noHorizontalScroll(admin);
    await admin.screenshot({ path: `${SHOTS}/accounts-reset-390.png` });
    await admin.getByTestId('reset-new').fill('Tạm thời: đổi ngay 2026');
    await admin.getByTestId('reset-repeat').fill('Tạm thời: đổi ngay 2026');
    await admin.getByTestId('reset-submit').click();
    await expect
      .poll(() => admin.getByTestId('account-notice').innerText())
      .toContain('phải đổi mật khẩu ở lần đăng nhập sau');
    await expect.poll(() => row(admin, 'lanhdao').innerText()).toContain('Phải đổi mật khẩu');

    const user = await browser.newPage({ viewport: PHONE });
    await user.goto(`${base}/login`);
    await signIn(user, 'lanhdao', 'Tạm thời: đổi ngay 2026');
    await expect
      .poll(() => user.getByTestId('password-forced').innerText())
      .toContain('Quản trị viên đã đặt lại mật khẩu');
    await noHorizontalScroll(user);
    await user.screenshot({ path: `${SHOTS}/password-forced-390.png`, fullPage: true });
    await user.getByTestId('password-current').fill('Tạm thời: đổi ngay 2026');
    await user.getByTestId('password-new').fill('Trống đồng Ngọc Lũ 1893');
    await user.getByTestId('password-repeat').fill('Trống đồng Ngọc Lũ 1893');
    await user.getByTestId('password-submit').click();
    // Chosen: the application opens.
    await expect.poll(() => user.getByTestId('user-menu').isVisible()).toBe(true);
    await expect.poll(() => user.locator('body').innerText()).not.toContain('Quản trị viên đã đặt lại mật khẩu');
    await user.screenshot({ path: `${SHOTS}/after-change-390.png` });
    await user.close();
    await admin.close();
  });

  it('creates an account from the accounts page, refusing a weak password beside its field', async () => {
    const admin = await logIn(browser, base, 'admin', DESKTOP);
    await admin.goto(`${base}/accounts`);
    await admin.getByTestId('account-create-open').click();
    // The display name and the organization left empty: nothing is sent, each field is named in the API's words,
    // and the username typed stays.
    const creates: string[] = [];
    admin.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/users') && creates.push(r.url()));
    await admin.getByTestId('create-username').fill('vanthu.x01b');
    await admin.getByTestId('create-submit').click();
    const dialog = admin.getByTestId('create-dialog');
    await expect.poll(() => dialog.innerText()).toContain('Tên hiển thị không được để trống');
    expect(await dialog.innerText()).toContain('Thiếu Trên tổ chức (và các tổ chức trực thuộc)');
    expect(creates).toEqual([]);
    expect(await admin.getByTestId('create-username').inputValue()).toBe('vanthu.x01b');
    await admin.getByTestId('create-name').fill('Văn thư thứ hai xã Tân Lập');
    await admin.getByTestId('create-role').selectOption('clerk');
    await admin.getByTestId('create-org').click();
    await admin.getByTestId('create-org').fill('Tân Lập');
    await admin.getByRole('option', { name: 'Đảng bộ xã Tân Lập' }).click();
    await admin.getByTestId('create-password-new').fill('vanthu.x01b-2026');
    await admin.getByTestId('create-password-repeat').fill('vanthu.x01b-2026');
    await admin.getByTestId('create-submit').click();
    await expect
      .poll(() => admin.getByTestId('create-dialog').innerText())
      .toContain('Mật khẩu không được trùng hoặc chứa tên đăng nhập.');
    await admin.waitForTimeout(300);
    await admin.screenshot({ path: `${SHOTS}/accounts-create-1440.png` });
    await admin.getByTestId('create-password-new').fill('Chuông chùa Trấn Quốc 2026');
    await admin.getByTestId('create-password-repeat').fill('Chuông chùa Trấn Quốc 2026');
    await admin.getByTestId('create-submit').click();
    await expect.poll(() => admin.getByTestId('account-notice').innerText()).toContain('Đã tạo tài khoản vanthu.x01b');
    await expect
      .poll(() => row(admin, 'vanthu.x01b').innerText())
      .toContain('Văn thư, chuyên viên — Đảng bộ xã Tân Lập');
    await admin.close();
  });
});

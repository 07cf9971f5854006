import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '@quyche/db';
import { DEMO_PASSWORD, logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

const LABEL = 'Tổng hợp nhiệm vụ hằng tuần';
const REASON = 'Ngày 31/02/2026 không phải là một ngày hợp lệ';

describe.skipIf(skipReason !== null)('the background jobs page "Công việc nền" in Chromium', () => {
  let demo: Demo;
  const id = randomUUID();
  beforeAll(async () => {
    demo = await startDemo();
    // A job that failed for good (the demo server runs no worker: a job queued again stays queued).
    await qb(demo.db)
      .insertInto('job')
      .values({
        id,
        kind: 'weekly_digest',
        dedupe_key: `e2e-jobs-${id}`,
        payload: JSON.stringify({ today: '31/02/2026' }),
        state: 'failed',
        attempts: 3,
        last_error: REASON,
      })
      .execute();
  });
  afterAll(async () => demo?.close());

  it('shows the administrator the failed job at 1440 and 390 px, and "Chạy lại" queues it again', async () => {
    for (const width of [1440, 390]) {
      const page = await logIn(demo.browser, demo.base, 'admin', { width, height: 900 });
      if (width === 1440) {
        // The administrator's menu has the item.
        await page.getByTestId('nav-system/jobs').click();
        await page.waitForURL((u) => u.pathname === '/system/jobs');
      } else await page.goto(`${demo.base}/system/jobs`);
      await page.getByTestId('jobs-page').waitFor();
      await page.getByTestId('job-counts').waitFor();
      expect(await page.locator('main h1').innerText()).toBe('Công việc nền');
      for (const k of ['Đang chờ', 'Đang chạy', 'Đã xong', 'Thất bại'])
        expect(await page.getByTestId('job-counts').innerText()).toContain(k);
      expect(Number(await page.getByTestId('job-count-failed').getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
      const row = page.locator(`[data-testid="job-row"][data-id="${id}"]`);
      await row.waitFor();
      expect(await row.getByTestId('job-label').innerText()).toBe(LABEL);
      expect(await row.getByTestId('job-error').innerText()).toContain(REASON);
      expect(await row.getByTestId('job-attempts').innerText()).toContain('3');
      // dd/mm/yyyy hh:mm, as the rest of the app writes a moment.
      expect(await row.getByTestId('job-last-tried').innerText()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      expect(await row.getByTestId('job-retry').innerText()).toBe('Chạy lại');
      if (width === 390) await noHorizontalScroll(page);
      await page.screenshot({ path: `.test-results/jobs-${width}.png`, fullPage: true });
      await page.close();
    }

    const page = await logIn(demo.browser, demo.base, 'admin', { width: 1440, height: 900 });
    await page.goto(`${demo.base}/system/jobs`);
    const row = page.locator(`[data-testid="job-row"][data-id="${id}"]`);
    await row.waitFor();
    const queued = Number(await page.getByTestId('job-count-queued').getAttribute('data-value'));
    await row.getByTestId('job-retry').click();
    await expect.poll(() => row.count()).toBe(0);
    await expect
      .poll(async () => Number(await page.getByTestId('job-count-queued').getAttribute('data-value')))
      .toBe(queued + 1);
    expect(await page.getByTestId('job-retry-error').count()).toBe(0);
    const j = await qb(demo.db).selectFrom('job').select(['state', 'attempts']).where('id', '=', id).executeTakeFirst();
    expect(j).toEqual({ state: 'queued', attempts: 0 });
    // With no other failed job, the list says so.
    if (Number(await page.getByTestId('job-count-failed').getAttribute('data-value')) === 0)
      expect(await page.getByTestId('jobs-none').innerText()).toBe('Không có công việc nào thất bại.');
    await page.close();
  });

  it('is neither in the menu nor open to an account that is not an administrator', async () => {
    for (const width of [1440, 390]) {
      const page = await logIn(demo.browser, demo.base, 'lanhdao', { width, height: 900 });
      await page.goto(`${demo.base}/system/jobs`);
      await page.getByTestId('no-access').waitFor();
      expect(await page.getByTestId('jobs-page').count()).toBe(0);
      expect(await page.getByTestId('nav-system/jobs').count()).toBe(0);
      expect(await page.getByTestId('nav-accounts').count()).toBe(0);
      if (width === 390) await noHorizontalScroll(page);
      await page.close();
    }
  });

  // What the sweep (sweep.e2e.test.ts) asks of every page, for this one: each demo account, both widths.
  it.each(['admin', 'lanhdao', 'vanthu.vptu', 'vanthu.x01', 'vanthu.x02', 'xem'])(
    '%s: /system/jobs at 1440 and 390 px has a heading, no error, no raw code and no sideways scroll',
    async (account) => {
      const problems: string[] = [];
      for (const width of [1440, 390]) {
        const ctx = await demo.browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
        const r = await ctx.request.post(`${demo.base}/api/v1/auth/login`, {
          data: { username: account, password: DEMO_PASSWORD },
        });
        expect(r.status()).toBe(200);
        const page = await ctx.newPage();
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`${width} console: ${m.text().slice(0, 200)}`);
        });
        page.on('pageerror', (e) => problems.push(`${width} page error: ${e.message.slice(0, 200)}`));
        page.on('response', (x) => {
          if (x.status() >= 400 && x.status() !== 401 && x.status() !== 403)
            problems.push(`${width} ${x.status()} ${new URL(x.url()).pathname}`);
        });
        await page.goto(`${demo.base}/system/jobs`);
        await page.waitForFunction(
          () => document.querySelector('main h1') && !document.querySelector('main .mantine-Loader-root'),
          null,
          { timeout: 15_000, polling: 100 },
        );
        const v = await page.evaluate(() => ({
          sw: document.documentElement.scrollWidth,
          w: window.innerWidth,
          text: document.body.innerText,
        }));
        if (v.sw > v.w + 1) problems.push(`${width} sideways scroll: ${v.sw} > ${v.w}`);
        for (const re of [
          /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/,
          /\{"/,
          /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/,
        ])
          if (re.test(v.text)) problems.push(`${width} raw text ${re}`);
        expect(await page.getByTestId(account === 'admin' ? 'jobs-page' : 'no-access').count()).toBe(1);
        await ctx.close();
      }
      expect(problems).toEqual([]);
    },
    120_000,
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

/** One date field: dd/mm/yyyy typed or picked on a Vietnamese calendar, whatever the browser's language. */
describe.skipIf(skipReason !== null)('dates in an English-language browser', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => demo?.close());

  it('picks a day on a Vietnamese calendar and shows it as dd/mm/yyyy, one field per date', async () => {
    const ctx = await demo.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
    await ctx.request.post(`${demo.base}/api/v1/auth/login`, { data: { username: 'admin', password: DEMO_PASSWORD } });
    const page = await ctx.newPage();
    await page.goto(`${demo.base}/tasks?create=1`);
    const due = page.getByTestId('task-due-date');
    await due.waitFor();
    // No browser date input anywhere on the page: its format would follow the browser's language.
    expect(await page.locator('input[type="date"], input[type="time"]').count()).toBe(0);
    await due.click();
    const dropdown = page.locator('.mantine-Popover-dropdown').filter({ hasText: /tháng \d+/i });
    await dropdown.waitFor();
    expect(await dropdown.innerText()).toMatch(/T2\s+T3\s+T4\s+T5\s+T6\s+T7\s+CN/);
    await dropdown.getByRole('button', { name: /^15 / }).first().click();
    await expect.poll(() => due.inputValue()).toMatch(/^15\/\d{2}\/\d{4}$/);
    // Typed, the same; an impossible date keeps its text and makes the field invalid (the form cannot submit it).
    await due.fill('31/02/2027');
    await due.blur();
    expect(await due.inputValue()).toBe('31/02/2027');
    expect(await due.evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(false);
    await due.fill('01/03/2027');
    expect(await due.evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(true);
    await ctx.close();
  });

  it(
    "stops a dialog's main action while one of its dates is not a date, " + 'and says why (the date is not dropped)',
    async () => {
      const ctx = await demo.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
      await ctx.request.post(`${demo.base}/api/v1/auth/login`, {
        data: { username: 'admin', password: DEMO_PASSWORD },
      });
      const page = await ctx.newPage();
      const posts: string[] = [];
      page.on(
        'request',
        (r) => r.method() === 'POST' && r.url().includes('/api/v1/review-requests') && posts.push(r.url()),
      );
      await page.goto(`${demo.base}/review-requests`);
      await page.getByTestId('request-add').click();
      await page.getByTestId('request-target').selectOption({ index: 1 });
      await page.getByTestId('request-topics').fill('Kết quả thực hiện Quy chế làm việc');
      const deadline = page.getByTestId('request-deadline');
      await deadline.fill('31/02/2027');
      await page.getByTestId('request-send').click();
      await page.waitForTimeout(500);
      expect(posts).toEqual([]);
      expect(await deadline.inputValue()).toBe('31/02/2027');
      expect(await deadline.evaluate((el) => (el as HTMLInputElement).validationMessage)).toBe(
        'Hạn nộp báo cáo: "31/02/2027" không phải một ngày có thật (dd/mm/yyyy)',
      );
      expect(await page.locator('[role="dialog"]').innerText()).toContain('Ngày không có thật (dd/mm/yyyy)');
      // With a real date the same button sends it.
      await deadline.fill('15/01/2027');
      await page.getByTestId('request-send').click();
      await expect.poll(() => posts.length).toBe(1);
      await ctx.close();
    },
  );
});

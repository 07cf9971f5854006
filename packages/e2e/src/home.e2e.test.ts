import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

/** What a list page shows as its total, once loaded. */
const totalOn = async (page: Page, href: string): Promise<number> => {
  if (href.startsWith('/tasks')) {
    await page.getByTestId('task-total').waitFor();
    return Number(await page.getByTestId('task-total').getAttribute('data-total'));
  }
  if (href.startsWith('/consultations')) {
    const tab = page.getByTestId('consultation-tab-awaiting');
    await expect.poll(() => tab.getAttribute('data-count')).not.toBeNull();
    return Number(await tab.getAttribute('data-count'));
  }
  if (href.startsWith('/notifications')) {
    await page.getByTestId('notification-total').waitFor();
    return Number(await page.getByTestId('notification-total').getAttribute('data-total'));
  }
  if (href.startsWith('/conclusions')) {
    await page.getByTestId('conclusion-pending-total').waitFor();
    return Number(await page.getByTestId('conclusion-pending-total').getAttribute('data-total'));
  }
  throw new Error(`no list for ${href}`);
};

describe.skipIf(skipReason !== null)('home page "Việc của tôi" in Chromium', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => demo?.close());

  it.each(['vanthu.x01', 'admin', 'lanhdao'])(
    "opens on the work of %s, and each figure's list shows the same count",
    async (username) => {
      const page = await logIn(demo.browser, demo.base, username);
      await page.goto(`${demo.base}/`);
      await page.getByTestId('home-page').waitFor();
      const figures = await page.locator('[data-testid^="home-"][data-href]').evaluateAll((els) =>
        els.map((e) => ({
          testid: e.getAttribute('data-testid')!,
          count: Number(e.getAttribute('data-count')),
          href: e.getAttribute('data-href')!,
        })),
      );
      const lists = figures.filter((f) => /^\/(tasks|consultations|notifications|conclusions)/.test(f.href));
      expect(lists.length).toBeGreaterThanOrEqual(6);
      for (const f of lists) {
        // The figure is a link: following it opens the list with the same filter.
        await page.goto(`${demo.base}/`);
        await page.locator(`[data-testid="${f.testid}"][data-href="${f.href}"]`).first().click();
        await page.waitForURL((u) => `${u.pathname}${u.search}`.startsWith(f.href.split('?')[0]!));
        expect(await totalOn(page, f.href), `${username} ${f.testid} ${f.href}`).toBe(f.count);
      }
      await page.close();
    },
  );

  it('fits a phone and shows the bell and the menu item for the organization tree', async () => {
    const page = await logIn(demo.browser, demo.base, 'vanthu.x01', { width: 390, height: 844 });
    await page.goto(`${demo.base}/`);
    await page.getByTestId('home-page').waitFor();
    await noHorizontalScroll(page);
    expect(await page.getByTestId('notifications-bell').count()).toBe(1);
    await page.screenshot({ path: '.test-results/home-390.png', fullPage: true });
    await page.close();
  });
});

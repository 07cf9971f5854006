import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

/**
 * A phone 390 px wide: the list pages' tables become cards (nothing scrolls sideways, neither the page nor a table
 * inside it), and the month calendar shows each meeting's title, with a legend of its colours.
 */
const PHONE = { width: 390, height: 844 };
const LISTS = [
  '/tasks',
  '/programs',
  '/inspections',
  '/recommendations',
  '/consultations',
  '/reviews',
  '/shortcomings',
  '/accounts',
  '/meetings/report',
  '/tasks/dashboard',
  '/review-requests',
  '/regulations',
];

/** The page has loaded its data: no request under way, no loader left. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.mantine-Loader-root').count()).toBe(0);
  await page.locator('h1').first().waitFor();
}

/** Boxes inside the page that scroll sideways (a wide table in a scroll area), named by their nearest test id. */
const sidewaysInside = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter(
        (e) =>
          /auto|scroll/.test(getComputedStyle(e).overflowX) && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1,
      )
      .map(
        (e) =>
          `${e.closest('[data-testid]')?.getAttribute('data-testid') ?? ''} ` +
          `${String(e.className).slice(0, 60)} ${e.scrollWidth}/${e.clientWidth}`,
      ),
  );

describe.skipIf(skipReason !== null)('a phone 390 px wide in Chromium', () => {
  let demo: Demo;
  let page: Page;
  beforeAll(async () => {
    demo = await startDemo();
    page = await logIn(demo.browser, demo.base, 'admin', PHONE);
  });
  afterAll(async () => demo?.close());

  it('shows every list page without sideways scrolling: tables are cards, each value named', {
    timeout: 180_000,
  }, async () => {
    for (const path of LISTS) {
      await page.goto(`${demo.base}${path}`);
      await settled(page);
      await noHorizontalScroll(page);
      expect(await sidewaysInside(page), path).toEqual([]);
      // A table left on the page is laid out as cards: no header row shown, no row wider than the screen.
      const tables = await page.locator('table').evaluateAll((ts) =>
        ts.map((t) => ({
          head: t.querySelector('thead') ? getComputedStyle(t.querySelector('thead')!).display : 'none',
          width: t.getBoundingClientRect().width,
        })),
      );
      for (const t of tables) {
        expect(t.head, path).toBe('none');
        expect(t.width, path).toBeLessThanOrEqual(390);
      }
      await page.screenshot({ path: `.test-results/narrow${path.replace(/\//g, '-')}-390.png`, fullPage: true });
    }
  });

  it('shows the meetings of the month with their titles as a list of days, and the legend of the colours', {
    timeout: 90_000,
  }, async () => {
    await page.goto(`${demo.base}/meetings?body=all&month=2026-12`);
    await page.getByTestId('cal-agenda').waitFor();
    await noHorizontalScroll(page);
    expect(await sidewaysInside(page)).toEqual([]);
    expect(await page.getByTestId('cal-grid').count()).toBe(0);
    const meetings = page.locator('[data-testid="cal-agenda"] [data-testid="cal-meeting"]');
    expect(await meetings.count()).toBeGreaterThan(0);
    const first = meetings.first().locator('.qc-cal-title');
    expect(await first.isVisible()).toBe(true);
    const title = (await first.innerText()).trim();
    expect(title.length).toBeGreaterThan(10);
    expect((await first.boundingBox())!.width).toBeGreaterThan(150);
    // Every day listed is a day of the month.
    for (const d of await page
      .locator('[data-testid="cal-agenda"] [data-testid="cal-day"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-date')!)))
      expect(d.slice(0, 7)).toBe('2026-12');
    // The legend: one entry per state of a meeting, in Vietnamese, and today's mark.
    const legend = page.getByTestId('cal-legend');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.locator('[data-testid="cal-legend-state"]').count()).toBe(7);
    const text = await legend.innerText();
    for (const w of ['Chú giải', 'Dự kiến', 'Đã triệu tập', 'Đang họp', 'Đã hủy', 'Hôm nay']) expect(text).toContain(w);
    await page.screenshot({ path: '.test-results/narrow-calendar-390.png', fullPage: true });
    // The same meeting opens from its title.
    await meetings.first().click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await noHorizontalScroll(page);
  });

  it('keeps the month grid, its titles and the legend on a wide screen', { timeout: 60_000 }, async () => {
    const wide = await logIn(demo.browser, demo.base, 'admin', { width: 1280, height: 900 });
    await wide.goto(`${demo.base}/meetings?body=all&month=2026-12`);
    await wide.getByTestId('cal-grid').waitFor();
    await expect
      .poll(() => wide.locator('[data-testid="cal-grid"] [data-testid="cal-meeting"]').count())
      .toBeGreaterThan(0);
    expect(await wide.locator('[data-testid="cal-grid"] .qc-cal-title').first().isVisible()).toBe(true);
    expect(await wide.getByTestId('cal-legend').innerText()).toContain(
      'BCH, BTV, TT: Ban Chấp hành, Ban Thường vụ, Thường trực',
    );
    await wide.close();
  });
});

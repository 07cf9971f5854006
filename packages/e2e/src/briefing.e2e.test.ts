import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Db } from '@quyche/db';
import { qb } from '@quyche/db';
import type { FastifyInstance } from 'fastify';
import { apiCall, apiSession, logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo, Session } from './harness.js';

interface Briefing {
  units: {
    name: string;
    tasksLed: { counts: { total: number; overdue: number; doneOnTime: number } };
    overdue: { taskId: string; title: string }[];
    presented: unknown[];
  }[];
}

describe.skipIf(skipReason !== null)('briefing of the advisory units in Chromium', () => {
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

  it('opens from the reviews page, picks the third quarter, shows each unit’s counts as the API does, overdue first, ' +
    'fits 390 px and opens an overdue task', {
    timeout: 120_000,
  }, async () => {
    const al = (
      await qb(db).selectFrom('organization').select('id').where('code', '=', 'ORG-AL').executeTakeFirstOrThrow()
    ).id;
    const api = await apiCall<Briefing>(
      app,
      session,
      'GET',
      `/organizations/${al}/briefing?from=2026-07-01&to=2026-09-30`,
    );
    const page = await logIn(browser, base, 'admin', { width: 390, height: 844 });
    await page.goto(`${base}/reviews?period=2026-H1`);
    await page.getByTestId('to-briefing').click();
    await page.waitForURL(/\/reviews\/briefing\?.*period=2026-H1/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Giao ban các ban tham mưu — 6 tháng đầu năm 2026');
    await page.getByTestId('briefing-period').click();
    await page.getByRole('option', { name: 'Quý III năm 2026' }).click();
    await page.waitForURL(/period=2026-Q3/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Giao ban các ban tham mưu — Quý III năm 2026');
    await expect.poll(() => page.getByTestId('briefing-heading').innerText()).toContain('từ 01/07/2026 đến 30/09/2026');
    await expect.poll(() => page.getByTestId('briefing-unit').count()).toBe(api.units.length);

    // The Ban Tổ chức's card: its counts as the API gives them, the overdue task listed first in red.
    const want = api.units.find((u) => u.name === 'Ban Tổ chức Tỉnh ủy')!;
    expect(want.tasksLed.counts.overdue).toBeGreaterThan(0);
    const card = page.locator('[data-testid="briefing-unit"][data-unit="Ban Tổ chức Tỉnh ủy"]');
    const led = card.getByTestId('led-counts');
    expect(await led.getAttribute('data-total')).toBe(String(want.tasksLed.counts.total));
    expect(await led.getAttribute('data-overdue')).toBe(String(want.tasksLed.counts.overdue));
    expect(await led.innerText()).toMatch(
      new RegExp(`^Chủ trì ${want.tasksLed.counts.total} nhiệm vụ: ${want.tasksLed.counts.overdue} quá hạn`),
    );
    const text = await card.innerText();
    expect(text).toContain(`Trình Ban Thường vụ, Thường trực ${want.presented.length} nội dung`);
    expect(text).toMatch(/quá hạn 61 ngày/);
    expect(text).toMatch(/\d\d\/\d\d\/2026/);
    // No internal codes or ids on the page.
    expect(await page.locator('main, body').first().innerText()).not.toMatch(
      /[0-9a-f]{8}-[0-9a-f]{4}-|done_on_time|overdue|_vi\b|query\./,
    );
    const sections = await card.locator('section').evaluateAll((s) => s.map((x) => x.getAttribute('data-testid')));
    expect(sections[0]).toBe('briefing-overdue');
    await noHorizontalScroll(page);

    const first = card.getByTestId('overdue-task').first().getByRole('link');
    expect(await first.innerText()).toBe(want.overdue[0]!.title);
    await first.click();
    await page.waitForURL(new RegExp(`/tasks/${want.overdue[0]!.taskId}$`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toContain(want.overdue[0]!.title.slice(0, 30));
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { qb } from '@quyche/db';
import { apiCall, apiSession, DEMO_PASSWORD, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

/**
 * Every page, at 1440 and 390 px, as each demo account: no console error, no failed request (a 401 or 403 where the
 * account may not go is expected), nothing scrolling sideways, and no raw code, id, expression or JSON in the text a
 * user reads.
 */
const ACCOUNTS = ['admin', 'lanhdao', 'vanthu.vptu', 'vanthu.x01', 'vanthu.x02', 'xem'];
const WIDTHS = [1440, 390];
const RAW = [
  { name: 'UPPER_SNAKE', re: /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/ },
  { name: 'vie@', re: /vie@/ },
  { name: '{"', re: /\{"/ },
  { name: '/vn-', re: /\/vn-/ },
  { name: 'ORG-', re: /\bORG-/ },
  { name: 'uuid', re: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/ },
];
const STATIC = [
  '/',
  '/notifications',
  '/org',
  '/people',
  '/search?q=hoi%20nghi',
  '/regulations',
  '/meetings',
  '/meetings?view=week',
  '/meetings/report',
  '/conclusions',
  '/tasks',
  '/tasks/board',
  '/tasks/timeline',
  '/tasks/dashboard',
  '/programs',
  '/inspections',
  '/recommendations',
  '/consultations',
  '/reviews',
  '/reviews/subordinates',
  '/reviews/briefing',
  '/review-requests',
  '/shortcomings',
  '/accounts',
  '/system/jobs',
  '/account/password',
  '/khong-co-trang-nay',
];

type Problem = { account: string; width: number; path: string; what: string };
const items = (x: unknown): { id: string }[] =>
  Array.isArray(x) ? x : ((x as { items?: { id: string }[] }).items ?? []);

describe.skipIf(skipReason !== null)('every page as every demo account in Chromium', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => demo?.close());

  /** The records each account itself sees: the first of each list, so detail pages are opened as the user would. */
  const detailPaths = async (username: string): Promise<string[]> => {
    const s = await apiSession(demo.app, username);
    const get = <T>(url: string) => apiCall<T>(demo.app, s, 'GET', url).catch(() => null);
    const me = (await get<{ grants: { orgId: string }[] }>('/auth/me'))!;
    const org = me.grants[0]!.orgId;
    const paths: string[] = [`/org/${org}`];
    const first = async (url: string, to: (id: string) => string, n = 1) => {
      // Some lists are of one organization: the account's own.
      const list =
        (await get<unknown>(url)) ?? (await get<unknown>(`${url}${url.includes('?') ? '&' : '?'}orgId=${org}`));
      for (const r of list ? items(list).slice(0, n) : []) paths.push(to(r.id));
    };
    await first('/meetings?from=2026-01-01&to=2026-12-31', (id) => `/meetings/${id}`, 3);
    await first('/tasks?state=overdue&pageSize=1', (id) => `/tasks/${id}`);
    await first('/tasks?state=done&pageSize=1', (id) => `/tasks/${id}`);
    await first('/programs', (id) => `/programs/${id}`);
    await first('/inspections', (id) => `/inspections/${id}`);
    await first('/recommendations', (id) => `/recommendations/${id}`);
    await first('/consultations', (id) => `/consultations/${id}`);
    await first('/review-reports', (id) => `/review-reports/${id}`);
    await first('/review-requests', (id) => `/review-requests/${id}`);
    await first('/regulations', (id) => `/regulations/${id}`);
    await first('/directory?pageSize=1', (id) => `/person/${id}`);
    const body = await qb(demo.db)
      .selectFrom('body')
      .select('id')
      .where('org_id', '=', org)
      .orderBy('kind')
      .limit(1)
      .executeTakeFirst();
    if (body) paths.push(`/body/${body.id}`);
    return paths;
  };

  const sweep = async (
    ctx: BrowserContext,
    account: string,
    width: number,
    paths: string[],
    problems: Problem[],
    refused: string[],
  ) => {
    const page = await ctx.newPage();
    let path = '';
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push({ account, width, path, what: `console: ${m.text().slice(0, 200)}` });
    });
    page.on('pageerror', (e) =>
      problems.push({ account, width, path, what: `page error: ${e.message.slice(0, 200)}` }),
    );
    page.on('response', (r) => {
      const st = r.status();
      if (st >= 400 && st !== 401 && st !== 403 && !(st === 404 && path === '/khong-co-trang-nay'))
        problems.push({ account, width, path, what: `${st} ${r.request().method()} ${new URL(r.url()).pathname}` });
      if (st === 401 || st === 403)
        refused.push(`${path} → ${st} ${new URL(r.url()).pathname}${new URL(r.url()).search}`);
    });
    page.on('requestfailed', (r) => {
      const f = r.failure()?.errorText ?? '';
      // A request cut short by the next navigation is not a failure of the page.
      if (!/ERR_ABORTED/.test(f))
        problems.push({ account, width, path, what: `request failed: ${new URL(r.url()).pathname} ${f}` });
    });
    for (path of paths) {
      await page.goto(`${demo.base}${path}`);
      // The page has rendered its heading and nothing is still loading.
      await page
        .waitForFunction(
          () => document.querySelector('main h1') && !document.querySelector('main .mantine-Loader-root'),
          null,
          { timeout: 15_000, polling: 100 },
        )
        .catch(() => problems.push({ account, width, path, what: 'no heading, or still loading after 15 s' }));
      await page.waitForTimeout(200);
      const r = await page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        w: window.innerWidth,
        text: document.body.innerText,
        // The browser's own date and time inputs follow its language (mm/dd/yyyy, 02:00 PM): none may be left.
        native: document.querySelectorAll('input[type="date"], input[type="time"], input[type="datetime-local"]')
          .length,
      }));
      if (r.sw > r.w + 1) problems.push({ account, width, path, what: `sideways scroll: ${r.sw} > ${r.w}` });
      if (r.native) problems.push({ account, width, path, what: `${r.native} browser date or time input(s)` });
      for (const p of RAW) {
        const m = p.re.exec(r.text);
        if (m)
          problems.push({
            account,
            width,
            path,
            what: `raw ${p.name}: "${r.text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}"`,
          });
      }
    }
    await page.close();
  };

  it.each(ACCOUNTS)(
    '%s: every page at 1440 and 390 px is clean',
    async (account) => {
      const paths = [...STATIC, ...(await detailPaths(account))];
      const problems: Problem[] = [];
      const refused: string[] = [];
      // Both widths at once; the browser's locale is English, so nothing may depend on it to read as Vietnamese.
      await Promise.all(
        WIDTHS.map(async (width) => {
          const ctx = await demo.browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
          const r = await ctx.request.post(`${demo.base}/api/v1/auth/login`, {
            data: { username: account, password: DEMO_PASSWORD },
          });
          expect(r.status()).toBe(200);
          await sweep(ctx, account, width, paths, problems, refused);
          await ctx.close();
        }),
      );
      if (refused.length) console.log(`${account}: refused requests\n${[...new Set(refused)].join('\n')}`);
      expect(problems.map((p) => `${p.width} ${p.path}: ${p.what}`)).toEqual([]);
    },
    600_000,
  );
});

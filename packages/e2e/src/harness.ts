import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildApp, configFromEnv, DEFAULT_WEB_DIR, seedAnLac } from '@quyche/server';
import { migrate, openDb } from '@quyche/db';
import type { Db } from '@quyche/db';
import type { FastifyInstance } from 'fastify';
import { chromiumUnavailableReason, launchChromium } from './browser.js';

/**
 * What every browser test stands on: the An Lạc demo on an in-memory PGlite, the server on a free port, Debian's
 * Chromium, the demo accounts (password anlac2026), and fixtures written through the API.
 */
export const skipReason = chromiumUnavailableReason();
if (!skipReason && !existsSync(`${DEFAULT_WEB_DIR}/index.html`))
  throw new Error('Chưa đóng gói giao diện web: chạy `npm run build` (npm test tự làm việc này)');

export const DEMO_PASSWORD = 'anlac2026';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Demo {
  db: Db;
  app: FastifyInstance;
  browser: Browser;
  base: string;
  close(): Promise<void>;
}

/**
 * `volume: false` seeds the fixture's records alone (tests that count them); `today` keeps the server on a day (a test
 * whose answer turns on today, on the day the demo's record stands on).
 */
export async function startDemo(opts: { volume?: boolean; today?: string } = {}): Promise<Demo> {
  const db = await openDb({ memory: true });
  await migrate(db);
  await seedAnLac(db, opts.volume === undefined ? {} : { volume: opts.volume });
  const app = await buildApp(db, configFromEnv({}, { dataDir: '/nonexistent', today: opts.today }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await launchChromium();
  return {
    db,
    app,
    browser,
    base,
    async close() {
      await browser.close();
      await app.close();
      await db.close();
    },
  };
}

/** A session of the API for fixtures (the browser tests what is on the page, not how the data got there). */
export async function apiSession(app: FastifyInstance, username = 'admin'): Promise<Session> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  return { cookie: `qc_session=${r.cookies.find((c) => c.name === 'qc_session')!.value}`, csrf: r.json().csrfToken };
}

export async function apiCall<T>(
  app: FastifyInstance,
  s: Session,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
): Promise<T> {
  const r = await app.inject({
    method,
    url: `/api/v1${url}`,
    payload,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
  });
  if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

/** A new page logged in through the login form. */
export async function logIn(
  browser: Browser,
  base: string,
  username = 'admin',
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  await page.goto(`${base}/`);
  await page.waitForURL(/\/login/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/** The page fits a phone 390 px wide: nothing scrolls sideways. */
export async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
}

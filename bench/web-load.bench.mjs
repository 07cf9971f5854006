#!/usr/bin/env node
// Loading the web app in Chromium: the demo server (a child process on PGlite, `serve --demo`), Debian's Chromium
// through playwright-core, a new browser context for every run (so an empty cache, as on a first visit). For each of
// vanthu.x01, admin and lanhdao (logged in through the API of the context: the session cookie is the context's) the
// home page `/` is opened --runs times; logged out, the login page likewise. Measured on each load:
//   (a) the JavaScript fetched before the first contentful paint — every script whose request started before the
//       FCP entry of the Paint Timing API, counted gzipped (the bytes on the wire when the server compresses; when it
//       does not, as `quyche serve` does not, the fetched body gzipped here at level 6, the usual server default);
//       beside it, all the JavaScript fetched until the page was ready;
//   (b) the time until the home page is interactive: from navigation start (performance.timeOrigin) to the moment
//       `[data-testid="home-page"]` is in the document with its figures (`home-tasks-overdue`) — seen by a
//       MutationObserver installed before the page's own scripts; p50/p95 over all runs;
//   (c) whether a chart chunk (a built file containing ECharts, or one only such files import: zrender) was fetched
//       by the home page or the login page;
//   (d) the same JavaScript figure for the login page.
// Then the milestones of a load (p50: HTML, DOMContentLoaded, each API request sent and answered, FCP, ready; the main
// thread's long tasks) and a verdict per target. The host's load average is printed: on a shared machine it moves the
// times far more than any change of the app does.
// Options: --runs N (default 10), --users a,b,c, --web-dir DIR (serve another build of packages/web, e.g. to compare
// a build made with `vite build --outDir DIR`), --budget-kb 300, --budget-ms 1500.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { arg, pct, root, startDemoServer } from './server.mjs';

const CHROMIUM = process.env.QUYCHE_CHROMIUM ?? '/usr/bin/chromium';
const PASSWORD = 'anlac2026';

/**
 * Built files that carry the chart library: the big chunks with ECharts in them and the chunks only they import
 * (its renderer, zrender), i.e. not the entry's nor the files index.html preloads.
 */
export function chartChunks(webDir) {
  const dir = join(webDir, 'assets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const text = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
  const imports = (f) => [...(text.get(f) ?? '').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const closure = (start, into = new Set()) => {
    for (const f of start) if (!into.has(f)) closure(imports(f), into.add(f));
    return into;
  };
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const initial = closure([...html.matchAll(/\/assets\/([^"\s]+\.js)/g)].map((m) => m[1]));
  const charts = files.filter((f) => text.get(f).length > 50_000 && text.get(f).includes('echarts'));
  return new Set([...closure(charts)].filter((f) => !initial.has(f)));
}

/** One load of `path` in a fresh context; returns the figures of that load. */
export async function load(browser, base, { username, path, ready }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    if (username) {
      const r = await context.request.post(`${base}/api/v1/auth/login`, { data: { username, password: PASSWORD } });
      if (!r.ok()) throw new Error(`Đăng nhập ${username}: ${r.status()} ${await r.text()}`);
    }
    // The moment the ready element (and what must be inside it) first appears, on the page's own clock.
    await context.addInitScript(({ sel, inner }) => {
      // Time the main thread spent in long tasks (over 50 ms) before the page was ready.
      window.__longTasks = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) if (window.__readyAt === undefined) window.__longTasks += e.duration;
      }).observe({ type: 'longtask', buffered: true });
      const check = () => {
        if (
          window.__readyAt === undefined &&
          document.querySelector(sel) &&
          (!inner || document.querySelector(inner))
        ) {
          window.__readyAt = performance.now();
          return true;
        }
        return false;
      };
      new MutationObserver((_, obs) => check() && obs.disconnect()).observe(document, {
        childList: true,
        subtree: true,
      });
    }, ready);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const responses = new Map(); // requestId → { url, type, encoding }
    const sizes = new Map(); // url → encoded bytes on the wire (headers included)
    cdp.on('Network.responseReceived', (e) =>
      responses.set(e.requestId, {
        url: e.response.url,
        type: e.type,
        encoding: (
          e.response.headers['content-encoding'] ??
          e.response.headers['Content-Encoding'] ??
          ''
        ).toLowerCase(),
      }),
    );
    cdp.on('Network.loadingFinished', (e) => {
      const r = responses.get(e.requestId);
      if (r) sizes.set(r.url, { ...r, encoded: e.encodedDataLength });
    });
    await page.goto(`${base}${path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30_000, polling: 50 });
    const t = await page.evaluate(() => ({
      readyAt: window.__readyAt,
      fcp: performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? null,
      scripts: performance
        .getEntriesByType('resource')
        .filter((r) => /\.m?js(\?|$)/.test(new URL(r.name).pathname))
        .map((r) => ({
          url: r.name,
          start: r.startTime,
          end: r.responseEnd,
          transfer: r.transferSize,
          encoded: r.encodedBodySize,
          decoded: r.decodedBodySize,
        })),
      apis: performance
        .getEntriesByType('resource')
        .filter((r) => new URL(r.name).pathname.startsWith('/api/'))
        .map((r) => ({ path: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd })),
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
      htmlEnd: performance.getEntriesByType('navigation')[0]?.responseEnd ?? null,
      longTasks: window.__longTasks,
    }));
    return { ...t, wire: sizes };
  } finally {
    await context.close();
  }
}

const gzCache = new Map();
async function gzippedSize(_base, url, wire) {
  const w = wire.get(url);
  if (w && /gzip|br|zstd|deflate/.test(w.encoding))
    return { bytes: w.encoded, how: `trên đường truyền (${w.encoding})` };
  if (!gzCache.has(url)) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    gzCache.set(url, { bytes: gzipSync(body, { level: 6 }).length, raw: body.length });
  }
  return { bytes: gzCache.get(url).bytes, raw: gzCache.get(url).raw, how: 'gzip -6 ở đây' };
}

async function jsFigures(base, run, charts) {
  let beforeFcp = 0;
  let beforeFcpRaw = 0;
  let all = 0;
  let compressedOnWire = false;
  const files = [];
  const chartFiles = [];
  for (const s of run.scripts) {
    const g = await gzippedSize(base, s.url, run.wire);
    if (g.how !== 'gzip -6 ở đây') compressedOnWire = true;
    const name = new URL(s.url).pathname.split('/').pop();
    all += g.bytes;
    if (charts.has(name)) chartFiles.push(name);
    if (run.fcp !== null && s.start < run.fcp) {
      beforeFcp += g.bytes;
      beforeFcpRaw += g.raw ?? s.decoded;
      files.push(name);
    }
  }
  return { beforeFcp, beforeFcpRaw, all, files, chartFiles, compressedOnWire };
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (x) => `${Math.round(x)} ms`;

export async function runWebLoadBench({
  runs = Number(arg('runs', 10)),
  users = String(arg('users', 'vanthu.x01,admin,lanhdao')).split(','),
  webDir = arg('web-dir', join(root, 'packages/web/dist')),
  budgetKb = Number(arg('budget-kb', 300)),
  budgetMs = Number(arg('budget-ms', 1500)),
} = {}) {
  const charts = chartChunks(webDir);
  const server = await startDemoServer({ tag: 'web', env: { QUYCHE_WEB_DIR: webDir } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    console.log(
      `Tải giao diện web trong Chromium, ${runs} lần mỗi tài khoản, bộ nhớ đệm trống mỗi lần; bản dựng ${webDir}; ` +
        `tải trung bình của máy ${loadavg()[0].toFixed(1)}; tệp biểu đồ: ${[...charts].join(', ') || '(không có)'}`,
    );
    // One load not counted: the server's first answers (PGlite warming) are not what a user sees on a later visit.
    await load(browser, server.base, {
      username: users[0],
      path: '/',
      ready: { sel: '[data-testid="home-page"]', inner: '[data-testid="home-tasks-overdue"]' },
    });
    const rows = [];
    const scenarios = [
      ...users.map((u) => ({
        label: `trang chủ — ${u}`,
        username: u,
        path: '/',
        ready: { sel: '[data-testid="home-page"]', inner: '[data-testid="home-tasks-overdue"]' },
        home: true,
      })),
      {
        label: 'trang đăng nhập',
        username: null,
        path: '/',
        ready: { sel: '[data-testid="login-username"]', inner: null },
        home: false,
      },
    ];
    let wireNote = false;
    for (const sc of scenarios) {
      const times = [];
      const fcps = [];
      const before = [];
      const beforeRaw = [];
      const totals = [];
      const chartHits = new Set();
      const phases = {};
      const phase = (k, v) => v !== undefined && v !== null && (phases[k] ??= []).push(v);
      let files = [];
      for (let i = 0; i < runs; i++) {
        const r = await load(browser, server.base, sc);
        const j = await jsFigures(server.base, r, charts);
        wireNote ||= j.compressedOnWire;
        times.push(r.readyAt);
        fcps.push(r.fcp ?? NaN);
        before.push(j.beforeFcp);
        beforeRaw.push(j.beforeFcpRaw);
        totals.push(j.all);
        for (const c of j.chartFiles) chartHits.add(c);
        phase('HTML nhận', r.htmlEnd);
        phase('DOMContentLoaded', r.domContentLoaded);
        (phases.longTasks ??= []).push(r.longTasks);
        phase('FCP', r.fcp);
        for (const a of r.apis) {
          phase(`${a.path} gửi`, a.start);
          phase(`${a.path} nhận`, a.end);
        }
        const pageChunk = r.scripts.find((x) => /\/(home|login)\.page-/.test(x.url));
        if (pageChunk) phase('tệp trang nhận', pageChunk.end);
        phase('sẵn sàng', r.readyAt);
        if (j.files.length > files.length) files = j.files;
      }
      rows.push({
        ...sc,
        phases,
        times,
        fcps,
        before: Math.max(...before),
        beforeRaw: Math.max(...beforeRaw),
        total: Math.max(...totals),
        charts: [...chartHits],
        files,
      });
    }
    console.log(
      `JavaScript tính theo gzip (${
        wireNote ? 'byte trên đường truyền' : 'máy chủ không nén: thân tệp đã tải được nén gzip mức 6 tại đây'
      }); lớn nhất qua các lần tải`,
    );
    console.log(
      `${'trang'.padEnd(28)} ${'JS trước FCP'.padStart(13)} ${'(chưa nén)'.padStart(11)} ` +
        `${'JS đến khi sẵn sàng'.padStart(20)}   ${'FCP p50'.padStart(8)}   ${'sẵn sàng p50'.padStart(12)} ` +
        `${'p95'.padStart(8)}   biểu đồ`,
    );
    for (const r of rows) {
      console.log(
        `${r.label.padEnd(28)} ${kb(r.before).padStart(13)} ${kb(r.beforeRaw).padStart(11)} ` +
          `${kb(r.total).padStart(20)}   ${ms(pct(r.fcps, 50)).padStart(8)}   ${ms(pct(r.times, 50)).padStart(12)} ` +
          `${ms(pct(r.times, 95)).padStart(8)}   ${r.charts.length ? `CÓ (${r.charts.join(', ')})` : 'không'}`,
      );
    }
    console.log('    các mốc (p50, tính từ lúc bắt đầu điều hướng):');
    for (const r of rows) {
      const { longTasks = [], ...marks } = r.phases;
      const list = Object.entries(marks)
        .map(([k, v]) => [k, pct(v, 50)])
        .sort((a, b) => a[1] - b[1]);
      console.log(
        `      ${r.label}: ${list.map(([k, v]) => `${k} ${ms(v)}`).join(' · ')}; ` +
          `tác vụ dài trên luồng chính trước khi sẵn sàng ${ms(pct(longTasks, 50))}`,
      );
    }
    console.log(`    tải trung bình của máy lúc kết thúc: ${loadavg()[0].toFixed(1)} (1 phút)`);
    const home = rows.filter((r) => r.home);
    const login = rows.find((r) => !r.home);
    console.log(`    tệp JS trước FCP của trang chủ: ${home[0].files.join(', ')}`);
    const maxBefore = Math.max(...home.map((r) => r.before), login.before);
    const allTimes = home.flatMap((r) => r.times);
    const p95 = pct(allTimes, 95);
    const chartsOnHome = home.some((r) => r.charts.length) || login.charts.length > 0;
    const ok = (b) => (b ? 'đạt' : 'KHÔNG ĐẠT');
    console.log(
      `    JS trước lần vẽ đầu (trang chủ và trang đăng nhập, ` +
        `lớn nhất): ${kb(maxBefore)} gzip (mục tiêu ≤ ${budgetKb} KB): ${ok(maxBefore <= budgetKb * 1024)}`,
    );
    console.log(
      `    trang chủ sẵn sàng (${allTimes.length} lần tải, ${home.length} tài khoản): p50 ${ms(pct(allTimes, 50))}, ` +
        `p95 ${ms(p95)} (mục tiêu ≤ ${budgetMs} ms): ${ok(p95 <= budgetMs)}`,
    );
    console.log(`    thư viện biểu đồ không được tải ở trang chủ và trang đăng nhập: ${ok(!chartsOnHome)}`);
    return { rows, maxBefore, p95, chartsOnHome };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runWebLoadBench();

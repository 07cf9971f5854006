#!/usr/bin/env node
// (a) What an authenticated request costs beyond its own SQL: `GET /api/v1/organizations/:id/subtree?asOf=…`
// (An Lạc, 108 organizations) with 10 connections on the demo server (PGlite, a child process), beside /healthz
// of the same server; then, in the same run, the server stopped and the route's very statement (ORG_SUBTREE_SQL)
// sent raw to PGlite on the same data folder by 10 concurrent callers for as long. Printed as a ratio.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { arg, login, pct, root, startDemoServer } from './server.mjs';

function cannon(opts) {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

/** `callers` loops sending `run()` one after another for `seconds`: latencies. */
async function rawLoops(run, callers, seconds) {
  const lat = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await run();
        lat.push(performance.now() - t);
      }
    }),
  );
  return lat;
}

export async function runApiBench({ duration = Number(arg('duration', 10)), connections = 10 } = {}) {
  const srv = await startDemoServer({ tag: 'subtree' });
  let stopped = false;
  try {
    const { cookie } = await login(srv.base);
    const tree = await (
      await fetch(`${srv.base}/api/v1/organizations/tree?asOf=2026-01-01&depth=1`, { headers: { cookie } })
    ).json();
    const al = tree.roots.find((o) => o.code === 'ORG-AL');
    const subtreeUrl = `${srv.base}/api/v1/organizations/${al.id}/subtree?asOf=2026-01-01`;
    const sample = await (await fetch(subtreeUrl, { headers: { cookie } })).json();
    await cannon({ url: subtreeUrl, connections, duration: 2, headers: { cookie } }); // warm-up
    const trivial = await cannon({ url: `${srv.base}/healthz`, connections, duration });
    const subtree = await cannon({ url: subtreeUrl, connections, duration, headers: { cookie } });
    await srv.stopKeepingData();
    stopped = true;

    // The same statement on the same data, raw on PGlite (no HTTP, session, scope check, sorting or JSON).
    const { PGlite } = await import(pathToFileURL(join(root, 'node_modules/@electric-sql/pglite/dist/index.js')).href);
    const { ORG_SUBTREE_SQL } = await import(pathToFileURL(join(root, 'packages/db/dist/index.js')).href);
    const pg = await PGlite.create(`${srv.dir}/pg`);
    const params = [al.id, '2026-01-01', 3];
    const n = (await pg.query(ORG_SUBTREE_SQL, params)).rows.length;
    await rawLoops(() => pg.query(ORG_SUBTREE_SQL, params), connections, 2); // warm-up
    const raw = await rawLoops(() => pg.query(ORG_SUBTREE_SQL, params), connections, duration);
    await pg.close();

    const row = (name, rps, p50, p99, errors) =>
      `${name.padEnd(50)} ${String(Math.round(rps)).padStart(7)} /s   p50 ${p50.toFixed(1).padStart(6)} ms ` +
      `  p99 ${p99.toFixed(1).padStart(6)} ms   lỗi ${errors}`;
    console.log(`(a) API, ${connections} kết nối, ${duration} s mỗi phép đo, CSDL PGlite:`);
    console.log(
      row(
        'GET /healthz (tuyến tầm thường)',
        trivial.requests.average,
        trivial.latency.p50,
        trivial.latency.p99,
        trivial.errors + trivial.non2xx,
      ),
    );
    console.log(
      row(
        `GET …/subtree?asOf=2026-01-01 (${sample.count} tổ chức, có đăng nhập)`,
        subtree.requests.average,
        subtree.latency.p50,
        subtree.latency.p99,
        subtree.errors + subtree.non2xx,
      ),
    );
    console.log(
      row(`cùng câu lệnh SQL gửi thẳng PGlite (${n} dòng)`, raw.length / duration, pct(raw, 50), pct(raw, 99), 0),
    );
    const ratio = subtree.latency.p50 / pct(raw, 50);
    console.log(
      `    tuyến có đăng nhập / SQL thô: p50 ${ratio.toFixed(2)}×, ` +
        `thông lượng ${(raw.length / duration / subtree.requests.average).toFixed(2)}× (mục tiêu ≤ 1,5×)`,
    );
    return { trivial, subtree, raw: { p50: pct(raw, 50), p99: pct(raw, 99), rps: raw.length / duration }, ratio };
  } finally {
    if (!stopped) await srv.stop();
    else await srv.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runApiBench();

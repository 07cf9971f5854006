#!/usr/bin/env node
// (a) Requests/s and latency of the "subtree as of a date" endpoint beside a trivial route of the same
// server, measured in the same run and printed as a ratio. The server runs as a child process on PGlite.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};

async function waitFor(url, ms = 60_000) {
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (Date.now() - t0 > ms) throw new Error(`Máy chủ không trả lời ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function cannon(opts) {
  return new Promise((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));
}

export async function runApiBench({ duration = Number(arg('duration', 10)), connections = 10, databaseUrl } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'qc-bench-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const env = { ...process.env, DATABASE_URL: databaseUrl ?? '' };
  const server = spawn(process.execPath, [join(root, 'packages/cli/bin/quyche.js'), 'serve', '--demo', '--port', String(port), '--data', dir], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`);
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'anlac2026' }) });
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const tree = await (await fetch(`${base}/api/v1/organizations/tree?asOf=2026-01-01&depth=1`, { headers: { cookie } })).json();
    const al = tree.roots.find((o) => o.code === 'ORG-AL');
    const subtreeUrl = `${base}/api/v1/organizations/${al.id}/subtree?asOf=2026-01-01`;
    const sample = await (await fetch(subtreeUrl, { headers: { cookie } })).json();
    // Warm-up, then the two measurements back to back.
    await cannon({ url: subtreeUrl, connections, duration: 2, headers: { cookie } });
    const trivial = await cannon({ url: `${base}/healthz`, connections, duration });
    const subtree = await cannon({ url: subtreeUrl, connections, duration, headers: { cookie } });
    const row = (name, r) => `${name.padEnd(44)} ${String(Math.round(r.requests.average)).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   lỗi ${r.errors + r.non2xx}`;
    console.log(`(a) API, ${connections} kết nối, ${duration} s mỗi phép đo, CSDL ${databaseUrl ? 'PostgreSQL' : 'PGlite'}:`);
    console.log(row('GET /healthz (tuyến tầm thường)', trivial));
    console.log(row(`GET …/subtree?asOf=2026-01-01 (${sample.count} tổ chức)`, subtree));
    console.log(`    tỷ lệ subtree/tầm thường: thông lượng ${(subtree.requests.average / trivial.requests.average).toFixed(3)}, p50 ${(subtree.latency.p50 / Math.max(trivial.latency.p50, 1)).toFixed(1)}×`);
    return { trivial, subtree };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runApiBench();


// What the API benchmarks share: the demo server as a child process (PGlite in a new folder, or a fresh
// PostgreSQL database), waiting for it, logging in, and percentiles.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/cli/bin/quyche.js');

export const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};

export const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

export async function waitFor(url, ms = 120_000) {
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (Date.now() - t0 > ms) throw new Error(`Máy chủ không trả lời ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function freshPg(tag) {
  const { default: pg } = await import('pg');
  const admin = process.env.QUYCHE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `qc_bench_${tag}_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

// `serve --demo` seeds the An Lạc demo; older builds seed it without the flag.
const demoFlag = () =>
  spawnSync(process.execPath, [bin, 'serve', '--help'], { encoding: 'utf8' }).stdout.includes('--demo')
    ? ['--demo']
    : [];

/** The demo server on PGlite in a new folder, or on a fresh PostgreSQL database with `pg: true`. */
export async function startDemoServer({ pg = false, tag = 'api', env = {} } = {}) {
  const database = pg ? await freshPg(tag) : null;
  const dir = mkdtempSync(join(tmpdir(), `qc-bench-${tag}-`));
  const port = 3700 + Math.floor(Math.random() * 250);
  const server = spawn(process.execPath, [bin, 'serve', ...demoFlag(), '--port', String(port), '--data', dir], {
    env: { ...process.env, QUYCHE_JOBS: 'off', ...env, DATABASE_URL: database?.url ?? '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/healthz`);
  return {
    base,
    dir,
    databaseUrl: database?.url ?? null,
    driver: pg ? 'PostgreSQL' : 'PGlite',
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
    /** Stops the server but keeps its data (to measure the same database on the driver). */
    async stopKeepingData() {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
    async cleanup() {
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function login(base, username = 'admin', password = 'anlac2026') {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`Đăng nhập ${username}: ${r.status} ${await r.text()}`);
  return { cookie: r.headers.get('set-cookie').split(';')[0], csrf: (await r.json()).csrfToken };
}

#!/usr/bin/env node
// Live updates of a meeting: N connection points hold an event stream open (server-sent events); the clerk ticks
// attendance; we measure, for each update, the time from sending the write to each client receiving the new count.
// The server runs as a child process on PGlite (or on PostgreSQL with --database-url); the clients are this process.
// Options: --clients N (default 1000), --updates K (default 30), --pg (a fresh database on the local PostgreSQL).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, freshPg, pct, root, waitFor } from './server.mjs';

function client(port, path, cookie, onSummary) {
  let buf = '';
  const req = http.get(
    { host: '127.0.0.1', port, path, headers: { cookie, accept: 'text/event-stream' }, agent: false },
    (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block.includes('event: summary') && block.split('\n').find((l) => l.startsWith('data: '));
          if (data) onSummary(JSON.parse(data.slice(6)), performance.now());
        }
      });
    },
  );
  req.on('error', () => {});
  return req;
}

export async function runLiveBench({
  clients = Number(arg('clients', 1000)),
  updates = Number(arg('updates', 30)),
  usePg = process.argv.includes('--pg'),
} = {}) {
  const db = usePg ? await freshPg('live') : null;
  const databaseUrl = db?.url ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'qc-bench-live-'));
  const port = 3990 + Math.floor(Math.random() * 9);
  const server = spawn(
    process.execPath,
    [join(root, 'packages/cli/bin/quyche.js'), 'serve', '--demo', '--port', String(port), '--data', dir],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const reqs = [];
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/healthz`);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'anlac2026' }),
    });
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const csrf = (await login.json()).csrfToken;
    const list = await (
      await fetch(`${base}/api/v1/meetings?from=2026-12-01&to=2026-12-01`, { headers: { cookie } })
    ).json();
    const session = list.find((m) => m.bodyKind === 'BTV' && m.state === 'in_session');
    const meeting = await (await fetch(`${base}/api/v1/meetings/${session.id}`, { headers: { cookie } })).json();
    const members = meeting.attendance.filter((a) => a.role === 'member');

    // Each client keeps the time it first saw each present count.
    const seen = Array.from({ length: clients }, () => new Map());
    let connected = 0;
    const t0 = performance.now();
    for (let i = 0; i < clients; i++) {
      reqs.push(
        client(port, `/api/v1/meetings/${session.id}/events`, cookie, (s, at) => {
          if (!seen[i].size) connected++;
          if (!seen[i].has(s.counts.present)) seen[i].set(s.counts.present, at);
        }),
      );
    }
    while (connected < clients) {
      if (performance.now() - t0 > 60_000)
        throw new Error(`chỉ ${connected}/${clients} kết nối nhận được trạng thái đầu`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const connectMs = performance.now() - t0;

    const all = [];
    const last = [];
    let present = meeting.counts.present;
    for (let k = 0; k < updates; k++) {
      // Alternate one member between present and summoned: every update changes the count.
      const a = members[k % members.length];
      const cur = await (await fetch(`${base}/api/v1/meetings/${session.id}`, { headers: { cookie } })).json();
      const status = cur.attendance.find((x) => x.id === a.id).status === 'present' ? 'summoned' : 'present';
      const target = present + (status === 'present' ? 1 : -1);
      for (const s of seen) s.delete(target);
      const sent = performance.now();
      const r = await fetch(`${base}/api/v1/meetings/${session.id}/attendance/${a.id}`, {
        method: 'PATCH',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
      if (!r.ok) throw new Error(`PATCH ${r.status} ${await r.text()}`);
      while (seen.some((s) => !s.has(target))) {
        if (performance.now() - sent > 10_000)
          throw new Error(`cập nhật ${k}: ${seen.filter((s) => !s.has(target)).length} kết nối chưa nhận`);
        await new Promise((r) => setTimeout(r, 2));
      }
      const lat = seen.map((s) => s.get(target) - sent);
      all.push(...lat);
      last.push(Math.max(...lat));
      present = target;
    }
    const f = (x) => `${x.toFixed(1)} ms`;
    console.log(
      `(d) Cập nhật trực tiếp (SSE), ${clients} kết nối, ${updates} lần cập nhật, ` +
        `CSDL ${databaseUrl ? 'PostgreSQL' : 'PGlite'}; ${clients} kết nối mở trong ${(connectMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `    từ lúc gửi thao tác đến lúc mỗi kết nối nhận: ` +
        `p50 ${f(pct(all, 50))}   p99 ${f(pct(all, 99))}   tối đa ${f(Math.max(...all))}`,
    );
    console.log(`    đến kết nối cuối cùng của mỗi lần:            p50 ${f(pct(last, 50))}   p99 ${f(pct(last, 99))}`);
    return { p50: pct(all, 50), p99: pct(all, 99), lastP50: pct(last, 50), lastP99: pct(last, 99) };
  } finally {
    for (const r of reqs) r.destroy();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLiveBench();

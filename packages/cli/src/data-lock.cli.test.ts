import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A server in a container is PID 1 every time it starts. Here it runs as PID 1 of a new PID namespace (unshare),
 * is killed with SIGKILL, and starts again the same way: the lock it left names PID 1, which is alive (it is the
 * new server itself), and must be recognised as stale. A second live server on the folder is still refused.
 */
const bin = fileURLToPath(new URL('../bin/quyche.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'qc-pid1-'));
const env = { ...process.env, DATABASE_URL: '', QUYCHE_DEMO_VOLUME: '0', QUYCHE_BACKUP_SCHEDULE: 'off' };
// The `--demo` flag is being added to `serve`; until then `serve` seeds the demo by itself.
const demo = spawnSync(process.execPath, [bin, 'serve', '--help'], { encoding: 'utf8', env }).stdout.includes('--demo')
  ? ['--demo']
  : [];
const running: ChildProcess[] = [];

function startAsPid1(port: number) {
  const p = spawn(
    'unshare',
    ['--pid', '--fork', '--mount-proc', process.execPath, bin, 'serve', ...demo, '--data', dir, '--port', String(port)],
    { env, detached: true },
  );
  let out = '';
  p.stdout!.on('data', (d) => (out += d));
  p.stderr!.on('data', (d) => (out += d));
  running.push(p);
  const exited = new Promise<number | null>((r) => p.once('exit', r));
  return { p, output: () => out, exited };
}

async function healthy(port: number, timeoutMs: number): Promise<boolean> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return true;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function login(port: number) {
  const r = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'anlac2026' }),
  });
  return {
    cookie: r.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    csrf: ((await r.json()) as { csrfToken: string }).csrfToken,
  };
}

afterAll(async () => {
  for (const p of running) if (p.exitCode === null && p.signalCode === null) process.kill(-p.pid!, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('a server that is PID 1 (as in a container), killed with SIGKILL', () => {
  it('starts again on its data folder with the data written before, ' +
    'and a second live server is still refused', async () => {
    const port = 4900 + Math.floor(Math.random() * 400);
    const first = startAsPid1(port);
    expect(await healthy(port, 240_000), first.output()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'quyche.lock'), 'utf8'))).toMatchObject({ pid: 1 });
    const s = await login(port);
    const al = (
      (await (
        await fetch(`http://127.0.0.1:${port}/api/v1/organizations?q=ORG-AL&pageSize=200`, {
          headers: { cookie: s.cookie },
        })
      ).json()) as { items: { id: string; code: string }[] }
    ).items.find((o) => o.code === 'ORG-AL')!.id;
    const made = await fetch(`http://127.0.0.1:${port}/api/v1/tasks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify({
        orgId: al,
        title: 'Nhiệm vụ ghi trước khi máy chủ bị dừng đột ngột',
        sourceKind: 'other',
      }),
    });
    expect(made.status).toBe(201);
    const taskId = ((await made.json()) as { id: string }).id;

    // SIGKILL to the whole group: unshare and the server (PID 1 inside) die without cleaning up.
    process.kill(-first.p.pid!, 'SIGKILL');
    await first.exited;
    expect(JSON.parse(readFileSync(join(dir, 'quyche.lock'), 'utf8'))).toMatchObject({ pid: 1 });

    const again = startAsPid1(port);
    expect(await healthy(port, 120_000), again.output()).toBe(true);
    expect(again.output()).not.toContain('đang được tiến trình khác');
    const s2 = await login(port);
    const task = await fetch(`http://127.0.0.1:${port}/api/v1/tasks/${taskId}`, { headers: { cookie: s2.cookie } });
    expect(task.status).toBe(200);
    expect(((await task.json()) as { title: string }).title).toBe('Nhiệm vụ ghi trước khi máy chủ bị dừng đột ngột');

    // Another PID 1 in its own namespace, and a plain process, on the same folder: both refused while it lives.
    const third = startAsPid1(port + 1);
    expect(await third.exited).toBe(1);
    expect(third.output()).toMatch(/Lỗi: Thư mục dữ liệu .* đang được tiến trình khác \(PID 1\) sử dụng/);
    const plain = spawnSync(process.execPath, [bin, 'serve', '--data', dir, '--port', String(port + 2)], {
      encoding: 'utf8',
      env,
      timeout: 60_000,
    });
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain('đang được tiến trình khác (PID 1)');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    process.kill(-again.p.pid!, 'SIGTERM');
    await again.exited;
  }, 420_000);
});

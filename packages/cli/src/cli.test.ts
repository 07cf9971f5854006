import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

// The CLI as a user runs it (built by `npm test`): the real binary, a real data folder.
const bin = fileURLToPath(new URL('../bin/quyche.js', import.meta.url));
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 120_000,
  });

describe('quyche CLI', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qc-cli-'));
  });
  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves, and a second serve on the same data folder exits at once with a clear message', async () => {
    const port = 3300 + Math.floor(Math.random() * 500);
    server = spawn(process.execPath, [bin, 'serve', '--demo', '--port', String(port), '--data', dir], {
      env: { ...process.env, DATABASE_URL: '' },
    });
    let out = '';
    server.stdout!.on('data', (d) => (out += d));
    const t0 = Date.now();
    // Its last line says how to stop it: everything before it (the demo accounts) has been printed by then.
    while (!out.includes('Dừng: Ctrl+C') && Date.now() - t0 < 90_000) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain('đang chạy tại');
    expect(out).toContain('Đăng nhập bản demo');
    // Every demo account is listed with what it is for.
    for (const u of ['admin', 'lanhdao', 'vanthu.vptu', 'vanthu.x01', 'vanthu.x02', 'xem'])
      expect(out).toMatch(new RegExp(`^  ${u.replace('.', '\\.')} +\\S`, 'm'));
    const page = await fetch(`http://127.0.0.1:${port}/login`);
    expect(page.status).toBe(200);
    const t1 = Date.now();
    const second = cli(['serve', '--demo', '--port', String(port + 1), '--data', dir]);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('đang được tiến trình khác');
    expect(Date.now() - t1).toBeLessThan(5000);
    // The first one keeps working.
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
    server = undefined;
  });

  it('adds a user, verifies the audit chain, and reports a row changed behind its back', async () => {
    const add = cli([
      'user',
      'add',
      '--data',
      dir,
      '--username',
      'vanthu.x03',
      '--password',
      'matkhau-dai-10',
      '--role',
      'clerk',
      '--org',
      'ORG-X03',
    ]);
    expect(add.stdout + add.stderr).toContain('Đã tạo tài khoản vanthu.x03');
    const bad = cli([
      'user',
      'add',
      '--data',
      dir,
      '--username',
      'x',
      '--password',
      'ngan',
      '--role',
      'boss',
      '--org',
      'ORG-X03',
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Vai trò không hợp lệ');
    const ok = cli(['audit', 'verify', '--data', dir]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Nhật ký toàn vẹn');
    const pgl = await PGlite.create(join(dir, 'pg'));
    await pgl.query(`update audit_log set actor = 'ke-gian' where seq = 1`);
    await pgl.close();
    const tampered = cli(['audit', 'verify', '--data', dir]);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain('số 1 đã bị sửa');
  });

  it('backs up and restores, and refuses a file that is not a backup without changing anything', () => {
    const file = join(dir, 'sao-luu.json.gz');
    const b = cli(['db', 'backup', file, '--data', dir]);
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(/Đã sao lưu [\d.]+ bản ghi của \d+ bảng/);
    const r = cli(['db', 'restore', file, '--data', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('organization 122');
    expect(r.stdout).toContain('regulation_version 6');
    expect(r.stdout).toContain('consultation_comment 32');
    const junk = cli(['db', 'restore', bin, '--data', dir]);
    expect(junk.status).toBe(1);
    expect(junk.stderr).toContain('Tệp không phải bản sao lưu Quychế');
  });

  it('explains an unknown command instead of crashing', () => {
    const r = cli(['khong-co-lenh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("không có lệnh 'khong-co-lenh'");
  });
});

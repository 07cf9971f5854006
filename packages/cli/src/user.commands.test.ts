import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, openDb, qb, sql } from '@quyche/db';

// A database for real use, as an administrator sets it up and runs it: the built binary, a real data folder.
const bin = fileURLToPath(new URL('../bin/quyche.js', import.meta.url));
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', QUYCHE_ADMIN_PASSWORD: '', ...env },
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const ADMIN_PASSWORD = 'Núi Bà Đen mây phủ 2026';
const CLERK_PASSWORD = 'Cánh đồng lúa chín vàng';

describe('quyche init, serve without the demo, and the user commands', () => {
  let dir: string;
  let server: ChildProcess | undefined;
  /** The data folder's database, read while no server holds it. */
  const withDb = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    const db = await openDb({ dataDir: dir, lock: false });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  const query = (text: string) => withDb(async (db) => (await db.query(text)).rows);
  const file = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, `${text}\n`);
    return f;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qc-init-'));
  });
  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to serve an empty database without --demo, saying how to initialize it, and seeds nothing', async () => {
    const r = cli(['serve', '--port', '0', '--data', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('CSDL chưa được khởi tạo');
    expect(r.stderr).toContain('npx quyche init');
    expect(r.stderr).toContain('--demo');
    expect(await query('select 1 from app_user')).toHaveLength(0);
    expect(await query('select 1 from organization')).toHaveLength(0);
  });

  it('initializes with a password from a file, the environment or nowhere, under the policy', async () => {
    const args = [
      'init',
      '--data',
      dir,
      '--org-code',
      'ORG-TU',
      '--org-name',
      'Đảng bộ tỉnh Hòa Khánh',
      '--admin',
      'quantri',
      '--admin-name',
      'Quản trị Tỉnh ủy',
    ];
    const none = cli(args);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('--password-file');
    const weak = cli(args, { QUYCHE_ADMIN_PASSWORD: 'matkhau123' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('quá phổ biến');
    const ok = cli([...args, '--password-file', file('admin.txt', ADMIN_PASSWORD)]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Đã khởi tạo CSDL: tổ chức gốc Đảng bộ tỉnh Hòa Khánh (ORG-TU); quản trị viên quantri');
    const again = cli(args, { QUYCHE_ADMIN_PASSWORD: ADMIN_PASSWORD });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('CSDL đã có tài khoản');
    // A production database: one account, the administrator, and nothing of the demo.
    expect(await query('select username, clearance from app_user')).toEqual([{ username: 'quantri', clearance: 3 }]);
    expect(await query("select 1 from organization where code like 'ORG-AL%' or code like 'ORG-X%'")).toHaveLength(0);
    const seed = cli(['seed', 'demo', '--data', dir]);
    expect(seed.status).toBe(1);
    expect(seed.stderr).toContain('không nạp dữ liệu mẫu');
  });

  it('adds accounts under the password policy', () => {
    const add = (password: string) =>
      cli([
        'user',
        'add',
        '--data',
        dir,
        '--username',
        'vanthu.tu',
        '--password-file',
        file('clerk.txt', password),
        '--role',
        'clerk',
        '--org',
        'ORG-TU',
        '--name',
        'Văn thư Tỉnh ủy',
      ]);
    const weak = add('anhyeuem2026');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('quá phổ biến');
    const ok = add(CLERK_PASSWORD);
    expect(ok.stdout).toContain('Đã tạo tài khoản vanthu.tu');
  });

  it('serves without --demo once initialized: no demo account, the administrator signs in', async () => {
    const port = 3900 + Math.floor(Math.random() * 500);
    server = spawn(process.execPath, [bin, 'serve', '--port', String(port), '--data', dir], {
      env: { ...process.env, DATABASE_URL: '' },
    });
    let out = '';
    server.stdout!.on('data', (d) => (out += d));
    server.stderr!.on('data', (d) => (out += d));
    const t0 = Date.now();
    while (!out.includes('đang chạy tại') && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain('đang chạy tại');
    expect(out).not.toContain('anlac2026');
    const login = (username: string, password: string) =>
      fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    expect((await login('admin', 'anlac2026')).status).toBe(401);
    expect((await login('quantri', ADMIN_PASSWORD)).status).toBe(200);
    expect((await login('vanthu.tu', CLERK_PASSWORD)).status).toBe(200);
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
    server = undefined;
  });

  // Eight CLI runs, each opening the embedded database: a few seconds each on a loaded CI machine.
  it('lists, disables, enables, resets and revokes, each audited as cli', async () => {
    const list = cli(['user', 'list', '--data', dir]);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('vanthu.tu  Văn thư Tỉnh ủy');
    expect(list.stdout).toContain('Văn thư, chuyên viên — Đảng bộ tỉnh Hòa Khánh');
    expect(list.stdout).toMatch(/Đang hoạt động; đăng nhập lần cuối: [^;]+; phiên đang mở: 1/);
    expect(list.stdout).toContain('2 tài khoản.');

    const revoke = cli(['user', 'revoke-sessions', 'vanthu.tu', '--data', dir]);
    expect(revoke.stdout).toContain('Đã thu hồi 1 phiên đăng nhập của vanthu.tu');
    const disable = cli(['user', 'disable', 'vanthu.tu', '--data', dir]);
    expect(disable.stdout).toContain('Đã khóa tài khoản vanthu.tu');
    expect(cli(['user', 'list', '--data', dir]).stdout).toMatch(/Đã khóa; đăng nhập lần cuối/);
    expect(cli(['user', 'enable', 'vanthu.tu', '--data', dir]).stdout).toContain('Đã mở khóa tài khoản vanthu.tu');

    const weak = cli([
      'user',
      'password',
      'vanthu.tu',
      '--data',
      dir,
      '--password-file',
      file('reset.txt', 'vanthu.tu-2026-moi'),
    ]);
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('tên đăng nhập');
    const piped = cli(['user', 'password', 'vanthu.tu', '--data', dir]);
    expect(piped.status).toBe(1);
    expect(piped.stderr).toContain('--password-file');
    const reset = cli([
      'user',
      'password',
      'vanthu.tu',
      '--data',
      dir,
      '--password-file',
      file('reset.txt', 'Tạm thời: đổi ngay 2026'),
    ]);
    expect(reset.stdout).toContain('phải đổi mật khẩu ở lần đăng nhập sau');
    expect(cli(['user', 'list', '--data', dir]).stdout).toMatch(/Đang hoạt động, phải đổi mật khẩu/);
    expect(cli(['user', 'disable', 'khong.co', '--data', dir]).stderr).toContain('Không có tài khoản khong.co');

    const audit = await withDb((db) =>
      qb(db)
        .selectFrom('audit_log')
        .select(['actor', 'action', sql<string>`after::text`.as('after')])
        .where('entity', '=', 'app_user')
        .orderBy('seq')
        .execute(),
    );
    expect(audit.map((a) => `${a.actor} ${a.action}`)).toEqual([
      'cli create',
      'cli revoke_sessions',
      'cli disable',
      'cli enable',
      'cli reset_password',
    ]);
    for (const a of audit) expect(a.after).not.toMatch(/scrypt|Tạm thời|Cánh đồng/);
    expect(
      await query("select 1 from user_session s join app_user u on u.id = s.user_id where u.username = 'vanthu.tu'"),
    ).toHaveLength(0);
    expect(
      await query("select 1 from user_session s join app_user u on u.id = s.user_id where u.username = 'quantri'"),
    ).toHaveLength(1);
    expect(cli(['audit', 'verify', '--data', dir]).stdout).toContain('Nhật ký toàn vẹn');
  }, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackupFile, openDb, qb, sql } from '@quyche/db';
import { createPgDatabase, postgresUnavailableReason } from '../../db/src/test-db.js';

// The CLI as a user runs it (built by `npm test`): the real binary, a real data folder, a real server.
const bin = fileURLToPath(new URL('../bin/quyche.js', import.meta.url));
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
const noStack = (r: { stdout: string; stderr: string }) => expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |Error:/);

const pgMissing = await postgresUnavailableReason();
const withPg = pgMissing === null || process.env['CI'] === 'true';
if (!withPg) console.warn(`[bỏ qua phục hồi vào PostgreSQL] ${pgMissing}`);
// The `--demo` flag is being added to `serve`; until then `serve` seeds the demo by itself.
const demo = spawnSync(process.execPath, [bin, 'serve', '--help'], { encoding: 'utf8' }).stdout.includes('--demo')
  ? ['--demo']
  : [];
const root = mkdtempSync(join(tmpdir(), 'qc-cli-backup-'));
const file = join(root, 'dang-chay.jsonl.gz');

describe('a backup taken while the server runs on PGlite', () => {
  const dir = join(root, 'data');
  const port = 4300 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    server = spawn(process.execPath, [bin, 'serve', ...demo, '--port', String(port), '--data', dir], {
      env: { ...process.env, DATABASE_URL: '', QUYCHE_DEMO_VOLUME: '0' },
    });
    let out = '';
    server.stdout!.on('data', (d) => (out += d));
    server.stderr!.on('data', (d) => (out += d));
    const t0 = Date.now();
    while (!out.includes('đang chạy tại') && Date.now() - t0 < 180_000) await new Promise((r) => setTimeout(r, 100));
    if (!out.includes('đang chạy tại')) throw new Error(`server did not start: ${out}`);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'anlac2026' }),
    });
    session = {
      cookie: login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
    };
  }, 240_000);
  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
  });

  it('leaves a file for the command line, readable by its owner only', () => {
    const info = JSON.parse(readFileSync(join(dir, 'quyche.server.json'), 'utf8'));
    expect(info).toMatchObject({ pid: server!.pid, url: base, token: expect.stringMatching(/^[\w-]{43}$/) });
    expect(statSync(join(dir, 'quyche.server.json')).mode & 0o777).toBe(0o600);
  });

  it('is taken through the server while tasks are being created, consistent, ' +
    'and restores into PGlite and PostgreSQL', async () => {
    const al = (
      (await (
        await fetch(`${base}/api/v1/organizations?q=ORG-AL&pageSize=200`, { headers: { cookie: session.cookie } })
      ).json()) as { items: { id: string; code: string }[] }
    ).items.find((o) => o.code === 'ORG-AL')!.id;
    let writing = true;
    let created = 0;
    const writes = (async () => {
      for (let i = 0; writing; i++) {
        const r = await fetch(`${base}/api/v1/tasks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
          body: JSON.stringify({ orgId: al, title: `Nhiệm vụ ghi trong lúc sao lưu số ${i}`, sourceKind: 'other' }),
        });
        if (r.status !== 201) throw new Error(`POST /tasks ${r.status} ${await r.text()}`);
        created++;
      }
    })();
    while (created < 5) await new Promise((r) => setTimeout(r, 20));
    const backup = await run(['db', 'backup', file, '--data', dir]);
    const during = created;
    while (created < during + 5) await new Promise((r) => setTimeout(r, 20));
    writing = false;
    await writes;
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(
      /^Đã sao lưu [\d.]+ bản ghi của \d+ bảng vào .* qua máy chủ đang chạy \(PID \d+; [\d,]+ giây\)\.\n$/,
    );
    expect(existsSync(`${file}.part-${process.pid}`)).toBe(false);

    // The snapshot holds the tasks created before it, not those after.
    const { events, close } = await openBackupFile(file);
    let counts: Record<string, number> = {};
    let title = -1;
    let inBackup = 0;
    for await (const ev of events) {
      if (ev.kind === 'table' && ev.table === 'task') title = ev.columns.indexOf('title');
      if (
        ev.kind === 'row' &&
        ev.table === 'task' &&
        String(ev.values[title]).startsWith('Nhiệm vụ ghi trong lúc sao lưu')
      )
        inBackup++;
      if (ev.kind === 'done') counts = ev.counts;
    }
    await close();
    expect(inBackup).toBeGreaterThanOrEqual(5);
    expect(inBackup).toBeLessThan(created);

    const targets: {
      label: string;
      args: string[];
      open: () => ReturnType<typeof openDb>;
      drop?: () => Promise<void>;
    }[] = [
      {
        label: 'PGlite',
        args: ['--data', join(root, 'phuc-hoi')],
        open: () => openDb({ dataDir: join(root, 'phuc-hoi') }),
      },
    ];
    if (withPg) {
      const pgDb = await createPgDatabase();
      targets.push({
        label: 'PostgreSQL',
        args: ['--database-url', pgDb.url],
        open: () => openDb({ url: pgDb.url }),
        drop: pgDb.drop,
      });
    }
    for (const t of targets) {
      try {
        const restored = await run(['db', 'restore', file, ...t.args]);
        expect(restored.status, `${t.label}: ${restored.stderr}`).toBe(0);
        expect(restored.stdout).toMatch(/^Đã phục hồi [\d.]+ bản ghi/);
        const verified = await run(['audit', 'verify', ...t.args]);
        expect(verified.status, t.label).toBe(0);
        expect(verified.stdout).toContain(`Nhật ký toàn vẹn: ${counts['audit_log']} bản ghi`);
        const db = await t.open();
        try {
          for (const [table, n] of Object.entries(counts)) {
            const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(
              qb(db),
            );
            expect(Number(rows[0]!.n), `${t.label}: ${table}`).toBe(n);
          }
        } finally {
          await db.close();
        }
      } finally {
        await t.drop?.();
      }
    }
  }, 300_000);

  it('removes its file on a clean stop', async () => {
    server!.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
    expect(existsSync(join(dir, 'quyche.server.json'))).toBe(false);
    expect(existsSync(join(dir, 'quyche.lock'))).toBe(false);
  });
});

describe('quyche db check-backup', () => {
  it('says in Vietnamese that a good backup restores, with exit code 0', async () => {
    const r = await run(['db', 'check-backup', file]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        String.raw`^Kiểm tra bản sao lưu .*dang-chay\.jsonl\.gz\n {2}Tạo lúc .* \(giờ Việt Nam\) từ PGlite, ` +
          String.raw`định dạng phiên bản 2, lược đồ \d+_\w+\.sql\n`,
      ),
    );
    expect(r.stdout).toMatch(
      /Phục hồi thử vào CSDL tạm: \d+ bảng, [\d.]+ bản ghi; số bản ghi từng bảng khớp với bản sao lưu/,
    );
    expect(r.stdout).toMatch(/Nhật ký thao tác: chuỗi băm toàn vẹn \([\d.]+ bản ghi\)/);
    expect(r.stdout).toMatch(/KẾT QUẢ: TỐT — bản sao lưu phục hồi được/);
  }, 120_000);

  it('refuses a truncated, a damaged, a foreign and a missing file with one clear line each, ' +
    'exit code 1, no stack trace', async () => {
    const whole = readFileSync(file);
    const cases: [string, Buffer | null, RegExp][] = [
      [
        'cat-cut.jsonl.gz',
        whole.subarray(0, Math.floor(whole.length / 2)),
        /Tệp sao lưu bị hỏng hoặc không đầy đủ \(bị cắt cụt\)/,
      ],
      [
        'hong.jsonl.gz',
        Buffer.concat([whole.subarray(0, 2000), Buffer.alloc(500, 0x41), whole.subarray(2500)]),
        /Tệp sao lưu bị hỏng/,
      ],
      ['khong-phai.json.gz', readFileSync(bin), /Tệp không phải bản sao lưu Quychế/],
      ['khong-co.jsonl.gz', null, /Không mở được tệp sao lưu .*: tệp không tồn tại/],
    ];
    for (const [name, content, message] of cases) {
      const path = join(root, name);
      if (content) writeFileSync(path, content);
      const r = await run(['db', 'check-backup', path]);
      expect(r.status, name).toBe(1);
      expect(r.stdout, name).toMatch(message);
      expect(r.stdout, name).toContain('KẾT QUẢ: KHÔNG DÙNG ĐƯỢC');
      expect(r.stderr, name).toMatch(new RegExp(`^Lỗi: ${message.source}`));
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      noStack(r);
    }
  }, 120_000);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBackup, qb, sql } from '@quyche/db';
import { checkConfig, configFromEnv, ConfigError } from '../config.js';
import { createTestApp, testDrivers } from '../test-app.js';
import type { TestApp } from '../test-app.js';
import { backupFileName, backupHandlers, queueBackup } from './backup.job.js';
import { JobRunner } from './job.service.js';

const drivers = await testDrivers();
const root = mkdtempSync(join(tmpdir(), 'qc-backup-job-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('backup settings', () => {
  it(
    'default to a nightly backup kept 14 times, beside the PGlite data or in ./backups for PostgreSQL, ' +
      'and refuse what cannot work',
    () => {
      const pglite = configFromEnv({}, { dataDir: '/srv/quyche' });
      expect(pglite).toMatchObject({ backupDir: '/srv/quyche/backups', backupSchedule: '0 2 * * *', backupKeep: 14 });
      expect(configFromEnv({ DATABASE_URL: 'postgres://x@h/db' }).backupDir).toBe(join(process.cwd(), 'backups'));
      const set = configFromEnv({
        QUYCHE_BACKUP_DIR: '/mnt/sao-luu',
        QUYCHE_BACKUP_SCHEDULE: '30 1 * * 0',
        QUYCHE_BACKUP_KEEP: '30',
      });
      expect(set).toMatchObject({ backupDir: '/mnt/sao-luu', backupSchedule: '30 1 * * 0', backupKeep: 30 });
      expect(configFromEnv({ QUYCHE_BACKUP_SCHEDULE: 'off' }).backupSchedule).toBeNull();
      expect(() => checkConfig(configFromEnv({ QUYCHE_BACKUP_SCHEDULE: 'mỗi đêm' }))).toThrow(ConfigError);
      expect(() => checkConfig(configFromEnv({ QUYCHE_BACKUP_SCHEDULE: 'mỗi đêm' }))).toThrow(
        /QUYCHE_BACKUP_SCHEDULE "mỗi đêm" không phải lịch cron hợp lệ/,
      );
      expect(() => checkConfig(configFromEnv({ QUYCHE_BACKUP_KEEP: '0' }))).toThrow(
        /QUYCHE_BACKUP_KEEP phải là số nguyên từ 1/,
      );
      expect(() => checkConfig(configFromEnv({}))).not.toThrow();
      expect(() => checkConfig(configFromEnv({ QUYCHE_TODAY: '01/12/2026' }))).toThrow(
        /QUYCHE_TODAY phải là một ngày dạng năm-tháng-ngày, ví dụ 2026-12-01 \(đang là "01\/12\/2026"\)/,
      );
      expect(configFromEnv({ QUYCHE_TODAY: '2026-12-02' }).today).toBe('2026-12-02');
    },
  );

  it('names files by the date and time in Vietnam', () => {
    expect(backupFileName(new Date('2026-05-05T19:00:00Z'))).toBe('quyche-2026-05-06-020000.jsonl.gz');
  });
});

describe.each(drivers)('scheduled backups (%s)', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t?.close());

  it(
    'takes one backup per scheduled minute through the job queue whichever server queues it, checks it, ' +
      'keeps the newest',
    async () => {
      const dir = join(root, `ok-${driver}`);
      mkdirSync(dir);
      const old = [
        'quyche-2026-01-01-020000.jsonl.gz',
        'quyche-2026-01-02-020000.jsonl.gz',
        'quyche-2026-01-03-020000.jsonl.gz',
      ];
      for (const f of [...old, 'ghi-chu.txt', 'quyche-2025-12-31-020000-LOI.jsonl.gz'])
        writeFileSync(join(dir, f), 'cũ');
      const logs: string[] = [];
      const config = { backupDir: dir, backupKeep: 2 };
      // Two servers sharing the database: each one's cron queues the night's backup, each one's runner looks for work.
      const servers = [
        new JobRunner(
          t.db,
          backupHandlers(config, (s) => logs.push(s)),
        ),
        new JobRunner(
          t.db,
          backupHandlers(config, (s) => logs.push(s)),
        ),
      ];
      const night = new Date('2026-05-05T19:00:00.250Z');
      expect(await queueBackup(t.db, night)).not.toBeNull();
      expect(await queueBackup(t.db, new Date('2026-05-05T19:00:00.900Z'))).toBeNull();
      const ran = await Promise.all(servers.map((s) => s.runPending()));
      expect(ran.reduce((s, r) => s + r.done, 0)).toBe(1);
      expect(ran.reduce((s, r) => s + r.failed, 0)).toBe(0);
      const files = readdirSync(dir).sort();
      const made = files.filter((f) => /^quyche-\d{4}-\d{2}-\d{2}-\d{6}\.jsonl\.gz$/.test(f) && !old.includes(f));
      expect(made).toHaveLength(1);
      // Two kept: the newest old one and tonight's; files not named by the job are never touched.
      expect(files).toEqual(
        ['ghi-chu.txt', 'quyche-2025-12-31-020000-LOI.jsonl.gz', 'quyche-2026-01-03-020000.jsonl.gz', made[0]!].sort(),
      );
      expect(statSync(join(dir, made[0]!)).mode & 0o777).toBe(0o600);
      expect(logs.at(-1)).toMatch(/^KẾT QUẢ: TỐT/);
      expect((await checkBackup(join(dir, made[0]!))).ok).toBe(true);
      const audit = await qb(t.db)
        .selectFrom('audit_log')
        .select(['actor', 'after'])
        .where('action', '=', 'backup')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({
        actor: 'hệ thống (sao lưu định kỳ)',
        after: expect.objectContaining({ file: made[0], checked: true, removed: old.slice(0, 2) }),
      });
    },
  );

  it('tells the administrators when it fails, once, and the queue tries again', async () => {
    const blocker = join(root, `file-${driver}`);
    writeFileSync(blocker, 'một tệp, không phải thư mục');
    const logs: string[] = [];
    const runner = new JobRunner(
      t.db,
      backupHandlers({ backupDir: join(blocker, 'sao-luu'), backupKeep: 3 }, (s) => logs.push(s)),
    );
    await queueBackup(t.db, new Date('2026-05-06T19:00:00Z'));
    expect(await runner.runPending()).toEqual({ done: 0, failed: 1 });
    const notes = () =>
      qb(t.db)
        .selectFrom('notification as n')
        .innerJoin('app_user as u', 'u.id', 'n.user_id')
        .select(['u.username', 'n.title', 'n.body'])
        .where('n.kind', '=', 'backup_failed')
        .execute();
    const first = await notes();
    expect(first.map((n) => n.username)).toContain('admin');
    expect(first.map((n) => n.username)).not.toContain('vanthu.x01');
    expect(first[0]).toMatchObject({
      title: 'Sao lưu định kỳ thất bại',
      body: expect.stringMatching(/^Không tạo được bản sao lưu: .*\nThư mục sao lưu: .*sao-luu/),
    });
    expect(logs[0]).toMatch(/^Sao lưu định kỳ thất bại: /);
    const job = await qb(t.db)
      .selectFrom('job')
      .select(['state', 'attempts', 'last_error'])
      .where('kind', '=', 'backup')
      .where('dedupe_key', 'like', 'backup:2026-05-07%')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'queued', attempts: 1 });
    await qb(t.db)
      .updateTable('job')
      .set({ run_at: sql`now()` })
      .where('kind', '=', 'backup')
      .where('state', '=', 'queued')
      .execute();
    expect(await runner.runPending()).toEqual({ done: 0, failed: 1 });
    expect(await notes()).toHaveLength(first.length);
    expect(
      await qb(t.db).selectFrom('audit_log').select('seq').where('action', '=', 'backup_failed').execute(),
    ).toHaveLength(1);
    expect(existsSync(join(blocker, 'sao-luu'))).toBe(false);
  });
});

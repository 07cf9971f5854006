import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  alertAdministrators,
  appendAudit,
  backupToFile,
  checkBackup,
  describeCheck,
  insertNotifications,
  jobAttempts,
} from '@quyche/db';
import type { BackupCheck, BackupSummary, Db } from '@quyche/db';
import type { AppConfig } from '../config.js';
import { enqueue } from './job.service.js';
import type { JobHandler } from './job.service.js';

/** Scheduled backups: queued by the cron of QUYCHE_BACKUP_SCHEDULE, taken by the job runner, checked, pruned. */
const BACKUP_NAME = /^quyche-\d{4}-\d{2}-\d{2}-\d{6}\.jsonl\.gz$/;

/** `quyche-2026-05-05-020000.jsonl.gz`: the date and time in Vietnam, so that names sort in the order taken. */
export function backupFileName(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `quyche-${p['year']}-${p['month']}-${p['day']}-${p['hour']}${p['minute']}${p['second']}.jsonl.gz`;
}

/** Every server sharing a PostgreSQL database queues it at the same minute: the key makes it one job, taken once. */
export async function queueBackup(db: Db, now: Date = new Date()) {
  return enqueue(db, 'backup', `backup:${backupFileName(now).slice(7, 22)}`, { scheduledAt: now.toISOString() });
}

/** Deletes the oldest scheduled backups beyond `keep` (only files named as this job names them). */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => BACKUP_NAME.test(f)).sort();
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) await rm(join(dir, f), { force: true });
  return old;
}

export interface ScheduledBackup {
  file: string;
  summary: BackupSummary;
  check: BackupCheck;
  removed: string[];
}

export class BackupCheckFailedError extends Error {}

/**
 * One scheduled backup: written, then restored into a scratch database by the same check as `db check-backup`.
 * A good one lets the oldest beyond QUYCHE_BACKUP_KEEP go; a bad one is renamed `…-LOI.jsonl.gz` (kept for a look,
 * never counted as one of the good ones) and the job fails.
 */
export async function runScheduledBackup(
  db: Db,
  config: Pick<AppConfig, 'backupDir' | 'backupKeep'>,
  log: (s: string) => void,
  now: Date = new Date(),
): Promise<ScheduledBackup> {
  await mkdir(config.backupDir, { recursive: true, mode: 0o700 });
  let file = join(config.backupDir, backupFileName(now));
  const summary = await backupToFile(db, file);
  const check = await checkBackup(file);
  for (const line of describeCheck(check)) log(line);
  let removed: string[] = [];
  if (check.ok) removed = await pruneBackups(config.backupDir, config.backupKeep);
  else {
    const bad = file.replace(/\.jsonl\.gz$/, '-LOI.jsonl.gz');
    await rename(file, bad);
    file = bad;
  }
  await db.transaction((tx) =>
    appendAudit(tx, {
      actorUserId: null,
      actor: 'hệ thống (sao lưu định kỳ)',
      action: 'backup',
      entity: 'database',
      entityId: null,
      orgId: null,
      before: null,
      after: { file: basename(file), rows: summary.rows, bytes: summary.bytes, checked: check.ok, removed },
    }),
  );
  if (!check.ok)
    throw new BackupCheckFailedError(`Bản sao lưu ${basename(file)} không phục hồi được: ${check.problems.join('; ')}`);
  return { file, summary, check, removed };
}

/**
 * Tells the administrators of the root organizations (any administrator when none is) in the application, with
 * one audit entry for the failure.
 */
export async function notifyBackupFailure(db: Db, message: string, backupDir: string): Promise<number> {
  const title = 'Sao lưu định kỳ thất bại';
  const body =
    `${message}\nThư mục sao lưu: ${backupDir}. Hệ thống sẽ tự thử lại; hãy kiểm tra dung lượng đĩa và quyền ghi, ` +
    'hoặc sao lưu bằng lệnh "npx quyche db backup TỆP" rồi kiểm tra bằng "npx quyche db check-backup TỆP".';
  return db.transaction(async (tx) => {
    const to = await alertAdministrators(tx);
    for (const a of to) {
      await insertNotifications(tx, [a.user_id], {
        orgId: a.org_id,
        jobId: null,
        taskId: null,
        kind: 'backup_failed',
        title,
        body,
        sender: null,
        link: null,
      });
    }
    await appendAudit(tx, {
      actorUserId: null,
      actor: 'hệ thống (sao lưu định kỳ)',
      action: 'backup_failed',
      entity: 'database',
      entityId: null,
      orgId: null,
      before: null,
      after: { message, notified: to.length },
    });
    return to.length;
  });
}

export function backupHandlers(
  config: Pick<AppConfig, 'backupDir' | 'backupKeep'>,
  log: (s: string) => void = () => {},
): Record<string, JobHandler> {
  return {
    backup: async (_payload, { db, jobId }) => {
      try {
        await runScheduledBackup(db, config, log);
      } catch (e) {
        const message =
          e instanceof BackupCheckFailedError ? e.message : `Không tạo được bản sao lưu: ${(e as Error).message}`;
        log(`Sao lưu định kỳ thất bại: ${message}`);
        // The runner retries a failed job a few times: the administrators hear of the first failure only.
        const attempts = (await jobAttempts(db, jobId)) ?? 1;
        if (attempts <= 1) await notifyBackupFailure(db, message, config.backupDir);
        throw e;
      }
    },
  };
}

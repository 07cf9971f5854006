import { join, resolve } from 'node:path';
import { isIsoDate } from '@quyche/core';
import { Cron } from 'croner';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  webDir: string | undefined;
  /**
   * The session cookie is sent over HTTPS only (QUYCHE_COOKIE_SECURE; on by default when QUYCHE_BASE_URL is
   * https://).
   */
  secureCookie: boolean;
  /**
   * Fastify's trustProxy (QUYCHE_TRUST_PROXY): off by default, so that X-Forwarded-For cannot fake the address the
   * login throttling counts; behind a reverse proxy set it to the proxy's addresses (127.0.0.1, 10.0.0.0/8) or true.
   */
  trustProxy: boolean | string;
  bodyLimit: number;
  /** smtp://user:pass@host:port (or smtps://): reminders by e-mail; without it, only in-app notifications. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Reminders this many working days before a task's due date. */
  remindBeforeWorkingDays: number;
  /** The address people open links at (in e-mails and calendar feeds). */
  baseUrl: string;
  /** The background worker (reminder scans, e-mails); tests run jobs by hand. */
  jobs: boolean;
  /** Requests served at once, the others waiting in order (0: no limit); by default 4 on PGlite, none on PostgreSQL. */
  requestSlots: number | undefined;
  /** Where scheduled backups go: `<data folder>/backups` with PGlite, `./backups` with PostgreSQL. */
  backupDir: string;
  /** Cron (Asia/Ho_Chi_Minh) of scheduled backups; null: none. */
  backupSchedule: string | null;
  /** How many scheduled backup files are kept (the oldest beyond are deleted). */
  backupKeep: number;
  /**
   * The date the server takes as today (QUYCHE_TODAY, yyyy-mm-dd): a training instance, or a test on the demo, kept on
   * the day its data stands on; unset, the real date in Vietnam.
   */
  today: string | undefined;
}

/**
 * QUYCHE_TRUST_PROXY: empty, 'false' or 'off' → off; 'true' → any proxy; else the proxies' addresses,
 * comma-separated.
 */
export function trustProxyOf(value: string | undefined): boolean | string {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === 'off') return false;
  if (v === 'true' || v === 'on') return true;
  return v;
}

/** A setting that cannot work: one Vietnamese line naming it. */
export class ConfigError extends Error {}

export const DEFAULT_BACKUP_SCHEDULE = '0 2 * * *';

/** Settings from the environment; the CLI's flags override them. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  // Unless set, the address people open is where the server listens, the CLI's --host and --port included (a link in
  // a reminder must open the page).
  const listensOn = {
    host: overrides.host ?? env['QUYCHE_HOST'] ?? '127.0.0.1',
    port: overrides.port ?? env['PORT'] ?? env['QUYCHE_PORT'] ?? 3000,
  };
  const baseUrl = env['QUYCHE_BASE_URL'] ?? `http://${listensOn.host}:${listensOn.port}`;
  const cookieSecure = env['QUYCHE_COOKIE_SECURE'];
  const config: Omit<AppConfig, 'backupDir'> & { backupDir?: string } = {
    port: Number(env['PORT'] ?? env['QUYCHE_PORT'] ?? 3000),
    host: env['QUYCHE_HOST'] ?? '127.0.0.1',
    dataDir: resolve(env['QUYCHE_DATA_DIR'] ?? './data'),
    databaseUrl: env['DATABASE_URL'] || undefined,
    webDir: env['QUYCHE_WEB_DIR'],
    // Served over HTTPS (the address people open starts with https://): the cookie says so unless told otherwise.
    secureCookie:
      cookieSecure === undefined || cookieSecure === '' ? baseUrl.startsWith('https://') : cookieSecure === 'true',
    trustProxy: trustProxyOf(env['QUYCHE_TRUST_PROXY']),
    bodyLimit: 1024 * 1024,
    smtpUrl: env['QUYCHE_SMTP_URL'] || undefined,
    mailFrom: env['QUYCHE_MAIL_FROM'] ?? 'Quychế <quyche@localhost>',
    remindBeforeWorkingDays: Number(env['QUYCHE_REMIND_BEFORE'] ?? 3),
    baseUrl,
    jobs: env['QUYCHE_JOBS'] !== 'off',
    requestSlots: env['QUYCHE_REQUEST_SLOTS'] ? Number(env['QUYCHE_REQUEST_SLOTS']) : undefined,
    backupSchedule:
      env['QUYCHE_BACKUP_SCHEDULE'] === 'off' ? null : env['QUYCHE_BACKUP_SCHEDULE'] || DEFAULT_BACKUP_SCHEDULE,
    backupKeep: env['QUYCHE_BACKUP_KEEP'] ? Number(env['QUYCHE_BACKUP_KEEP']) : 14,
    today: env['QUYCHE_TODAY'] || undefined,
    ...(env['QUYCHE_BACKUP_DIR'] ? { backupDir: resolve(env['QUYCHE_BACKUP_DIR']) } : {}),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
  // The default follows the database chosen, flags included: beside the PGlite data, or in the working folder.
  return {
    ...config,
    backupDir: config.backupDir ?? (config.databaseUrl ? resolve('./backups') : join(config.dataDir, 'backups')),
  };
}

/** Refuses, before the server starts, backup settings that would fail every night, and a today that is no date. */
export function checkConfig(config: Pick<AppConfig, 'backupSchedule' | 'backupKeep' | 'today'>) {
  if (config.today !== undefined && !isIsoDate(config.today))
    throw new ConfigError(
      `QUYCHE_TODAY phải là một ngày dạng năm-tháng-ngày, ví dụ 2026-12-01 (đang là "${config.today}")`,
    );
  if (!Number.isInteger(config.backupKeep) || config.backupKeep < 1)
    throw new ConfigError(`QUYCHE_BACKUP_KEEP phải là số nguyên từ 1 trở lên (đang là "${config.backupKeep}")`);
  if (config.backupSchedule) {
    try {
      new Cron(config.backupSchedule, { paused: true, timezone: 'Asia/Ho_Chi_Minh' }).stop();
    } catch (e) {
      throw new ConfigError(
        `QUYCHE_BACKUP_SCHEDULE "${config.backupSchedule}" không phải lịch cron hợp lệ ` +
          `(ví dụ "0 2 * * *" là 02:00 hằng đêm, hoặc "off"): ${(e as Error).message}`,
      );
    }
  }
}

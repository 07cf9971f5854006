import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  webDir: string | undefined;
  /** The session cookie is sent over HTTPS only (QUYCHE_COOKIE_SECURE; on by default when QUYCHE_BASE_URL is https://). */
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
}

/** QUYCHE_TRUST_PROXY: empty, 'false' or 'off' → off; 'true' → any proxy; else the proxies' addresses, comma-separated. */
export function trustProxyOf(value: string | undefined): boolean | string {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === 'off') return false;
  if (v === 'true' || v === 'on') return true;
  return v;
}

/** Settings from the environment; the CLI's flags override them. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const baseUrl = env['QUYCHE_BASE_URL'] ?? `http://${env['QUYCHE_HOST'] ?? '127.0.0.1'}:${env['PORT'] ?? env['QUYCHE_PORT'] ?? 3000}`;
  const cookieSecure = env['QUYCHE_COOKIE_SECURE'];
  return {
    port: Number(env['PORT'] ?? env['QUYCHE_PORT'] ?? 3000),
    host: env['QUYCHE_HOST'] ?? '127.0.0.1',
    dataDir: resolve(env['QUYCHE_DATA_DIR'] ?? './data'),
    databaseUrl: env['DATABASE_URL'] || undefined,
    webDir: env['QUYCHE_WEB_DIR'],
    // Served over HTTPS (the address people open starts with https://): the cookie says so unless told otherwise.
    secureCookie: cookieSecure === undefined || cookieSecure === '' ? baseUrl.startsWith('https://') : cookieSecure === 'true',
    trustProxy: trustProxyOf(env['QUYCHE_TRUST_PROXY']),
    bodyLimit: 1024 * 1024,
    smtpUrl: env['QUYCHE_SMTP_URL'] || undefined,
    mailFrom: env['QUYCHE_MAIL_FROM'] ?? 'Quychế <quyche@localhost>',
    remindBeforeWorkingDays: Number(env['QUYCHE_REMIND_BEFORE'] ?? 3),
    baseUrl,
    jobs: env['QUYCHE_JOBS'] !== 'off',
    requestSlots: env['QUYCHE_REQUEST_SLOTS'] ? Number(env['QUYCHE_REQUEST_SLOTS']) : undefined,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}

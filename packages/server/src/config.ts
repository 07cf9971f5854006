import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  webDir: string | undefined;
  secureCookie: boolean;
  bodyLimit: number;
}

/** Settings from the environment; the CLI's flags override them. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: Number(env['PORT'] ?? env['QUYCHE_PORT'] ?? 3000),
    host: env['QUYCHE_HOST'] ?? '127.0.0.1',
    dataDir: resolve(env['QUYCHE_DATA_DIR'] ?? './data'),
    databaseUrl: env['DATABASE_URL'] || undefined,
    webDir: env['QUYCHE_WEB_DIR'],
    secureCookie: env['QUYCHE_COOKIE_SECURE'] === 'true',
    bodyLimit: 1024 * 1024,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}

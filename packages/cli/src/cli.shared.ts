import type { Db } from '@quyche/db';
import { migrate } from '@quyche/db';
import { configFromEnv, openConfiguredDb } from '@quyche/server';
import type { AppConfig } from '@quyche/server';

/** A user-facing failure: printed as one line, exit code 1, no stack trace. */
export class CliError extends Error {}

export interface GlobalOpts {
  data?: string;
  databaseUrl?: string;
}

export function config(opts: GlobalOpts & { port?: string; host?: string }): AppConfig {
  const port = opts.port === undefined ? undefined : Number(opts.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new CliError(`Cổng không hợp lệ: ${opts.port}`);
  return configFromEnv(process.env, {
    port,
    host: opts.host,
    dataDir: opts.data ? (opts.data.startsWith('/') ? opts.data : `${process.cwd()}/${opts.data}`) : undefined,
    databaseUrl: opts.databaseUrl,
  });
}

export async function withDb<T>(cfg: AppConfig, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openConfiguredDb(cfg);
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

import pg from 'pg';
import { openDb } from './open-db.js';
import { migrate } from './migrate.js';
import type { Db } from './db.types.js';

/**
 * Database tests run on every driver the machine has: PGlite always; PostgreSQL when a server answers at
 * QUYCHE_TEST_PG_URL, DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres. Each test database is
 * created for the test and dropped afterwards. With CI=true a missing PostgreSQL is an error, not a skip.
 */
export type Driver = 'pglite' | 'postgres';

const baseUrl = process.env['QUYCHE_TEST_PG_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let pgAvailable: Promise<string | null> | undefined;

/** null when PostgreSQL answers; otherwise the reason it cannot be used. */
export function postgresUnavailableReason(): Promise<string | null> {
  pgAvailable ??= (async () => {
    const c = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('select 1');
      return null;
    } catch (e) {
      return `PostgreSQL không kết nối được tại ${baseUrl.replace(/:[^:@/]*@/, ':***@')}: ${(e as Error).message}`;
    } finally {
      await c.end().catch(() => {});
    }
  })();
  return pgAvailable;
}

export async function testDrivers(): Promise<Driver[]> {
  const reason = await postgresUnavailableReason();
  if (reason) {
    if (process.env['CI'] === 'true') throw new Error(`CI=true nhưng ${reason}`);
    console.warn(`[bỏ qua PostgreSQL] ${reason}`);
    return ['pglite'];
  }
  return ['pglite', 'postgres'];
}

export interface TestDb {
  db: Db;
  drop(): Promise<void>;
}

export async function createTestDb(driver: Driver, opts: { migrate?: boolean } = {}): Promise<TestDb> {
  let db: Db;
  let drop: () => Promise<void>;
  if (driver === 'pglite') {
    db = await openDb({ memory: true });
    drop = () => db.close();
  } else {
    const name = `quyche_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    db = await openDb({ url: url.toString(), poolSize: 8 });
    drop = async () => {
      await db.close();
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  }
  if (opts.migrate !== false) await migrate(db);
  return { db, drop };
}

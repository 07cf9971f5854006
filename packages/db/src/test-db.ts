import pg from 'pg';
import { sql } from 'kysely';
import { openDb } from './open-db.js';
import { migrate } from './migrate.js';
import type { Db } from './db.types.js';
import { qb } from './kysely.driver.js';
import { backupTables } from './backup.catalog.js';
import { TEXT_FORM_SETTINGS } from './backup.write.js';

/**
 * Database tests run on every driver the machine has: PGlite always; PostgreSQL when a server answers at
 * QUYCHE_TEST_PG_URL, DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres. Each test database is
 * created for the test and dropped afterwards. With CI=true a missing PostgreSQL is an error, not a skip.
 */
export type Driver = 'pglite' | 'postgres';

const baseUrl =
  process.env['QUYCHE_TEST_PG_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
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
    const pgDb = await createPgDatabase();
    db = await openDb({ url: pgDb.url, poolSize: 8 });
    drop = async () => {
      await db.close();
      await pgDb.drop();
    };
  }
  if (opts.migrate !== false) await migrate(db);
  return { db, drop };
}

/** An empty PostgreSQL database for a test (the CLI tests pass its URL to the binary); `drop` removes it. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `quyche_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: baseUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * Each backed-up table's row count and the md5 of its rows' text forms (sorted, generated columns included), read
 * under the same settings on both databases: equal fingerprints mean equal contents, byte for byte.
 */
export async function fingerprints(db: Db): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    for (const s of TEXT_FORM_SETTINGS) await tx.query(s);
    const out: Record<string, string> = {};
    for (const t of await backupTables(tx)) {
      const r = await sql<{ n: string; h: string | null }>`
        select count(*)::text as n, md5(string_agg(md5(x::text), '' order by md5(x::text))) as h
          from ${sql.table(t.name)} x`.execute(qb(tx));
      out[t.name] = `${r.rows[0]!.n}:${r.rows[0]!.h ?? ''}`;
    }
    return out;
  });
}

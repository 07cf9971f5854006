import { PGlite, types } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db, Sql } from './db.types.js';
import { lockDataFolder } from './data-lock.js';

// Dates stay 'YYYY-MM-DD' strings (no time-zone shifts); bigint counts become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v: string) => Number(v));

export interface OpenDbOptions {
  /** postgres://… — use PostgreSQL; otherwise PGlite. */
  url?: string | undefined;
  /** PGlite data folder; 'memory://' or undefined with `memory: true` for an in-memory database. */
  dataDir?: string | undefined;
  memory?: boolean;
  /** Take the data-folder lock (default true for a folder). */
  lock?: boolean;
  poolSize?: number;
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  return openPglite(opts);
}

async function openPglite(opts: OpenDbOptions): Promise<Db> {
  const dir = opts.memory || !opts.dataDir ? undefined : opts.dataDir;
  const release = dir && opts.lock !== false ? await lockDataFolder(dir) : () => {};
  let db: PGlite;
  try {
    db = await PGlite.create(dir ? `${dir}/pg` : undefined, {
      parsers: {
        [DATE_OID]: (v: string) => v,
        [INT8_OID]: (v: string) => Number(v),
        [NUMERIC_OID]: (v: string) => Number(v),
      },
      serializers: {},
    });
  } catch (e) {
    release();
    throw e;
  }
  void types;
  const turn = fairTurn();
  const sql: Sql = {
    query: async <T>(text: string, params?: unknown[]) => {
      const r = await db.query<T>(text, params);
      await turn();
      return { rows: r.rows };
    },
  };
  return {
    driver: 'pglite',
    query: sql.query,
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      return db.transaction(async (tx) =>
        fn({
          query: async <R>(text: string, params?: unknown[]) => {
            const r = await tx.query<R>(text, params);
            await turn();
            return { rows: r.rows };
          },
        }),
      );
    },
    async listen(channel, onPayload) {
      const stop = await db.listen(channel, onPayload);
      return async () => {
        if (!db.closed) await stop();
      };
    },
    async close() {
      await db.close();
      release();
    },
  };
}

/**
 * PGlite answers inside the call (WebAssembly on this thread) and its promise resolves at once: request after request
 * would chain their queries in microtasks and hold the event loop for as long as all of them take (measured: 0.6–1 s
 * at a time under 50 clients), with new connections unread meanwhile. An answer therefore waits for a turn of the
 * event loop when none has come for 4 ms, so that arrivals are read and queued in order between queries.
 */
function fairTurn(): () => Promise<void> {
  let lastTurn = performance.now();
  let watching = false;
  const turned = () => {
    lastTurn = performance.now();
    watching = false;
  };
  return async () => {
    if (!watching) {
      watching = true;
      setImmediate(turned);
    }
    if (performance.now() - lastTurn > 4) await new Promise<void>((resolve) => setImmediate(resolve));
  };
}

async function openPostgres(url: string, max: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {}); // an idle client's connection dropped: the next query reconnects
  await pool.query('select 1');
  const listeners = new Set<pg.Client>();
  return {
    driver: 'postgres',
    query: async <T>(text: string, params?: unknown[]) => ({
      rows: (await pool.query(text, params as unknown[])).rows as T[],
    }),
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({
          query: async <R>(text: string, params?: unknown[]) => ({
            rows: (await client.query(text, params as unknown[])).rows as R[],
          }),
        });
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload, onLost) {
      // One dedicated connection per channel: LISTEN lives on a session, not on a pooled client.
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Tên kênh không hợp lệ: ${channel}`);
      const client = new pg.Client({ connectionString: url });
      let ended = false;
      const lost = () => {
        if (ended) return;
        ended = true;
        listeners.delete(client);
        onLost?.();
      };
      client.on('error', lost);
      client.on('end', lost);
      await client.connect();
      client.on('notification', (n) => {
        if (n.channel === channel) onPayload(n.payload ?? '');
      });
      await client.query(`listen ${channel}`);
      listeners.add(client);
      return async () => {
        ended = true;
        listeners.delete(client);
        await client.end().catch(() => {});
      };
    },
    async close() {
      await Promise.all([...listeners].map((c) => c.end().catch(() => {})));
      await pool.end();
    },
  };
}

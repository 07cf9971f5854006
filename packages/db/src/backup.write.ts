import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { backupTables, quoteIdent as q } from './backup.catalog.js';
import type { BackupTable } from './backup.catalog.js';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup.file.js';
import type { Db, Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** Session settings under which every text form is unambiguous, and read back the same on both databases. */
export const TEXT_FORM_SETTINGS = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  'set local extra_float_digits = 3',
  "set local bytea_output = 'hex'",
];

export interface BackupSummary {
  createdAt: string;
  driver: string;
  migrations: string[];
  counts: Record<string, number>;
  rows: number;
  /** Compressed size. */
  bytes: number;
  /** How long the snapshot transaction lasted: with PGlite, the time the database served nobody else. */
  snapshotMs: number;
  ms: number;
}

// Compressed output may queue this much before reading waits for the file: with PGlite the snapshot holds the only
// connection, so reading runs ahead of gzip rather than wait for it.
const QUEUE_LIMIT = 32 * 1024 * 1024;
const FETCH_ROWS = 2000;

/**
 * Writes a backup of every table to `out`, gzipped, row by row from a cursor, inside one REPEATABLE READ READ ONLY
 * transaction: a consistent snapshot while the server keeps writing.
 */
export async function writeBackup(
  db: Db,
  out: Writable,
  opts: { onTable?: (table: string, rows: number) => Promise<void> | void } = {},
): Promise<BackupSummary> {
  const t0 = performance.now();
  const gzip = createGzip({ level: 6 });
  let bytes = 0;
  gzip.on('data', (c: Buffer) => (bytes += c.length));
  let failure: unknown = null;
  const piped = pipeline(gzip, out).catch((e: unknown) => {
    failure = e ?? new Error('closed');
    throw failure;
  });
  piped.catch(() => {});
  const write = async (text: string) => {
    if (failure) throw failure;
    if (!gzip.write(text) && gzip.writableLength > QUEUE_LIMIT) await Promise.race([once(gzip, 'drain'), piped]);
  };
  const createdAt = new Date().toISOString();
  const counts: Record<string, number> = {};
  let migrations: string[] = [];
  let snapshotMs = 0;
  try {
    await db.transaction(async (tx) => {
      const ts = performance.now();
      await tx.query('set transaction isolation level repeatable read, read only');
      for (const s of TEXT_FORM_SETTINGS) await tx.query(s);
      migrations = (await qb(tx).selectFrom('schema_migration').select('name').orderBy('name').execute()).map(
        (r) => r.name,
      );
      await write(
        `${JSON.stringify({
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt,
          migrations,
          driver: db.driver,
        })}\n`,
      );
      for (const t of await backupTables(tx)) {
        const n = await writeTable(tx, t, write);
        counts[t.name] = n;
        await opts.onTable?.(t.name, n);
      }
      await write(`${JSON.stringify({ done: counts })}\n`);
      snapshotMs = performance.now() - ts;
    });
    gzip.end();
    await piped;
  } catch (e) {
    gzip.destroy(e as Error);
    await piped.catch(() => {});
    throw failure ?? e;
  }
  const rows = Object.values(counts).reduce((s, n) => s + n, 0);
  return {
    createdAt,
    driver: db.driver,
    migrations,
    counts,
    rows,
    bytes,
    snapshotMs: Math.round(snapshotMs),
    ms: Math.round(performance.now() - t0),
  };
}

async function writeTable(tx: Sql, t: BackupTable, write: (text: string) => Promise<void>): Promise<number> {
  const cols = t.columns.filter((c) => !c.generated);
  await write(
    `${JSON.stringify({ table: t.name, columns: cols.map((c) => c.name), types: cols.map((c) => c.type) })}\n`,
  );
  // Text forms are exact for every type (numeric, bigint, timestamptz to the microsecond, arrays); bytea as base64.
  const select = cols
    .map(
      (c, i) =>
        `${c.binary ? `translate(encode(x.${q(c.name)}, 'base64'), E'\\n', '')` : `x.${q(c.name)}::text`} as c${i}`,
    )
    .join(', ');
  await tx.query(`declare backup_rows no scroll cursor for select ${select} from ${q(t.name)} x ${orderOf(t)}`);
  let n = 0;
  for (;;) {
    const rows = (await tx.query(`fetch forward ${FETCH_ROWS} from backup_rows`)).rows; // c0, c1…: text or null
    if (rows.length === 0) break;
    let chunk = '';
    for (const r of rows) chunk += `${JSON.stringify(cols.map((_, i) => r[`c${i}`] ?? null))}\n`;
    n += rows.length;
    await write(chunk);
  }
  await tx.query('close backup_rows');
  await write(`${JSON.stringify({ end: t.name, rows: n })}\n`);
  return n;
}

/**
 * Rows by primary key (a stable file); a table that refers to itself parents first, by depth in its own tree, so
 * that restoring in batches never inserts a child before its parent. Rows of a cycle (none in practice) come last.
 */
function orderOf(t: BackupTable): string {
  const pk = t.primaryKey.map((c) => `x.${q(c)}`).join(', ');
  if (t.selfRefs.length === 0) return pk ? `order by ${pk}` : '';
  const key = t.selfRefs[0]!.refColumn;
  if (t.selfRefs.some((r) => r.refColumn !== key))
    throw new Error(`Bảng ${t.name} tham chiếu chính nó qua nhiều khóa khác nhau: chưa hỗ trợ sao lưu`);
  const k = q(key);
  const edges = t.selfRefs
    .map(
      (r) =>
        `select ${k} as child, ${q(r.column)} as parent from ${q(t.name)} where ${q(r.column)} is not null
          and ${q(r.column)} is distinct from ${k}`,
    )
    .join(' union all ');
  return `left join (
      with recursive edge as (${edges}),
      depth(node, d) as (
        select ${k}, 0 from ${q(t.name)} r where not exists (select 1 from edge e where e.child = r.${k})
        union all select e.child, depth.d + 1 from edge e join depth on e.parent = depth.node where depth.d < 10000
      ) select node, max(d) as d from depth group by node
    ) o on o.node = x.${k}
    order by o.d nulls last${pk ? `, ${pk}` : ''}`;
}

/**
 * A backup into a file: written beside it as `.part` (readable by its owner only: it holds password hashes), synced,
 * then renamed, so that FILE is either a complete backup or absent.
 */
export async function backupToFile(
  db: Db,
  file: string,
  opts: Parameters<typeof writeBackup>[2] = {},
): Promise<BackupSummary & { file: string }> {
  const part = `${file}.part-${process.pid}`;
  try {
    const summary = await writeBackup(db, createWriteStream(part, { mode: 0o600 }), opts);
    const fh = await open(part, 'r+');
    await fh.sync();
    await fh.close();
    await rename(part, file);
    return { ...summary, file };
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  }
}

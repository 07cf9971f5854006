import type { Sql } from './db.types.js';

/**
 * Left out of a backup and left as they are by a restore: the migration bookkeeping (the schema comes from the
 * software, not the file), and the cache generations (014_cache_generation.sql) that triggers bump while a restore
 * writes, so that every server drops what it cached; restoring old counts could match what a server holds.
 */
export const KEPT_TABLES: readonly string[] = ['schema_migration', 'cache_generation'];
/** Left out of a backup and emptied by a restore: nobody stays signed in to data that was replaced. */
export const SESSION_TABLES: readonly string[] = ['user_session', 'login_attempt'];
export const TRANSIENT_TABLES: readonly string[] = [...KEPT_TABLES, ...SESSION_TABLES];

export interface BackupColumn {
  name: string;
  /** The type as SQL spells it (`numeric(5,1)`, `text[]`): values are cast to it on restore. */
  type: string;
  /** bytea (or a domain over it) travels as base64; every other type as its PostgreSQL text form. */
  binary: boolean;
  /** `generated always as (…) stored`: computed again on restore, never written. */
  generated: boolean;
  /** `generated always as identity`: written with OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
}

export interface BackupTable {
  name: string;
  columns: BackupColumn[];
  primaryKey: string[];
  /** Single-column foreign keys to the table itself (body.part_of → body.id): rows are written parents first. */
  selfRefs: { column: string; refColumn: string }[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const quoteIdent = q;

/**
 * Every table of the schema but the transient ones, in an order that satisfies their foreign keys (referenced
 * tables first), read from pg_catalog so that a table added by a migration is backed up without anyone listing it.
 */
export async function backupTables(sql: Sql): Promise<BackupTable[]> {
  const tables = (
    await sql.query<{ oid: number; name: string }>(
      `select c.oid::int as oid, c.relname as name from pg_class c
        where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`,
    )
  ).rows.filter((t) => !TRANSIENT_TABLES.includes(t.name));
  const oids = tables.map((t) => t.oid);
  const cols = (
    await sql.query<{
      oid: number;
      name: string;
      type: string;
      binary: boolean;
      generated: boolean;
      identity_always: boolean;
    }>(
      `select a.attrelid::int as oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
              coalesce(nullif(t.typbasetype, 0), t.oid) = 'bytea'::regtype as binary,
              a.attgenerated <> '' as generated, a.attidentity = 'a' as identity_always
         from pg_attribute a join pg_type t on t.oid = a.atttypid
        where a.attrelid = any($1::oid[]) and a.attnum > 0 and not a.attisdropped
        order by a.attrelid, a.attnum`,
      [oids],
    )
  ).rows;
  // Constraint columns as JSON text: both drivers read it the same way, whatever their array parsers do.
  const cons = (
    await sql.query<{ oid: number; kind: string; ref: number | null; cols: string; ref_cols: string | null }>(
      `select c.conrelid::int as oid, c.contype as kind, nullif(c.confrelid, 0)::int as ref,
              (select json_agg(a.attname order by k.i)::text from unnest(c.conkey) with ordinality k(n, i)
                 join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as cols,
              (select json_agg(a.attname order by k.i)::text from unnest(c.confkey) with ordinality k(n, i)
                 join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n) as ref_cols
         from pg_constraint c
        where c.conrelid = any($1::oid[]) and c.contype in ('p', 'f')`,
      [oids],
    )
  ).rows;
  const byOid = new Map(tables.map((t) => [t.oid, t.name]));
  const out = new Map<string, BackupTable>();
  for (const t of tables) out.set(t.name, { name: t.name, columns: [], primaryKey: [], selfRefs: [] });
  for (const c of cols) {
    out.get(byOid.get(c.oid)!)!.columns.push({
      name: c.name,
      type: c.type,
      binary: c.binary,
      generated: c.generated,
      identityAlways: c.identity_always,
    });
  }
  const deps = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const c of cons) {
    const table = out.get(byOid.get(c.oid)!)!;
    const columns = JSON.parse(c.cols) as string[];
    if (c.kind === 'p') table.primaryKey = columns;
    else if (c.ref === c.oid) {
      const refCols = JSON.parse(c.ref_cols ?? '[]') as string[];
      if (columns.length !== 1)
        throw new Error(`Khóa ngoại nhiều cột tới chính bảng ${table.name}: chưa hỗ trợ sao lưu`);
      table.selfRefs.push({ column: columns[0]!, refColumn: refCols[0]! });
    } else if (c.ref !== null && byOid.has(c.ref)) deps.get(table.name)!.add(byOid.get(c.ref)!);
  }
  return foreignKeyOrder(deps).map((name) => out.get(name)!);
}

/** Kahn's algorithm, ties broken by name so that the file's order is stable; a cycle between tables is named. */
export function foreignKeyOrder(deps: Map<string, Set<string>>): string[] {
  const remaining = new Map([...deps].map(([t, d]) => [t, new Set(d)]));
  const order: string[] = [];
  while (remaining.size) {
    const ready = [...remaining]
      .filter(([, d]) => d.size === 0)
      .map(([t]) => t)
      .sort();
    if (ready.length === 0)
      throw new Error(
        'Các bảng tham chiếu vòng tròn lẫn nhau, không xếp được thứ tự sao lưu: ' +
          [...remaining.keys()].sort().join(', '),
      );
    for (const t of ready) {
      order.push(t);
      remaining.delete(t);
      for (const d of remaining.values()) d.delete(t);
    }
  }
  return order;
}

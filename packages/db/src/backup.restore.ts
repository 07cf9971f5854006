import { backupTables, KEPT_TABLES, quoteIdent as q } from './backup.catalog.js';
import type { BackupColumn, BackupTable } from './backup.catalog.js';
import { BackupFormatError, openBackupFile } from './backup.file.js';
import type { BackupHeader } from './backup.file.js';
import { TEXT_FORM_SETTINGS } from './backup.write.js';
import type { Db, Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

export interface RestoreSummary {
  header: BackupHeader;
  counts: Record<string, number>;
  rows: number;
  ms: number;
}

// A batch is sent as one jsonb parameter: big enough to be fast, small enough for a table of 8 MB files.
const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Replaces all data with the backup's, reading the file as it streams and inserting in batches, all in one
 * transaction: on any error (a damaged file, a value the schema refuses) nothing changes. Each value is converted
 * to its column's type as the catalog of this database says, not as the file says.
 */
export async function restoreBackupFile(db: Db, file: string): Promise<RestoreSummary> {
  const t0 = performance.now();
  const { header, events, close } = await openBackupFile(file);
  try {
    const migrations = (await qb(db).selectFrom('schema_migration').select('name').orderBy('name').execute()).map(
      (r) => r.name,
    );
    if (migrations.join(',') !== header.migrations.join(',')) {
      throw new BackupFormatError(
        `Bản sao lưu được tạo với lược đồ ${header.migrations.at(-1) ?? '?'}, ` +
          `cơ sở dữ liệu hiện ở ${migrations.at(-1) ?? '?'}: hãy dùng cùng phiên bản phần mềm`,
      );
    }
    const counts: Record<string, number> = {};
    await db.transaction(async (tx) => {
      for (const s of TEXT_FORM_SETTINGS) await tx.query(s);
      const catalog = new Map((await backupTables(tx)).map((t) => [t.name, t]));
      // Sessions and login throttling go too: nobody stays signed in to data that was replaced.
      const all = (
        await tx.query<{ name: string }>(
          `select relname as name from pg_class where relnamespace = current_schema()::regnamespace
            and relkind in ('r', 'p')
             and not relispartition and relname <> all($1::text[]) order by relname`,
          [KEPT_TABLES],
        )
      ).rows.map((r) => q(r.name));
      if (all.length) await tx.query(`truncate ${all.join(', ')} restart identity cascade`);
      let loader: TableLoader | null = null;
      let done = false;
      for await (const ev of events) {
        if (ev.kind === 'table') loader = new TableLoader(tx, catalog, ev.table, ev.columns, header.version);
        else if (ev.kind === 'row') await loader!.add(ev.values);
        else if (ev.kind === 'end') {
          counts[ev.table] = await loader!.finish();
          loader = null;
        } else done = true;
      }
      if (!done) throw new BackupFormatError('Tệp sao lưu không đầy đủ (bị cắt cụt): thiếu phần kết thúc');
      await resetSequences(tx);
    });
    return {
      header,
      counts,
      rows: Object.values(counts).reduce((s, n) => s + n, 0),
      ms: Math.round(performance.now() - t0),
    };
  } finally {
    await close();
  }
}

class TableLoader {
  private readonly keep: { from: number; column: BackupColumn }[] = [];
  private readonly insert: string;
  private batch: (string | null)[][] = [];
  private bytes = 0;
  private count = 0;

  constructor(
    private readonly tx: Sql,
    catalog: Map<string, BackupTable>,
    private readonly table: string,
    columns: string[],
    private readonly version: 1 | 2,
  ) {
    const t = catalog.get(table);
    if (!t) throw new BackupFormatError(`Bản sao lưu có bảng ${table} mà cơ sở dữ liệu này không có`);
    columns.forEach((name, from) => {
      const column = t.columns.find((c) => c.name === name);
      if (!column) throw new BackupFormatError(`Bản sao lưu có cột ${table}.${name} mà cơ sở dữ liệu này không có`);
      if (!column.generated) this.keep.push({ from, column }); // generated columns are computed again
    });
    const exprs = this.keep.map(({ column }, i) =>
      column.binary ? `decode(r->>${i}, 'base64')` : `(r->>${i})::${column.type}`,
    );
    const overriding = this.keep.some((k) => k.column.identityAlways) ? ' overriding system value' : '';
    this.insert = `insert into ${q(table)} (${this.keep.map((k) => q(k.column.name)).join(', ')})${overriding}
      select ${exprs.join(', ')} from jsonb_array_elements($1::jsonb) r`;
  }

  async add(values: unknown[]) {
    const row = this.keep.map(({ from, column }) =>
      this.version === 1
        ? fromVersionOne(values[from], column, this.table)
        : textForm(values[from], column, this.table),
    );
    for (const v of row) this.bytes += v === null ? 4 : v.length + 3;
    this.batch.push(row);
    this.count++;
    if (this.batch.length >= BATCH_ROWS || this.bytes >= BATCH_BYTES) await this.flush();
  }

  async finish(): Promise<number> {
    await this.flush();
    return this.count;
  }

  private async flush() {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    this.bytes = 0;
    try {
      await this.tx.query(this.insert, [JSON.stringify(rows)]);
    } catch (e) {
      throw new BackupFormatError(
        `Không phục hồi được bảng ${this.table}: ${(e as Error).message}. ` +
          'Cơ sở dữ liệu giữ nguyên như trước khi phục hồi',
      );
    }
  }
}

function textForm(v: unknown, c: BackupColumn, table: string): string | null {
  if (v === null || typeof v === 'string') return v;
  throw new BackupFormatError(`Tệp sao lưu bị hỏng: giá trị không hợp lệ ở cột ${table}.${c.name}`);
}

/** Version 1 kept JavaScript values: bytea as `\x…` hex, JSON as values, numbers and booleans as such. */
function fromVersionOne(v: unknown, c: BackupColumn, table: string): string | null {
  if (v === null || v === undefined) return null;
  if (c.binary) {
    if (typeof v === 'string' && v.startsWith('\\x')) return Buffer.from(v.slice(2), 'hex').toString('base64');
  } else if (c.type === 'jsonb' || c.type === 'json') return JSON.stringify(v);
  else if (typeof v === 'string') return v;
  else if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new BackupFormatError(`Tệp sao lưu phiên bản 1 bị hỏng: giá trị không hợp lệ ở cột ${table}.${c.name}`);
}

/** Sequences owned by columns (serial, identity) continue after the restored rows. */
async function resetSequences(tx: Sql) {
  const seqs = (
    await tx.query<{ seq: string; tbl: string; col: string }>(
      `select s.oid::regclass::text as seq, t.relname as tbl, a.attname as col
         from pg_class s
         join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
           and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
         join pg_class t on t.oid = d.refobjid
         join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        where s.relkind = 'S' and t.relnamespace = current_schema()::regnamespace`,
    )
  ).rows;
  for (const s of seqs) {
    await tx.query(`select setval($1::regclass, coalesce(max(${q(s.col)}), 0) + 1, false) from ${q(s.tbl)}`, [s.seq]);
  }
}

import { uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';

type Row = Record<string, unknown>;

/** Collects rows per table, then writes them with multi-row inserts (the demo loads in well under a second). */
export class Batch {
  readonly tables = new Map<string, Row[]>();
  add(table: string, row: Row): string {
    const id = (row['id'] as string | undefined) ?? uuidv7();
    const list = this.tables.get(table) ?? [];
    list.push({ id, ...row });
    this.tables.set(table, list);
    return id;
  }
  /** A row of a table without an id column (counters, per-year figures). */
  addRow(table: string, row: Row) {
    const list = this.tables.get(table) ?? [];
    list.push(row);
    this.tables.set(table, list);
  }
  async write(tx: Sql, order: string[]) {
    for (const t of order) {
      const rows = this.tables.get(t) ?? [];
      const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      for (let i = 0; i < rows.length; i += 400) {
        const chunk = rows.slice(i, i + 400);
        const params: unknown[] = [];
        // A key a row lacks takes the column's default (DEFAULT is allowed inside multi-row VALUES).
        const values = chunk.map((r) => {
          const cells = cols.map((c) => (r[c] === undefined ? 'default' : (params.push(r[c]), `$${params.length}`)));
          return `(${cells.join(',')})`;
        });
        await tx.query(`insert into ${t} (${cols.join(',')}) values ${values.join(',')}`, params);
      }
    }
  }
}

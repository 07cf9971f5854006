import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.types.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export function migrationNames(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .sort();
}

/**
 * Applies the numbered SQL files of migrations/ that are not yet applied, each in its own transaction; `only`: just
 * these (the schema a backup was made with, to check it in a scratch database).
 */
export async function migrate(db: Db, only?: string[]): Promise<string[]> {
  await db.query(
    `create table if not exists schema_migration (name text primary key,
      applied_at timestamptz not null default now())`,
  );
  const done = new Set((await db.query<{ name: string }>('select name from schema_migration')).rows.map((r) => r.name));
  const known = migrationNames();
  const unknown = (only ?? []).filter((f) => !known.includes(f));
  if (unknown.length)
    throw new Error(`Không có tệp cập nhật lược đồ ${unknown.join(', ')} (phiên bản phần mềm cũ hơn)`);
  const files = only ? known.filter((f) => only.includes(f)) : known;
  const applied: string[] = [];
  for (const f of files) {
    if (done.has(f)) continue;
    const text = readFileSync(MIGRATIONS_DIR + f, 'utf8');
    await db.transaction(async (tx) => {
      for (const stmt of splitSql(text)) await tx.query(stmt);
      await tx.query('insert into schema_migration (name) values ($1)', [f]);
    });
    applied.push(f);
  }
  return applied;
}

/**
 * Splits a migration into statements at the semicolons outside dollar-quoted bodies ($$ … $$ of a function);
 * our migrations use no semicolons inside ordinary string literals.
 */
export function splitSql(text: string): string[] {
  const lines = text.split('\n').filter((l) => !l.trim().startsWith('--'));
  const out: string[] = [];
  let current = '';
  let inBody = false;
  for (const piece of lines.join('\n').split(/(\$\$|;)/)) {
    if (piece === '$$') inBody = !inBody;
    if (piece === ';' && !inBody) {
      out.push(current);
      current = '';
    } else current += piece;
  }
  out.push(current);
  return out.map((x) => x.trim()).filter((x) => x.length > 0);
}

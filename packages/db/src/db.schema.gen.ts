import type { Sql } from './db.types.js';

/**
 * Writes the Kysely table types from the live schema (after the migrations, which stay the source of truth), so that
 * a column added by a migration and missing from the checked-in `db.schema.ts` fails its test.
 */
export async function generateSchemaTypes(sql: Sql): Promise<string> {
  const cols = (
    await sql.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: 'YES' | 'NO';
      column_default: string | null;
      is_identity: 'YES' | 'NO';
      is_generated: 'ALWAYS' | 'NEVER';
    }>(
      `select c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default, c.is_identity,
              c.is_generated
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type in ('BASE TABLE', 'VIEW')
        order by c.table_name, c.ordinal_position`,
    )
  ).rows;
  const tables = new Map<string, string[]>();
  for (const c of cols) {
    let ts = tsType(c.udt_name);
    if (c.is_nullable === 'YES') ts = `${ts} | null`;
    if (c.is_generated === 'ALWAYS') ts = `GeneratedAlways<${ts}>`;
    else if (c.column_default !== null || c.is_identity === 'YES') ts = `Generated<${ts}>`;
    const list = tables.get(c.table_name) ?? [];
    list.push(`  ${c.column_name}: ${ts};`);
    tables.set(c.table_name, list);
  }
  const name = (t: string) =>
    t
      .split('_')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('');
  const out = [
    '// Generated from the migrations by `npm run db:types` (packages/db/src/db.schema.gen.ts); do not edit.',
    "import type { ColumnType, GeneratedAlways } from 'kysely';",
    '',
    '/** A column with a default: optional on insert (also for a Timestamp or Json column). */',
    'export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>',
    '  ? ColumnType<S, I | undefined, U>',
    '  : ColumnType<T, T | undefined, T>;',
    '/** A timestamptz: read as a Date, written as a Date or an ISO string. */',
    'export type Timestamp = ColumnType<Date, Date | string, Date | string>;',
    '/** A jsonb value: read parsed, written as JSON text. */',
    'export type Json = ColumnType<JsonValue, string, string>;',
    'export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };',
    '',
  ];
  for (const [t, lines] of tables) out.push(`export interface ${name(t)}Table {`, ...lines, '}', '');
  out.push('export interface Database {');
  for (const t of tables.keys()) out.push(`  ${t}: ${name(t)}Table;`);
  out.push('}', '');
  return out.join('\n');
}

function tsType(udt: string): string {
  if (udt.startsWith('_')) {
    const inner = tsType(udt.slice(1));
    return inner.includes('|') || inner.includes('<') ? `(${inner})[]` : `${inner}[]`;
  }
  switch (udt) {
    case 'uuid':
    case 'text':
    case 'varchar':
    case 'bpchar':
    case 'citext':
    case 'inet':
    case 'tsvector':
    case 'interval':
    case 'time':
    case 'bytea_hex':
      return 'string';
    case 'date': // kept 'YYYY-MM-DD' by the type parsers of open-db.ts
      return 'string';
    case 'int2':
    case 'int4':
    case 'int8': // parsed to a number by open-db.ts
    case 'numeric':
    case 'float4':
    case 'float8':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'timestamptz':
    case 'timestamp':
      return 'Timestamp';
    case 'json':
    case 'jsonb':
      return 'Json';
    case 'bytea':
      return 'Buffer';
    default:
      return 'unknown';
  }
}

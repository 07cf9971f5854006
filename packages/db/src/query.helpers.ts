import { searchTerms } from '@quyche/core';
import {
  type Expression,
  type Insertable,
  type RawBuilder,
  type Selectable,
  type SelectQueryBuilder,
  sql,
} from 'kysely';
import type { Database } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** The columns a guarded, searchable record ends with: its secrecy grade, search text, version and timestamps. */
export const GUARDED_RECORD_COLUMNS = [
  'confidentiality',
  'search_text',
  'version',
  'created_at',
  'updated_at',
] as const;

/** A list of ids as one `uuid[]` parameter: `= any(…)` keeps one statement whatever the list's length. */
export const uuidList = (ids: readonly string[]) => sql<string[]>`${ids}::uuid[]`;
/**
 * `column` is one of `ids`, as a semi-join on the unnested list: PostgreSQL hashes it or walks an index, where
 * `= any(…)` tests the whole list on every row (a province's 100,000 members against its tasks).
 */
export const inIds = (column: string, ids: readonly string[]) =>
  sql<boolean>`${sql.ref(column)} in (select unnest(${uuidList(ids)}))`;

/**
 * An upsert's update on conflict: these columns take the values the insert proposed (`excluded.…`). Typed `never` so
 * that Kysely takes the reference for a column of any type, as it does `eb.ref('excluded.…')`.
 */
export const fromExcluded = <C extends string>(columns: readonly C[]) =>
  Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as Record<C, RawBuilder<never>>;

/** A date parameter typed as a date (the comparisons with date columns need it). */
export const dateParam = (d: string) => sql<string>`${d}::date`;

type DateOperand = Expression<string | null> | RawBuilder<string | null>;

/** The record `alias` (valid_from … valid_until, open-ended when null) is in force on the date `d`. */
export const validOn = (alias: string, d: DateOperand) => validDuring(alias, d, d);

/**
 * The record `alias` is in force at some time from `from` to `to` (its validity overlaps the period): the one
 * validity test, so that a record ending on the period's first day or beginning on its last counts everywhere alike.
 */
export function validDuring(alias: string, from: DateOperand, to: DateOperand) {
  const validFrom = sql.ref(`${alias}.valid_from`);
  const until = sql.ref(`${alias}.valid_until`);
  return sql<boolean>`${validFrom} <= ${to} and (${until} is null or ${until} >= ${from})`;
}

/** The tables whose rows are numbered in order under a parent row, with the column naming that parent. */
interface PositionedTables {
  agenda_item: 'meeting_id';
  meeting_site: 'meeting_id';
  program_item: 'program_id';
  consultation_comment: 'consultation_id';
}

/** The position of the last row under the parent (0 when none): new rows number on from it. */
export async function lastPosition<T extends keyof PositionedTables>(
  s: Sql,
  table: T,
  parentColumn: PositionedTables[T],
  parentId: string,
): Promise<number> {
  // Kysely cannot check a column against a table chosen at run time: PositionedTables pairs them instead.
  const r = await qb(s)
    .selectFrom(table as 'agenda_item')
    .select(sql<number>`coalesce(max(position), 0)::int`.as('n'))
    .where(parentColumn as 'meeting_id', '=', parentId)
    .executeTakeFirstOrThrow();
  return r.n;
}

type ColumnOf<T extends keyof Database> = keyof Database[T] & string;

/** The rows of `table` under a parent row (`parent`: its column and id): the columns asked, in the order asked. */
export async function rowsUnder<T extends keyof Database, C extends ColumnOf<T>>(
  s: Sql,
  table: T,
  parent: Partial<Record<ColumnOf<T>, string>>,
  columns: readonly C[],
  orderBy: readonly ColumnOf<T>[],
): Promise<Pick<Selectable<Database[T]>, C & keyof Selectable<Database[T]>>[]> {
  // As in lastPosition: the table is chosen at run time, the columns are checked against it by the signature.
  let q = qb(s)
    .selectFrom(table as 'task')
    .select(columns as readonly 'id'[]);
  for (const [column, id] of Object.entries(parent)) q = q.where(column as 'id', '=', id as string);
  for (const c of orderBy) q = q.orderBy(c as 'id');
  return (await q.execute()) as never;
}

/** The rows of `table` with these ids (the columns asked), in the order `orderBy` gives, then by id. */
export async function rowsByIds<T extends keyof Database, C extends ColumnOf<T>>(
  s: Sql,
  table: T,
  ids: readonly string[],
  columns: readonly C[],
  orderBy: RawBuilder<unknown>,
): Promise<Pick<Selectable<Database[T]>, C & keyof Selectable<Database[T]>>[]> {
  // As in rowsUnder: the table is chosen at run time, the columns are checked against it by the signature.
  const rows = await qb(s)
    .selectFrom(table as 'task')
    .select(columns as readonly 'id'[])
    .where('id', '=', sql<string>`any(${uuidList(ids)})`)
    .orderBy(orderBy)
    .orderBy('id')
    .execute();
  return rows as never;
}

/** The row `id` of `table` if it is under the parent named (`parent`: its column and id): the columns asked. */
export async function rowUnder<T extends keyof Database, C extends ColumnOf<T>>(
  s: Sql,
  table: T,
  id: string,
  parent: Partial<Record<ColumnOf<T>, string>>,
  columns: readonly C[],
): Promise<Pick<Selectable<Database[T]>, C & keyof Selectable<Database[T]>> | undefined> {
  // The id is one more column matched: a row under another parent is not found.
  return (await rowsUnder(s, table, { ...parent, id } as Partial<Record<ColumnOf<T>, string>>, columns, []))[0];
}

/** One row by id as a repository reads it: its list of columns, typed by the caller as the row those columns give. */
export async function rowById<R>(s: Sql, table: keyof Database, columns: readonly string[], id: string) {
  const row = await qb(s)
    .selectFrom(table as 'task')
    .select(columns as readonly 'id'[])
    .where('id', '=', id)
    .executeTakeFirst();
  return row as R | undefined;
}

/** Whether `table` has a row with these values in these columns. */
export async function rowExists<T extends keyof Database>(
  s: Sql,
  table: T,
  match: Partial<Record<ColumnOf<T>, string>>,
): Promise<boolean> {
  // As in rowsUnder: the table is chosen at run time, the columns are checked against it by the signature.
  let q = qb(s)
    .selectFrom(table as 'task')
    .select(sql<number>`1`.as('one'));
  for (const [column, value] of Object.entries(match)) q = q.where(column as 'id', '=', value as string);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The folded text in `column` holds every word of the search `q` (a search of no words matches every row). */
const matchesSearch = (column: string, q: string | undefined) =>
  sql<boolean>`${sql.ref(column)} like all (${searchTerms(q ?? '').map((t) => `%${t}%`)}::text[])`;

/** A paged list of guarded records as asked: by whom (what they see, their clearance), the search, the page. */
export interface ListRequest {
  visible: string[] | null;
  q?: string | undefined;
  clearance: number;
  page: number;
  pageSize: number;
}

/** `column` is one of the ids the user may see (`visible`; null: all may be seen). */
const amongVisible = (column: string, visible: readonly string[] | null) =>
  visible ? sql<boolean>`${sql.ref(column)} = any(${uuidList(visible)})` : sql<boolean>`true`;

/**
 * The records of `alias` a directory list or search gives the user: within their clearance, among the ids they see
 * (by `visibleColumn`), their folded text holding every word searched.
 */
export const listedFor = (
  alias: string,
  visibleColumn: string,
  o: { visible: readonly string[] | null; q?: string | undefined; clearance: number },
) =>
  sql<boolean>`${sql.ref(`${alias}.confidentiality`)} <= ${o.clearance} and ${amongVisible(visibleColumn, o.visible)}
    and ${matchesSearch(`${alias}.search_text`, o.q)}`;

/** Inserts one row into `table`. */
export async function insertRow<T extends keyof Database>(s: Sql, table: T, row: Insertable<Database[T]>) {
  // As in lastPosition: the table is chosen at run time, the row is checked against it by the signature.
  await qb(s)
    .insertInto(table as 'task')
    .values(row as Insertable<Database['task']>)
    .execute();
}

/** `fields` as the columns of the table named `alias` in a query (`o.id` for `id`): one list serves both. */
export const qualified = <A extends string, F extends string>(alias: A, fields: readonly F[]) =>
  fields.map((f) => `${alias}.${f}` as const) as readonly `${A}.${F}`[];

/** Inserts one row into `table` and reads back its `columns`, typed by the caller as the row those columns give. */
export async function insertReturning<T extends keyof Database, R>(
  s: Sql,
  table: T,
  row: Insertable<Database[T]>,
  columns: readonly string[],
): Promise<R> {
  // As in insertRow: the table is chosen at run time, the row is checked against it by the signature.
  const inserted = await qb(s)
    .insertInto(table as 'task')
    .values(row as Insertable<Database['task']>)
    .returning(columns as readonly 'id'[])
    .executeTakeFirstOrThrow();
  return inserted as R;
}

/**
 * A page of a filtered list with the count of the whole list: `rows` adds the columns and the order to the filter,
 * the page's limit and offset are added here.
 */
export async function pageOf<DB, TB extends keyof DB, O>(
  where: SelectQueryBuilder<DB, TB, object>,
  p: { page: number; pageSize: number },
  rows: (q: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
): Promise<{ rows: O[]; total: number }> {
  // The builder's tables are generic here: the count's row is named for Kysely.
  const count = await where
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .$castTo<{ n: number }>()
    .executeTakeFirstOrThrow();
  const page = await rows(where)
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .execute();
  return { rows: page, total: count.n };
}

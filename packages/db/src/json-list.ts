import type { Expression } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/**
 * The rows of a typed query as one JSON value (`json_agg`): for lists of a hundred rows and more this halves PGlite's
 * cost, which copies every field of every row out of WebAssembly one by one. The rows come back with JSON's types
 * (dates as text), in no particular order: callers sort.
 */
export async function jsonList<T>(s: Sql, list: Expression<T>): Promise<T[]> {
  const r = await qb(s).selectNoFrom(jsonArrayFrom(list).as('rows')).executeTakeFirst();
  const rows = (r?.rows ?? []) as T[] | string;
  return typeof rows === 'string' ? (JSON.parse(rows) as T[]) : rows;
}

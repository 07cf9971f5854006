import { sql } from 'kysely';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database } from './db.schema.js';
import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';
import { insertReturning } from './query.helpers.js';

/** The tables whose rows carry a version and are changed under optimistic concurrency. */
export type VersionedRecordTable =
  | 'meeting'
  | 'task'
  | 'task_extension'
  | 'program'
  | 'program_item'
  | 'inspection'
  | 'recommendation'
  | 'shortcoming'
  | 'consultation'
  | 'consultation_comment'
  | 'consultation_recipient'
  | 'review_report'
  | 'review_request'
  | 'organization'
  | 'body'
  | 'membership'
  | 'party_membership'
  | 'person'
  | 'portfolio_assignment';

/**
 * Updates a row only at the version the client read, and moves the version on; the whole row after the change, or
 * undefined when the row is gone or was changed since (the caller tells which with `currentVersionOf`). The whole
 * row is returned because the audit keeps it as the record's state after the change.
 */
export async function updateAtVersion<T extends VersionedRecordTable>(
  s: Sql,
  table: T,
  id: string,
  version: number,
  fields: Updateable<Database[T]>,
): Promise<Selectable<Database[T]> | undefined> {
  // Kysely cannot check a column against a table chosen at run time: the types are checked at the call instead.
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const r = await qb(s)
    .updateTable(table as 'task')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return r as Selectable<Database[T]> | undefined;
}

/**
 * `updateAtVersion` for a repository that reads its records as a list of columns: the row after the change as those
 * columns, or undefined when that version is no longer current.
 */
export async function updateColumnsAtVersion<T extends VersionedRecordTable, R>(
  s: Sql,
  table: T,
  id: string,
  version: number,
  changes: Updateable<Database[T]>,
  columns: readonly string[],
): Promise<R | undefined> {
  // As above: the table, the changes and the columns are checked against each other at the call.
  const r = await qb(s)
    .updateTable(table as 'task')
    .set((eb) => ({ ...(changes as Updateable<Database['task']>), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(columns as readonly 'id'[])
    .executeTakeFirst();
  return r as R | undefined;
}

/**
 * The writes of a record its repository reads as a list of columns (an organization, a body, a person, a portfolio):
 * a new row and a change at the version read, each giving back `fields` as the repository's row `R`.
 */
export function recordWrites<T extends VersionedRecordTable, R>(table: T, fields: readonly string[]) {
  return {
    insert: (s: Sql, row: Insertable<Database[T]>) => insertReturning<T, R>(s, table, row, fields),
    updateAtVersion: (s: Sql, id: string, version: number, changes: Updateable<Database[T]>) =>
      updateColumnsAtVersion<T, R>(s, table, id, version, changes, fields),
  };
}

/** The current version of a row (undefined: no such row). */
export async function currentVersionOf(s: Sql, table: VersionedRecordTable, id: string) {
  return (
    await qb(s)
      .selectFrom(table as 'task')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirst()
  )?.version;
}

import type { Sql } from './db.types.js';
import { qb } from './kysely.driver.js';

/** The records changed under optimistic concurrency (UPDATE … WHERE version = the one the client read). */
export type VersionedTable =
  | 'organization'
  | 'body'
  | 'membership'
  | 'party_membership'
  | 'person'
  | 'portfolio_assignment';

/** The current version of a record (undefined: no such record), to tell a conflict from a missing record. */
export async function recordVersion(s: Sql, table: VersionedTable, id: string): Promise<number | undefined> {
  return (await qb(s).selectFrom(table).select('version').where('id', '=', id).executeTakeFirst())?.version;
}

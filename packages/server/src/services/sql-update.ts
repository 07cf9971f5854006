import { updateAtVersion } from '@quyche/db';
import type { Database, Selectable, Sql, Updateable, VersionedRecordTable } from '@quyche/db';
import { versionProblem } from './version-conflict.js';

/**
 * Optimistic concurrency: updates the row only at the version the client read (undefined fields are left unchanged,
 * null clears); 404 when the row is gone, 409 with the current version when someone changed it since.
 */
export async function updateVersioned<T extends VersionedRecordTable>(
  tx: Sql,
  table: T,
  id: string,
  version: number,
  fields: Updateable<Database[T]>,
): Promise<Selectable<Database[T]>> {
  const row = await updateAtVersion(tx, table, id, version, fields);
  if (row) return row;
  throw await versionProblem(tx, table, id, version);
}

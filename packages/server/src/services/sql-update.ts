import { ProblemError } from '@quyche/core';
import type { Sql } from '@quyche/db';

/** `a = $3, b = $4` for the defined fields (undefined = leave unchanged, null = clear). Keys are our own column names. */
export function setClause(fields: Record<string, unknown>, firstParam: number): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [col, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    params.push(value);
    parts.push(`${col} = $${firstParam + params.length - 1}`);
  }
  return { sql: parts.join(', '), params };
}

/** Optimistic concurrency: updates the row only at the version the client read; 409 with the current one otherwise. */
export async function updateVersioned(
  tx: Sql,
  table: string,
  id: string,
  version: number,
  fields: Record<string, unknown>,
) {
  const { sql, params } = setClause(fields, 3);
  const r = await tx.query(
    `update ${table} set ${sql}${sql ? ', ' : ''}version = version + 1 where id = $1 and version = $2 returning *`,
    [id, version, ...params],
  );
  if (r.rows.length === 0) {
    const exists = (await tx.query(`select version from ${table} where id = $1`, [id])).rows[0] as
      | { version: number }
      | undefined;
    if (!exists) throw new ProblemError('NOT_FOUND');
    throw new ProblemError('VERSION_CONFLICT', {
      field: 'body.version',
      detail: `Bạn đang sửa phiên bản ${version}, bản ghi hiện ở phiên bản ${exists.version}`,
      currentVersion: exists.version,
    });
  }
  return r.rows[0] as Record<string, unknown>;
}

import { ProblemError } from '@quyche/core';
import { currentVersionOf } from '@quyche/db';
import type { Sql, VersionedRecordTable } from '@quyche/db';

/**
 * Why a versioned update (UPDATE … WHERE version = the one the client read) changed nothing: 404 when the record is
 * gone, 409 with the current version when someone changed it since it was read.
 */
export async function versionProblem(tx: Sql, table: VersionedRecordTable, id: string, version: number) {
  const current = await currentVersionOf(tx, table, id);
  if (current === undefined) return new ProblemError('NOT_FOUND');
  return new ProblemError('VERSION_CONFLICT', {
    field: 'body.version',
    detail: `Bạn đang sửa phiên bản ${version}, bản ghi hiện ở phiên bản ${current}`,
    currentVersion: current,
  });
}

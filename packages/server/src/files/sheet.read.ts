import { ProblemError } from '@quyche/core';
import type { RequestContext } from '../http/context.js';
import { parseInPool } from './file.pool.js';
import type { SheetLimits } from './file.limits.js';

/** The rows of an uploaded .xlsx or .csv, read in the file pool within the sheet's limits. */
export async function sheetRows(
  ctx: RequestContext,
  content: Buffer,
  fileName: string,
  limits: SheetLimits,
): Promise<unknown[][]> {
  const zip = content[0] === 0x50 && content[1] === 0x4b; // "PK": an .xlsx is a ZIP package
  const kind = /\.csv$/i.test(fileName) && !zip ? 'csv' : zip || /\.xlsx$/i.test(fileName) ? 'xlsx' : null;
  if (!kind)
    throw new ProblemError('VALIDATION_FAILED', {
      code: 'DINH_DANG_KHONG_HO_TRO',
      field: 'body.fileName',
      detail: 'Chỉ nhập được bảng tính Excel (.xlsx) hoặc tệp .csv',
    });
  return parseInPool<unknown[][]>({ kind, bytes: content, limits }, 'body.contentBase64', { req: ctx.req });
}

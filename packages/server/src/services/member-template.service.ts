import writeXlsxFile from 'write-excel-file/node';
import { MEMBER_SHEET_COLUMNS, neutralizeFormula } from '@quyche/core';
import { orgSubtree } from '@quyche/db';
import type { RequestContext } from '../http/context.js';

const WIDTHS: Record<string, number> = { fullName: 28, cell: 34, citizenId: 16, cardNumber: 16 };

/**
 * The empty members' sheet to fill in (the columns the import reads, in its order) with a second sheet listing the
 * cells of the organization as the "Chi bộ" column may name them (name or code). Only who may import there gets it.
 */
export async function memberImportTemplate(ctx: RequestContext, orgId: string) {
  ctx.assertMayWriteSomewhere();
  await ctx.assertOrg(orgId, 'write');
  const today = ctx.today();
  const cells = (await orgSubtree(ctx.db, orgId, today, ctx.user.clearance))
    .filter((o) => o.kind === 'CELL')
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const, wrap: true });
  const text = (value: string) => ({ value: neutralizeFormula(value), type: String });
  const content = await writeXlsxFile([
    {
      data: [MEMBER_SHEET_COLUMNS.map((c) => bold(c.title))],
      sheet: 'Đảng viên',
      columns: MEMBER_SHEET_COLUMNS.map((c) => ({ width: WIDTHS[c.key] ?? 14 })),
      stickyRowsCount: 1,
    },
    {
      data: [[bold('Chi bộ'), bold('Mã')], ...cells.map((c) => [text(c.name), text(c.code)])],
      sheet: 'Chi bộ',
      columns: [{ width: 48 }, { width: 20 }],
      stickyRowsCount: 1,
    },
  ]).toBuffer();
  return { fileName: `mau-nhap-dang-vien-${today}.xlsx`, content };
}

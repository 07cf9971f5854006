import writeXlsxFile from 'write-excel-file/node';
import { formatDateVi, neutralizeFormula, TASK_SOURCE_LABELS, TASK_STATE_LABELS } from '@quyche/core';
import type { z } from 'zod';
import type { TaskListQuerySchema } from '@quyche/core';
import { taskSheetRowsByIds } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { SHEET_COLUMNS } from './task-sheet.service.js';
import type { ColumnKey } from './task-sheet.service.js';
import { listTasks } from './task-list.service.js';

/** The task list as a spreadsheet (XLSX, or CSV to read): the 6 rõ in six columns (task-sheet.service.ts). */

async function exportRows(ctx: RequestContext, q: z.output<typeof TaskListQuerySchema>): Promise<ExportRow[]> {
  const out: ExportRow[] = [];
  for (let page = 1; page <= 50; page++) {
    const r = await listTasks(ctx, { ...q, page, pageSize: 500 });
    const ids = r.items.map((i) => i.id);
    const full = await taskSheetRowsByIds(ctx.db, ids);
    const byId = new Map(full.map((t) => [t.id, t]));
    for (const id of ids) {
      const t = byId.get(id)!;
      out.push({
        id: t.id,
        title: t.title,
        lead: t.lead_name ?? '',
        supporting: (t.supporting ?? []).map((s) => s.name).join('; '),
        dueDate: t.due_date ? formatDateVi(t.due_date) : '',
        dueLabel: t.due_label ?? '',
        supervisor: t.supervisor_name ?? '',
        decidingBody: t.deciding_body ?? '',
        product: t.product ?? '',
        sourceLabel: t.source_label ?? '',
        sourceKind: TASK_SOURCE_LABELS[t.source_kind as keyof typeof TASK_SOURCE_LABELS]?.vi ?? t.source_kind,
        state: TASK_STATE_LABELS[t.state]?.vi ?? t.state,
        percent: String(Number(t.percent)),
        extendedTo: t.extended_to ? formatDateVi(t.extended_to) : '',
      });
    }
    if (page * 500 >= r.total) break;
  }
  return out;
}

export async function exportXlsx(ctx: RequestContext, q: z.output<typeof TaskListQuerySchema>): Promise<Buffer> {
  const rows = await exportRows(ctx, q);
  const header = SHEET_COLUMNS.map((c) => ({ value: c.title, fontWeight: 'bold' as const, wrap: true }));
  const data = [
    header,
    ...rows.map((r) => SHEET_COLUMNS.map((c) => ({ value: neutralizeFormula(r[c.key]), type: String }))),
  ];
  return writeXlsxFile(data, {
    sheet: 'Nhiệm vụ',
    columns: SHEET_COLUMNS.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toBuffer();
}

const csvCell = (raw: string) => {
  const v = neutralizeFormula(raw);
  return /[",\r\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

export async function exportCsv(ctx: RequestContext, q: z.output<typeof TaskListQuerySchema>): Promise<string> {
  const rows = await exportRows(ctx, q);
  // A byte-order mark, so that spreadsheet programs read the Vietnamese as UTF-8.
  return (
    '\uFEFF' +
    [SHEET_COLUMNS.map((c) => c.title), ...rows.map((r) => SHEET_COLUMNS.map((c) => r[c.key]))]
      .map((l) => l.map(csvCell).join(','))
      .join('\r\n') +
    '\r\n'
  );
}

type ExportRow = Record<ColumnKey, string>;

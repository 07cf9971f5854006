import {
  checkSixClear,
  foldVietnamese,
  parseDateVi,
  ProblemError,
  TASK_SOURCE_KINDS,
  TASK_SOURCE_LABELS,
  unneutralizeFormula,
} from '@quyche/core';
import type { TaskLead } from '@quyche/core';
import { orgsCovered, taskSheetDirectory, tasksByIds, taskVersionsByIds } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { createTask, updateTask } from './task.service.js';
import { regulationFor } from './regulation-in-force.js';
import { sheetRows } from '../files/sheet.read.js';
import { TASK_SHEET_LIMITS } from '../files/file.limits.js';

/**
 * Tasks as a spreadsheet (XLSX, or CSV to read): the 6 rõ in six columns. An imported sheet is checked whole — every
 * row, every column, with the row and column of each error — and nothing is written unless all of it is right.
 */
export const SHEET_COLUMNS = [
  { key: 'id', title: 'Mã nhiệm vụ', width: 38 },
  { key: 'title', title: 'Rõ việc: nội dung nhiệm vụ', width: 60 },
  { key: 'lead', title: 'Rõ người: đơn vị, người chủ trì', width: 34 },
  { key: 'supporting', title: 'Đơn vị phối hợp', width: 34 },
  { key: 'dueDate', title: 'Rõ thời gian: hạn (dd/mm/yyyy)', width: 16 },
  { key: 'dueLabel', title: 'Rõ thời gian: hạn theo kỳ họp', width: 30 },
  { key: 'supervisor', title: 'Rõ trách nhiệm: Ủy viên BTV theo dõi', width: 28 },
  { key: 'decidingBody', title: 'Rõ thẩm quyền: cấp quyết định', width: 16 },
  { key: 'product', title: 'Rõ sản phẩm', width: 34 },
  { key: 'sourceLabel', title: 'Nguồn', width: 24 },
  { key: 'sourceKind', title: 'Loại nguồn', width: 24 },
  { key: 'state', title: 'Trạng thái (không nhập)', width: 18 },
  { key: 'percent', title: 'Tiến độ % (không nhập)', width: 12 },
  { key: 'extendedTo', title: 'Gia hạn đến (không nhập)', width: 16 },
] as const;
export type ColumnKey = (typeof SHEET_COLUMNS)[number]['key'];
const LETTER = (i: number) => String.fromCharCode(65 + i);

export interface SheetError {
  row: number;
  column: string;
  columnTitle: string;
  message: string;
}

export interface ParsedTask {
  row: number;
  id: string | null;
  title: string;
  lead: TaskLead | null;
  supporting: { kind: 'unit' | 'person'; id: string | null; name: string }[];
  dueDate: string | null;
  dueLabel: string | null;
  supervisorPersonId: string | null;
  decidingBody: string | null;
  product: string | null;
  sourceLabel: string | null;
  sourceKind: (typeof TASK_SOURCE_KINDS)[number];
}

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();

/**
 * Names a user may write in a sheet: the units and people of the organization's subtree, and the regulation's levels.
 */
async function directory(ctx: RequestContext, orgId: string) {
  const orgs = await orgsCovered(ctx.db, [orgId]);
  const { bodies, organizations, people } = await taskSheetDirectory(ctx.db, orgs, ctx.user.clearance);
  const units = [
    ...bodies,
    ...organizations.flatMap((o) => [
      { id: o.id, name: o.name },
      ...(o.short_name ? [{ id: o.id, name: o.short_name, display: o.short_name }] : []),
    ]),
  ];
  const reg = (await regulationFor(ctx.db, orgId, ctx.today()))?.reg;
  const levels = new Map<string, string>();
  for (const [code, b] of Object.entries(reg?.frontMatter.bodies ?? {}))
    levels.set(fold(code), code).set(fold(b.name ?? code), code);
  for (const [code, name] of Object.entries(reg?.frontMatter.roles ?? {}))
    levels.set(fold(code), code).set(fold(name), code);
  const unitIndex = new Map<string, { id: string; name: string }[]>();
  for (const u of units)
    unitIndex.set(fold(u.name), [
      ...(unitIndex.get(fold(u.name)) ?? []).filter((x) => x.id !== u.id),
      { id: u.id, name: u.name },
    ]);
  const personIndex = new Map<string, { id: string; name: string }[]>();
  for (const p of people) {
    for (const k of [fold(p.full_name), ...(p.code ? [fold(p.code)] : [])])
      personIndex.set(k, [...(personIndex.get(k) ?? []), { id: p.id, name: p.full_name }]);
  }
  return { unitIndex, personIndex, levels };
}

/** Reads a sheet: every error with its row and column; no database write. */
export async function parseTaskSheet(
  ctx: RequestContext,
  orgId: string,
  content: Buffer,
  fileName = 'nhiem-vu.xlsx',
): Promise<{ tasks: ParsedTask[]; errors: SheetError[] }> {
  const rows = await sheetRows(ctx, content, fileName, TASK_SHEET_LIMITS);
  const errors: SheetError[] = [];
  const header = (rows[0] ?? []).map((h) => fold(String(h ?? '')));
  const col = new Map<ColumnKey, number>();
  for (const c of SHEET_COLUMNS) {
    const i = header.indexOf(fold(c.title));
    if (i >= 0) col.set(c.key, i);
  }
  for (const key of ['title', 'lead'] as const) {
    if (!col.has(key)) {
      const c = SHEET_COLUMNS.find((x) => x.key === key)!;
      errors.push({ row: 1, column: '', columnTitle: c.title, message: `Thiếu cột "${c.title}" ở dòng tiêu đề` });
    }
  }
  if (errors.length) return { tasks: [], errors };
  const dir = await directory(ctx, orgId);
  const tasks: ParsedTask[] = [];
  rows.slice(1).forEach((cells, k) => {
    const rowNo = k + 2;
    const cell = (key: ColumnKey) => {
      const i = col.get(key);
      const v = i === undefined ? null : cells[i];
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      return v === null || v === undefined ? '' : unneutralizeFormula(String(v)).trim();
    };
    if (SHEET_COLUMNS.every((c) => !cell(c.key))) return; // an empty row
    const err = (key: ColumnKey, message: string) => {
      const i = col.get(key) ?? -1;
      errors.push({
        row: rowNo,
        column: i >= 0 ? LETTER(i) : '',
        columnTitle: SHEET_COLUMNS.find((c) => c.key === key)!.title,
        message,
      });
    };
    const title = cell('title');
    if (!title) err('title', 'Thiếu nội dung nhiệm vụ (rõ việc)');
    let lead: TaskLead | null = null;
    const leadText = cell('lead');
    if (leadText) {
      // The whole cell first: unit names themselves contain "và" (Ban Tuyên giáo và Dân vận).
      const lookup = (name: string) => {
        const n = fold(name);
        return [
          ...(dir.unitIndex.get(n) ?? []).map((u) => ({ ...u, kind: 'unit' as const })),
          ...(dir.personIndex.get(n) ?? []).map((p) => ({ ...p, kind: 'person' as const })),
        ];
      };
      const whole = lookup(leadText);
      const names = leadText.split(/\s*;\s*/).filter(Boolean);
      if (whole.length === 1)
        lead = {
          kind: whole[0]!.kind,
          id: whole[0]!.id,
          name: whole[0]!.kind === 'person' ? whole[0]!.name : leadText,
        };
      else if (whole.length > 1)
        err('lead', `"${leadText}" trùng tên ${whole.length} đơn vị, người: ghi rõ hơn (ví dụ mã cán bộ)`);
      else if (names.length > 1)
        err(
          'lead',
          checkSixClear({ title, leads: names.map((n, i) => ({ kind: 'unit', id: String(i), name: n })) }).refused!
            .message_vi,
        );
      else err('lead', `Không tìm thấy đơn vị hay người "${leadText}" trong tổ chức`);
    }
    const supporting = cell('supporting')
      .split(/\s*;\s*/)
      .filter(Boolean)
      .map((name) => {
        const u = dir.unitIndex.get(fold(name));
        return { kind: 'unit' as const, id: u && u.length === 1 ? u[0]!.id : null, name };
      });
    let dueDate: string | null = null;
    const dueText = cell('dueDate');
    if (dueText) {
      dueDate = parseDateVi(dueText);
      if (!dueDate) err('dueDate', `"${dueText}" không phải một ngày dạng dd/mm/yyyy`);
    }
    let supervisorPersonId: string | null = null;
    const sup = cell('supervisor');
    if (sup) {
      const found = dir.personIndex.get(fold(sup)) ?? [];
      if (found.length !== 1)
        err(
          'supervisor',
          found.length
            ? `"${sup}" trùng tên ${found.length} người: ghi mã cán bộ`
            : `Không tìm thấy "${sup}" trong tổ chức`,
        );
      else supervisorPersonId = found[0]!.id;
    }
    let decidingBody: string | null = null;
    const lvl = cell('decidingBody');
    if (lvl) {
      decidingBody = dir.levels.get(fold(lvl)) ?? null;
      if (!decidingBody) err('decidingBody', `Quy chế không có cấp "${lvl}" (ví dụ BCH, BTV, TT)`);
    }
    const kindText = cell('sourceKind');
    let sourceKind: ParsedTask['sourceKind'] = 'other';
    if (kindText) {
      const k2 = TASK_SOURCE_KINDS.find((x) => x === kindText || fold(TASK_SOURCE_LABELS[x].vi) === fold(kindText));
      if (!k2) err('sourceKind', `Không có loại nguồn "${kindText}"`);
      else sourceKind = k2;
    }
    const id = cell('id') || null;
    if (id && !/^[0-9a-f-]{36}$/i.test(id)) err('id', `Mã nhiệm vụ "${id}" không hợp lệ`);
    tasks.push({
      row: rowNo,
      id,
      title,
      lead,
      supporting,
      dueDate,
      dueLabel: cell('dueLabel') || null,
      supervisorPersonId,
      decidingBody,
      product: cell('product') || null,
      sourceLabel: cell('sourceLabel') || null,
      sourceKind,
    });
  });
  // Rows naming an existing task must name one of this organization's.
  const ids = tasks.map((t) => t.id).filter((x): x is string => Boolean(x));
  if (ids.length) {
    const known = new Map(
      (
        await taskVersionsByIds(
          ctx.db,
          ids.filter((i) => /^[0-9a-f-]{36}$/i.test(i)),
        )
      ).map((r) => [r.id, r]),
    );
    for (const t of tasks) {
      if (t.id && /^[0-9a-f-]{36}$/i.test(t.id) && known.get(t.id)?.org_id !== orgId)
        errors.push({
          row: t.row,
          column: LETTER(col.get('id')!),
          columnTitle: SHEET_COLUMNS[0].title,
          message: 'Không có nhiệm vụ mang mã này trong tổ chức',
        });
    }
  }
  return { tasks, errors };
}

/** Imports a sheet into an organization: all rows or none. */
export async function importTaskSheet(
  ctx: RequestContext,
  orgId: string,
  content: Buffer,
  dryRun: boolean,
  fileName?: string,
) {
  // Even a dry run is an import: who may not assign tasks there gets no file read.
  await ctx.assertOrg(orgId, 'write');
  const { tasks, errors } = await parseTaskSheet(ctx, orgId, content, fileName);
  if (errors.length) throw sheetProblem(errors);
  const current = new Map(
    (
      await tasksByIds(
        ctx.db,
        tasks.map((t) => t.id).filter((x): x is string => Boolean(x)),
      )
    ).map((r) => [r.id, r]),
  );
  const changesOf = (t: ParsedTask) => {
    const c = current.get(t.id!)!;
    const ch: Record<string, unknown> = {};
    if (t.title !== c.title) ch['title'] = t.title;
    if ((t.lead?.id ?? null) !== c.lead_id) ch['leads'] = t.lead ? [t.lead] : [];
    if (t.supporting.map((x) => x.name).join(';') !== (c.supporting ?? []).map((x) => x.name).join(';'))
      ch['supporting'] = t.supporting;
    if (t.dueDate !== (c.due_date ?? null)) ch['dueDate'] = t.dueDate;
    if (t.dueLabel !== (c.due_label ?? null)) ch['dueLabel'] = t.dueLabel;
    if (t.supervisorPersonId !== (c.supervisor_person_id ?? null)) ch['supervisorPersonId'] = t.supervisorPersonId;
    if (t.decidingBody !== (c.deciding_body ?? null)) ch['decidingBody'] = t.decidingBody;
    if (t.product !== (c.product ?? null)) ch['product'] = t.product;
    return ch;
  };
  const plan = tasks.map((t) => ({ t, changes: t.id ? changesOf(t) : null }));
  const rowsOut = plan.map(({ t, changes }) => ({
    row: t.row,
    id: t.id,
    title: t.title,
    lead: t.lead?.name ?? null,
    dueDate: t.dueDate,
    action: !t.id ? ('create' as const) : Object.keys(changes!).length ? ('update' as const) : ('unchanged' as const),
  }));
  const count = (a: string) => rowsOut.filter((r) => r.action === a).length;
  if (dryRun)
    return { dryRun, created: count('create'), updated: count('update'), unchanged: count('unchanged'), rows: rowsOut };
  // One transaction for the whole sheet: a refusal on any row leaves nothing behind, and names that row.
  await ctx.db.transaction(async (tx) => {
    const tctx = ctx.withDb(tx);
    for (const { t, changes } of plan) {
      try {
        if (!t.id) {
          await createTask(tctx, {
            orgId,
            title: t.title,
            leads: t.lead ? [t.lead] : [],
            supporting: t.supporting,
            dueDate: t.dueDate,
            dueLabel: t.dueLabel,
            supervisorPersonId: t.supervisorPersonId,
            decidingBody: t.decidingBody,
            product: t.product,
            sourceKind: t.sourceKind,
            sourceLabel: t.sourceLabel,
            assign: true,
          });
        } else if (Object.keys(changes!).length) {
          await updateTask(tctx, t.id, { version: current.get(t.id)!.version, ...changes });
        }
      } catch (e) {
        if (e instanceof ProblemError)
          throw sheetProblem([
            { row: t.row, column: '', columnTitle: '', message: e.problem.detail ?? e.problem.title },
          ]);
        throw e;
      }
    }
  });
  return { dryRun, created: count('create'), updated: count('update'), unchanged: count('unchanged'), rows: rowsOut };
}

function sheetProblem(errors: SheetError[]) {
  return new ProblemError('VALIDATION_FAILED', {
    status: 422,
    code: 'BANG_TINH_CO_LOI',
    title: 'Bảng tính có lỗi: chưa nhập nhiệm vụ nào',
    field: 'body.contentBase64',
    detail:
      errors
        .slice(0, 5)
        .map(
          (e) =>
            `Dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}` +
            `${e.columnTitle ? ` (${e.columnTitle})` : ''}: ${e.message}`,
        )
        .join('; ') + (errors.length > 5 ? `; và ${errors.length - 5} lỗi khác` : ''),
    errors: errors.map((e) => ({
      field: `row ${e.row}${e.column ? ` column ${e.column}` : ''}`,
      message: e.message,
      row: e.row,
      column: e.column,
      columnTitle: e.columnTitle,
    })),
  });
}

/** Loading and writing the records of a program shared by its services (scope, term range, draft check, items). */
import {
  foldVietnamese,
  formatDateVi,
  parsePeriod,
  periodLabel,
  periodRange,
  periodWithin,
  programSpan,
  ProblemError,
  invalidField,
  ruleViolation,
} from '@quyche/core';
import type { ProgramPeriod } from '@quyche/core';
import type { CreateProgramItemSchema } from '@quyche/core';
import { insertProgramItem, programById, programItemById, programTermById, uuidv7 } from '@quyche/db';
import type { ProgramItemRow, ProgramRow, Sql } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { assertVisible, leadColumnsOf } from './task.service.js';
import { meetingOfOrg } from './meeting.load.js';
import { accessible } from './record.access.js';

/** A program as created, before the database adds its search text and timestamps. */
export type ProgramFields = Omit<ProgramRow, 'search_text' | 'created_at' | 'updated_at'>;

export async function loadProgram(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  return accessible(ctx, await programById(ctx.db, id), action, 'Không tìm thấy chương trình');
}

export async function termRange(sql: Sql, termId: string) {
  const t = await programTermById(sql, termId);
  if (!t) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy nhiệm kỳ' });
  return t;
}

export const range = (
  p: Pick<ProgramRow, 'span' | 'year' | 'period'>,
  term: { valid_from: string; valid_until: string | null },
) =>
  programSpan({ span: p.span, year: p.year, period: p.period, term: { from: term.valid_from, to: term.valid_until } });

export const searchText = (title: string, symbol: string | null) => foldVietnamese(`${title} ${symbol ?? ''}`);

export function assertDraft(p: ProgramFields) {
  if (p.state !== 'draft') {
    throw ruleViolation(
      'CHUONG_TRINH_DA_THONG_QUA',
      p.state === 'adopted'
        ? `Chương trình đã được thông qua (${p.symbol ?? ''}): chỉ sửa khi dự thảo`
        : 'Chương trình đã hủy',
      'params.id',
    );
  }
}

/** Checks an item's period and 6 rõ against its program, and returns the row to store. */
export async function itemRow(
  ctx: RequestContext,
  p: ProgramFields,
  span: { from: string; to: string },
  it: Partial<In<typeof CreateProgramItemSchema>>,
  field: string,
  prev?: ProgramItemRow,
) {
  const out: Partial<ProgramItemRow> = {};
  if (it.period) {
    let period: ProgramPeriod | null;
    if (it.period.kind === 'meeting') {
      if (!it.period.meetingId) throw invalidField(`${field}.period.meetingId`, 'Cần chọn kỳ họp');
      const at = `${field}.period.meetingId`;
      const m = await meetingOfOrg(ctx, it.period.meetingId, p.org_id, at, 'Không tìm thấy kỳ họp này trong tổ chức');
      period = { kind: 'meeting', meetingDate: m.meeting_date, label: m.title };
      out.due_meeting_id = m.id;
      out.period = null;
    } else {
      period = parsePeriod(it.period.kind, it.period.value ?? '');
      const example = { month: '2026-05', quarter: '2026-Q2', half: '2026-H1', date: '2026-05-31' }[it.period.kind];
      const unit = { month: 'tháng', quarter: 'quý', half: 'nửa năm', date: 'ngày' }[it.period.kind];
      if (!period)
        throw invalidField(
          `${field}.period.value`,
          `"${it.period.value ?? ''}" không phải một ${unit} (ví dụ ${example})`,
        );
      out.due_meeting_id = null;
      out.period = 'value' in period ? period.value : null;
    }
    if (!periodWithin(period, span)) {
      throw ruleViolation(
        'NGOAI_THOI_GIAN_CHUONG_TRINH',
        `${periodLabel(period)} nằm ngoài thời gian của chương trình ` +
          `(${formatDateVi(span.from)} – ${formatDateVi(span.to)})`,
        `${field}.period`,
      );
    }
    const r = periodRange(period);
    Object.assign(out, {
      period_kind: period.kind,
      starts_on: r.from,
      due_date: r.to,
      period_label: periodLabel(period),
    });
  }
  if (it.leads !== undefined) Object.assign(out, await leadColumnsOf(ctx, it.title ?? prev?.title, it.leads, field));
  if (it.supervisorPersonId) await assertVisible(ctx, 'person', it.supervisorPersonId, `${field}.supervisorPersonId`);
  const set = <K extends keyof ProgramItemRow>(k: K, v: ProgramItemRow[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('title', it.title);
  set('supporting', it.supporting as ProgramItemRow['supporting'] | undefined);
  set('supervisor_person_id', it.supervisorPersonId);
  set('deciding_body', it.decidingBody);
  set('product', it.product);
  set('matter', it.matter);
  set('inspection_kind', it.inspectionKind);
  set('targets', it.targets as ProgramItemRow['targets'] | undefined);
  set('weight', it.weight);
  return out;
}

/** Inserts an item checked by `itemRow` (checks read outside the transaction: PGlite has one connection). */
export async function insertItem(
  tx: Sql,
  p: Pick<ProgramRow, 'id' | 'org_id'>,
  it: In<typeof CreateProgramItemSchema>,
  r: Partial<ProgramItemRow>,
  position: number,
  carriedFrom: string | null = null,
) {
  const id = uuidv7();
  await insertProgramItem(tx, {
    id,
    org_id: p.org_id,
    program_id: p.id,
    position,
    title: it.title,
    period_kind: r.period_kind!,
    period: r.period ?? null,
    due_meeting_id: r.due_meeting_id ?? null,
    starts_on: r.starts_on!,
    due_date: r.due_date!,
    period_label: r.period_label!,
    lead_kind: r.lead_kind ?? null,
    lead_id: r.lead_id ?? null,
    lead_name: r.lead_name ?? null,
    lead_org_id: r.lead_org_id ?? null,
    supporting: JSON.stringify(it.supporting ?? []),
    supervisor_person_id: it.supervisorPersonId ?? null,
    deciding_body: it.decidingBody ?? null,
    product: it.product ?? null,
    matter: it.matter ?? null,
    inspection_kind: it.inspectionKind ?? null,
    targets: JSON.stringify(it.targets ?? []),
    weight: it.weight ?? 1,
    carried_from_item_id: carriedFrom,
  });
  return id;
}

export async function loadItem(ctx: RequestContext, itemId: string, action: 'read' | 'write') {
  const it = await programItemById(ctx.db, itemId);
  if (!it) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy mục chương trình' });
  return { it, p: await loadProgram(ctx, it.program_id, action) };
}

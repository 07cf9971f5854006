import {
  adoptionCheck,
  checkSixClear,
  foldVietnamese,
  formatDateVi,
  itemStatus,
  parsePeriod,
  periodLabel,
  periodRange,
  periodWithin,
  PROGRAM_MATTERS,
  programAdopter,
  programPeriod,
  programSpan,
  programTitle,
  ProblemError,
  rollUpProgress,
} from '@quyche/core';
import type { ProgramPeriod } from '@quyche/core';
import type { z } from 'zod';
import type {
  AdoptProgramSchema,
  CreateProgramItemSchema,
  CreateProgramSchema,
  ItemTaskSchema,
  ProgramListQuerySchema,
  UpdateProgramItemSchema,
  UpdateProgramSchema,
} from '@quyche/core';
import {
  bumpProgramVersion,
  deleteProgramItemAt,
  getMeeting,
  getOrganization,
  insertProgram,
  insertProgramItem,
  listProgramsForOrg,
  programAdoptionAgendaItem,
  programAdoptionVote,
  programById,
  programCarriedLinks,
  programCarryExtendTask,
  programCarryMoveTask,
  programCarryOpenTasks,
  programItemById,
  programItemInspections,
  programItemNextPosition,
  programItemsInOrder,
  programItemsWithSupervisor,
  programLiveTwin,
  programSourceReport,
  programTermById,
  termOn,
  touchProgram,
  uuidv7,
} from '@quyche/db';
import type { ProgramItemRow, ProgramRow, Sql } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { issuerOn, numberDocument } from './document.service.js';
import { regulationFor } from './regulation-in-force.js';
import { loadBody } from './meeting.load.js';
import { updateVersioned } from './sql-update.js';
import { assertVisible, createTask, leadOrg } from './task.service.js';
import { leadOf, tasksBySource } from './task.view.js';

type In<T extends z.ZodType> = z.output<T>;

export type { ProgramItemRow, ProgramRow };
/** A program as created, before the database adds its search text and timestamps. */
type ProgramFields = Omit<ProgramRow, 'search_text' | 'created_at' | 'updated_at'>;

export async function loadProgram(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  const p = await programById(ctx.db, id);
  if (!p) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy chương trình' });
  await ctx.assertOrg(p.org_id, action, p.confidentiality);
  return p;
}

async function termRange(sql: Sql, termId: string) {
  const t = await programTermById(sql, termId);
  if (!t) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy nhiệm kỳ' });
  return t;
}

export const range = (
  p: Pick<ProgramRow, 'span' | 'year' | 'period'>,
  term: { valid_from: string; valid_until: string | null },
) =>
  programSpan({ span: p.span, year: p.year, period: p.period, term: { from: term.valid_from, to: term.valid_until } });

/** Checks an item's period and 6 rõ against its program, and returns the row to store. */
async function itemRow(
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
      if (!it.period.meetingId)
        throw new ProblemError('VALIDATION_FAILED', { field: `${field}.period.meetingId`, detail: 'Cần chọn kỳ họp' });
      const m = await getMeeting(ctx.db, it.period.meetingId);
      if (!m || m.org_id !== p.org_id || !(await ctx.can(m.org_id, 'read', m.confidentiality)))
        throw new ProblemError('VALIDATION_FAILED', {
          field: `${field}.period.meetingId`,
          detail: 'Không tìm thấy kỳ họp này trong tổ chức',
        });
      period = { kind: 'meeting', meetingDate: m.meeting_date, label: m.title };
      out.due_meeting_id = m.id;
      out.period = null;
    } else {
      period = parsePeriod(it.period.kind, it.period.value ?? '');
      const example = { month: '2026-05', quarter: '2026-Q2', half: '2026-H1', date: '2026-05-31' }[it.period.kind];
      const unit = { month: 'tháng', quarter: 'quý', half: 'nửa năm', date: 'ngày' }[it.period.kind];
      if (!period)
        throw new ProblemError('VALIDATION_FAILED', {
          field: `${field}.period.value`,
          detail: `"${it.period.value ?? ''}" không phải một ${unit} (ví dụ ${example})`,
        });
      out.due_meeting_id = null;
      out.period = 'value' in period ? period.value : null;
    }
    if (!periodWithin(period, span)) {
      throw new ProblemError('RULE_VIOLATION', {
        code: 'NGOAI_THOI_GIAN_CHUONG_TRINH',
        field: `${field}.period`,
        detail:
          `${periodLabel(period)} nằm ngoài thời gian của chương trình ` +
          `(${formatDateVi(span.from)} – ${formatDateVi(span.to)})`,
      });
    }
    const r = periodRange(period);
    Object.assign(out, {
      period_kind: period.kind,
      starts_on: r.from,
      due_date: r.to,
      period_label: periodLabel(period),
    });
  }
  if (it.leads !== undefined) {
    const six = checkSixClear({ title: it.title ?? prev?.title, leads: it.leads });
    if (six.refused)
      throw new ProblemError('RULE_VIOLATION', {
        code: six.refused.rule,
        title: 'Mỗi nhiệm vụ chỉ có một đầu mối chủ trì',
        detail: six.refused.message_vi,
        field: `${field}.leads`,
      });
    const lead = it.leads[0];
    Object.assign(out, {
      lead_kind: lead?.kind ?? null,
      lead_id: lead?.id ?? null,
      lead_name: lead?.name ?? null,
      lead_org_id: lead ? await leadOrg(ctx, lead, `${field}.leads.0`) : null,
    });
  }
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

const searchText = (title: string, symbol: string | null) => foldVietnamese(`${title} ${symbol ?? ''}`);

/** The year and period of a new program, checked against its span. */
function programWhen(input: Pick<In<typeof CreateProgramSchema>, 'span' | 'year' | 'period'>): {
  year: number | null;
  period: string | null;
} {
  if (input.span === 'year' && !input.year)
    throw new ProblemError('VALIDATION_FAILED', { field: 'body.year', detail: 'Chương trình năm cần ghi năm' });
  if (input.span === 'term' && input.year)
    throw new ProblemError('VALIDATION_FAILED', { field: 'body.year', detail: 'Chương trình toàn khóa không ghi năm' });
  if (input.span === 'year' || input.span === 'term') {
    if (input.period)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.period',
        detail: 'Chỉ chương trình quý, 6 tháng ghi kỳ (ví dụ 2026-Q3, 2026-H2)',
      });
    return { year: input.span === 'year' ? input.year! : null, period: null };
  }
  const within = programPeriod(input.span, input.period ?? null);
  if (!within || !('value' in within)) {
    const example = input.span === 'quarter' ? '2026-Q3' : '2026-H2';
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.period',
      detail:
        `Chương trình ${input.span === 'quarter' ? 'quý' : '6 tháng'} cần ghi kỳ, ví dụ ` +
        `${example}${input.period ? ` ("${input.period}" không phải một kỳ như vậy)` : ''}`,
    });
  }
  return { year: Number(within.value.slice(0, 4)), period: within.value };
}

export async function createProgram(
  ctx: RequestContext,
  input: In<typeof CreateProgramSchema>,
  sourceReportId: string | null = null,
  carriedFrom: (string | null)[] = [],
) {
  await ctx.assertOrg(input.orgId, 'write');
  ctx.assertClearance(input.confidentiality ?? 0);
  const org = (await getOrganization(ctx.db, input.orgId))!;
  const { year, period } = programWhen(input);
  let term: Awaited<ReturnType<typeof termRange>> | undefined;
  if (input.termId) {
    term = await termRange(ctx.db, input.termId);
    if (term.org_id !== input.orgId)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.termId',
        detail: 'Nhiệm kỳ này không phải của tổ chức',
      });
  } else {
    const t = await termOn(ctx.db, input.orgId, year ? `${year}-01-01` : ctx.today());
    const t2 = t ?? (year ? await termOn(ctx.db, input.orgId, `${year}-12-31`) : undefined);
    if (!t2)
      throw new ProblemError('RULE_VIOLATION', {
        code: 'KHONG_CO_NHIEM_KY',
        field: 'body.termId',
        detail: `${org.name} không có khóa, nhiệm kỳ nào ${year ? `trong năm ${year}` : 'vào hôm nay'}`,
      });
    term = await termRange(ctx.db, t2.id);
  }
  let ownerName = org.name;
  if (input.ownerBodyId) {
    const b = await loadBody(ctx.db, input.ownerBodyId);
    if (b.org_id !== input.orgId)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.ownerBodyId',
        detail: 'Cơ quan này không thuộc tổ chức',
      });
    ownerName = b.name;
  }
  const id = uuidv7();
  const row: ProgramFields = {
    id,
    org_id: input.orgId,
    term_id: term.id,
    kind: input.kind,
    span: input.span,
    year,
    period,
    source_report_id: sourceReportId,
    title: input.title ?? programTitle(input.kind, input.span, year, term.name, ownerName, period),
    matter: input.matter ?? PROGRAM_MATTERS[input.span],
    owner_body_id: input.ownerBodyId ?? null,
    state: 'draft',
    adopted_on: null,
    adopted_meeting_id: null,
    adopted_agenda_item_id: null,
    adopting_body_id: null,
    issued_document_id: null,
    symbol: null,
    competence: null,
    confidentiality: input.confidentiality ?? 0,
    version: 1,
  };
  const span = range(row, term);
  const live = await programLiveTwin(ctx.db, row);
  if (live)
    throw new ProblemError('DUPLICATE', {
      code: 'CHUONG_TRINH_DA_CO',
      field: 'body.span',
      detail: `Đã có "${live.title}": mỗi kỳ chỉ một chương trình; sửa chương trình đó hoặc hủy dự thảo trước`,
    });
  if (year && (span.to < term.valid_from || (term.valid_until && span.from > term.valid_until)))
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.year',
      detail: `Năm ${year} ngoài nhiệm kỳ ${term.name}`,
    });
  const checked: Partial<ProgramItemRow>[] = [];
  for (const [i, it] of (input.items ?? []).entries())
    checked.push(await itemRow(ctx, row, span, it, `body.items.${i}`));
  await ctx.db.transaction(async (tx) => {
    await insertProgram(tx, {
      id,
      org_id: row.org_id,
      term_id: row.term_id,
      kind: row.kind,
      span: row.span,
      year: row.year,
      period: row.period,
      source_report_id: row.source_report_id,
      title: row.title,
      matter: row.matter,
      owner_body_id: row.owner_body_id,
      confidentiality: row.confidentiality,
      search_text: searchText(row.title, null),
    });
    for (const [i, it] of (input.items ?? []).entries())
      await insertItem(tx, row, it, checked[i]!, i + 1, carriedFrom[i] ?? null);
    await ctx.audit(tx, {
      action: 'create',
      entity: 'program',
      entityId: id,
      orgId: row.org_id,
      after: { ...row, items: input.items?.length ?? 0, carriedOver: carriedFrom.filter(Boolean).length },
    });
  });
  return getProgram(ctx, id);
}

function assertDraft(p: ProgramFields) {
  if (p.state !== 'draft') {
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUONG_TRINH_DA_THONG_QUA',
      field: 'params.id',
      detail:
        p.state === 'adopted'
          ? `Chương trình đã được thông qua (${p.symbol ?? ''}): chỉ sửa khi dự thảo`
          : 'Chương trình đã hủy',
    });
  }
}

export async function updateProgram(ctx: RequestContext, id: string, input: In<typeof UpdateProgramSchema>) {
  const p = await loadProgram(ctx, id, 'write');
  assertDraft(p);
  if (input.ownerBodyId) {
    const b = await loadBody(ctx.db, input.ownerBodyId);
    if (b.org_id !== p.org_id)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.ownerBodyId',
        detail: 'Cơ quan này không thuộc tổ chức',
      });
  }
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, 'program', id, input.version, {
      title: input.title,
      owner_body_id: input.ownerBodyId,
      search_text: input.title ? searchText(input.title, null) : undefined,
    });
    await touchProgram(tx, id);
    await ctx.audit(tx, { action: 'update', entity: 'program', entityId: id, orgId: p.org_id, before: p, after });
  });
  return getProgram(ctx, id);
}

export async function addProgramItem(ctx: RequestContext, id: string, input: In<typeof CreateProgramItemSchema>) {
  const p = await loadProgram(ctx, id, 'write');
  assertDraft(p);
  const span = range(p, await termRange(ctx.db, p.term_id));
  const checked = await itemRow(ctx, p, span, input, 'body');
  await ctx.db.transaction(async (tx) => {
    const pos = await programItemNextPosition(tx, id);
    const itemId = await insertItem(tx, p, input, checked, pos);
    await bumpProgramVersion(tx, id);
    await ctx.audit(tx, {
      action: 'create',
      entity: 'program_item',
      entityId: itemId,
      orgId: p.org_id,
      after: { programId: id, position: pos, ...input },
    });
  });
  return getProgram(ctx, id);
}

async function loadItem(ctx: RequestContext, itemId: string, action: 'read' | 'write') {
  const it = await programItemById(ctx.db, itemId);
  if (!it) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy mục chương trình' });
  return { it, p: await loadProgram(ctx, it.program_id, action) };
}

export async function updateProgramItem(
  ctx: RequestContext,
  itemId: string,
  input: In<typeof UpdateProgramItemSchema>,
) {
  const { it, p } = await loadItem(ctx, itemId, 'write');
  assertDraft(p);
  const span = range(p, await termRange(ctx.db, p.term_id));
  const { version, ...fields } = input;
  const r = await itemRow(ctx, p, span, fields, 'body', it);
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, 'program_item', itemId, version, {
      ...r,
      supporting: r.supporting ? JSON.stringify(r.supporting) : undefined,
      targets: r.targets ? JSON.stringify(r.targets) : undefined,
    });
    await bumpProgramVersion(tx, p.id);
    await ctx.audit(tx, {
      action: 'update',
      entity: 'program_item',
      entityId: itemId,
      orgId: p.org_id,
      before: it,
      after,
    });
  });
  return getProgram(ctx, p.id);
}

export async function deleteProgramItem(ctx: RequestContext, itemId: string, version: number) {
  const { it, p } = await loadItem(ctx, itemId, 'write');
  assertDraft(p);
  if (it.version !== version)
    throw new ProblemError('VERSION_CONFLICT', {
      field: 'query.version',
      detail: `Bạn đang xóa phiên bản ${version}, mục hiện ở phiên bản ${it.version}`,
      currentVersion: it.version,
    });
  await ctx.db.transaction(async (tx) => {
    await deleteProgramItemAt(tx, p.id, itemId, it.position);
    await bumpProgramVersion(tx, p.id);
    await ctx.audit(tx, { action: 'delete', entity: 'program_item', entityId: itemId, orgId: p.org_id, before: it });
  });
  return getProgram(ctx, p.id);
}

/** The task an item generates: its 6 rõ carried over, its due date the end of its period or its meeting. */
function taskInput(
  p: ProgramFields,
  it: ProgramItemRow,
  sourceLabel: string,
  sourceBodyId: string | null,
  over: In<typeof ItemTaskSchema> = {},
) {
  const lead = leadOf(it);
  return {
    orgId: p.org_id,
    title: over.title ?? it.title,
    leads: over.leads ?? (lead ? [lead] : []),
    supporting: it.supporting,
    dueDate: over.dueDate ?? it.due_date,
    dueMeetingId: it.due_meeting_id,
    dueLabel:
      it.period_kind === 'meeting' ? `Trình ${it.period_label}` : it.period_kind === 'date' ? null : it.period_label,
    supervisorPersonId: it.supervisor_person_id,
    decidingBody: it.deciding_body,
    matter: it.matter,
    product: it.product,
    sourceKind: 'program_item' as const,
    sourceLabel,
    sourceBodyId,
    weight: it.weight,
    confidentiality: p.confidentiality,
    assign: over.assign ?? true,
  };
}

/**
 * Adopts a program at a meeting of the body the regulation names (R11): the full-term programs at the executive
 * committee; another body is refused, citing the clause. The program is numbered (CTr) and its items become tasks.
 */
export async function adoptProgram(ctx: RequestContext, id: string, input: In<typeof AdoptProgramSchema>) {
  const p = await loadProgram(ctx, id, 'write');
  assertDraft(p);
  const m = await getMeeting(ctx.db, input.meetingId);
  if (!m || m.org_id !== p.org_id || !(await ctx.can(m.org_id, 'read', m.confidentiality)))
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.meetingId',
      detail: 'Không tìm thấy hội nghị này trong tổ chức',
    });
  if (!['in_session', 'closed', 'minutes_approved'].includes(m.state))
    throw new ProblemError('RULE_VIOLATION', {
      code: 'TRANG_THAI_HOI_NGHI',
      field: 'body.meetingId',
      detail: `Chương trình được thông qua tại hội nghị đang họp hoặc đã họp; "${m.title}" chưa họp`,
    });
  const adoptedOn = input.adoptedOn ?? m.meeting_date;
  if (adoptedOn < m.meeting_date)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.adoptedOn',
      detail: `Ngày thông qua (${formatDateVi(adoptedOn)}) trước ngày họp (${formatDateVi(m.meeting_date)})`,
    });
  const body = await loadBody(ctx.db, m.body_id);
  const reg = (await regulationFor(ctx.db, p.org_id, m.meeting_date))?.reg;
  const check = adoptionCheck(reg, p.span, p.matter, body.kind, body.name, m.meeting_date);
  if (!check.ok) {
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUONG_TRINH_SAI_THAM_QUYEN',
      title: 'Sai thẩm quyền thông qua chương trình',
      field: 'body.meetingId',
      detail: check.reason_vi,
      ruleIds: check.ruleIds,
      eIds: check.eIds,
      competent: check.competent,
    });
  }
  if (input.agendaItemId) {
    const a = await programAdoptionAgendaItem(ctx.db, input.agendaItemId);
    if (!a || a.meeting_id !== m.id)
      throw new ProblemError('VALIDATION_FAILED', {
        field: 'body.agendaItemId',
        detail: 'Nội dung này không thuộc hội nghị đã chọn',
      });
    const v = await programAdoptionVote(ctx.db, input.agendaItemId);
    if (v && !v.passed)
      throw new ProblemError('RULE_VIOLATION', {
        code: 'CHUA_THONG_QUA',
        field: 'body.agendaItemId',
        detail: `Biểu quyết không thông qua (${v.yes}/${v.total_members} tán thành)`,
      });
  }
  const { org, term } = await issuerOn(ctx, p.org_id, adoptedOn, 'body');
  const items = await programItemsInOrder(ctx.db, id);
  if (items.length === 0)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUONG_TRINH_TRONG',
      field: 'params.id',
      detail: 'Chương trình chưa có nội dung nào',
    });
  let created = 0;
  await ctx.db.transaction(async (tx) => {
    const doc = await numberDocument(ctx, tx, {
      org,
      term,
      type: 'CTr',
      title: p.title,
      issuedOn: adoptedOn,
      confidentiality: p.confidentiality,
    });
    const after = await updateVersioned(tx, 'program', id, input.version, {
      state: 'adopted',
      adopted_on: adoptedOn,
      adopted_meeting_id: m.id,
      adopted_agenda_item_id: input.agendaItemId ?? null,
      adopting_body_id: body.id,
      issued_document_id: doc.id,
      symbol: doc.symbol,
      competence: JSON.stringify(check),
      search_text: searchText(p.title, doc.symbol),
    });
    await touchProgram(tx, id);
    await ctx.audit(tx, {
      action: 'adopt',
      entity: 'program',
      entityId: id,
      orgId: p.org_id,
      before: { state: p.state },
      after: { ...after, meeting: m.title },
    });
    if (input.generateTasks !== false) {
      const tctx = ctx.withDb(tx);
      const label = p.title;
      for (const it of items) {
        if (
          it.carried_from_item_id &&
          (await carryTasks(tctx, it, { programTitle: p.title, symbol: doc.symbol, adoptedOn, bodyName: body.name })) >
            0
        )
          continue;
        await createTask(tctx, taskInput(p, it, label, p.owner_body_id ?? body.id), it.id);
        created++;
      }
    }
  });
  return { ...(await getProgram(ctx, id)), tasksCreated: created };
}

/**
 * An unfinished item carried over keeps its tasks and their history: the open ones move under the new item, and
 * their deadline becomes the new period's end, recorded as an extension the adopting body decided (so a review of
 * the earlier period still counts them overdue then). Returns how many moved; none means the item needs new tasks.
 */
async function carryTasks(
  ctx: RequestContext,
  it: ProgramItemRow,
  by: { programTitle: string; symbol: string; adoptedOn: string; bodyName: string },
) {
  const open = await programCarryOpenTasks(ctx.db, it.carried_from_item_id!);
  for (const t of open) {
    await programCarryMoveTask(ctx.db, t.id, it.id, by.programTitle);
    let extendedTo = t.extended_to;
    if (!t.due_effective || t.due_effective < it.due_date) {
      await programCarryExtendTask(ctx.db, {
        id: uuidv7(),
        orgId: t.org_id,
        taskId: t.id,
        on: by.adoptedOn,
        to: it.due_date,
        reason: `Chuyển sang ${by.programTitle} (nội dung chưa hoàn thành kỳ trước)`,
        decidedBy: by.bodyName,
        decisionRef: by.symbol,
        createdBy: ctx.user.id,
      });
      extendedTo = it.due_date;
    }
    await ctx.audit(ctx.db, {
      action: 'carry_over',
      entity: 'task',
      entityId: t.id,
      orgId: t.org_id,
      before: { programItemId: it.carried_from_item_id, extendedTo: t.extended_to },
      after: { programItemId: it.id, extendedTo, program: by.symbol },
    });
  }
  return open.length;
}

/** One more task under an adopted program's item (an item done by two leads is two tasks). */
export async function taskFromProgramItem(ctx: RequestContext, itemId: string, input: In<typeof ItemTaskSchema>) {
  const { it, p } = await loadItem(ctx, itemId, 'write');
  if (p.state !== 'adopted')
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUONG_TRINH_CHUA_THONG_QUA',
      field: 'params.id',
      detail: 'Chương trình chưa được thông qua: chưa giao nhiệm vụ',
    });
  const task = await createTask(ctx, taskInput(p, it, p.title, p.owner_body_id ?? p.adopting_body_id, input), it.id);
  return task;
}

export async function cancelProgram(ctx: RequestContext, id: string, version: number, note: string) {
  const p = await loadProgram(ctx, id, 'write');
  assertDraft(p);
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'program', id, version, { state: 'cancelled' });
    await ctx.audit(tx, {
      action: 'cancel',
      entity: 'program',
      entityId: id,
      orgId: p.org_id,
      before: { state: p.state },
      after: { state: 'cancelled', note },
    });
  });
  return getProgram(ctx, id);
}

interface Rolled {
  percent: number;
  late: number;
}
function rollProgram(items: { weight: number; percent: number; status: { code: string } }[]): Rolled {
  return {
    percent: rollUpProgress(items.map((i) => ({ percent: i.percent, weight: i.weight }))),
    late: items.filter((i) => i.status.code === 'late').length,
  };
}

async function itemsView(ctx: RequestContext, programIds: string[]) {
  const items = await programItemsWithSupervisor(ctx.db, programIds);
  const tasks = await tasksBySource(
    ctx,
    'program_item',
    items.map((i) => i.id),
  );
  const links = await carriedLinks(ctx, items);
  const inspections = new Map<string, { id: string; title: string; state: string }[]>();
  if (items.length) {
    for (const r of await programItemInspections(
      ctx.db,
      items.map((i) => i.id),
      ctx.user.clearance,
    )) {
      inspections.set(r.program_item_id, [
        ...(inspections.get(r.program_item_id) ?? []),
        { id: r.id, title: r.title, state: r.state },
      ]);
    }
  }
  const today = ctx.today();
  return items.map((i) => {
    const ts = tasks.get(i.id) ?? [];
    const percent = rollUpProgress(ts.map((t) => ({ percent: t.percent, weight: t.weight, state: t.state })));
    const open = ts.filter((t) => ['draft', 'assigned', 'in_progress', 'reported'].includes(t.state)).length;
    const lead = leadOf(i);
    const six = checkSixClear({
      title: i.title,
      leads: lead ? [lead] : [],
      supporting: i.supporting,
      due: { date: i.due_date, meetingId: i.due_meeting_id },
      supervisorId: i.supervisor_person_id,
      decidingBody: i.deciding_body,
      product: i.product,
    });
    return {
      programId: i.program_id,
      id: i.id,
      position: i.position,
      title: i.title,
      period: { kind: i.period_kind, value: i.period, meetingId: i.due_meeting_id, label: i.period_label },
      startsOn: i.starts_on,
      dueDate: i.due_date,
      lead,
      supporting: i.supporting ?? [],
      supervisorPersonId: i.supervisor_person_id,
      supervisorName: i.supervisor_name,
      decidingBody: i.deciding_body,
      product: i.product,
      matter: i.matter,
      inspectionKind: i.inspection_kind,
      targets: i.targets ?? [],
      weight: i.weight,
      percent,
      status:
        links.to.has(i.id) && ts.length === 0
          ? {
              code: 'carried',
              label_vi: `Chưa hoàn thành, chuyển sang ${carriedName(links.to.get(i.id)!.programTitle)}`,
            }
          : itemStatus(
              { due: i.due_date, percent, openTasks: open, tasks: ts.filter((t) => t.state !== 'cancelled').length },
              today,
            ),
      sixClear: { complete: six.complete, missing: six.missing },
      tasks: ts,
      inspections: inspections.get(i.id) ?? [],
      carriedFrom: links.from.get(i.id) ?? null,
      carriedTo: links.to.get(i.id) ?? null,
      version: i.version,
    };
  });
}

type CarryLink = { itemId: string; programId: string; programTitle: string; periodLabel: string };
/** For each item, the earlier item it continues and the later one that continues it (in a live program). */
/** The program an item was carried to, as its status names it ("chương trình quý III năm 2026"). */
const carriedName = (programTitle: string) => programTitle.replace(/^Chương trình làm việc /, 'chương trình ');

async function carriedLinks(ctx: RequestContext, items: ProgramItemRow[]) {
  const from = new Map<string, CarryLink>();
  const to = new Map<string, CarryLink>();
  if (!items.length) return { from, to };
  const ids = items.map((i) => i.id);
  const back = items.filter((i) => i.carried_from_item_id).map((i) => i.carried_from_item_id!);
  const rows = await programCarriedLinks(ctx.db, back, ids, ctx.user.clearance);
  const link = (r: (typeof rows)[number]): CarryLink => ({
    itemId: r.id,
    programId: r.program_id,
    programTitle: r.title,
    periodLabel: r.period_label,
  });
  for (const r of rows) {
    if (r.carried_from_item_id && ids.includes(r.carried_from_item_id)) to.set(r.carried_from_item_id, link(r));
  }
  for (const i of items) {
    const r = i.carried_from_item_id ? rows.find((x) => x.id === i.carried_from_item_id) : undefined;
    if (r) from.set(i.id, link(r));
  }
  return { from, to };
}

export async function getProgram(ctx: RequestContext, id: string) {
  const p = await loadProgram(ctx, id);
  const term = await termRange(ctx.db, p.term_id);
  const items = await itemsView(ctx, [id]);
  const rolled = rollProgram(items);
  const bodyName = async (bid: string | null) => (bid ? (await loadBody(ctx.db, bid)).name : null);
  const m = p.adopted_meeting_id ? await getMeeting(ctx.db, p.adopted_meeting_id) : null;
  let competence = p.competence;
  if (!competence) {
    const reg = (await regulationFor(ctx.db, p.org_id, ctx.today()))?.reg;
    const who = programAdopter(reg, p.span, p.matter, ctx.today());
    competence = {
      ok: true,
      competent: who.competent,
      reason_vi: who.competent ? `Cơ quan thông qua: ${who.competentName} (${who.reason_vi})` : who.reason_vi,
      ruleIds: who.ruleIds,
      eIds: who.eIds,
    };
  }
  return {
    ...listItem(p, items.length, rolled),
    termId: p.term_id,
    termName: term.name,
    matter: p.matter,
    ownerBodyId: p.owner_body_id,
    ownerBodyName: await bodyName(p.owner_body_id),
    adoptedMeeting: m ? { id: m.id, title: m.title, date: m.meeting_date } : null,
    adoptingBodyName: await bodyName(p.adopting_body_id),
    competence,
    range: range(p, term),
    sourceReport: p.source_report_id ? ((await programSourceReport(ctx.db, p.source_report_id)) ?? null) : null,
    confidentiality: p.confidentiality,
    canWrite: await ctx.can(p.org_id, 'write', p.confidentiality),
    itemsDetail: items,
  };
}

const periodLabelOf = (p: Pick<ProgramRow, 'span' | 'period'>) => {
  const within = programPeriod(p.span, p.period);
  return within ? periodLabel(within) : null;
};

const listItem = (p: ProgramFields, items: number, r: Rolled) => ({
  id: p.id,
  orgId: p.org_id,
  kind: p.kind,
  span: p.span,
  year: p.year,
  period: p.period,
  periodLabel: periodLabelOf(p),
  title: p.title,
  state: p.state,
  symbol: p.symbol,
  adoptedOn: p.adopted_on,
  items,
  percent: r.percent,
  lateItems: r.late,
  version: p.version,
});

export async function listPrograms(ctx: RequestContext, q: In<typeof ProgramListQuerySchema>) {
  await ctx.assertOrg(q.orgId, 'read');
  const rows = await listProgramsForOrg(ctx.db, {
    orgId: q.orgId,
    clearance: ctx.user.clearance,
    year: q.year ?? null,
    kind: q.kind ?? null,
  });
  const items = await itemsView(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((p) => {
    const mine = items.filter((i) => i.programId === p.id);
    return listItem(p, mine.length, rollProgram(mine));
  });
}

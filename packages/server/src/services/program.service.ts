/** Work and inspection–supervision programs: creating, editing and cancelling a program (items: program-item). */
import { PROGRAM_MATTERS, programPeriod, programTitle, ProblemError, invalidField, ruleViolation } from '@quyche/core';
import type { CreateProgramSchema, UpdateProgramSchema } from '@quyche/core';
import { getOrganization, insertProgram, programLiveTwin, termOn, touchProgram, uuidv7 } from '@quyche/db';
import type { ProgramItemRow, ProgramRow } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { loadBody } from './meeting.load.js';
import { updateVersioned } from './sql-update.js';

import { assertDraft, insertItem, itemRow, loadProgram, range, searchText, termRange } from './program.records.js';
import type { ProgramFields } from './program.records.js';
import { getProgram } from './program.view.js';

export type { ProgramItemRow, ProgramRow };
/** The year and period of a new program, checked against its span. */
function programWhen(input: Pick<In<typeof CreateProgramSchema>, 'span' | 'year' | 'period'>): {
  year: number | null;
  period: string | null;
} {
  if (input.span === 'year' && !input.year) throw invalidField('body.year', 'Chương trình năm cần ghi năm');
  if (input.span === 'term' && input.year) throw invalidField('body.year', 'Chương trình toàn khóa không ghi năm');
  if (input.span === 'year' || input.span === 'term') {
    if (input.period)
      throw invalidField('body.period', 'Chỉ chương trình quý, 6 tháng ghi kỳ (ví dụ 2026-Q3, 2026-H2)');
    return { year: input.span === 'year' ? input.year! : null, period: null };
  }
  const within = programPeriod(input.span, input.period ?? null);
  if (!within || !('value' in within)) {
    const example = input.span === 'quarter' ? '2026-Q3' : '2026-H2';
    throw invalidField(
      'body.period',
      `Chương trình ${input.span === 'quarter' ? 'quý' : '6 tháng'} cần ghi kỳ, ví dụ ` +
        `${example}${input.period ? ` ("${input.period}" không phải một kỳ như vậy)` : ''}`,
    );
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
    if (term.org_id !== input.orgId) throw invalidField('body.termId', 'Nhiệm kỳ này không phải của tổ chức');
  } else {
    const t = await termOn(ctx.db, input.orgId, year ? `${year}-01-01` : ctx.today());
    const t2 = t ?? (year ? await termOn(ctx.db, input.orgId, `${year}-12-31`) : undefined);
    if (!t2)
      throw ruleViolation(
        'KHONG_CO_NHIEM_KY',
        `${org.name} không có khóa, nhiệm kỳ nào ${year ? `trong năm ${year}` : 'vào hôm nay'}`,
        'body.termId',
      );
    term = await termRange(ctx.db, t2.id);
  }
  let ownerName = org.name;
  if (input.ownerBodyId) {
    const b = await loadBody(ctx.db, input.ownerBodyId);
    if (b.org_id !== input.orgId) throw invalidField('body.ownerBodyId', 'Cơ quan này không thuộc tổ chức');
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
    throw invalidField('body.year', `Năm ${year} ngoài nhiệm kỳ ${term.name}`);
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
    await ctx.auditChange(tx, 'create', ['program', id, row.org_id], {
      after: { ...row, items: input.items?.length ?? 0, carriedOver: carriedFrom.filter(Boolean).length },
    });
  });
  return getProgram(ctx, id);
}

export async function updateProgram(ctx: RequestContext, id: string, input: In<typeof UpdateProgramSchema>) {
  const p = await loadProgram(ctx, id, 'write');
  assertDraft(p);
  if (input.ownerBodyId) {
    const b = await loadBody(ctx.db, input.ownerBodyId);
    if (b.org_id !== p.org_id) throw invalidField('body.ownerBodyId', 'Cơ quan này không thuộc tổ chức');
  }
  await ctx.db.transaction(async (tx) => {
    const after = await updateVersioned(tx, 'program', id, input.version, {
      title: input.title,
      owner_body_id: input.ownerBodyId,
      search_text: input.title ? searchText(input.title, null) : undefined,
    });
    await touchProgram(tx, id);
    await ctx.auditChange(tx, 'update', ['program', id, p.org_id], { before: p, after });
  });
  return getProgram(ctx, id);
}

export async function cancelProgram(ctx: RequestContext, id: string, version: number, note: string) {
  const p = await loadProgram(ctx, id, 'write');
  assertDraft(p);
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'program', id, version, { state: 'cancelled' });
    await ctx.auditChange(tx, 'cancel', ['program', id, p.org_id], {
      before: { state: p.state },
      after: { state: 'cancelled', note },
    });
  });
  return getProgram(ctx, id);
}

import { keyTasksOf, nextPeriodOf, ruleViolation } from '@quyche/core';
import type { NextProgramSchema } from '@quyche/core';
import { reviewMeetingBodyId, reviewUnfinishedProgramItems } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { createProgram } from './program.service.js';
import type { ProgramItemRow } from './program.service.js';
import { getReport } from './review-report.service.js';
import { leadOf } from './task.view.js';

/**
 * The next period's program from a review (nhiệm vụ trọng tâm kỳ tới): a draft work program of that quarter,
 * half-year or year, with an item for each key task of the report's section III, and the items of the period's
 * programs still unfinished carried over with their 6 rõ, each pointing to the item it continues. The office then
 * completes the items (a key task has no lead yet) and the program is adopted by the body its regulation names.
 */
export async function nextProgramFromReport(
  ctx: RequestContext,
  reportId: string,
  input: In<typeof NextProgramSchema>,
) {
  const r = await getReport(ctx, reportId);
  await ctx.assertOrg(r.orgId, 'write');
  if (r.state === 'cancelled') throw ruleViolation('BAO_CAO_DA_HUY', 'Báo cáo đã hủy', 'params.id');
  const next = nextPeriodOf(r.period, input.span);
  const period = next.period
    ? { kind: next.span as 'quarter' | 'half', value: next.period }
    : { kind: 'date' as const, value: next.to };
  const keyTasks = keyTasksOf(r.paragraphs.filter((p) => p.section === 'III').map((p) => p.rendered));
  const carried = input.carryOver === false ? [] : await unfinishedItems(ctx, r.orgId, r.period.from, r.period.to);
  if (keyTasks.length + carried.length === 0) {
    throw ruleViolation(
      'KHONG_CO_NHIEM_VU_TRONG_TAM',
      'Mục III của báo cáo chưa nêu nhiệm vụ trọng tâm nào và không có ' +
        'nội dung chương trình nào chưa hoàn thành để chuyển sang kỳ sau',
      'params.id',
    );
  }
  let ownerBodyId = input.ownerBodyId;
  if (ownerBodyId === undefined && r.adoptedMeetingId) {
    ownerBodyId = (await reviewMeetingBodyId(ctx.db, r.adoptedMeetingId))?.body_id ?? null;
  }
  const items = [
    ...keyTasks.map((title) => ({ title, period })),
    ...carried.map((i) => {
      const lead = leadOf(i);
      return {
        title: i.title,
        period,
        ...(lead ? { leads: [lead] } : {}),
        supporting: i.supporting ?? [],
        supervisorPersonId: i.supervisor_person_id,
        decidingBody: i.deciding_body,
        product: i.product,
        matter: i.matter,
        weight: i.weight,
      };
    }),
  ];
  return createProgram(
    ctx,
    {
      orgId: r.orgId,
      kind: 'work',
      span: next.span,
      year: next.year,
      period: next.period,
      ownerBodyId: ownerBodyId ?? null,
      items,
    },
    r.id,
    [...keyTasks.map(() => null), ...carried.map((i) => i.id)],
  );
}

/**
 * Items of the organization's adopted work programs due in the period and not finished today — no task yet, or a
 * task still open — and not already carried into a live program.
 */
async function unfinishedItems(ctx: RequestContext, orgId: string, from: string, to: string) {
  return (await reviewUnfinishedProgramItems(ctx.db, orgId, { from, to }, ctx.user.clearance)) as ProgramItemRow[];
}

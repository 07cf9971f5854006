/** A program as the page shows it (items with progress, carried-over links) and the list of programs. */
import { itemStatus, periodLabel, programAdopter, programPeriod, rollUpProgress } from '@quyche/core';
import type { ProgramListQuerySchema } from '@quyche/core';
import {
  getMeeting,
  listProgramsForOrg,
  programCarriedLinks,
  programItemInspections,
  programItemsWithSupervisor,
  programSourceReport,
} from '@quyche/db';
import type { ProgramItemRow, ProgramRow } from '@quyche/db';
import type { In, RequestContext } from '../http/context.js';
import { regulationFor } from './regulation-in-force.js';
import { loadBody } from './meeting.load.js';
import { leadOf, sixClearOf, tasksBySource } from './task.view.js';

import { loadProgram, range, termRange } from './program.records.js';
import type { ProgramFields } from './program.records.js';

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
    const six = sixClearOf(i);
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
  const rows = await listProgramsForOrg(ctx.db, {
    ...(await ctx.readScope(q.orgId)),
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

export interface Rolled {
  percent: number;
  late: number;
}

import { canMoveMeeting, conveningCheck, EngineError, isQuorate, noticeCheck, parseRegulation, ProblemError, voteOutcome, whoDecides } from '@quyche/core';
import type { Answer, MeetingState, Regulation } from '@quyche/core';
import type { z } from 'zod';
import type { AttendanceUpdateSchema, CastVoteSchema, ConveneMeetingSchema, CreateAgendaItemSchema, CreateMeetingSchema, SendDocumentsSchema } from '@quyche/core';
import { attendanceOf, getBody, getMeeting, regulationTextInForce, uuidv7 } from '@quyche/db';
import type { MeetingRow } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { updateVersioned } from './org.service.js';

/** Meetings are held under the regulation in force on the meeting date; every check cites its clause. */
async function regulationFor(ctx: RequestContext, orgId: string, on: string): Promise<{ reg: Regulation; versionId: string; expression: string } | null> {
  const v = await regulationTextInForce(ctx.db, orgId, on);
  if (!v) return null;
  const r = parseRegulation(v.source_text);
  return r.ok ? { reg: r.regulation, versionId: v.id, expression: v.expression } : null;
}

const check = (a: Answer<{ ok?: boolean; valid?: boolean }>) => ({ ok: Boolean(a.result.ok ?? a.result.valid), reason_vi: a.reason_vi, ruleIds: a.ruleIds, eIds: a.eIds });
function tryCheck(f: () => Answer<{ ok?: boolean; valid?: boolean }>) {
  try {
    return check(f());
  } catch (e) {
    if (e instanceof EngineError) return null;
    throw e;
  }
}

async function loadMeeting(ctx: RequestContext, id: string, action: 'read' | 'write' = 'read') {
  const m = await getMeeting(ctx.db, id);
  if (!m) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy hội nghị' });
  await ctx.assertOrg(m.org_id, action, m.confidentiality);
  return m;
}

async function bodyCode(ctx: RequestContext, bodyId: string) {
  const b = await getBody(ctx.db, bodyId);
  if (!b) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy cơ quan' });
  return b;
}

export async function meetingView(ctx: RequestContext, m: MeetingRow) {
  const body = await bodyCode(ctx, m.body_id);
  const r = await regulationFor(ctx, m.org_id, m.meeting_date);
  const attendance = await attendanceOf(ctx.db, m.id);
  const summoned = attendance.filter((a) => a.role === 'member').length;
  const present = attendance.filter((a) => a.role === 'member' && a.status === 'present').length;
  const reg = r?.reg;
  return {
    id: m.id,
    orgId: m.org_id,
    bodyId: m.body_id,
    bodyName: body.name,
    kind: m.kind as never,
    state: m.state,
    title: m.title,
    meetingDate: m.meeting_date,
    convenedBy: m.convened_by,
    conveningRef: m.convening_ref,
    documentsSentOn: m.documents_sent_on,
    version: m.version,
    regulation: r ? { versionId: r.versionId, expression: r.expression } : null,
    checks: {
      convening: reg && m.state !== 'planned' ? tryCheck(() => conveningCheck(reg, body.kind, m.convened_by, m.meeting_date)) : null,
      notice: reg && m.documents_sent_on ? tryCheck(() => noticeCheck(reg, body.kind, m.meeting_date, m.documents_sent_on!)) : null,
      quorum: reg && summoned > 0 ? tryCheck(() => isQuorate(reg, body.kind, { summoned, present }, m.meeting_date)) : null,
    },
    attendance: attendance.map((a) => ({ id: a.id, personId: a.person_id, fullName: a.full_name, role: a.role, status: a.status, reason: a.reason })),
    counts: { summoned, present },
    agenda: await agendaView(ctx, m, body.kind, body.name, reg),
  };
}

const RANK: Record<string, number> = { TT: 1, BTV: 2, BCH: 3 };

/**
 * Competence of the body for an agenda item (R9): a matter decided elsewhere gets a warning naming the competent
 * body and the clause; one within a lower level's own competence is "pushed up" and warned as such.
 */
function competence(reg: Regulation, bodyKind: string, bodyName: string, matter: string, attrs: Record<string, unknown>, on: string) {
  let a;
  try {
    a = whoDecides(reg, matter, attrs, on);
  } catch (e) {
    if (e instanceof EngineError) return { ok: false, reason_vi: e.reason_vi, ruleIds: e.ruleIds, eIds: [] };
    throw e;
  }
  const decider = a.result.body;
  const name = reg.frontMatter.bodies?.[decider]?.name ?? reg.frontMatter.roles?.[decider] ?? decider;
  if (decider === bodyKind) return { ok: true, reason_vi: `Đúng thẩm quyền: ${a.reason_vi}`, ruleIds: a.ruleIds, eIds: a.eIds };
  const lower = (RANK[decider] ?? 0) < (RANK[bodyKind] ?? 0);
  return {
    ok: false,
    reason_vi: lower
      ? `Việc thuộc thẩm quyền của ${name}: không đưa lên ${bodyName} việc cấp dưới tự quyết (${a.reason_vi})`
      : `${bodyName} không có thẩm quyền quyết định việc này; cơ quan có thẩm quyền là ${name} (${a.reason_vi})`,
    ruleIds: a.ruleIds,
    eIds: a.eIds,
  };
}

async function agendaView(ctx: RequestContext, m: MeetingRow, bodyKind: string, bodyName: string, reg: Regulation | undefined) {
  const items = (
    await ctx.db.query<{ id: string; position: number; title: string; matter: string | null; attributes: Record<string, unknown>; topic: string | null; presenting_unit: string | null; confidentiality: number }>(
      'select * from agenda_item where meeting_id = $1 and confidentiality <= $2 order by position',
      [m.id, ctx.user.clearance],
    )
  ).rows;
  const votes = (await ctx.db.query<{ id: string; agenda_item_id: string; method: string; yes: number; no: number; abstain: number; total_members: number; present: number; passed: boolean; outcome: { reason_vi: string } }>(
    'select v.* from vote v join agenda_item i on i.id = v.agenda_item_id where i.meeting_id = $1 order by v.created_at',
    [m.id],
  )).rows;
  return items.map((i) => ({
    id: i.id,
    position: i.position,
    title: i.title,
    matter: i.matter,
    topic: i.topic,
    presentingUnit: i.presenting_unit,
    competence: reg && i.matter ? competence(reg, bodyKind, bodyName, i.matter, i.attributes ?? {}, m.meeting_date) : null,
    votes: votes.filter((v) => v.agenda_item_id === i.id).map((v) => ({ id: v.id, method: v.method, yes: v.yes, no: v.no, abstain: v.abstain, totalMembers: v.total_members, present: v.present, passed: v.passed, reason_vi: v.outcome.reason_vi })),
  }));
}

export async function getMeetingDetail(ctx: RequestContext, id: string) {
  return meetingView(ctx, await loadMeeting(ctx, id));
}

export async function createMeeting(ctx: RequestContext, input: z.output<typeof CreateMeetingSchema>) {
  const body = await bodyCode(ctx, input.bodyId);
  await ctx.assertOrg(body.org_id, 'write', body.confidentiality);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.query('insert into meeting (id, org_id, body_id, kind, state, title, meeting_date, confidentiality) values ($1,$2,$3,$4,$5,$6,$7,$8)', [id, body.org_id, body.id, input.kind, 'planned', input.title, input.meetingDate, body.confidentiality]);
    await ctx.audit(tx, { action: 'create', entity: 'meeting', entityId: id, orgId: body.org_id, after: input });
  });
  return getMeetingDetail(ctx, id);
}

function move(from: string, to: MeetingState) {
  const c = canMoveMeeting(from as MeetingState, to);
  if (!c.ok) throw new ProblemError('RULE_VIOLATION', { code: 'TRANG_THAI_HOI_NGHI', detail: c.reason_vi, field: 'body' });
}

/** Convening: refused, citing the clause, when the body that convenes is not the one the regulation names (R2). */
export async function conveneMeeting(ctx: RequestContext, id: string, input: z.output<typeof ConveneMeetingSchema>) {
  const m = await loadMeeting(ctx, id, 'write');
  move(m.state, 'convened');
  const body = await bodyCode(ctx, m.body_id);
  const r = await regulationFor(ctx, m.org_id, m.meeting_date);
  if (!r) throw new ProblemError('RULE_VIOLATION', { code: 'KHONG_CO_QUY_CHE', detail: `Không có quy chế làm việc có hiệu lực ngày ${m.meeting_date} để triệu tập hội nghị`, field: 'body' });
  const c = tryCheck(() => conveningCheck(r.reg, body.kind, input.convenedBy, m.meeting_date));
  if (c && !c.ok) {
    throw new ProblemError('RULE_VIOLATION', { code: 'TRIEU_TAP_SAI_THAM_QUYEN', title: 'Triệu tập hội nghị không đúng thẩm quyền', detail: c.reason_vi, field: 'body.convenedBy', ruleIds: c.ruleIds, eIds: c.eIds });
  }
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'meeting', id, input.version, { state: 'convened', convened_by: input.convenedBy, convening_ref: input.conveningRef ?? null });
    // Those summoned: the body's members on the meeting date.
    const members = (
      await tx.query<{ person_id: string }>(
        `select distinct person_id from membership where body_id = $1 and valid_from <= $2::date and (valid_until is null or valid_until >= $2::date)`,
        [m.body_id, m.meeting_date],
      )
    ).rows;
    for (const p of members) {
      await tx.query('insert into meeting_attendance (id, org_id, meeting_id, person_id, role, status) values ($1,$2,$3,$4,$5,$6) on conflict do nothing', [uuidv7(), m.org_id, id, p.person_id, 'member', 'summoned']);
    }
    await ctx.audit(tx, { action: 'convene', entity: 'meeting', entityId: id, orgId: m.org_id, before: { state: m.state }, after: { state: 'convened', convenedBy: input.convenedBy, summoned: members.length } });
  });
  return getMeetingDetail(ctx, id);
}

/** Documents sent: recorded, with the notice check of the regulation as a warning when late. */
export async function sendDocuments(ctx: RequestContext, id: string, input: z.output<typeof SendDocumentsSchema>) {
  const m = await loadMeeting(ctx, id, 'write');
  move(m.state, 'documents_sent');
  await ctx.db.transaction(async (tx) => {
    await updateVersioned(tx, 'meeting', id, input.version, { state: 'documents_sent', documents_sent_on: input.sentOn });
    await ctx.audit(tx, { action: 'send_documents', entity: 'meeting', entityId: id, orgId: m.org_id, before: { state: m.state }, after: { state: 'documents_sent', sentOn: input.sentOn } });
  });
  return getMeetingDetail(ctx, id);
}

export async function updateAttendance(ctx: RequestContext, meetingId: string, attendanceId: string, input: z.output<typeof AttendanceUpdateSchema>) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  const row = (await ctx.db.query<{ id: string; status: string }>('select id, status from meeting_attendance where id = $1 and meeting_id = $2', [attendanceId, meetingId])).rows[0];
  if (!row) throw new ProblemError('NOT_FOUND', { detail: 'Không có người này trong danh sách triệu tập' });
  await ctx.db.transaction(async (tx) => {
    await tx.query('update meeting_attendance set status = $2, reason = $3, version = version + 1 where id = $1', [attendanceId, input.status, input.reason ?? null]);
    await ctx.audit(tx, { action: 'update', entity: 'meeting_attendance', entityId: attendanceId, orgId: m.org_id, before: { status: row.status }, after: input });
  });
  return getMeetingDetail(ctx, meetingId);
}

export async function addAgendaItem(ctx: RequestContext, meetingId: string, input: z.output<typeof CreateAgendaItemSchema>) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  if (m.state === 'closed' || m.state === 'minutes_approved' || m.state === 'cancelled') {
    throw new ProblemError('RULE_VIOLATION', { code: 'TRANG_THAI_HOI_NGHI', detail: 'Hội nghị đã kết thúc: không thêm nội dung', field: 'body' });
  }
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const pos = (await tx.query<{ n: number }>('select coalesce(max(position), 0)::int + 1 as n from agenda_item where meeting_id = $1', [meetingId])).rows[0]!.n;
    await tx.query(
      'insert into agenda_item (id, org_id, meeting_id, position, title, matter, attributes, topic, presenting_unit, confidentiality) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)',
      [id, m.org_id, meetingId, pos, input.title, input.matter ?? null, JSON.stringify(input.attributes ?? {}), input.topic ?? null, input.presentingUnit ?? null, m.confidentiality],
    );
    await ctx.audit(tx, { action: 'create', entity: 'agenda_item', entityId: id, orgId: m.org_id, after: input });
  });
  return getMeetingDetail(ctx, meetingId);
}

/** A vote counted by the regulation: the denominator is all incumbent members; secret ballot enforced where required. */
export async function castVote(ctx: RequestContext, meetingId: string, itemId: string, input: z.output<typeof CastVoteSchema>) {
  const m = await loadMeeting(ctx, meetingId, 'write');
  const item = (await ctx.db.query<{ id: string; topic: string | null }>('select id, topic from agenda_item where id = $1 and meeting_id = $2', [itemId, meetingId])).rows[0];
  if (!item) throw new ProblemError('NOT_FOUND', { detail: 'Không có nội dung này trong chương trình hội nghị' });
  const body = await bodyCode(ctx, m.body_id);
  const r = await regulationFor(ctx, m.org_id, m.meeting_date);
  if (!r) throw new ProblemError('RULE_VIOLATION', { code: 'KHONG_CO_QUY_CHE', detail: 'Không có quy chế làm việc có hiệu lực để tính kết quả biểu quyết', field: 'body' });
  const totalMembers = (await ctx.db.query<{ n: number }>(
    `select count(distinct person_id)::int as n from membership where body_id = $1 and valid_from <= $2::date and (valid_until is null or valid_until >= $2::date)`,
    [m.body_id, m.meeting_date],
  )).rows[0]!.n;
  const present = (await ctx.db.query<{ n: number }>("select count(*)::int as n from meeting_attendance where meeting_id = $1 and role = 'member' and status = 'present'", [meetingId])).rows[0]!.n;
  let a;
  try {
    a = voteOutcome(r.reg, body.kind, item.topic ?? undefined, { totalMembers, present, yes: input.yes, no: input.no, abstain: input.abstain, method: input.method }, m.meeting_date);
  } catch (e) {
    if (e instanceof EngineError) throw new ProblemError('RULE_VIOLATION', { code: `ENGINE_${e.code}`, detail: e.reason_vi, field: 'body' });
    throw e;
  }
  if (a.result.violations.includes('SECRET_BALLOT_REQUIRED')) {
    throw new ProblemError('RULE_VIOLATION', { code: 'BO_PHIEU_KIN_BAT_BUOC', title: 'Nội dung này phải biểu quyết bằng phiếu kín', detail: a.reason_vi, field: 'body.method', ruleIds: a.ruleIds, eIds: a.eIds });
  }
  if (a.result.violations.includes('COUNTS_INCONSISTENT')) {
    throw new ProblemError('VALIDATION_FAILED', { detail: `Số phiếu (${input.yes + input.no + input.abstain}) vượt quá số có mặt (${present})`, field: 'body.yes' });
  }
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    const outcome = { result: a.result, ruleIds: a.ruleIds, eIds: a.eIds, reason_vi: a.reason_vi };
    await tx.query(
      'insert into vote (id, org_id, agenda_item_id, method, total_members, present, yes, no, abstain, passed, outcome) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)',
      [id, m.org_id, itemId, input.method, totalMembers, present, input.yes, input.no, input.abstain, a.result.passed, JSON.stringify(outcome)],
    );
    await ctx.audit(tx, { action: 'vote', entity: 'vote', entityId: id, orgId: m.org_id, after: { ...input, totalMembers, present, passed: a.result.passed } });
  });
  return getMeetingDetail(ctx, meetingId);
}

import { foldVietnamese, formatDateVi, meetingLengthCheck, ProblemError } from '@quyche/core';
import type { CellMeetingRecordSchema } from '@quyche/core';
import {
  cellAssemblyBody,
  cellVoteRoster,
  getOrganization,
  insertMeeting,
  insertMeetingAttendance,
  personNames,
  uuidv7,
} from '@quyche/db';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { regulationFor } from './regulation-in-force.js';

const MONTH_TITLE = (kind: 'regular' | 'thematic', date: string, cell: string, theme?: string) =>
  kind === 'thematic'
    ? `Sinh hoạt chuyên đề "${theme}" của ${cell}`
    : `Sinh hoạt thường kỳ tháng ${Number(date.slice(5, 7))}/${date.slice(0, 4)} của ${cell}`;

export async function cellOf(ctx: RequestContext, cellId: string, action: 'read' | 'write') {
  await ctx.assertOrg(cellId, action);
  const cell = await getOrganization(ctx.db, cellId);
  if (cell?.kind !== 'CELL') throw new ProblemError('NOT_FOUND', { detail: 'Tổ chức này không phải chi bộ' });
  return cell;
}

/**
 * Who the cell's assembly summons on a date (its members from the register, the exempted ones marked), and the
 * minimum length of its meetings under its regulation: what the secretary's attendance list starts from.
 */
export async function cellRoster(ctx: RequestContext, cellId: string, date = ctx.today()) {
  const cell = await cellOf(ctx, cellId, 'read');
  const roster = await cellVoteRoster(ctx.db, cellId, date);
  const names = await personNames(
    ctx.db,
    roster.map((r) => r.person_id),
  );
  const r = await regulationFor(ctx.db, cellId, date);
  const min = (kind: 'regular' | 'thematic') =>
    r ? (meetingLengthCheck(r.reg, 'CHI_BO', kind, date, '00:00', '00:00')?.min ?? null) : null;
  return {
    cellId,
    cellName: cell.name,
    date,
    members: roster
      .filter((m) => !m.temporary_elsewhere)
      .map((m) => ({
        personId: m.person_id,
        fullName: names.get(m.person_id) ?? '',
        status: m.status,
        exempted: m.exempted,
      }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
    minMinutes: { regular: min('regular'), thematic: min('thematic') },
    regulation: r ? String(r.reg.frontMatter.title ?? '') : null,
  };
}

/**
 * Records a cell meeting once held (the way a cell secretary keeps the record): date and times, every member's
 * attendance — a valid reason named for each excused absence — and the cell's resolution as the minutes. The length
 * is checked against the regulation's minimum and reported with its clause, not refused: the meeting took place.
 */
export async function recordCellMeeting(
  ctx: RequestContext,
  cellId: string,
  input: z.output<typeof CellMeetingRecordSchema>,
) {
  const cell = await cellOf(ctx, cellId, 'write');
  if (input.meetingDate > ctx.today())
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.meetingDate',
      detail: `Ngày họp ${formatDateVi(input.meetingDate)} chưa đến: chỉ ghi buổi sinh hoạt đã diễn ra`,
    });
  const body = await cellAssemblyBody(ctx.db, cellId, input.meetingDate);
  if (!body)
    throw new ProblemError('NOT_FOUND', {
      detail: `${cell.name} chưa có hội nghị đảng viên (chi bộ) ngày ${formatDateVi(input.meetingDate)}`,
    });
  const roster = new Set(
    (await cellVoteRoster(ctx.db, cellId, input.meetingDate))
      .filter((m) => !m.temporary_elsewhere)
      .map((m) => m.person_id),
  );
  const given = new Set(input.attendance.map((a) => a.personId));
  const stranger = input.attendance.findIndex((a) => !roster.has(a.personId));
  if (stranger >= 0)
    throw new ProblemError('VALIDATION_FAILED', {
      field: `body.attendance.${stranger}.personId`,
      detail: `Người ở dòng ${stranger + 1} không sinh hoạt tại ${cell.name} ngày ${formatDateVi(input.meetingDate)}`,
    });
  const missing = [...roster].filter((p) => !given.has(p));
  if (missing.length)
    throw new ProblemError('VALIDATION_FAILED', {
      field: 'body.attendance',
      detail: `Chưa ghi tình hình dự họp của ${missing.length} đảng viên của chi bộ`,
    });
  const r = await regulationFor(ctx.db, cellId, input.meetingDate);
  const length = r
    ? meetingLengthCheck(r.reg, 'CHI_BO', input.kind, input.meetingDate, input.startsAt, input.endsAt)
    : null;
  const title = MONTH_TITLE(input.kind, input.meetingDate, cell.name, input.theme);
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await insertMeeting(tx, {
      id,
      org_id: cellId,
      body_id: body.id,
      kind: input.kind,
      state: 'minutes_approved',
      title,
      meeting_date: input.meetingDate,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      location: input.location || null,
      format: 'in_person',
      convened_by: 'CHI_UY',
      opened_on: input.meetingDate,
      closed_on: input.meetingDate,
      minutes_text: input.resolution,
      minutes_approved_on: input.meetingDate,
      chair_person_id: ctx.user.personId,
      search_text: foldVietnamese(`${title} ${input.resolution}`),
    });
    for (const a of input.attendance)
      await insertMeetingAttendance(tx, {
        id: uuidv7(),
        org_id: cellId,
        meeting_id: id,
        person_id: a.personId,
        role: 'member',
        status: a.status,
        reason: a.reason || null,
      });
    if (input.observer)
      await insertMeetingAttendance(tx, {
        id: uuidv7(),
        org_id: cellId,
        meeting_id: id,
        person_id: null,
        guest_name: input.observer.name,
        guest_title: input.observer.title || 'Cấp ủy cấp trên dự, chỉ đạo',
        role: 'observer',
        status: 'present',
        reason: null,
      });
    await ctx.auditChange(tx, 'record_cell_meeting', ['meeting', id, cellId], {
      after: {
        title,
        kind: input.kind,
        date: input.meetingDate,
        attendance: input.attendance.length,
        observer: input.observer?.name ?? null,
      },
    });
  });
  const n = (s: string) => input.attendance.filter((a) => a.status === s).length;
  return {
    id,
    bodyId: body.id,
    title,
    date: input.meetingDate,
    observer: input.observer?.name ?? null,
    counts: {
      summoned: input.attendance.length,
      present: n('present'),
      absentExcused: n('absent_excused'),
      absent: n('absent'),
    },
    length: length && { ok: length.ok, reason_vi: length.reason_vi, ruleIds: length.ruleIds, eIds: length.eIds },
  };
}

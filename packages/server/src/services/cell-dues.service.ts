import { DUES_RULES, formatDateVi, monthEndOrToday, monthlyDues, ruleViolation } from '@quyche/core';
import type { CellDuesRecordSchema, DuesCategory, DuesRemittanceSchema, Region } from '@quyche/core';
import {
  cellVoteRoster,
  duesOfMonth,
  duesProfilesOf,
  insertRemittance,
  personNames,
  remittanceOf,
  saveDues,
  superiorsOf,
  uuidv7,
} from '@quyche/db';
import type { z } from 'zod';
import type { RequestContext } from '../http/context.js';
import { cellOf } from './cell-meeting-record.service.js';

const money = (n: number) => `${n.toLocaleString('vi-VN')} đ`;
const monthVi = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

/**
 * A cell's dues of a month: each member's amount at their rate (Quy định 01-QĐ/TW Điều 3) with how it was worked
 * out, what was recorded, what was collected and what was remitted upward.
 */
export async function cellDuesSheet(ctx: RequestContext, cellId: string, month = ctx.today().slice(0, 7)) {
  const cell = await cellOf(ctx, cellId, 'read');
  const day = monthEndOrToday(Number(month.slice(0, 4)), Number(month.slice(5, 7)), ctx.today());
  const roster = (await cellVoteRoster(ctx.db, cellId, day)).filter((m) => !m.temporary_elsewhere);
  const ids = roster.map((m) => m.person_id);
  const [names, profiles, recorded, remittance] = await Promise.all([
    personNames(ctx.db, ids),
    duesProfilesOf(ctx.db, ids),
    duesOfMonth(ctx.db, ids, month),
    remittanceOf(ctx.db, cellId, month),
  ]);
  const profile = new Map(profiles.map((p) => [p.person_id, p]));
  const entry = new Map(recorded.map((d) => [d.person_id, d]));
  const members = roster
    .map((m) => {
      const p = profile.get(m.person_id);
      const category = (p?.dues_category ?? null) as DuesCategory | null;
      const due = monthlyDues(
        { category, base: p?.dues_base ?? null, region: (p?.dues_region ?? null) as Region | null },
        month,
      );
      const d = entry.get(m.person_id);
      return {
        personId: m.person_id,
        fullName: names.get(m.person_id) ?? '',
        category,
        due: due.amount,
        dueBasis_vi: due.reason_vi,
        status: d?.status ?? null,
        amount: d?.amount ?? null,
        paidOn: d?.paid_on ?? null,
      };
    })
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  const sum = (xs: (number | null)[]) => xs.reduce<number>((n, x) => n + (x ?? 0), 0);
  return {
    cellId,
    cellName: cell.name,
    month,
    source_vi: DUES_RULES.source,
    members,
    collected: sum(members.filter((m) => m.status === 'paid').map((m) => m.amount)),
    expected: sum(members.filter((m) => m.status !== 'exempt').map((m) => m.due)),
    remittance: remittance
      ? {
          collected: remittance.collected,
          remitted: remittance.remitted,
          remittedOn: remittance.remitted_on,
          toName: remittance.to_name,
          note: remittance.note,
        }
      : null,
  };
}

/**
 * Records the month's dues as the cell collected them. A paid amount below the member's rate is refused with the
 * rate and its clause (more is welcome, Điều 2); a month not begun, or a person not in the cell then, is refused.
 */
export async function recordCellDues(
  ctx: RequestContext,
  cellId: string,
  input: z.output<typeof CellDuesRecordSchema>,
) {
  await cellOf(ctx, cellId, 'write');
  const today = ctx.today();
  if (input.month > today.slice(0, 7))
    throw ruleViolation('DANG_PHI_KHONG_HOP_LE', `Tháng ${monthVi(input.month)} chưa đến`, 'body.month');
  const sheet = await cellDuesSheet(ctx, cellId, input.month);
  const member = new Map(sheet.members.map((m) => [m.personId, m]));
  const rows = input.payments.map((p, i) => {
    const m = member.get(p.personId);
    if (!m)
      throw ruleViolation(
        'DANG_PHI_KHONG_HOP_LE',
        `Người ở dòng ${i + 1} không sinh hoạt tại chi bộ trong tháng ${monthVi(input.month)}`,
        `body.payments.${i}.personId`,
      );
    const amount = p.status === 'paid' ? (p.amount ?? m.due) : null;
    if (p.status === 'paid' && amount === null)
      throw ruleViolation(
        'DANG_PHI_KHONG_HOP_LE',
        `${m.fullName}: nhập số tiền đã đóng (${m.dueBasis_vi})`,
        `body.payments.${i}.amount`,
      );
    if (p.status === 'paid' && m.due !== null && amount! < m.due)
      throw ruleViolation(
        'DANG_PHI_KHONG_HOP_LE',
        `${m.fullName}: số tiền ${money(amount!)} ít hơn mức phải đóng ${money(m.due)} — ${m.dueBasis_vi}`,
        `body.payments.${i}.amount`,
      );
    return {
      id: uuidv7(),
      org_id: cellId,
      person_id: p.personId,
      month: input.month,
      status: p.status,
      amount: p.status === 'paid' ? amount : m.due,
      due_amount: m.due,
      paid_on: p.status === 'paid' ? (p.paidOn ?? today) : null,
      recorded_by: ctx.user.id,
    };
  });
  await ctx.db.transaction(async (tx) => {
    await saveDues(tx, rows);
    await ctx.auditChange(tx, 'record_dues', ['member_dues', null, cellId], {
      after: { month: input.month, members: rows.length, paid: rows.filter((r) => r.status === 'paid').length },
    });
  });
  return cellDuesSheet(ctx, cellId, input.month);
}

/** The cell remits the month's dues to its superior: not more than it collected, once a month. */
export async function remitCellDues(ctx: RequestContext, cellId: string, input: z.output<typeof DuesRemittanceSchema>) {
  await cellOf(ctx, cellId, 'write');
  const sheet = await cellDuesSheet(ctx, cellId, input.month);
  if (sheet.remittance)
    throw ruleViolation(
      'DANG_PHI_KHONG_HOP_LE',
      `Chi bộ đã ghi nộp đảng phí tháng ${monthVi(input.month)} ngày ${formatDateVi(sheet.remittance.remittedOn)}`,
      'body.month',
    );
  if (input.remitted > sheet.collected)
    throw ruleViolation(
      'DANG_PHI_KHONG_HOP_LE',
      `Số nộp lên ${money(input.remitted)} lớn hơn số chi bộ đã thu tháng ${monthVi(input.month)} ` +
        `(${money(sheet.collected)})`,
      'body.remitted',
    );
  const [superior] = await superiorsOf(ctx.db, cellId, input.remittedOn);
  await ctx.db.transaction(async (tx) => {
    const id = uuidv7();
    await insertRemittance(tx, {
      id,
      org_id: cellId,
      month: input.month,
      collected: sheet.collected,
      remitted: input.remitted,
      remitted_on: input.remittedOn,
      to_org_id: superior ?? null,
      note: input.note || null,
      created_by: ctx.user.id,
    });
    await ctx.auditChange(tx, 'remit_dues', ['dues_remittance', id, cellId], {
      after: { month: input.month, collected: sheet.collected, remitted: input.remitted },
    });
  });
  return cellDuesSheet(ctx, cellId, input.month);
}

import { createHmac } from 'node:crypto';
import { addDays, foldVietnamese, formatDateVi, maskCitizenId, parseMemberSheet, ProblemError } from '@quyche/core';
import type { MemberSheetError, ParsedMember } from '@quyche/core';
import {
  endMembership,
  getOrganization,
  insertMembers,
  insertPartyMembership,
  memberFile,
  memberIdKey,
  membersByCitizenHash,
  moveMemberRecord,
  moveMemberships,
  orgSubtree,
  uuidv7,
} from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { MEMBER_SHEET_LIMITS } from '../files/file.limits.js';
import { sheetRows } from '../files/sheet.read.js';

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();

function sheetProblem(errors: MemberSheetError[]) {
  const where = (e: MemberSheetError) =>
    `Dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}${e.columnTitle ? ` (${e.columnTitle})` : ''}`;
  return new ProblemError('VALIDATION_FAILED', {
    status: 422,
    code: 'BANG_DANG_VIEN_CO_LOI',
    title: 'Bảng đảng viên có lỗi: chưa nhập đảng viên nào',
    field: 'body.contentBase64',
    detail:
      errors
        .slice(0, 5)
        .map((e) => `${where(e)}: ${e.message}`)
        .join('; ') + (errors.length > 5 ? `; và ${errors.length - 5} lỗi khác` : ''),
    errors: errors.slice(0, 500).map((e) => ({
      field: `row ${e.row}${e.column ? ` column ${e.column}` : ''}`,
      message: e.message,
      row: e.row,
      column: e.column,
      columnTitle: e.columnTitle,
    })),
  });
}

/** The membership rows of an imported member: probationary until the day before becoming official, then official. */
function membershipsOf(m: ParsedMember, personId: string) {
  const row = (status: string, from: string, until: string | null) => ({
    id: uuidv7(),
    org_id: m.cellId,
    person_id: personId,
    status,
    valid_from: from,
    valid_until: until,
    kind: 'home',
  });
  if (!m.officialOn) return [row('probationary', m.joinedOn, null)];
  if (m.officialOn <= m.joinedOn) return [row('official', m.joinedOn, null)];
  return [row('probationary', m.joinedOn, addDays(m.officialOn, -1)), row('official', m.officialOn, null)];
}

/**
 * Imports the members' sheet of the national member database into the cells of an organization's subtree: checked
 * whole (row and column of each error, a citizen ID already in the register an error too) and written in one
 * transaction, or not at all. Each citizen ID is kept as a keyed hash and its last three digits.
 */
export async function importMemberSheet(
  ctx: RequestContext,
  orgId: string,
  content: Buffer,
  dryRun: boolean,
  fileName = 'dang-vien.xlsx',
) {
  // Who may not write there gets no file read.
  await ctx.assertOrg(orgId, 'write');
  const today = ctx.today();
  const tree = await orgSubtree(ctx.db, orgId, today, ctx.user.clearance);
  const cells = tree.filter((o) => o.kind === 'CELL');
  const byName = new Map<string, string>();
  for (const c of cells) {
    byName.set(fold(c.name), c.id);
    byName.set(fold(c.code), c.id);
  }
  const rows = await sheetRows(ctx, content, fileName, MEMBER_SHEET_LIMITS);
  const { members, errors } = parseMemberSheet(rows, { byName }, today);
  const key = await memberIdKey(ctx.db);
  const hashOf = (id: string) => createHmac('sha256', key).update(id).digest('hex');
  const hashes = members.map((m) => hashOf(m.citizenId));
  const known = new Map((await membersByCitizenHash(ctx.db, hashes)).map((r) => [r.citizen_id_hash, r.cell_name]));
  members.forEach((m, i) => {
    const cell = known.get(hashes[i]!);
    if (cell !== undefined)
      errors.push({
        row: m.row,
        column: 'D',
        columnTitle: 'Số CCCD',
        message: `Đảng viên có số căn cước công dân này đã có trong sổ (${cell}); chuyển sinh hoạt thay vì nhập lại`,
      });
  });
  if (errors.length) throw sheetProblem(errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column)));
  const names = new Map(cells.map((c) => [c.id, c.name]));
  const byCell = new Map<string, number>();
  for (const m of members) byCell.set(m.cellId, (byCell.get(m.cellId) ?? 0) + 1);
  const summary = {
    dryRun,
    created: members.length,
    byCell: [...byCell].map(([cellId, n]) => ({ cellId, name: names.get(cellId) ?? '', members: n })),
  };
  if (dryRun) return summary;
  await ctx.db.transaction(async (tx) => {
    await insertMembers(
      tx,
      members.map((m, i) => {
        const personId = uuidv7();
        return {
          person: {
            id: personId,
            org_id: m.cellId,
            full_name: m.fullName,
            gender: m.gender,
            birth_year: m.birthDate ? Number(m.birthDate.slice(0, 4)) : null,
            search_text: foldVietnamese(m.fullName),
          },
          member: {
            person_id: personId,
            org_id: m.cellId,
            admitted_on: m.admittedOn,
            official_on: m.officialOn,
            card_number: m.cardNumber,
            citizen_id_hash: hashes[i]!,
            citizen_id_tail: m.citizenId.slice(-3),
          },
          memberships: membershipsOf(m, personId),
        };
      }),
    );
    await ctx.auditChange(tx, 'import_members', ['party_member', null, orgId], {
      after: { fileName, members: members.length, byCell: summary.byCell },
    });
  });
  return summary;
}

const LEFT_REASON_VI: Record<string, string> = {
  removed: 'Xóa tên',
  expelled: 'Khai trừ',
  died: 'Từ trần',
  resigned: 'Xin ra khỏi Đảng',
};

/**
 * A member's file (hồ sơ đảng viên): who may read the member's cell reads it, and the member their own; every read is
 * in the audit log. The citizen ID shows its last three digits only; `asOf` says which cell the member was in then.
 */
export async function getMemberFile(ctx: RequestContext, personId: string, asOf = ctx.today()) {
  const f = await memberFile(ctx.db, personId);
  if (!f) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy đảng viên này' });
  const memberOrg = f.person.org_id ?? f.person.person_org_id;
  // The member themself, or who may read one of the cells the member has been in (their file follows them).
  if (ctx.user.personId !== personId) {
    const orgs = [...new Set([memberOrg, ...f.memberships.map((m) => m.org_id)])];
    let allowed = false;
    for (const o of orgs) if (await ctx.can(o, 'read', f.person.confidentiality)) allowed = true;
    if (!allowed) await ctx.assertOrg(memberOrg, 'read', f.person.confidentiality);
  }
  if (!f.person.org_id && f.memberships.length === 0)
    throw new ProblemError('NOT_FOUND', { detail: 'Người này không có trong danh sách đảng viên' });
  await ctx.db.transaction((tx) =>
    ctx.audit(tx, { action: 'read_member_file', entity: 'party_member', entityId: personId, orgId: memberOrg }),
  );
  const on = (m: { valid_from: string; valid_until: string | null }) =>
    m.valid_from <= asOf && (m.valid_until === null || m.valid_until >= asOf);
  const home = f.memberships.find((m) => m.kind === 'home' && on(m));
  return {
    personId,
    fullName: f.person.full_name,
    birthYear: f.person.birth_year,
    gender: f.person.gender as 'nam' | 'nu' | null,
    citizenId: maskCitizenId(f.person.citizen_id_tail),
    cardNumber: f.person.card_number,
    admittedOn: f.person.admitted_on,
    officialOn: f.person.official_on,
    left: f.person.left_on
      ? { on: f.person.left_on, reason_vi: LEFT_REASON_VI[f.person.left_reason ?? ''] ?? '' }
      : null,
    asOf,
    cellAsOf: home ? { id: home.org_id, name: home.org_name, status: home.status } : null,
    temporaryAsOf: f.memberships
      .filter((m) => m.kind === 'temporary' && on(m))
      .map((m) => ({ id: m.org_id, name: m.org_name })),
    history: f.memberships.map((m) => ({
      id: m.id,
      cellId: m.org_id,
      cellName: m.org_name,
      status: m.status as 'official' | 'probationary',
      kind: m.kind as 'home' | 'temporary',
      from: m.valid_from,
      until: m.valid_until,
      endReason: m.end_reason,
    })),
    version: f.person.version ?? 1,
  };
}

/**
 * Moves a member to another cell from a date (chuyển sinh hoạt đảng): permanently, the home membership ends the day
 * before and a new one starts in the new cell with the same status; temporarily, a second membership is added
 * (until a date, or open). The history stays: asked as of a day before, the member is in the old cell.
 */
export async function transferMember(
  ctx: RequestContext,
  personId: string,
  input: { toCellId: string; on: string; kind: 'permanent' | 'temporary'; until?: string | null; reason?: string },
) {
  const f = await memberFile(ctx.db, personId);
  if (!f) throw new ProblemError('NOT_FOUND', { detail: 'Không tìm thấy đảng viên này' });
  await ctx.assertOrg(f.person.org_id ?? f.person.person_org_id, 'write');
  await ctx.assertOrg(input.toCellId, 'write');
  const refuse = (detail: string, field = 'body.toCellId') =>
    new ProblemError('RULE_VIOLATION', { code: 'CHUYEN_SINH_HOAT_KHONG_HOP_LE', detail, field });
  if (f.person.left_on) throw refuse('Đảng viên đã ra khỏi danh sách đảng viên, không chuyển sinh hoạt được');
  const target = await getOrganization(ctx.db, input.toCellId);
  const active = target && target.valid_from <= input.on && (!target.valid_until || target.valid_until >= input.on);
  if (target?.kind !== 'CELL' || !active)
    throw refuse(`Nơi chuyển đến không phải chi bộ đang hoạt động ngày ${formatDateVi(input.on)}`);
  const home = f.memberships.find(
    (m) => m.kind === 'home' && m.valid_from <= input.on && (m.valid_until === null || m.valid_until >= input.on),
  );
  if (!home) throw refuse(`Ngày ${formatDateVi(input.on)} đảng viên chưa sinh hoạt ở chi bộ nào`, 'body.on');
  if (home.org_id === input.toCellId) throw refuse(`Đảng viên đang sinh hoạt tại ${home.org_name}`);
  if (input.kind === 'permanent' && input.on <= home.valid_from)
    throw refuse(
      `Ngày chuyển phải sau ngày bắt đầu sinh hoạt tại ${home.org_name} (${formatDateVi(home.valid_from)})`,
      'body.on',
    );
  await ctx.db.transaction(async (tx) => {
    // The status then (probationary or official) carries on in the new cell.
    const later = f.memberships.filter((m) => m.kind === 'home' && m.valid_from > input.on);
    const permanent = input.kind === 'permanent';
    if (permanent)
      await endMembership(tx, home.id, addDays(input.on, -1), input.reason || 'Chuyển sinh hoạt đảng chính thức');
    await insertPartyMembership(tx, {
      id: uuidv7(),
      org_id: input.toCellId,
      person_id: personId,
      status: home.status,
      valid_from: input.on,
      // Permanently: up to a later official period (which moves too); temporarily: up to the date given.
      valid_until: permanent ? (later[0] ? addDays(later[0].valid_from, -1) : null) : (input.until ?? null),
      kind: permanent ? 'home' : 'temporary',
    });
    if (permanent) {
      await moveMemberships(
        tx,
        later.map((l) => l.id),
        input.toCellId,
      );
      await moveMemberRecord(tx, personId, input.toCellId);
    }
    const action = permanent ? 'transfer_member' : 'transfer_member_temporary';
    await ctx.auditChange(tx, action, ['party_member', personId, input.toCellId], {
      before: { cellId: home.org_id },
      after: { cellId: input.toCellId, on: input.on, until: input.until ?? null },
    });
  });
  return getMemberFile(ctx, personId, input.on);
}

/**
 * Issue 15's register: 10,000 members imported from a sheet into Tân Lập's village cells (nothing imported when any
 * row is wrong), a transfer that keeps the history (as of the day before and the day of it), and who may read a
 * member's file — every read in the audit log, the citizen ID masked everywhere. Both drivers.
 */
import { MEMBER_SHEET_COLUMNS } from '@quyche/core';
import { qb } from '@quyche/db';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';
const TITLES = MEMBER_SHEET_COLUMNS.map((c) => c.title);
const xlsx = async (rows: string[][]) =>
  (
    await writeXlsxFile(
      rows.map((r) => r.map((value) => ({ value, type: String }))),
      {},
    ).toBuffer()
  ).toString('base64');
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Văn An', 'Thị Bình', 'Đức Cường', 'Thị Dung', 'Minh Hải', 'Thị Lan', 'Quốc Toàn', 'Ngọc Mai'];
const cid = (i: number) => `0361${String(i).padStart(8, '0')}`;
/** Row i of a members' sheet: a member of village cell (i mod 5) + 1, official unless i is a multiple of 7. */
const memberRow = (i: number) => [
  `${FAMILY[i % 8]} ${GIVEN[(i >> 3) % 8]}`,
  `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${60 + (i % 40)}`,
  i % 2 ? 'Nam' : 'Nữ',
  cid(i),
  String(80_000_000 + i),
  `15/0${(i % 9) + 1}/2015`,
  i % 7 === 0 ? '' : `15/0${(i % 9) + 1}/2016`,
  `Chi bộ thôn ${(i % 5) + 1}, xã Tân Lập`,
  '',
];

describe.each(drivers)('the members’ register (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let x01: Session;
  let x02: Session;
  let tanLap: string;
  const post = (s: Session, url: string, payload: object) => t.as(s, { method: 'POST', url: `${API}${url}`, payload });
  const get = (s: Session, url: string) => t.as(s, { method: 'GET', url: `${API}${url}` });
  const registered = async () =>
    Number(
      (
        await qb(t.db)
          .selectFrom('party_member')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(driver);
    [admin, x01, x02] = await Promise.all([t.login('admin'), t.login('vanthu.x01'), t.login('vanthu.x02')]);
    tanLap = await t.orgId('ORG-X01');
  });
  afterAll(async () => t?.close());

  it('refuses a malformed sheet with its rows and columns, importing nothing', async () => {
    const before = await registered();
    const bad = [
      TITLES,
      memberRow(1),
      [...memberRow(2).slice(0, 3), '12345', ...memberRow(2).slice(4)],
      [...memberRow(3).slice(0, 5), '30/02/2015', ...memberRow(3).slice(6)],
      [...memberRow(4).slice(0, 7), 'Chi bộ thôn 9, xã Tân Lập', ''],
    ];
    const r = await post(x01, `/organizations/${tanLap}/members/import`, {
      fileName: 'dang-vien.xlsx',
      contentBase64: await xlsx(bad),
    });
    expect(r.statusCode, r.body).toBe(422);
    const body = r.json();
    expect(body.code).toBe('BANG_DANG_VIEN_CO_LOI');
    expect(body.errors.map((e: { row: number; column: string }) => `${e.row}${e.column}`)).toEqual(['3D', '4F', '5H']);
    expect(body.detail).toContain('Dòng 3, cột D (Số CCCD): Số căn cước công dân phải gồm đúng 12 chữ số');
    expect(await registered()).toBe(before);
    // Not a sheet at all.
    const notSheet = await post(x01, `/organizations/${tanLap}/members/import`, {
      fileName: 'dang-vien.docx',
      contentBase64: Buffer.from('không phải bảng tính').toString('base64'),
    });
    expect(notSheet.statusCode).toBe(400);
    // Another commune's clerk gets no file read.
    expect(
      (await post(x02, `/organizations/${tanLap}/members/import`, { fileName: 'a.xlsx', contentBase64: 'AA==' }))
        .statusCode,
    ).toBe(403);
  });

  it('imports 10,000 members into the villages’ cells, and refuses the same sheet again', async () => {
    const before = await registered();
    const sheet = await xlsx([TITLES, ...Array.from({ length: 10_000 }, (_, i) => memberRow(i + 1))]);
    const url = `/organizations/${tanLap}/members/import`;
    const dry = await post(x01, url, { fileName: 'dang-vien.xlsx', contentBase64: sheet, dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 10_000 });
    expect(await registered()).toBe(before);
    const r = await post(x01, url, { fileName: 'dang-vien.xlsx', contentBase64: sheet });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().byCell.map((c: { members: number }) => c.members)).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(await registered()).toBe(before + 10_000);
    // Probationary until the day before becoming official, then official; no citizen ID kept whole.
    const stored = await qb(t.db)
      .selectFrom('party_member')
      .select(['person_id', 'citizen_id_tail', 'citizen_id_hash'])
      .where('card_number', '=', String(80_000_001))
      .executeTakeFirstOrThrow();
    expect(stored.citizen_id_tail).toBe('001');
    expect(stored.citizen_id_hash).not.toContain(cid(1));
    const again = await post(x01, url, {
      fileName: 'dang-vien.xlsx',
      contentBase64: await xlsx([TITLES, memberRow(1)]),
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0].message).toContain('đã có trong sổ (Chi bộ thôn 2, xã Tân Lập)');
  });

  it('gives the sheet to fill in: the columns the import reads, the cells it may name, to its clerks', async () => {
    const url = `/organizations/${tanLap}/members/import-template.xlsx`;
    const r = await get(x01, url);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toContain('mau-nhap-dang-vien');
    const sheets = await readXlsxFile(r.rawPayload);
    expect(sheets.map((s) => s.sheet)).toEqual(['Đảng viên', 'Chi bộ']);
    expect(sheets[0]!.data).toEqual([TITLES]);
    const cells = sheets[1]!.data.slice(1).map((row) => String(row[0]));
    expect(cells).toContain('Chi bộ thôn 1, xã Tân Lập');
    expect(cells.every((c) => !c.includes('X02'))).toBe(true);
    // Another commune's clerk gets no list of Tân Lập's cells.
    expect((await get(x02, url)).statusCode).toBe(403);
    // The template filled in (its cells' sheet kept) passes the import's check.
    const filled = (
      await writeXlsxFile([
        { data: [TITLES, memberRow(20_001)].map((row) => row.map((value) => ({ value, type: String }))) },
        { data: sheets[1]!.data.map((row) => row.map((v) => ({ value: String(v), type: String }))) },
      ]).toBuffer()
    ).toString('base64');
    const dry = await post(x01, `/organizations/${tanLap}/members/import`, {
      fileName: 'mau.xlsx',
      contentBase64: filled,
      dryRun: true,
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: 1 });
  });

  it('moves a member to another cell keeping the history, as of before and after', async () => {
    const m = await qb(t.db)
      .selectFrom('party_member')
      .select('person_id')
      .where('card_number', '=', String(80_000_001))
      .executeTakeFirstOrThrow();
    const thon3 = await t.orgId('ORG-X01-CB3');
    const moved = await post(x01, `/members/${m.person_id}/transfer`, {
      toCellId: thon3,
      on: '2026-10-01',
      kind: 'permanent',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const at = async (d: string) => (await get(x01, `/members/${m.person_id}?asOf=${d}`)).json();
    expect((await at('2026-09-30')).cellAsOf.name).toBe('Chi bộ thôn 2, xã Tân Lập');
    const after = await at('2026-10-01');
    expect(after.cellAsOf).toMatchObject({ name: 'Chi bộ thôn 3, xã Tân Lập', status: 'official' });
    expect(after.history.map((h: { cellName: string; until: string | null }) => [h.cellName, h.until])).toEqual([
      ['Chi bộ thôn 2, xã Tân Lập', '2016-02-14'],
      ['Chi bộ thôn 2, xã Tân Lập', '2026-09-30'],
      ['Chi bộ thôn 3, xã Tân Lập', null],
    ]);
    // Back to the cell it left, before it began there, or to an organization not a cell: refused with the reason.
    const same = await post(x01, `/members/${m.person_id}/transfer`, {
      toCellId: thon3,
      on: '2026-11-01',
      kind: 'temporary',
    });
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ code: 'CHUYEN_SINH_HOAT_KHONG_HOP_LE', field: 'body.toCellId' });
    const notCell = await post(x01, `/members/${m.person_id}/transfer`, {
      toCellId: tanLap,
      on: '2026-11-01',
      kind: 'permanent',
    });
    expect(notCell.json().detail).toContain('không phải chi bộ');
    const temp = await post(x01, `/members/${m.person_id}/transfer`, {
      toCellId: await t.orgId('ORG-X01-CB4'),
      on: '2026-11-01',
      until: '2027-04-30',
      kind: 'temporary',
    });
    expect(temp.statusCode, temp.body).toBe(200);
    expect(temp.json().temporaryAsOf.map((x: { name: string }) => x.name)).toEqual(['Chi bộ thôn 4, xã Tân Lập']);
    expect(temp.json().cellAsOf.name).toBe('Chi bộ thôn 3, xã Tân Lập');
  });

  it('lets a member read their own file, a cell secretary their cell, a clerk their commune only', async () => {
    const [secretary, member] = await Promise.all([t.login('bithu.cb'), t.login('dangvien')]);
    const vp1 = await t.orgId('ORG-CB-VP1');
    const people = await qb(t.db)
      .selectFrom('party_membership')
      .select('person_id')
      .where('org_id', '=', vp1)
      .orderBy('person_id')
      .execute();
    const self = await qb(t.db)
      .selectFrom('app_user')
      .select('person_id')
      .where('username', '=', 'dangvien')
      .executeTakeFirstOrThrow();
    const other = people.find((p) => p.person_id !== self.person_id)!.person_id;
    const villager = (
      await qb(t.db)
        .selectFrom('party_member')
        .select('person_id')
        .where('card_number', '=', '80000002')
        .executeTakeFirstOrThrow()
    ).person_id;
    const mine = await get(member, `/members/${self.person_id}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().citizenId).toMatch(/^•{9}\d{3}$/);
    expect((await get(member, `/members/${other}`)).statusCode).toBe(403);
    expect((await get(secretary, `/members/${other}`)).statusCode).toBe(200);
    expect((await get(secretary, `/members/${villager}`)).statusCode).toBe(403);
    expect((await get(x01, `/members/${villager}`)).statusCode).toBe(200);
    expect((await get(x02, `/members/${villager}`)).statusCode).toBe(403);
    const full = await get(admin, `/members/${villager}`);
    expect(full.body).not.toContain(cid(2));
    expect(full.json().citizenId).toBe('•••••••••002');
    // Every read is in the audit log, by whom.
    const reads = await qb(t.db)
      .selectFrom('audit_log')
      .select(['actor', 'entity_id'])
      .where('action', '=', 'read_member_file')
      .execute();
    expect(reads).toEqual(
      expect.arrayContaining([
        { actor: 'dangvien', entity_id: self.person_id },
        { actor: 'bithu.cb', entity_id: other },
        { actor: 'admin', entity_id: villager },
      ]),
    );
    // A refused read is not a read.
    expect(reads.filter((r) => r.actor === 'vanthu.x02')).toEqual([]);
  });
});

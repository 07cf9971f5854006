/**
 * Issue 15's contract: members' alerts from the record (Điều lệ Điều 8 khoản 1, Điều 5) and the copied-plan check,
 * on the demo (Chi bộ Phòng Tổng hợp's 2026: two members absent three months without a reason, one excused, one
 * exempted, one with dues unpaid three months, five plans copied from one; two of Tân Lập's probations ending), on
 * both drivers, scoped like every record.
 */
import { createHash } from 'node:crypto';
import { addWorkingDays, todayInVietnam, VIETNAM_CALENDAR } from '@quyche/core';
import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';

type Alert = {
  memberId: string;
  kind: string;
  months: string[];
  actBy: string | null;
  basis_vi: string;
  cellName: string;
};

describe.each(drivers)('members’ alerts and copied plans (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let x01: Session;
  let x02: Session;
  let al: string;
  let cell: string;

  const get = async (s: Session, url: string) => t.as(s, { method: 'GET', url: `${API}${url}` });

  beforeAll(async () => {
    t = await createTestApp(driver);
    [admin, x01, x02] = await Promise.all([t.login('admin'), t.login('vanthu.x01'), t.login('vanthu.x02')]);
    al = await t.orgId('ORG-AL');
    cell = await t.orgId('ORG-CB-VP1');
  });
  afterAll(async () => t?.close());

  it('flags absence and dues of three months without a valid reason (Điều 8), and probations ending', async () => {
    const r = await get(admin, `/organizations/${al}/member-alerts?asOf=2026-12-01`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as { cells: number; members: number; alerts: Alert[] };
    expect(body.cells).toBeGreaterThanOrEqual(6);
    const of = (kind: string) => body.alerts.filter((a) => a.kind === kind);
    expect(
      of('absent_3_months')
        .map((a) => a.months)
        .sort(),
    ).toEqual([
      ['2026-02', '2026-05', '2026-09'],
      ['2026-03', '2026-04', '2026-10'],
    ]);
    for (const a of of('absent_3_months')) {
      expect(a.basis_vi).toContain('Điều 8 khoản 1 Điều lệ Đảng');
      expect(a.cellName).toBe('Chi bộ Phòng Tổng hợp, Văn phòng Tỉnh ủy');
    }
    expect(of('dues_3_months').map((a) => a.months)).toEqual([['2026-02', '2026-03', '2026-06']]);

    // Who is not flagged: the member excused twice and absent once, the member exempted from April and absent since.
    const db = qb(t.db);
    const exempted = await db.selectFrom('member_exemption').select('person_id').executeTakeFirstOrThrow();
    const excused = await db
      .selectFrom('meeting_attendance')
      .select('person_id')
      .where('status', '=', 'absent_excused')
      .where('org_id', '=', cell)
      .executeTakeFirstOrThrow();
    const absentMonths = await db
      .selectFrom('meeting_attendance')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', exempted.person_id)
      .where('status', '=', 'absent')
      .executeTakeFirstOrThrow();
    expect(Number(absentMonths.n)).toBeGreaterThanOrEqual(3);
    const flagged = new Set(body.alerts.map((a) => a.memberId));
    expect(flagged.has(exempted.person_id!)).toBe(false);
    expect(flagged.has(excused.person_id!)).toBe(false);

    // Probations: one ending 20/12/2026 (told 30 days ahead), one ended 25/11/2026; 30 working days after each.
    const probation = of('probation_ending').sort((a, b) => a.months[0]!.localeCompare(b.months[0]!));
    expect(probation.map((a) => a.actBy)).toEqual([
      addWorkingDays('2026-11-25', 30, VIETNAM_CALENDAR),
      addWorkingDays('2026-12-20', 30, VIETNAM_CALENDAR),
    ]);
    expect(probation[1]!.basis_vi).toContain('hết ngày 20/12/2026');
    // Before the month is over, its absences do not count yet; a year later, nothing of 2026 counts.
    const early = (await get(admin, `/organizations/${al}/member-alerts?asOf=2026-09-20`)).json() as {
      alerts: Alert[];
    };
    expect(early.alerts.filter((a) => a.kind === 'absent_3_months')).toEqual([]);
    expect(early.alerts.filter((a) => a.kind === 'dues_3_months')).toHaveLength(1);
    const next = (await get(admin, `/organizations/${al}/member-alerts?asOf=2027-01-05`)).json() as {
      alerts: Alert[];
    };
    expect(next.alerts.filter((a) => a.kind !== 'probation_ending')).toEqual([]);
  });

  it('shows a commune clerk only the commune’s cells, and refuses another commune', async () => {
    const tanLap = await t.orgId('ORG-X01');
    const own = await get(x01, `/organizations/${tanLap}/member-alerts?asOf=2026-12-01`);
    expect(own.statusCode, own.body).toBe(200);
    const alerts = (own.json() as { alerts: Alert[] }).alerts;
    expect(alerts.map((a) => a.kind)).toEqual(['probation_ending', 'probation_ending']);
    expect(alerts.every((a) => a.cellName.endsWith('xã Tân Lập'))).toBe(true);
    expect((await get(x02, `/organizations/${tanLap}/member-alerts`)).statusCode).toBe(403);
    expect((await get(x01, `/organizations/${al}/plan-similarity?year=2026`)).statusCode).toBe(403);
  });

  it('finds the five copied plans as one plan copied four times, and no pair below the threshold', async () => {
    const r = await get(admin, `/organizations/${al}/plan-similarity?year=2026`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as {
      threshold: number;
      plans: number;
      pairs: { a: string; b: string; similarity: number; aName: string }[];
    };
    expect(body.threshold).toBe(0.6);
    expect(body.plans).toBe(12);
    expect(body.pairs).toHaveLength(4);
    expect(body.pairs.every((p) => p.similarity >= body.threshold && p.aName.length > 0)).toBe(true);
    const inPairs = new Set(body.pairs.flatMap((p) => [p.a, p.b]));
    expect(inPairs.size).toBe(5);
    // One plan is in every pair: the one the others were copied from.
    const counts = new Map<string, number>();
    for (const p of body.pairs) for (const id of [p.a, p.b]) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([...counts.values()].sort()).toEqual([1, 1, 1, 1, 4]);
    const bad = await get(admin, `/organizations/${al}/plan-similarity?year=nam-nay`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/Năm|năm/);
  });

  type Row = {
    cellId: string;
    name: string;
    regularHeld: boolean;
    thematicInQuarter: boolean;
    regular: { status: string; reason_vi: string; eIds: string[] };
    thematic: { status: string; reason_vi: string };
    regulation: { title: string; own: boolean } | null;
    eIds: string[];
  };
  const compliance = async (s: Session, org: string, q: string) => {
    const r = await get(s, `/organizations/${org}/cell-meetings/compliance?${q}`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { rows: Row[] }).rows;
  };

  it('lists the cell that skipped August, citing the clause of its regulation; the others held theirs', async () => {
    const rows = await compliance(admin, al, 'year=2026&month=8');
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const skipped = rows.filter((r) => !r.regularHeld);
    expect(skipped.map((r) => r.cellId)).toEqual([cell]);
    expect(rows[0]!.cellId).toBe(cell);
    const vp1 = skipped[0]!;
    expect(vp1.regular.status).toBe('short');
    expect(vp1.regular.reason_vi).toContain('Tháng 8/2026');
    expect(vp1.regular.reason_vi).toContain('Điều 1');
    expect(vp1.eIds[0]).toMatch(/art_1__para_1$/);
    // Under the province's model regulation for cells: the cell has none of its own.
    expect(vp1.regulation).toEqual({ title: expect.stringContaining('Quy chế làm việc mẫu của chi bộ'), own: false });
    // The quarter's thematic meeting (September) counts for August.
    expect(vp1.thematicInQuarter).toBe(true);
    expect(rows.filter((r) => r.cellId !== cell).every((r) => r.regularHeld && r.regular.status === 'ok')).toBe(true);
    // The same month asked with the contract's field names only.
    for (const r of rows) expect(Object.keys(r)).toEqual(expect.arrayContaining(['cellId', 'name', 'eIds']));
  });

  it('a quarter not over is not short; a commune clerk sees only the commune’s cells; bad input is named', async () => {
    const dec = await compliance(admin, cell, 'year=2026&month=12');
    expect(dec).toHaveLength(1);
    expect(dec[0]!.regularHeld).toBe(false);
    // Quarter IV has no thematic meeting: at risk while it runs, short once over.
    expect(dec[0]!.thematic.status).toBe(todayInVietnam() <= '2026-12-31' ? 'at_risk' : 'short');
    const tanLap = await t.orgId('ORG-X01');
    const own = await compliance(x01, tanLap, 'year=2026&month=8');
    expect(own).toHaveLength(5);
    expect(own.every((r) => r.name.endsWith('xã Tân Lập') && r.regularHeld && r.thematicInQuarter)).toBe(true);
    expect((await get(x02, `/organizations/${tanLap}/cell-meetings/compliance?year=2026&month=8`)).statusCode).toBe(
      403,
    );
    const bad = await get(admin, `/organizations/${al}/cell-meetings/compliance?year=2026&month=13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/Tháng/);
  });

  it('a cell with a regulation of its own is judged by it, not by the model', async () => {
    const model = await qb(t.db)
      .selectFrom('regulation as r')
      .innerJoin('regulation_version as v', 'v.regulation_id', 'r.id')
      .select(['v.source_text'])
      .where('r.applies_to', '=', 'cells')
      .executeTakeFirstOrThrow();
    // Thôn 1's own regulation: a thematic meeting every month instead of every quarter.
    const text = model.source_text
      .replace('work: /vn/quy-che-mau/chi-bo/2026/qclv', 'work: /vn-an-lac/chi-bo/thon-1/2026/qclv')
      .replace(
        'meeting_kind: thematic, regular_every: { months: 3 }',
        'meeting_kind: thematic, regular_every: { months: 1 }',
      );
    const village = await t.orgId('ORG-X01-CB1');
    const id = crypto.randomUUID();
    await qb(t.db)
      .insertInto('regulation')
      .values({
        id,
        org_id: village,
        work: '/vn-an-lac/chi-bo/thon-1/2026/qclv',
        title: 'Quy chế thôn 1',
        search_text: '',
      })
      .execute();
    await qb(t.db)
      .insertInto('regulation_version')
      .values({
        id: crypto.randomUUID(),
        regulation_id: id,
        org_id: village,
        expression: 'vie@2026-01-01',
        status: 'adopted',
        source_text: text,
        sha256: createHash('sha256').update(text).digest('hex'),
        parsed: '{}',
        adopted_on: '2026-01-01',
        in_force_from: '2026-01-01',
      })
      .execute();
    const rows = await compliance(admin, await t.orgId('ORG-X01'), 'year=2026&month=8');
    const own = rows.find((r) => r.cellId === village)!;
    expect(own.regulation).toEqual({ title: 'Quy chế thôn 1', own: true });
    expect(own.regularHeld).toBe(true);
    expect(own.thematicInQuarter).toBe(false);
    expect(own.thematic.reason_vi).toContain('Tháng 8/2026');
    expect(rows.filter((r) => r.cellId !== village).every((r) => r.thematicInQuarter)).toBe(true);
  });
});

import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();

describe.each(drivers)("An Lạc's 2026 calendar, its deviations and quotas (%s)", (driver) => {
  let t: TestApp;
  let admin: Session;
  let al: string;
  const body = async (kind: string) =>
    (
      await qb(t.db)
        .selectFrom('body as b')
        .innerJoin('organization as o', 'o.id', 'b.org_id')
        .select('b.id')
        .where('o.code', '=', 'ORG-AL')
        .where('b.kind', '=', kind)
        .where('b.valid_until', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    al = await t.orgId('ORG-AL');
  });
  afterAll(async () => t?.close());

  it('lists exactly the anomalies placed in the demo data, each with its clause', async () => {
    const r = await t.as(admin, {
      method: 'GET',
      url: `/api/v1/organizations/${al}/meeting-deviations?year=2026&asOf=2026-12-01`,
    });
    expect(r.statusCode, r.body).toBe(200);
    const found = r
      .json()
      .deviations.map((d: { code: string; bodyKind: string; date: string; eIds: string[] }) => [
        d.code,
        d.bodyKind,
        d.date,
        d.eIds.at(-1),
      ]);
    expect(found).toEqual([
      ['SAI_THAM_QUYEN', 'TT', '2026-01-19', 'chp_3__art_18__para_2'],
      ['TAI_LIEU_GUI_CHAM', 'BTV', '2026-05-19', 'chp_3__art_13__para_2'],
      ['THONG_BAO_KET_LUAN_CHAM', 'BTV', '2026-06-09', 'chp_3__art_17__para_1'],
      ['THIEU_KY_HOP_THUONG_LE', 'TT', '2026-06-15', 'chp_3__art_14__para_1'],
      ['THIEU_KY_HOP_THUONG_LE', 'BTV', '2026-09-01', 'chp_3__art_13__para_1'],
    ]);
    const msgs = r.json().deviations.map((d: { message_vi: string }) => d.message_vi);
    expect(msgs[0]).toContain('Việc thuộc thẩm quyền của Ban Nội chính Tỉnh ủy');
    expect(msgs[1]).toContain('chậm nhất phải gửi ngày 14/05/2026');
    expect(msgs[2]).toContain('Ban hành chậm');
    expect(msgs[3]).toContain('Tuần 15/06–21/06/2026');
    expect(msgs[4]).toContain('Tháng 9/2026');
    expect(msgs[4]).toContain('1/2 kỳ họp thường lệ');
  });

  it('shows the regime calendar beside the meetings: 24 BTV periods judged, Tết excused for the TT', async () => {
    const btv = (
      await t.as(admin, {
        method: 'GET',
        url: `/api/v1/bodies/${await body('BTV')}/calendar?year=2026&asOf=2026-12-01`,
      })
    ).json();
    expect(btv.regime.periods).toHaveLength(12);
    expect(btv.regime.periods.filter((p: { status: string }) => p.status === 'ok')).toHaveLength(10);
    expect(btv.regime.periods[11].status).toBe('pending');
    expect(btv.meetings).toHaveLength(26); // the 24 sessions of the fixture and two province-wide conferences
    const tt = (
      await t.as(admin, { method: 'GET', url: `/api/v1/bodies/${await body('TT')}/calendar?year=2026&asOf=2026-12-01` })
    ).json();
    expect(tt.regime.periods.find((p: { from: string }) => p.from === '2026-02-16').status).toBe('excused');
  });

  it(
    'numbers the conclusion notices as the fixture does: 12-TB/TU for the BTV session of 6/1 … ' + '33-TB/TU for 21/4',
    async () => {
      const rows = await qb(t.db)
        .selectFrom('conclusion as c')
        .innerJoin('meeting as m', 'm.id', 'c.meeting_id')
        .innerJoin('body as b', 'b.id', 'm.body_id')
        .select(['m.meeting_date', 'c.symbol'])
        .where('b.kind', '=', 'BTV')
        .orderBy('m.meeting_date')
        .execute();
      const by = Object.fromEntries(rows.map((x) => [x.meeting_date, x.symbol]));
      expect(by).toMatchObject({
        '2026-01-06': '12-TB/TU',
        '2026-01-20': '15-TB/TU',
        '2026-02-03': '18-TB/TU',
        '2026-02-24': '21-TB/TU',
        '2026-03-24': '27-TB/TU',
        '2026-04-07': '30-TB/TU',
        '2026-04-21': '33-TB/TU',
      });
      const tt = (
        await qb(t.db)
          .selectFrom('conclusion as c')
          .innerJoin('meeting as m', 'm.id', 'c.meeting_id')
          .select('c.symbol')
          .where('m.meeting_date', '=', '2026-03-16')
          .executeTakeFirstOrThrow()
      ).symbol;
      expect(tt).toBe('25-TB/TU');
    },
  );

  it('checks the yearly conference quotas of the regulation (R10) against the demo year', async () => {
    const q = (
      await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${al}/conference-quotas?year=2026` })
    ).json();
    expect(q.totals).toMatchObject({
      total: 10,
      inPerson: 4,
      provinceWide: 2,
      lastYearTotal: 12,
      lastYearSource: 'baseline',
    });
    expect(q.quota.items.map((i: { code: string; ok: boolean }) => [i.code, i.ok])).toEqual([
      ['TY_LE_TRUC_TIEP', true],
      ['HOI_NGHI_TOAN_TINH', true],
      ['GIAM_SO_HOI_NGHI', true],
    ]);
    expect(q.quota.eIds).toEqual(['chp_3__art_11__para_4']);
    expect(q.byMonth.reduce((s: number, m: { inPerson: number; online: number }) => s + m.inPerson + m.online, 0)).toBe(
      10,
    );
  });

  it('lists meetings by body and dates and finds them with or without diacritics', async () => {
    const sept = (
      await t.as(admin, {
        method: 'GET',
        url: `/api/v1/meetings?bodyId=${await body('BTV')}&from=2026-09-01&to=2026-09-30`,
      })
    ).json();
    expect(sept.map((m: { meetingDate: string; state: string }) => [m.meetingDate, m.state])).toEqual([
      ['2026-09-08', 'minutes_approved'],
      ['2026-09-22', 'cancelled'],
    ]);
    for (const q of ['hoi nghi tinh uy lan thu 5', 'Hội nghị Tỉnh ủy lần thứ 5', 'HOI NGHI TINH UY LAN THU 5']) {
      const found = (
        await t.as(admin, { method: 'GET', url: `/api/v1/meetings?orgId=${al}&q=${encodeURIComponent(q)}` })
      ).json();
      expect(
        found.map((m: { title: string }) => m.title),
        q,
      ).toEqual(['Hội nghị Tỉnh ủy lần thứ 5: triển khai nhiệm vụ năm 2026']);
      expect(found[0].conclusionSymbol).toBe('03-KL/TU');
    }
    const clerk = await t.login('vanthu.x01');
    // The commune's clerk finds its own commune's conferences, none of the province's.
    const mine = (await t.as(clerk, { method: 'GET', url: '/api/v1/meetings?q=hoi%20nghi' })).json() as {
      title: string;
      bodyName: string;
    }[];
    expect(mine.length).toBeGreaterThan(0);
    for (const m of mine) expect(m.title).toMatch(/xã Tân Lập/);
  });
});

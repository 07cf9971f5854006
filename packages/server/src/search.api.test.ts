import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '@quyche/core';
import { qb } from '@quyche/db';
import type { SearchKind, SearchResult } from '@quyche/core';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();

/** The API record behind a result's web page: what the user's own detail endpoint answers for it. */
function apiOf(href: string): string {
  const u = new URL(href, 'http://web');
  const [, page, id] = u.pathname.split('/');
  const v = u.searchParams.get('v');
  const api: Record<string, string> = {
    meetings: `meetings/${id}`,
    tasks: `tasks/${id}`,
    programs: `programs/${id}`,
    inspections: `inspections/${id}`,
    recommendations: `recommendations/${id}`,
    consultations: `consultations/${id}`,
    regulations: v ? `regulations/${id}/versions/${v}` : `regulations/${id}`,
    'review-reports': `review-reports/${id}`,
    org: `organizations/${id}`,
    person: `people/${id}`,
  };
  if (!api[page!]) throw new Error(`no API record for ${href}`);
  return `/api/v1/${api[page!]}`;
}

/**
 * "Hội nghị Tỉnh ủy lần thứ 5: triển khai" → "hoi nghi tinh uy lan thu 5 trien khai": as typed on a phone without
 * diacritics.
 */
const plain = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe.each(drivers)('search across everything the user may see (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let x01: Session;
  let x02: Session;
  let officeClerk: Session;
  let viewer: Session;
  const secret: Record<string, string> = {};
  let outsideConsultation = '';

  const search = async (s: Session, q: string, limit = 20): Promise<SearchResult> => {
    const r = await t.as(s, { method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const group = (r: SearchResult, kind: SearchKind) => r.groups.find((g) => g.kind === kind);
  const ids = (r: SearchResult, kind?: SearchKind) =>
    r.groups.filter((g) => !kind || g.kind === kind).flatMap((g) => g.items.map((i) => i.id));
  const db = () => qb(t.db);
  const qclv = () =>
    db().selectFrom('regulation').select('id').where('work', '=', '/vn-an-lac/quy-che/tinh-uy/2025/qclv');

  beforeAll(async () => {
    t = await createTestApp(driver);
    [admin, x01, x02, officeClerk, viewer] = [
      await t.login('admin'),
      await t.login('vanthu.x01'),
      await t.login('vanthu.x02'),
      await t.login('vanthu.vptu'),
      await t.login('xem'),
    ];
    // Confidential records (Mật) in Tân Lập: the commune clerk and the viewer (no clearance) must not find them.
    const bch = { id: await t.bodyId('ORG-X01', 'BCH') };
    const m = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/meetings',
      payload: {
        bodyId: bch.id,
        kind: 'regular',
        title: 'Hội nghị chuyên đề bảo vệ bí mật nhà nước',
        meetingDate: '2026-12-21',
        confidentiality: 1,
      },
    });
    expect(m.statusCode, m.body).toBe(201);
    secret['meeting'] = m.json().id;
    const p = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/people',
      payload: { orgId: await t.orgId('ORG-X01'), fullName: 'Trịnh Bảo Mật', confidentiality: 1 },
    });
    expect(p.statusCode, p.body).toBe(201);
    secret['person'] = p.json().id;
    // A consultation of the province sent to Tân Lợi (X05) only: outside both commune clerks.
    const reg = await db()
      .selectFrom('regulation as r')
      .innerJoin('regulation_version as v', 'v.regulation_id', 'r.id')
      .select(['r.id', 'v.id as version'])
      .where('r.work', '=', '/vn-an-lac/quy-che/tinh-uy/2025/qclv')
      .orderBy('v.created_at')
      .limit(1)
      .executeTakeFirstOrThrow();
    const c = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/consultations',
      payload: {
        regulationId: reg.id,
        versionId: reg.version,
        title: 'Lấy ý kiến riêng Đảng ủy xã Tân Lợi về quy chế',
        sentOn: '2026-12-01',
        deadline: '2026-12-20',
        recipients: [{ kind: 'org', id: await t.orgId('ORG-X05') }],
      },
    });
    expect(c.statusCode, c.body).toBe(201);
    outsideConsultation = c.json().id;
  });
  afterAll(async () => t?.close());

  it('finds a conclusion notice by its symbol first, however the symbol is typed', async () => {
    const notice = await db()
      .selectFrom('conclusion as c')
      .innerJoin('issued_document as d', 'd.id', 'c.issued_document_id')
      .select(['c.id', 'c.symbol', 'c.meeting_id', 'd.number'])
      .where('c.symbol', 'like', '%-TB/TU')
      .orderBy('d.number', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(notice.symbol).toMatch(/^\d+-TB\/TU$/);
    for (const q of [
      notice.symbol,
      notice.symbol.replace('-', ' '),
      notice.symbol.toLowerCase(),
      `TB ${notice.number}`,
      `số ${notice.symbol}`,
    ]) {
      const r = await search(admin, q);
      expect(r.groups[0]?.kind, q).toBe('conclusion');
      expect(r.groups[0]!.items[0]!.id, q).toBe(notice.id);
      expect(r.groups[0]!.items[0]!.href).toBe(`/meetings/${notice.meeting_id}`);
      expect(r.groups[0]!.items[0]!.subtitle).toContain(`Số ${notice.symbol}`);
    }
    // Leading zeros do not matter: 03-KL/TU is also "3-KL/TU"; "7" is not 77-TB/TU.
    const kl = await search(admin, '3-KL/TU');
    expect(kl.groups[0]!.items[0]!.subtitle).toContain('03-KL/TU');
    expect(ids(await search(admin, '7-TB/TU'), 'conclusion')).not.toContain(notice.id);
  });

  it('finds a meeting typed without diacritics first, with its conclusion after it', async () => {
    const title = 'Hội nghị Tỉnh ủy lần thứ 5: triển khai nhiệm vụ năm 2026';
    const m = await db().selectFrom('meeting').select('id').where('title', '=', title).executeTakeFirstOrThrow();
    const r = await search(admin, plain(title));
    expect(r.groups[0]!.kind).toBe('meeting');
    expect(r.groups[0]!.items[0]).toMatchObject({ id: m.id, title, href: `/meetings/${m.id}` });
    expect(r.groups[0]!.items[0]!.subtitle).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(group(r, 'conclusion')!.items[0]!.href).toBe(`/meetings/${m.id}`);
  });

  it('finds a task by its title first', async () => {
    const title = 'Củng cố 5 chi bộ yếu kém tại xã Tân Lập';
    const tasks = await db().selectFrom('task').select('id').where('title', '=', title).execute();
    expect(tasks).toHaveLength(1);
    for (const q of [title, plain(title)]) {
      const r = await search(admin, q);
      expect(r.groups[0]!.kind, q).toBe('task');
      expect(r.groups[0]!.items[0]).toMatchObject({ id: tasks[0]!.id, title, href: `/tasks/${tasks[0]!.id}` });
    }
  });

  it('finds a clause by a phrase of its wording, and an article by its number, linked to that clause', async () => {
    const reg = await qclv().executeTakeFirstOrThrow();
    for (const q of ['Tỉnh ủy họp thường lệ 03 tháng một lần', 'tinh uy hop thuong le 03 thang mot lan']) {
      const r = await search(admin, q);
      expect(r.groups[0]!.kind, q).toBe('clause');
      const top = r.groups[0]!.items[0]!;
      expect(top.title).toBe('Khoản 1 Điều 12 (Hội nghị Tỉnh ủy)');
      expect(top.subtitle).toContain('Tỉnh ủy họp thường lệ 03 tháng một lần');
      expect(top.href).toMatch(new RegExp(`^/regulations/${reg.id}\\?v=[0-9a-f-]+&e=chp_\\d+__art_12__para_1$`));
      // The link opens the version searched, and it holds the clause.
      const v = await t.as(admin, { method: 'GET', url: apiOf(top.href) });
      expect(v.statusCode).toBe(200);
      expect(JSON.stringify(v.json())).toContain('Tỉnh ủy họp thường lệ 03 tháng một lần');
    }
    const art = await search(admin, 'Điều 12');
    expect(group(art, 'clause')!.items[0]!.title).toBe('Điều 12. Hội nghị Tỉnh ủy');
  });

  it('finds the regulation 01-QC/TU by its number first', async () => {
    const reg = await qclv().executeTakeFirstOrThrow();
    for (const q of ['01-QC/TU', '01 QC/TU', '1-qc/tu', 'QC 01 TU']) {
      const r = await search(admin, q);
      expect(r.groups[0]!.kind, q).toBe('regulation');
      expect(r.groups[0]!.items[0]).toMatchObject({ id: reg.id, href: `/regulations/${reg.id}` });
    }
    // Tân Lập's own regulation is 01-QC/ĐU: typed without the Đ's mark too.
    const du = await search(x01, '01-QC/DU');
    expect(du.groups[0]!.kind).toBe('regulation');
    expect(du.groups[0]!.items[0]!.subtitle).toContain('01-QC/ĐU');
  });

  it('finds program, inspection and report numbers; the inspection also for a unit it targets', async () => {
    const prog = await search(admin, '03-CTr/TU');
    expect(prog.groups[0]!.kind).toBe('program');
    expect(prog.groups[0]!.items[0]!.title).toBe('Chương trình làm việc năm 2026');
    const insp = await db()
      .selectFrom('inspection')
      .select('id')
      .where('decision_symbol', '=', '07-QĐ/TU')
      .executeTakeFirstOrThrow();
    for (const s of [admin, x01]) {
      const r = await search(s, '07-QĐ/TU');
      expect(r.groups[0]!.kind).toBe('inspection');
      expect(r.groups[0]!.items[0]!.id).toBe(insp.id);
    }
    const rep = await search(admin, '01-BC/TU');
    expect(rep.groups[0]!.kind).toBe('report');
  });

  it(
    'keeps the old answer for people and organizations, says nothing for a query of punctuation, and counts ' +
      'a broad word',
    async () => {
      const r = await search(admin, 'nguyen van khai');
      expect(r.people.map((p) => p.fullName)).toContain('Nguyễn Văn Khải');
      expect(r.groups[0]!.kind).toBe('person');
      expect(r.groups[0]!.items[0]!.title).toBe('Nguyễn Văn Khải');
      const o = await search(admin, 'dang uy khoi');
      expect(o.organizations.map((x) => x.name)).toContain('Đảng ủy Khối các cơ quan tỉnh');
      expect(group(o, 'organization')!.items.map((i) => i.title)).toContain('Đảng ủy Khối các cơ quan tỉnh');
      const none = await search(admin, '?!');
      expect(none.groups).toEqual([]);
      // A broad word: the tasks are more than the search counts, and it says so.
      const broad = group(await search(admin, 'dang', 5), 'task')!;
      expect(broad).toMatchObject({ capped: true });
      expect(broad.items).toHaveLength(5);
      expect(broad.total).toBeGreaterThanOrEqual(100);
    },
  );

  /**
   * For every result the user gets, the user's own detail endpoint answers 200; for every result the administrator
   * gets that the user's endpoint refuses, the user does not get it. Returns the kinds where such refused records
   * were met, to show the queries did reach outside the user's scope.
   */
  async function scopedLikeTheRecords(user: Session, queries: string[]) {
    const refusedKinds = new Set<SearchKind>();
    const status = new Map<string, number>();
    const get = async (href: string) => {
      const url = apiOf(href);
      if (!status.has(url)) status.set(url, (await t.as(user, { method: 'GET', url })).statusCode);
      return status.get(url)!;
    };
    for (const q of queries) {
      const mine = await search(user, q, 100);
      const hrefs = new Set(mine.groups.flatMap((g) => g.items.map((i) => `${g.kind} ${i.id}`)));
      for (const g of mine.groups)
        for (const i of g.items) expect.soft(await get(i.href), `"${q}": ${g.kind} ${i.title}`).toBe(200);
      for (const g of (await search(admin, q, 100)).groups) {
        for (const i of g.items) {
          if ((await get(i.href)) === 200) continue;
          refusedKinds.add(g.kind);
          expect.soft(hrefs.has(`${g.kind} ${i.id}`), `"${q}": ${g.kind} ${i.title} is outside`).toBe(false);
        }
      }
    }
    return refusedKinds;
  }

  const QUERIES = [
    'thong bao ket luan',
    '77-TB/TU',
    '1-TB/ĐU',
    'hop thuong truc tinh uy',
    'hoi nghi ban chap hanh',
    'chi bo',
    'chuong trinh',
    'kiem tra',
    'giam sat',
    'kien nghi',
    'lay y kien',
    'quy che lam viec',
    'dieu 12',
    'bao cao',
    'dang bo xa',
    'nguyen',
    'bac son',
    'tan loi',
    'tan lap',
  ];
  const EVERY_KIND: SearchKind[] = [
    'regulation',
    'clause',
    'conclusion',
    'meeting',
    'task',
    'program',
    'inspection',
    'recommendation',
    'consultation',
    'report',
    'organization',
    'person',
  ];

  it("never shows the commune clerk (vanthu.x01) another unit's records, of any kind", async () => {
    const refused = await scopedLikeTheRecords(x01, QUERIES);
    expect([...refused].sort()).toEqual([...EVERY_KIND].sort());
    // Records known to be outside Tân Lập: absent; its own, and what concerns it, present.
    const x05 = await t.orgId('ORG-X05');
    expect(ids(await search(x01, 'tan loi', 100))).not.toContain(x05);
    expect(ids(await search(x01, 'lay y kien', 100), 'consultation')).not.toContain(outsideConsultation);
    expect(ids(await search(x01, 'lay y kien', 100), 'consultation')).toHaveLength(1);
    const fromBacSon = await db()
      .selectFrom('recommendation')
      .select('id')
      .where('from_label', '=', 'Đảng ủy phường Bắc Sơn')
      .executeTakeFirstOrThrow();
    expect(ids(await search(x01, 'kien nghi', 100))).not.toContain(fromBacSon.id);
    expect(ids(await search(x01, 'kien nghi bo sung can bo chuyen trach'), 'recommendation')).toHaveLength(1);
    expect((await search(x01, '77-TB/TU')).groups).toEqual([]);
    expect((await search(x01, '01-QC/TU')).groups.filter((g) => g.kind === 'regulation')).toEqual([]);
    const own = await search(x01, '1-TB/ĐU');
    expect(own.groups[0]!.kind).toBe('conclusion');
    expect(own.groups[0]!.items[0]!.subtitle).toContain('Số 1-TB/ĐU');
    // A task the province assigned with Tân Lập leading it: the commune reads it.
    expect(group(await search(x01, 'Củng cố 5 chi bộ yếu kém tại xã Tân Lập'), 'task')!.items).toHaveLength(1);
  });

  it("never shows the ward clerk (vanthu.x02) Tân Lập's or the province's records", async () => {
    const refused = await scopedLikeTheRecords(x02, QUERIES);
    for (const k of [
      'conclusion',
      'meeting',
      'task',
      'program',
      'regulation',
      'clause',
      'report',
      'organization',
      'person',
    ] as const)
      expect(refused).toContain(k);
    expect((await search(x02, '1-TB/ĐU')).groups).toEqual([]);
    expect(ids(await search(x02, 'hoi nghi ban chap hanh dang bo xa tan lap', 100), 'meeting')).toEqual([]);
  });

  it('does not return a confidential record to a user without clearance', async () => {
    const meeting = 'hoi nghi chuyen de bao ve bi mat nha nuoc';
    const person = 'trinh bao mat';
    expect(ids(await search(admin, meeting), 'meeting')).toContain(secret['meeting']);
    expect(ids(await search(admin, person), 'person')).toContain(secret['person']);
    // The province's office clerk holds "Mật" clearance and covers Tân Lập.
    expect(ids(await search(officeClerk, meeting), 'meeting')).toContain(secret['meeting']);
    for (const s of [x01, viewer]) {
      expect(ids(await search(s, meeting))).not.toContain(secret['meeting']);
      const r = await search(s, person);
      expect(ids(r)).not.toContain(secret['person']);
      expect(r.people.map((p) => p.id)).not.toContain(secret['person']);
    }
  });
});

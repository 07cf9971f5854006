import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOrgIntegrity } from '@quyche/core';
import { orgSnapshot, qb, sql } from '@quyche/db';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';
import type { TreeNode } from '@quyche/core';

const drivers = await testDrivers();

const flatten = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe.each(drivers)('organizations over time (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());
  const auditCount = async () =>
    (
      await qb(t.db)
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('has demo data that satisfies every integrity rule', async () => {
    const ids = await qb(t.db).selectFrom('organization').select('id').execute();
    const violations = [];
    for (const { id } of ids) violations.push(...checkOrgIntegrity((await orgSnapshot(t.db, id))!));
    expect(violations).toEqual([]);
  });

  it('shows the two old provinces and the bloc committee as of 2025-03-01', async () => {
    const r = await t.as(admin, { method: 'GET', url: '/api/v1/organizations/tree?asOf=2025-03-01&depth=3' });
    expect(r.statusCode).toBe(200);
    const tree = r.json() as { roots: TreeNode[] };
    expect(tree.roots.map((n) => n.code).sort()).toEqual(['ORG-AL-OLD', 'ORG-BH-OLD']);
    const all = flatten(tree.roots);
    expect(all.map((n) => n.code)).not.toContain('ORG-AL');
    expect(all.filter((n) => n.kind === 'COMMUNE_PARTY_ORG')).toHaveLength(0);
    expect(all.filter((n) => n.kind === 'DISTRICT_PARTY_ORG')).toHaveLength(11);
    // The bloc committee ended on 31/01/2025; its work passed to the two new party organizations.
    const cqd = all.find((n) => n.code === 'ORG-CQD')!;
    expect(cqd.predecessors).toEqual([
      expect.objectContaining({ name: 'Đảng ủy Khối các cơ quan tỉnh', validUntil: '2025-01-31' }),
    ]);
  });

  it('shows the merged An Lạc with its new party committees as of 2026-01-01', async () => {
    const r = await t.as(admin, { method: 'GET', url: '/api/v1/organizations/tree?asOf=2026-01-01' });
    const tree = r.json() as { roots: TreeNode[] };
    expect(tree.roots.map((n) => n.code)).toEqual(['ORG-AL']);
    const al = tree.roots[0]!;
    expect(
      al.predecessors
        .filter((p) => p.succession === 'merge')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Đảng bộ tỉnh An Lạc (cũ)', 'Đảng bộ tỉnh Bình Hà (cũ)']);
    expect(al.predecessors.filter((p) => p.succession === 'dissolve')).toHaveLength(11); // the abolished district level
    expect(al.children.filter((c) => c.kind === 'COMMUNE_PARTY_ORG')).toHaveLength(96);
    expect(al.children.map((c) => c.code)).toEqual(expect.arrayContaining(['ORG-CQD', 'ORG-UBND', 'ORG-QS', 'ORG-CA']));
    expect(al.children.map((c) => c.code)).not.toContain('ORG-DUK');
  });

  it('answers "as of" for the parent of an organization whose parent changed', async () => {
    const cqd = await t.orgId('ORG-CQD');
    const before = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${cqd}?asOf=2025-03-01` })).json();
    const after = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${cqd}?asOf=2026-01-01` })).json();
    expect(before.parent.code).toBe('ORG-AL-OLD');
    expect(after.parent.code).toBe('ORG-AL');
    expect(after.parentLinks).toHaveLength(2);
    expect(after.predecessors.map((p: { code: string }) => p.code)).toEqual(['ORG-DUK']);
  });

  it('lists the bodies of 2026 with the fixture sizes: BCH 61, BTV 17, TT 4, UBKT 11', async () => {
    const al = await t.orgId('ORG-AL');
    const d = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${al}?asOf=2026-01-01` })).json();
    const count = (kind: string) => d.bodies.find((b: { kind: string }) => b.kind === kind).memberCount;
    expect([count('BCH'), count('BTV'), count('TT'), count('UBKT')]).toEqual([61, 17, 4, 11]);
    const tt = d.bodies.find((b: { kind: string }) => b.kind === 'TT');
    const body = (await t.as(admin, { method: 'GET', url: `/api/v1/bodies/${tt.id}?asOf=2026-01-01` })).json();
    expect(body.members.map((m: { person: { fullName: string } }) => m.person.fullName)).toEqual([
      'Trần Quốc Hưng',
      'Lê Thị Minh Châu',
      'Nguyễn Văn Khải',
      'Phạm Đức Tài',
    ]);
  });

  it('refuses to make a Bí thư of someone who is not a BTV member, naming the rule', async () => {
    const al = await t.orgId('ORG-AL');
    const d = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${al}?asOf=2026-01-01` })).json();
    const bch = d.bodies.find((b: { kind: string }) => b.kind === 'BCH');
    const m30 = await t.personId('M30');
    const auditBefore = await auditCount();
    const r = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/bodies/${bch.id}/memberships`,
      payload: { personId: m30, role: 'PHO_BI_THU', validFrom: '2026-03-01' },
    });
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({
      code: 'BI_THU_LA_UY_VIEN_BTV',
      title: 'Bí thư, Phó Bí thư phải là Ủy viên Ban Thường vụ',
    });
    expect(r.json().detail).toContain('Điều lệ Đảng');
    const seats = await qb(t.db)
      .selectFrom('membership')
      .select('id')
      .where('person_id', '=', m30)
      .where('role', '=', 'PHO_BI_THU')
      .execute();
    expect(seats).toHaveLength(0);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('accepts a Phó Bí thư once the person sits on the BTV, and audits both writes', async () => {
    const al = await t.orgId('ORG-AL');
    const d = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${al}` })).json();
    const bch = d.bodies.find((b: { kind: string }) => b.kind === 'BCH');
    const btv = d.bodies.find((b: { kind: string }) => b.kind === 'BTV');
    const m31 = await t.personId('M31');
    expect(
      (
        await t.as(admin, {
          method: 'POST',
          url: `/api/v1/bodies/${btv.id}/memberships`,
          payload: { personId: m31, role: 'UY_VIEN', validFrom: '2026-03-01' },
        })
      ).statusCode,
    ).toBe(201);
    const r = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/bodies/${bch.id}/memberships`,
      payload: { personId: m31, role: 'PHO_BI_THU', validFrom: '2026-03-01' },
    });
    expect(r.statusCode).toBe(201);
    const audit = await qb(t.db)
      .selectFrom('audit_log')
      .select(['entity', sql<string>`after->>'role'`.as('role')])
      .where('entity', '=', 'membership')
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(audit.map((a) => a.role).sort()).toEqual(['PHO_BI_THU', 'UY_VIEN']);
  });

  it('refuses a TT seat for an ordinary member', async () => {
    const al = await t.orgId('ORG-AL');
    const d = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${al}` })).json();
    const tt = d.bodies.find((b: { kind: string }) => b.kind === 'TT');
    const m40 = await t.personId('M40');
    const r = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/bodies/${tt.id}/memberships`,
      payload: { personId: m40, role: 'UY_VIEN', validFrom: '2026-03-01' },
    });
    expect(r.json().code).toBe('THUONG_TRUC_GOM_BI_THU_PHO_BI_THU');
  });

  it('keeps a cell at 3 official members at least', async () => {
    const cell = await t.orgId('ORG-X01-CB1'); // 3 official + 1 probationary
    const members = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${cell}/party-members` })).json();
    const official = members.find((m: { status: string }) => m.status === 'official');
    const r = await t.as(admin, {
      method: 'PATCH',
      url: `/api/v1/party-members/${official.id}`,
      payload: { version: official.version, validUntil: '2026-06-30' },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('CHI_BO_TOI_THIEU_3_DANG_VIEN');
    expect(r.json().detail).toContain('01/07/2026');
  });

  it('detects a stale version with 409 and loses nothing', async () => {
    const x05 = await t.orgId('ORG-X05');
    const o = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${x05}` })).json();
    const first = await t.as(admin, {
      method: 'PATCH',
      url: `/api/v1/organizations/${x05}`,
      payload: { version: o.version, shortName: 'Đảng ủy A' },
    });
    expect(first.statusCode).toBe(200);
    const second = await t.as(admin, {
      method: 'PATCH',
      url: `/api/v1/organizations/${x05}`,
      payload: { version: o.version, shortName: 'Đảng ủy B' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'VERSION_CONFLICT', field: 'body.version' });
    const now = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${x05}` })).json();
    expect(now.shortName).toBe('Đảng ủy A');
    expect(now.version).toBe(o.version + 1);
  });

  it('merges two communes: closes their bodies and memberships and records the successor', async () => {
    const [a, b] = [await t.orgId('ORG-X95'), await t.orgId('ORG-X96')];
    const preview = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/reorganizations',
      payload: { kind: 'merge', effectiveOn: '2026-09-01', sourceIds: [a], successorId: b, preview: true },
    });
    expect(preview.json()).toMatchObject({ applied: false, closed: { organizations: 1, bodies: 2, memberships: 2 } });
    const r = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/reorganizations',
      payload: { kind: 'merge', effectiveOn: '2026-09-01', sourceIds: [a], successorId: b, decisionRef: '15-QĐ/TU' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().summary_vi).toContain('01/09/2026');
    const after = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${a}?asOf=2026-09-01` })).json();
    expect(after.activeOnDate).toBe(false);
    expect(after.validUntil).toBe('2026-08-31');
    expect(after.successors.map((s: { id: string }) => s.id)).toEqual([b]);
    expect(after.bodies).toEqual([]);
    const stillThere = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${a}?asOf=2026-08-31` })).json();
    expect(stillThere.bodies).toHaveLength(2);
    const tree = (await t.as(admin, { method: 'GET', url: '/api/v1/organizations/tree?asOf=2026-09-01' })).json();
    const succ = tree.roots[0].children.find((c: { id: string }) => c.id === b);
    expect(succ.predecessors.map((p: { id: string }) => p.id)).toEqual([a]);
    expect(await qb(t.db).selectFrom('audit_log').select('seq').where('action', '=', 'merge').execute()).toHaveLength(
      1,
    );
  });

  it('searches people and organizations with or without diacritics', async () => {
    for (const q of ['nguyen van khai', 'Nguyễn Văn Khải', 'KHAI nguyen']) {
      const r = (await t.as(admin, { method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` })).json();
      expect(r.people.map((p: { fullName: string }) => p.fullName)).toContain('Nguyễn Văn Khải');
    }
    const orgs = (await t.as(admin, { method: 'GET', url: '/api/v1/search?q=dang%20uy%20khoi' })).json();
    expect(orgs.organizations.map((o: { name: string }) => o.name)).toContain('Đảng ủy Khối các cơ quan tỉnh');
    const du = (await t.as(admin, { method: 'GET', url: '/api/v1/search?q=dang%20uy%20xa%20tan%20lap' })).json();
    expect(du.organizations.map((o: { code: string }) => o.code)).toContain('ORG-X01');
  });

  it('shows a person with positions and portfolio as of a date', async () => {
    const m01 = await t.personId('M01');
    const now = (await t.as(admin, { method: 'GET', url: `/api/v1/people/${m01}?asOf=2026-01-01` })).json();
    expect(now.positions.map((p: { role: string }) => p.role)).toContain('BI_THU');
    expect(now.portfolio[0].field).toContain('Lãnh đạo toàn diện');
    const then = (await t.as(admin, { method: 'GET', url: `/api/v1/people/${m01}?asOf=2024-01-01` })).json();
    expect(then.positions.map((p: { role: string }) => p.role)).toEqual([
      'PHO_BI_THU_TT',
      'PHO_BI_THU_TT',
      'PHO_BI_THU_TT',
    ]);
  });

  it('hides a confidential body from an account without clearance', async () => {
    const al = await t.orgId('ORG-AL');
    const viewer = await t.login('xem');
    const names = (s: typeof admin) =>
      t
        .as(s, { method: 'GET', url: `/api/v1/organizations/${al}` })
        .then((r) => r.json().bodies.map((b: { name: string }) => b.name));
    expect(await names(admin)).toContain('Ban Chỉ đạo bảo vệ chính trị nội bộ Tỉnh ủy');
    expect(await names(viewer)).not.toContain('Ban Chỉ đạo bảo vệ chính trị nội bộ Tỉnh ủy');
    const { id } = await qb(t.db)
      .selectFrom('body')
      .select('id')
      .where('confidentiality', '=', 2)
      .executeTakeFirstOrThrow();
    expect((await t.as(viewer, { method: 'GET', url: `/api/v1/bodies/${id}` })).statusCode).toBe(404);
  });

  it('publishes the OpenAPI document of every route', async () => {
    const doc = (await t.as(admin, { method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/organizations/tree', '/api/v1/bodies/{id}/memberships', '/api/v1/search']),
    );
    expect(
      doc.paths['/api/v1/organizations']['post'].requestBody.content['application/json'].schema.properties.kind.enum,
    ).toContain('CELL');
  });
});

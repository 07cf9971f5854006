import { qb, sql } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from './http/route.js';
import { createTestApp, fingerprint, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const RANDOM_ID = '01900000-0000-7000-8000-000000000000';

describe.each(drivers)('access control on every route (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let clerk: Session;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    clerk = await t.login('vanthu.x01');
    // Records of another commune (X02) for every kind of :id.
    const k = qb(t.db);
    const q = async (query: { executeTakeFirstOrThrow(): Promise<{ id: string }> }) =>
      (await query.executeTakeFirstOrThrow()).id;
    ids['org'] = await t.orgId('ORG-X05');
    ids['body'] = await q(
      k
        .selectFrom('body as b')
        .innerJoin('organization as o', 'o.id', 'b.org_id')
        .select('b.id')
        .where('o.code', '=', 'ORG-X05')
        .limit(1),
    );
    ids['person'] = await q(
      k
        .selectFrom('person as p')
        .innerJoin('organization as o', 'o.id', 'p.org_id')
        .select('p.id')
        .where('o.code', '=', 'ORG-X05')
        .limit(1),
    );
    ids['membership'] = await q(
      k
        .selectFrom('membership as m')
        .innerJoin('organization as o', 'o.id', 'm.org_id')
        .select('m.id')
        .where('o.code', '=', 'ORG-X05')
        .limit(1),
    );
    ids['portfolio'] = await q(k.selectFrom('portfolio_assignment').select('id').limit(1));
    ids['partyMember'] = await q(
      k
        .selectFrom('party_membership as pm')
        .innerJoin('organization as o', 'o.id', 'pm.org_id')
        .select('pm.id')
        .where('o.code', '=', 'ORG-CB-VP1')
        .limit(1),
    );
    const al = await t.orgId('ORG-AL');
    const reg = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/regulations',
      payload: {
        orgId: al,
        text:
          '---\nwork: /test/qc\nexpression: vie@2026-01-01\nstatus: adopted\nin_force_from: 2026-01-01\n' +
          '---\n## Điều 1. A\n1. B\n',
      },
    });
    ids['regulation'] = (await t.as(admin, { method: 'GET', url: '/api/v1/regulations' })).json()[0].id;
    const m = (
      await t.as(admin, {
        method: 'POST',
        url: '/api/v1/meetings',
        payload: { bodyId: ids['body'], kind: 'regular', title: 'Hội nghị Đảng ủy xã', meetingDate: '2026-03-05' },
      })
    ).json();
    ids['meeting'] = m.id;
    // Any id: the meeting check comes first.
    ids['attendance'] = await q(k.selectFrom('person').select('id').limit(1));
    ids['version'] = reg.json().id;
    // The province's records: the commune clerk may not touch them either.
    ids['task'] = await q(
      k
        .selectFrom('task as t')
        .innerJoin('organization as o', 'o.id', 't.lead_org_id')
        .select('t.id')
        .where('o.code', '<>', 'ORG-X01')
        .limit(1),
    );
    ids['conclusionItem'] = await q(k.selectFrom('conclusion_item').select('id').where('kind', '=', 'action').limit(1));
    ids['program'] = await q(
      k.selectFrom('program').select('id').where('title', '=', 'Chương trình làm việc năm 2026'),
    );
    ids['programItem'] = await q(
      k
        .selectFrom('program_item as i')
        .innerJoin('program as p', 'p.id', 'i.program_id')
        .select('i.id')
        .where('p.title', '=', 'Chương trình làm việc năm 2026')
        .limit(1),
    );
    // Not one that targets the clerk's own commune (those it reads: the units inspected see their inspection).
    ids['inspection'] = (
      await sql<{ id: string }>`select i.id from inspection i where not exists (
          select 1 from jsonb_array_elements(i.targets) g join organization o on o.id::text = g->>'id'
           where o.code = 'ORG-X01') limit 1`.execute(k)
    ).rows[0]!.id;
    // Received by the province from Bắc Sơn (X02): not the X01 clerk's.
    ids['recommendation'] = await q(
      k.selectFrom('recommendation').select('id').where('from_label', '=', 'Đảng ủy phường Bắc Sơn'),
    );
    // A consultation of the province sent to commune X05: not the X01 clerk's either.
    const cons = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/consultations',
      payload: {
        regulationId: reg.json().regulationId,
        versionId: reg.json().id,
        sentOn: '2026-01-02',
        deadline: '2026-01-20',
        recipients: [{ kind: 'org', id: ids['org'] }],
      },
    });
    expect(cons.statusCode, cons.body).toBe(201);
    ids['consultation'] = cons.json().id;
    const rep = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/review-reports',
      payload: { orgId: ids['org'], period: '2026-H1' },
    });
    expect(rep.statusCode, rep.body).toBe(201);
    ids['reviewReport'] = rep.json().id;
    const sc = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/shortcomings',
      payload: {
        orgId: ids['org'],
        text: 'Hạn chế',
        remedy: 'Khắc phục',
        lead: { kind: 'unit', id: ids['org'], name: 'Đảng ủy' },
        dueDate: '2026-12-31',
        identifiedOn: '2026-07-01',
      },
    });
    expect(sc.statusCode, sc.body).toBe(201);
    ids['shortcoming'] = sc.json().id;
    const rr = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/review-requests',
      payload: {
        orgId: al,
        targetOrgId: ids['org'],
        topics: ['Thực hiện quy chế làm việc'],
        sentOn: '2026-07-01',
        deadline: '2026-07-31',
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
      },
    });
    expect(rr.statusCode, rr.body).toBe(201);
    ids['reviewRequest'] = rr.json().id;
    // An assessment sheet of the demo's 2025 (the provincial office's cell: not Tân Lập's).
    ids['assessment'] = await q(k.selectFrom('assessment').select('id').where('year', '=', 2025).limit(1));
  });
  afterAll(async () => t?.close());

  const urlFor = (url: string) =>
    url
      .replace(':versionId', ids['version']!)
      .replace(':attendanceId', ids['attendance']!)
      .replace(':itemId', ids['attendance']!)
      .replace(':documentId', ids['attendance']!)
      .replace(':siteId', ids['attendance']!)
      .replace(':fileId', ids['attendance']!)
      .replace(':extensionId', ids['attendance']!)
      .replace(':commentId', ids['attendance']!)
      .replace(':recipientId', ids['attendance']!)
      .replace(/^\/consultations\/:id/, `/consultations/${ids['consultation']}`)
      .replace(/^\/review-reports\/:id/, `/review-reports/${ids['reviewReport']}`)
      .replace(/^\/review-requests\/:id/, `/review-requests/${ids['reviewRequest']}`)
      .replace(/^\/shortcomings\/:id/, `/shortcomings/${ids['shortcoming']}`)
      .replace(/^\/assessments\/:id/, `/assessments/${ids['assessment']}`)
      .replace(/^\/tasks\/:id/, `/tasks/${ids['task']}`)
      .replace(/^\/programs\/:id/, `/programs/${ids['program']}`)
      .replace(/^\/program-items\/:id/, `/program-items/${ids['programItem']}`)
      .replace(/^\/inspections\/:id/, `/inspections/${ids['inspection']}`)
      .replace(/^\/recommendations\/:id/, `/recommendations/${ids['recommendation']}`)
      .replace(/^\/conclusion-items\/:id/, `/conclusion-items/${ids['conclusionItem']}`)
      .replace(/^\/meetings\/:id/, `/meetings/${ids['meeting']}`)
      .replace(/^\/bodies\/:id/, `/bodies/${ids['body']}`)
      .replace(/^\/people\/:id/, `/people/${ids['person']}`)
      .replace(/^\/members\/:id/, `/members/${ids['person']}`)
      .replace(/^\/memberships\/:id/, `/memberships/${ids['membership']}`)
      .replace(/^\/portfolio\/:id/, `/portfolio/${ids['portfolio']}`)
      .replace(/^\/party-members\/:id/, `/party-members/${ids['partyMember']}`)
      .replace(/^\/regulations\/:id/, `/regulations/${ids['regulation']}`)
      .replace(':id', ids['org']!);

  it('answers 401 problem+json without a session on every route but login', async () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const r of routes) {
      if (r.public) continue;
      const res = await t.app.inject({
        method: r.method,
        url: `/api/v1${r.url.replace(/:[a-zA-Z]+/g, RANDOM_ID)}`,
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
    for (const url of ['/api/v1/openapi.json', '/api/v1/khong-co'])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it("refuses a commune clerk every route on another commune's records (403) and changes nothing", async () => {
    const before = await fingerprint(t);
    const scoped = routes.filter((r) => r.url.includes(':id'));
    expect(scoped.length).toBeGreaterThan(20);
    const bodies: Record<string, unknown> = { version: 1 };
    for (const r of scoped) {
      const url = `/api/v1${urlFor(r.url)}`;
      const payload =
        r.method === 'GET'
          ? undefined
          : r.url.endsWith('/ask')
            ? { ask: 'quorum', at: '2026-01-01', input: {} }
            : bodies;
      const res = await t.as(clerk, {
        method: r.method,
        url:
          url +
          (/\/diff(\.docx)?$/.test(r.url)
            ? `?from=${ids['version']}&to=${ids['version']}`
            : r.url.endsWith('/consolidated')
              ? '?at=2026-01-01'
              : ''),
        payload,
      });
      // A body that does not validate may answer 400 before the record is looked at; it must never succeed. A record
      // of someone's own account (a notification, a member's own cell) is answered as not found.
      const own = r.url.startsWith('/notifications/') || r.url.startsWith('/me/');
      expect(own ? [404, 400] : [403, 400], `${r.method} ${r.url} → ${res.statusCode} ${res.body}`).toContain(
        res.statusCode,
      );
      if (r.method === 'GET') expect(res.statusCode, `${r.method} ${r.url}`).toBe(own ? 404 : 403);
    }
    // Valid writes aimed at the other commune: 403, not 400.
    const x02 = ids['org']!; // commune X05
    const writes = [
      { method: 'POST' as const, url: '/api/v1/people', payload: { orgId: x02, fullName: 'Người Lạ' } },
      { method: 'PATCH' as const, url: `/api/v1/organizations/${x02}`, payload: { version: 1, shortName: 'Đổi tên' } },
      {
        method: 'POST' as const,
        url: `/api/v1/bodies/${ids['body']}/memberships`,
        payload: { personId: ids['person'], role: 'UY_VIEN', validFrom: '2026-01-01' },
      },
      {
        method: 'POST' as const,
        url: '/api/v1/bodies',
        payload: { orgId: x02, kind: 'UBKT', name: 'Ủy ban Kiểm tra', validFrom: '2026-01-01' },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/organizations/${x02}/terms`,
        payload: { name: 'I', validFrom: '2026-01-01' },
      },
      {
        method: 'POST' as const,
        url: '/api/v1/reorganizations',
        payload: { kind: 'dissolve', effectiveOn: '2026-12-01', sourceIds: [x02] },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/people/${ids['person']}/portfolio`,
        payload: { orgId: x02, field: 'Kinh tế', validFrom: '2026-01-01' },
      },
    ];
    for (const w of writes) expect((await t.as(clerk, w)).statusCode, w.url).toBe(403);
    expect(await fingerprint(t)).toBe(before);
  });

  it('lets the clerk read and write its own commune, and lists only its subtree', async () => {
    const x01 = await t.orgId('ORG-X01');
    expect((await t.as(clerk, { method: 'GET', url: `/api/v1/organizations/${x01}` })).statusCode).toBe(200);
    const p = await t.as(clerk, {
      method: 'POST',
      url: '/api/v1/people',
      payload: { orgId: x01, fullName: 'Nguyễn Thị Mới' },
    });
    expect(p.statusCode).toBe(201);
    const cell = await t.orgId('ORG-X01-CB2');
    const pm = await t.as(clerk, {
      method: 'POST',
      url: `/api/v1/organizations/${cell}/party-members`,
      payload: { personId: p.json().id, status: 'probationary', validFrom: '2026-01-01' },
    });
    expect(pm.statusCode).toBe(201);
    const orgs = (await t.as(clerk, { method: 'GET', url: '/api/v1/organizations?pageSize=500' })).json();
    expect(orgs.items.map((o: { code: string }) => o.code).sort()).toEqual([
      'ORG-X01',
      'ORG-X01-CB1',
      'ORG-X01-CB2',
      'ORG-X01-CB3',
      'ORG-X01-CB4',
      'ORG-X01-CB5',
    ]);
    const found = (await t.as(clerk, { method: 'GET', url: '/api/v1/search?q=nguyen' })).json();
    const orgOf = async (id: string) =>
      (
        await qb(t.db)
          .selectFrom('person as p')
          .innerJoin('organization as o', 'o.id', 'p.org_id')
          .select('o.code')
          .where('p.id', '=', id)
          .executeTakeFirstOrThrow()
      ).code;
    for (const person of found.people) expect(await orgOf(person.id)).toMatch(/^ORG-X01/);
    expect((await t.as(clerk, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    expect((await t.as(clerk, { method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
  });

  it('refuses writes by a viewer and a leader', async () => {
    for (const u of ['xem', 'lanhdao']) {
      const s = await t.login(u);
      const r = await t.as(s, {
        method: 'POST',
        url: '/api/v1/people',
        payload: { orgId: await t.orgId('ORG-AL'), fullName: 'Không Được' },
      });
      expect(r.statusCode, u).toBe(403);
    }
  });

  it('rejects a write without the CSRF token, with a wrong one, or as a form post', async () => {
    const before = await fingerprint(t);
    const payload = { orgId: await t.orgId('ORG-AL'), fullName: 'Giả Mạo' };
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('CSRF_INVALID');
    const wrong = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/people',
      headers: { 'x-csrf-token': 'sai' },
      payload,
    });
    expect(wrong.json().code).toBe('CSRF_INVALID');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'fullName=x',
    });
    expect(form.statusCode).toBeGreaterThanOrEqual(400);
    expect(form.statusCode).toBeLessThan(500);
    expect(await fingerprint(t)).toBe(before);
  });

  it('throttles repeated failed logins per username and address', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'vanthu.x02', password: `sai-${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'vanthu.x02', password: 'anlac2026' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'xem', password: 'anlac2026' },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('sets an httpOnly SameSite cookie and logout ends the session', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'lanhdao', password: 'anlac2026' },
    });
    const c = r.cookies.find((x) => x.name === 'qc_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    const s = { cookie: `qc_session=${c.value}`, csrf: r.json().csrfToken };
    expect((await t.as(s, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await t.as(s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('audits every write with actor, before and after; detects a row changed or deleted behind its back', async () => {
    const x01 = await t.orgId('ORG-X01');
    const o = (await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${x01}` })).json();
    await t.as(admin, {
      method: 'PATCH',
      url: `/api/v1/organizations/${x01}`,
      payload: { version: o.version, shortName: 'Đảng ủy xã Tân Lập (mới)' },
    });
    const last = await qb(t.db)
      .selectFrom('audit_log')
      .select(['actor', 'before', 'after'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      actor: 'admin',
      before: { shortName: 'Đảng ủy xã Tân Lập' },
      after: { shortName: 'Đảng ủy xã Tân Lập (mới)' },
    });
    expect((await t.as(admin, { method: 'GET', url: '/api/v1/audit/verify' })).json().ok).toBe(true);
    await t.db.query(`update audit_log set after = '{"shortName":"giả"}' where seq = 3`);
    const v = (await t.as(admin, { method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'changed' }));
    await t.db.query('delete from audit_log where seq = 4');
    expect(
      (await t.as(admin, { method: 'GET', url: '/api/v1/audit/verify' }))
        .json()
        .problems.map((p: { kind: string }) => p.kind),
    ).toContain('missing');
  });

  it('sends security headers', async () => {
    const r = await t.as(admin, { method: 'GET', url: '/api/v1/auth/me' });
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
  });
});

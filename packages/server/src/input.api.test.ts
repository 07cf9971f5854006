import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { routes } from './http/route.js';
import { createTestApp, fingerprint, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  field?: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const p = JSON.parse(res.body);
  expect(p.title).toMatch(DIACRITIC);
  expect(res.body).not.toMatch(/\n\s+at |\/work\/|node_modules|\.ts:\d+/);
  if (field) expect(p.field).toBe(field);
  return p;
}

describe.each(drivers)('bad input (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let al: string;
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    al = await t.orgId('ORG-AL');
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.as(admin, {
      method: 'POST',
      url,
      payload: payload as string,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('names the field for malformed JSON, wrong types, unknown fields and impossible dates', async () => {
    expect(expectProblem(await post('/api/v1/people', '{"orgId": ', {}), 400, 'body').code).toBe('MALFORMED_JSON');
    expectProblem(await post('/api/v1/people', { orgId: al, fullName: 12 }), 400, 'body.fullName');
    expectProblem(await post('/api/v1/people', { orgId: 'abc', fullName: 'A' }), 400, 'body.orgId');
    expectProblem(await post('/api/v1/people', { orgId: al, fullName: 'A', hacker: 1 }), 400, 'body.hacker');
    expectProblem(
      await post('/api/v1/organizations', { code: 'X', name: 'X', kind: 'XYZ', validFrom: '2026-01-01', parentId: al }),
      400,
      'body.kind',
    );
    expectProblem(
      await post('/api/v1/organizations', {
        code: 'X',
        name: 'X',
        kind: 'CELL',
        validFrom: '2026-02-30',
        parentId: al,
      }),
      400,
      'body.validFrom',
    );
    expectProblem(
      await post('/api/v1/organizations', {
        code: 'X',
        name: 'X',
        kind: 'CELL',
        validFrom: '2026-13-01',
        parentId: al,
      }),
      400,
      'body.validFrom',
    );
    expectProblem(
      await post(`/api/v1/organizations/${al}/terms`, {
        name: 'I',
        validFrom: '2026-05-01',
        validUntil: '2026-04-30',
      }),
      400,
      'body.validUntil',
    );
    const missing = expectProblem(await post('/api/v1/people', { orgId: al }), 400, 'body.fullName');
    expect(missing.errors[0].message).toMatch(DIACRITIC);
  });

  it('names the query parameter', async () => {
    expectProblem(
      await t.as(admin, { method: 'GET', url: `/api/v1/organizations/${al}?asOf=2025-02-29` }),
      400,
      'query.asOf',
    );
    expectProblem(await t.as(admin, { method: 'GET', url: '/api/v1/organizations?page=-1' }), 400, 'query.page');
    expectProblem(
      await t.as(admin, { method: 'GET', url: '/api/v1/organizations?pageSize=100000' }),
      400,
      'query.pageSize',
    );
    expectProblem(await t.as(admin, { method: 'GET', url: '/api/v1/organizations?hacker=1' }), 400, 'query.hacker');
    expectProblem(await t.as(admin, { method: 'GET', url: '/api/v1/organizations/khong-phai-uuid' }), 400, 'params.id');
  });

  it('refuses an oversized body with 413 problem+json and keeps serving', async () => {
    const big = JSON.stringify({ orgId: al, fullName: 'A'.repeat(1_200_000) });
    const p = expectProblem(await post('/api/v1/people', big), 413, 'body');
    expect(p.code).toBe('PAYLOAD_TOO_LARGE');
    expectProblem(await post('/api/v1/people', { orgId: al, fullName: 'A'.repeat(500) }), 400, 'body.fullName');
    expect((await t.as(admin, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });

  it('refuses a lone surrogate with 400 naming the field, in a body, query or address; stores nothing', async () => {
    const tasks = async () =>
      Number(
        (
          await qb(t.db)
            .selectFrom('task')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await tasks();
    // Written as JSON text: JSON.stringify would escape it the same way.
    const task = `{"orgId":"${al}","title":"Nhiệm vụ \\ud800","sourceKind":"other"}`;
    const p1 = expectProblem(await post('/api/v1/tasks', task), 400, 'body.title');
    expect(p1.detail).toBe('body.title: chứa ký tự Unicode không hợp lệ (nửa cặp thay thế UTF-16, ví dụ \\ud800)');
    expectProblem(
      await post('/api/v1/documents', `{"orgId":"${al}","type":"TB","title":"x\\udfff","issuedOn":"2026-12-01"}`),
      400,
      'body.title',
    );
    expectProblem(
      await post(
        '/api/v1/tasks',
        `{"orgId":"${al}","title":"A","sourceKind":"other","leads":[{"kind":"unit","id":"${al}","name":"\\ud83d"}]}`,
      ),
      400,
      'body.leads.0.name',
    );
    // A pair is a character (an emoji), not an error.
    expect(
      (
        await post(
          '/api/v1/documents',
          `{"orgId":"${al}","type":"TB","title":"Thông báo \\ud83d\\udcc4","issuedOn":"2026-12-01"}`,
        )
      ).statusCode,
    ).toBe(201);
    // Percent-encoded, a surrogate is not UTF-8 at all: read as U+FFFD, never stored as a broken string.
    expect((await t.as(admin, { method: 'GET', url: '/api/v1/tasks?q=%ED%A0%80' })).statusCode).toBe(200);
    expect(await tasks()).toBe(before);
  });

  it('refuses 50,000 levels of nesting with 400 naming the field, on any route', async () => {
    const deep = (key: string) => `{"${key}":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const p = expectProblem(await post('/api/v1/regulations/validate', deep('text')), 400, 'body.text');
    expect(p.detail).toBe('body.text: dữ liệu lồng nhau quá 64 cấp');
    expectProblem(await post('/api/v1/tasks', deep('leads')), 400, 'body.leads');
    expectProblem(
      await post('/api/v1/auth/login', `{"username":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`),
      400,
      'body.username',
    );
    expect((await t.as(admin, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
  });

  it('never answers 500 to random requests and changes nothing', async () => {
    const before = await fingerprint(t);
    const realIds = [al, await t.orgId('ORG-X01')];
    const idArb = fc.oneof(
      fc.uuid(),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(...realIds),
      fc.constant('%00'),
      fc.constant('..%2F..'),
    );
    const bodyArb = fc.oneof(
      fc.jsonValue().map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, __fuzz: 1 } : v)),
      fc.object().map((o) => ({ ...o, __fuzz: true })),
      fc.string().map((s) => ({ raw: s })),
    );
    const requestArb = fc.record({
      route: fc
        .integer({ min: 0, max: routes.length - 1 })
        .map((i) => ({ ...routes[i]!, toString: () => `${routes[i]!.method} ${routes[i]!.url}` })),
      method: fc.option(fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT'), { nil: undefined }),
      ids: fc.array(idArb, { minLength: 2, maxLength: 2 }),
      body: bodyArb,
      query: fc.dictionary(
        fc.constantFrom('asOf', 'page', 'pageSize', 'q', 'depth', 'root', 'from', 'to', 'at', 'x'),
        fc.string({ maxLength: 20 }),
      ),
    });
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        // Login is exercised elsewhere (random logins would only throttle); logout, a feed token and a backup take no
        // input, so any request to them is valid (one ends the session, one renews the account's token, one is
        // audited).
        if (
          r.route.public ||
          ['/auth/logout', '/calendar/feed-token', '/reminders/run', '/system/backup'].includes(r.route.url)
        )
          return;
        let n = 0;
        const path = r.route.url.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(r.ids[n++ % 2]!));
        const qs = new URLSearchParams(r.query).toString();
        const b = r.body as unknown;
        const raw =
          typeof b === 'object' && b !== null && !Array.isArray(b) && 'raw' in b && Object.keys(b).length === 1;
        const res = await t.as(admin, {
          method: (r.method ?? r.route.method) as 'GET',
          url: `/api/v1${path}${qs ? `?${qs}` : ''}`,
          payload: raw ? String((b as { raw: string }).raw) : JSON.stringify(b),
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, `${r.route.method} ${path} ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(String(res.headers['content-type'])).toContain('application/problem+json');
      }),
      { numRuns: 300 },
    );
    expect(await fingerprint(t)).toBe(before);
  });
});

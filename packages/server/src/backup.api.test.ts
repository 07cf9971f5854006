import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { qb, restoreBackupFile, verifyAudit } from '@quyche/db';
import { createTestDb } from '../../db/src/test-db.js';
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import { createTestApp, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const dir = mkdtempSync(join(tmpdir(), 'qc-backup-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const URL_ = '/api/v1/system/backup';
const TOKEN = 'k'.repeat(43);

describe.each(drivers)('POST /system/backup (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  let local: FastifyInstance; // the same database served with a local token, as `serve` does on PGlite
  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
    local = await buildApp(t.db, configFromEnv({}, { dataDir: '/nonexistent' }), { localToken: TOKEN });
    await local.ready();
  });
  afterAll(async () => {
    await local?.close();
    await t?.close();
  });
  const auditOf = async (actor: string) =>
    qb(t.db)
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'database')
      .where('actor', '=', actor)
      .orderBy('seq')
      .execute();

  it('gives an administrator of every root organization the whole database, audited, and it restores', async () => {
    const res = await t.as(admin, { method: 'POST', url: URL_ });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="quyche-\d{8}-\d{6}\.jsonl\.gz"$/,
    );
    const file = join(dir, `api-${driver}.jsonl.gz`);
    writeFileSync(file, res.rawPayload);
    expect(await auditOf('admin')).toEqual([{ action: 'backup', after: expect.objectContaining({ via: 'session' }) }]);
    const target = await createTestDb(driver);
    try {
      const r = await restoreBackupFile(target.db, file);
      expect(r.counts['organization']).toBe(122);
      // The entry naming who took it is in the backup itself: it was written before the snapshot.
      expect(
        (await target.db.query("select 1 from audit_log where action = 'backup' and actor = 'admin'")).rows,
      ).toHaveLength(1);
      expect((await verifyAudit(target.db)).ok).toBe(true);
    } finally {
      await target.drop();
    }
  });

  it('refuses a clerk, a read-only account, the administrator of one commune, a request without CSRF', async () => {
    const x01 = await t.orgId('ORG-X01');
    const created = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'quantri.x01',
        password: 'mat-khau-dai-du',
        displayName: 'Quản trị xã',
        grants: [{ role: 'admin', orgId: x01 }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const username of ['vanthu.x01', 'xem', 'quantri.x01']) {
      const s = await t.login(username, username === 'quantri.x01' ? 'mat-khau-dai-du' : undefined);
      const res = await t.as(s, { method: 'POST', url: URL_ });
      expect(res.statusCode, username).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'FORBIDDEN',
        field: 'user',
        title: 'Không có quyền truy cập',
        detail: 'Chỉ quản trị viên có quyền trên mọi tổ chức gốc mới được sao lưu toàn bộ dữ liệu',
      });
    }
    const noCsrf = await t.app.inject({ method: 'POST', url: URL_, headers: { cookie: admin.cookie } });
    expect(noCsrf.json()).toMatchObject({ status: 403, code: 'CSRF_INVALID' });
    expect((await t.app.inject({ method: 'POST', url: URL_ })).json()).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  it('takes the local token from this machine only, on this route only', async () => {
    const res = await local.inject({ method: 'POST', url: URL_, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(await auditOf('quyche db backup (máy chủ)')).toEqual([
      { action: 'backup', after: expect.objectContaining({ via: 'local_token' }) },
    ]);
    for (const [label, opts] of [
      ['wrong token', { headers: { authorization: `Bearer ${'x'.repeat(43)}` } }],
      ['short token', { headers: { authorization: 'Bearer k' } }],
      ['from another machine', { headers: { authorization: `Bearer ${TOKEN}` }, remoteAddress: '203.0.113.9' }],
    ] as const) {
      const r = await local.inject({ method: 'POST', url: URL_, ...opts });
      expect(r.statusCode, label).toBe(401);
      expect(r.json().code, label).toBe('UNAUTHENTICATED');
    }
    expect(
      (await local.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${TOKEN}` } }))
        .statusCode,
    ).toBe(401);
    // A server built without a token (PostgreSQL, the tests) accepts none.
    expect(
      (await t.app.inject({ method: 'POST', url: URL_, headers: { authorization: `Bearer ${TOKEN}` } })).statusCode,
    ).toBe(401);
  });
});

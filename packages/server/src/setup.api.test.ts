import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '@quyche/db';
import { createTestDb } from '../../db/src/test-db.js';
import type { TestDb } from '../../db/src/test-db.js';
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import { testDrivers } from './test-app.js';
import { initDatabase } from './services/setup.service.js';
import { isSeeded } from './seed/an-lac.seed.js';

const drivers = await testDrivers();
const PASSWORD = 'Núi Bà Đen mây phủ 2026';
const input = {
  orgCode: 'ORG-TU',
  orgName: 'Đảng bộ tỉnh Hòa Khánh',
  orgShortName: 'Tỉnh ủy Hòa Khánh',
  adminUsername: 'quantri',
  adminName: 'Quản trị Tỉnh ủy',
  password: PASSWORD,
};

describe.each(drivers)('quyche init: a database for real use (%s)', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(driver);
  });
  afterAll(async () => t?.drop());
  const count = async (table: 'app_user' | 'organization') =>
    (
      await qb(t.db)
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('refuses a weak password and writes nothing', async () => {
    for (const [password, reason] of [
      ['anlac2026', 'quá phổ biến'],
      ['matkhau123', 'quá phổ biến'],
      ['quantri-2026-tinh', 'tên đăng nhập'],
      ['ngắn', 'ít nhất 10 ký tự'],
    ]) {
      await expect(initDatabase(t.db, { ...input, password })).rejects.toMatchObject({
        problem: { code: 'PASSWORD_POLICY', detail: expect.stringContaining(reason) },
      });
    }
    expect(await count('app_user')).toBe(0);
    expect(await count('organization')).toBe(0);
  });

  it('creates the root organization and its administrator (clearance 3), and no demo account', async () => {
    const r = await initDatabase(t.db, input);
    expect(r).toMatchObject({ orgCode: 'ORG-TU', admin: 'quantri' });
    expect(
      await qb(t.db)
        .selectFrom('app_user')
        .select(['username', 'display_name', 'clearance', 'must_change_password'])
        .execute(),
    ).toEqual([{ username: 'quantri', display_name: 'Quản trị Tỉnh ủy', clearance: 3, must_change_password: false }]);
    expect(
      await qb(t.db)
        .selectFrom('role_grant as g')
        .innerJoin('organization as o', 'o.id', 'g.org_id')
        .select(['g.role', 'o.code'])
        .execute(),
    ).toEqual([{ role: 'admin', code: 'ORG-TU' }]);
    expect(await count('organization')).toBe(1);
    expect(await isSeeded(t.db)).toBe(false);
    expect(
      await qb(t.db).selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'init').execute(),
    ).toEqual([{ actor: 'cli', action: 'init' }]);

    const app = await buildApp(t.db, configFromEnv({}, { dataDir: '/nonexistent' }));
    try {
      const login = (username: string, password: string) =>
        app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      expect((await login('admin', 'anlac2026')).statusCode).toBe(401);
      expect((await login('vanthu.x01', 'anlac2026')).statusCode).toBe(401);
      const ok = await login('quantri', PASSWORD);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().grants).toEqual([expect.objectContaining({ role: 'admin', orgName: 'Đảng bộ tỉnh Hòa Khánh' })]);
    } finally {
      await app.close();
    }
  });

  it('refuses to initialize a database that has accounts', async () => {
    await expect(
      initDatabase(t.db, { ...input, orgCode: 'ORG-KHAC', adminUsername: 'quantri2' }),
    ).rejects.toMatchObject({ problem: { code: 'DUPLICATE', detail: expect.stringContaining('đã có tài khoản') } });
    expect(await count('app_user')).toBe(1);
  });
});

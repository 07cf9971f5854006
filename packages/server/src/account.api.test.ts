import { qb } from '@quyche/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import { createTestApp, fingerprint, testDrivers } from './test-app.js';
import type { Session, TestApp } from './test-app.js';

const drivers = await testDrivers();
const API = '/api/v1';
const DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const NEW_PASSWORD = 'Sông Hồng đỏ nặng phù sa';

interface User {
  id: string;
  username: string;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  activeSessions: number;
  grants: { role: string; orgId: string; orgName: string }[];
}

function problemOf(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const p = res.json();
  expect(p.code).toBe(code);
  expect(p.title).toMatch(DIACRITIC);
  return p as {
    code: string;
    title: string;
    detail?: string;
    field?: string;
    errors?: { field: string; message: string }[];
  };
}

describe.each(drivers)('accounts an administrator manages (%s)', (driver) => {
  let t: TestApp;
  let admin: Session;
  const userId = async (username: string) =>
    (await qb(t.db).selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const users = async (s: Session = admin) => {
    const r = await t.as(s, { method: 'GET', url: `${API}/users` });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as User[];
  };
  const post = (s: Session, url: string, payload?: object) =>
    t.as(s, { method: 'POST', url: `${API}${url}`, ...(payload ? { payload } : {}) });
  const me = (s: Session) => t.as(s, { method: 'GET', url: `${API}/auth/me` });
  const lastAudit = async () =>
    qb(t.db)
      .selectFrom('audit_log')
      .select(['actor', 'action', 'entity', 'before', 'after'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
  const loginStatus = async (username: string, password: string, remoteAddress = '127.0.0.1') =>
    (await t.app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username, password }, remoteAddress }))
      .statusCode;

  beforeAll(async () => {
    t = await createTestApp(driver);
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  it('lists the accounts with roles by organization, state, last login, open sessions; never a hash', async () => {
    const clerk = await t.login('vanthu.x01');
    const r = await t.as(admin, { method: 'GET', url: `${API}/users` });
    expect(r.body).not.toContain('scrypt');
    expect(r.body).not.toContain('password_hash');
    const x01 = (r.json() as User[]).find((u) => u.username === 'vanthu.x01')!;
    expect(x01).toMatchObject({
      disabled: false,
      mustChangePassword: false,
      grants: [{ role: 'clerk', orgName: 'Đảng bộ xã Tân Lập' }],
    });
    expect(x01.activeSessions).toBeGreaterThanOrEqual(1);
    expect(Date.now() - new Date(x01.lastLoginAt!).getTime()).toBeLessThan(60_000);
    expect((await users()).find((u) => u.username === 'vanthu.vptu')!.lastLoginAt).toBeNull();
    await post(clerk, '/auth/logout');
  });

  it('disables an account: its session gets 401 at once and login is refused; enabling restores it', async () => {
    const clerk = await t.login('vanthu.x01');
    expect((await me(clerk)).statusCode).toBe(200);
    const id = await userId('vanthu.x01');
    const r = await post(admin, `/users/${id}/disable`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ username: 'vanthu.x01', disabled: true, activeSessions: 0 });
    problemOf(await me(clerk), 401, 'UNAUTHENTICATED');
    expect((await t.db.query('select 1 from user_session where user_id = $1', [id])).rows).toHaveLength(0);
    expect(await loginStatus('vanthu.x01', 'anlac2026')).toBe(401);
    expect(await lastAudit()).toMatchObject({ actor: 'vanthu.x01', action: 'login_failed' });
    const audit = await qb(t.db)
      .selectFrom('audit_log')
      .select(['actor', 'after'])
      .where('action', '=', 'disable')
      .where('entity_id', '=', id)
      .execute();
    expect(audit).toEqual([{ actor: 'admin', after: { username: 'vanthu.x01', disabled: true, sessionsRevoked: 1 } }]);
    expect((await users()).find((u) => u.id === id)!.disabled).toBe(true);

    const e = await post(admin, `/users/${id}/enable`);
    expect(e.json()).toMatchObject({ disabled: false });
    expect(await lastAudit()).toMatchObject({ actor: 'admin', action: 'enable', entity: 'app_user' });
    expect(await loginStatus('vanthu.x01', 'anlac2026')).toBe(200);
  });

  it("refuses to disable or reset the administrator's own account, in Vietnamese", async () => {
    const id = await userId('admin');
    const p = problemOf(await post(admin, `/users/${id}/disable`), 422, 'CANNOT_DISABLE_SELF');
    expect(p.title).toBe('Không thể tự khóa tài khoản của chính mình');
    expect(p.field).toBe('params.id');
    problemOf(
      await post(admin, `/users/${id}/password`, { newPassword: NEW_PASSWORD }),
      422,
      'CANNOT_RESET_OWN_PASSWORD',
    );
    expect((await me(admin)).statusCode).toBe(200);
  });

  it('revokes every session of an account; the user can sign in again', async () => {
    const a = await t.login('lanhdao');
    const b = await t.login('lanhdao');
    const id = await userId('lanhdao');
    expect((await users()).find((u) => u.id === id)!.activeSessions).toBeGreaterThanOrEqual(2);
    const r = await post(admin, `/users/${id}/sessions/revoke`);
    expect(r.json()).toMatchObject({ activeSessions: 0, disabled: false });
    problemOf(await me(a), 401, 'UNAUTHENTICATED');
    problemOf(await me(b), 401, 'UNAUTHENTICATED');
    expect(await lastAudit()).toMatchObject({ actor: 'admin', action: 'revoke_sessions' });
    expect(await loginStatus('lanhdao', 'anlac2026')).toBe(200);
  });

  it('resets a password under the policy: sessions end; the next login must change it before all else', async () => {
    const old = await t.login('vanthu.x02');
    const id = await userId('vanthu.x02');
    const before = await fingerprint(t);
    const weak = problemOf(
      await post(admin, `/users/${id}/password`, { newPassword: 'matkhau123' }),
      422,
      'PASSWORD_POLICY',
    );
    expect(weak.field).toBe('body.newPassword');
    expect(weak.detail).toContain('quá phổ biến');
    expect(await fingerprint(t)).toBe(before);
    expect((await me(old)).statusCode).toBe(200);

    const temp = 'Tạm thời: đổi ngay 2026';
    const r = await post(admin, `/users/${id}/password`, { newPassword: temp });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ mustChangePassword: true, activeSessions: 0 });
    problemOf(await me(old), 401, 'UNAUTHENTICATED');
    expect(await loginStatus('vanthu.x02', 'anlac2026')).toBe(401);

    const s = await t.login('vanthu.x02', temp);
    expect((await me(s)).json().user.mustChangePassword).toBe(true);
    const blocked = problemOf(
      await t.as(s, { method: 'GET', url: `${API}/organizations` }),
      403,
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect(blocked.title).toBe('Cần đổi mật khẩu trước khi làm việc tiếp');
    problemOf(
      await post(s, '/people', { orgId: await t.orgId('ORG-X02'), fullName: 'Chưa Đổi' }),
      403,
      'PASSWORD_CHANGE_REQUIRED',
    );
    const same = problemOf(
      await post(s, '/auth/password', { currentPassword: temp, newPassword: temp }),
      422,
      'PASSWORD_POLICY',
    );
    expect(same.detail).toContain('phải khác mật khẩu đang dùng');
    expect((await post(s, '/auth/password', { currentPassword: temp, newPassword: NEW_PASSWORD })).statusCode).toBe(
      204,
    );
    expect((await me(s)).json().user.mustChangePassword).toBe(false);
    expect((await t.as(s, { method: 'GET', url: `${API}/organizations` })).statusCode).toBe(200);
    expect(await loginStatus('vanthu.x02', NEW_PASSWORD)).toBe(200);

    // The audit trail says what happened to whom, and holds no password nor hash.
    const rows = await qb(t.db)
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'app_user')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(rows.map((x) => x.action)).toEqual(['reset_password', 'change_password']);
    expect(rows[0]!.after).toEqual({ username: 'vanthu.x02', mustChangePassword: true, sessionsRevoked: 1 });
    for (const text of [
      JSON.stringify(rows),
      JSON.stringify((await t.db.query("select before, after from audit_log where entity = 'app_user'")).rows),
    ]) {
      for (const secret of ['scrypt', temp, NEW_PASSWORD, 'matkhau123']) expect(text).not.toContain(secret);
    }
  });

  it("changes one's own password: current one verified, policy names the field; others end, this stays", async () => {
    const here = await t.login('xem');
    const elsewhere = await t.login('xem');
    const wrong = problemOf(
      await post(here, '/auth/password', { currentPassword: 'khong-phai', newPassword: NEW_PASSWORD }),
      422,
      'CURRENT_PASSWORD_WRONG',
    );
    expect(wrong.field).toBe('body.currentPassword');
    expect(wrong.errors).toEqual([{ field: 'body.currentPassword', message: expect.stringMatching(DIACRITIC) }]);
    const short = problemOf(
      await post(here, '/auth/password', { currentPassword: 'anlac2026', newPassword: 'ngắn' }),
      422,
      'PASSWORD_POLICY',
    );
    expect(short).toMatchObject({ field: 'body.newPassword', detail: expect.stringContaining('ít nhất 10 ký tự') });
    const named = problemOf(
      await post(here, '/auth/password', { currentPassword: 'anlac2026', newPassword: 'tôi là xem đây nhé' }),
      422,
      'PASSWORD_POLICY',
    );
    expect(named.detail).toContain('tên đăng nhập');
    expect((await me(elsewhere)).statusCode).toBe(200);

    expect(
      (await post(here, '/auth/password', { currentPassword: 'anlac2026', newPassword: NEW_PASSWORD })).statusCode,
    ).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    problemOf(await me(elsewhere), 401, 'UNAUTHENTICATED');
    expect(await loginStatus('xem', 'anlac2026')).toBe(401);
    expect(await loginStatus('xem', NEW_PASSWORD)).toBe(200);
    expect(await lastAudit()).toMatchObject({ actor: 'xem', action: 'login' });
  });

  it('throttles guesses of the current password by a session, like logins', async () => {
    const s = await t.login('vanthu.vptu');
    for (let i = 0; i < 5; i++)
      problemOf(
        await post(s, '/auth/password', { currentPassword: `sai-${i}`, newPassword: NEW_PASSWORD }),
        422,
        'CURRENT_PASSWORD_WRONG',
      );
    const locked = problemOf(
      await post(s, '/auth/password', { currentPassword: 'anlac2026', newPassword: NEW_PASSWORD }),
      429,
      'LOGIN_THROTTLED',
    );
    expect(locked.detail).toMatch(/^Tài khoản này nhập sai mật khẩu quá nhiều lần: vui lòng thử lại sau 1[45] phút\.$/);
    expect(await loginStatus('vanthu.vptu', 'anlac2026')).toBe(200);
  });

  it('keeps an administrator to the accounts of the organizations it manages', async () => {
    const x01 = await t.orgId('ORG-X01');
    const x02 = await t.orgId('ORG-X02');
    const create = async (username: string, grants: { role: string; orgId: string }[], clearance = 0) => {
      const r = await post(admin, '/users', {
        username,
        password: NEW_PASSWORD,
        displayName: username,
        grants,
        clearance,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as User;
    };
    await create('quantri.x01', [{ role: 'admin', orgId: x01 }]);
    const both = await create('hai.noi', [
      { role: 'viewer', orgId: x01 },
      { role: 'viewer', orgId: x02 },
    ]);
    const secret = await create('mat.x01', [{ role: 'clerk', orgId: x01 }], 1);
    const local = await t.login('quantri.x01', NEW_PASSWORD);
    // The account cleared above this administrator (mat.x01) is not listed either.
    expect((await users(local)).map((u) => u.username).sort()).toEqual(['hai.noi', 'quantri.x01', 'vanthu.x01']);
    expect((await users()).map((u) => u.username)).toContain('mat.x01');
    // Out of sight: 404, the account's existence is not revealed.
    problemOf(await post(local, `/users/${await userId('vanthu.x02')}/disable`), 404, 'NOT_FOUND');
    problemOf(await post(local, `/users/${await userId('admin')}/sessions/revoke`), 404, 'NOT_FOUND');
    problemOf(await post(local, '/users/01900000-0000-7000-8000-000000000000/enable'), 404, 'NOT_FOUND');
    // Also granted in a commune the administrator does not manage: 403.
    problemOf(await post(local, `/users/${both.id}/disable`), 403, 'FORBIDDEN');
    // Cleared above the administrator: hidden.
    problemOf(await post(local, `/users/${secret.id}/password`, { newPassword: NEW_PASSWORD }), 404, 'NOT_FOUND');
    expect(
      (
        await qb(t.db)
          .selectFrom('app_user')
          .select('disabled')
          .where('username', '=', 'hai.noi')
          .executeTakeFirstOrThrow()
      ).disabled,
    ).toBe(false);
    const ok = await post(local, `/users/${await userId('vanthu.x01')}/disable`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await lastAudit()).toMatchObject({ actor: 'quantri.x01', action: 'disable' });
    await post(local, `/users/${await userId('vanthu.x01')}/enable`);
  });

  it('creates accounts under the password policy, naming body.password', async () => {
    const grants = [{ role: 'viewer', orgId: await t.orgId('ORG-X03') }];
    for (const [password, reason] of [
      ['123456789', 'ít nhất 10 ký tự'],
      ['anlac2026!!', 'quá phổ biến'],
      ['xem.x03-rat-dai-2026', 'tên đăng nhập'],
    ]) {
      const p = problemOf(
        await post(admin, '/users', { username: 'xem.x03', password, displayName: 'Xem X03', grants }),
        422,
        'PASSWORD_POLICY',
      );
      expect(p).toMatchObject({ field: 'body.password', detail: expect.stringContaining(reason!) });
    }
    const r = await post(admin, '/users', {
      username: 'xem.x03',
      password: NEW_PASSWORD,
      displayName: 'Xem X03',
      grants,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      username: 'xem.x03',
      disabled: false,
      mustChangePassword: false,
      lastLoginAt: null,
      activeSessions: 0,
      grants: [{ role: 'viewer', orgName: 'Đảng bộ xã Hòa Sơn' }],
    });
  });

  it('locks an address that fails with many usernames, and keeps other addresses working', async () => {
    const from = '198.51.100.7';
    for (let i = 1; i <= 20; i++) expect(await loginStatus(`khong-co-${i}`, 'sai-mat-khau', from)).toBe(401);
    const res = await t.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      payload: { username: 'admin', password: 'anlac2026' },
      remoteAddress: from,
    });
    const p = problemOf(res, 429, 'LOGIN_THROTTLED');
    expect(p.detail).toMatch(
      /^Địa chỉ máy của bạn nhập sai mật khẩu quá nhiều lần: vui lòng thử lại sau 1[45] phút\.$/,
    );
    const retry = Number(res.headers['retry-after']);
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(res.cookies.find((c) => c.name === 'qc_session')).toBeUndefined();
    expect(await loginStatus('admin', 'anlac2026', '198.51.100.8')).toBe(200);
  });

  it('throttles 60 usernames tried once each from one address: the 21st and every later one get 429', async () => {
    const from = '203.0.113.60';
    const statuses: number[] = [];
    for (let i = 1; i <= 60; i++) statuses.push(await loginStatus(`thu-${i}`, 'sai-mat-khau', from));
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).filter((s) => s === 429)).toHaveLength(40);
  });

  it('counts the client behind a trusted proxy (QUYCHE_TRUST_PROXY); sets a Secure cookie over https', async () => {
    const proxied = await buildApp(
      t.db,
      configFromEnv(
        { QUYCHE_TRUST_PROXY: '127.0.0.1', QUYCHE_BASE_URL: 'https://quyche.tinhuy-anlac.example' },
        { dataDir: '/nonexistent' },
      ),
    );
    try {
      const login = (password: string, client: string) =>
        proxied.inject({
          method: 'POST',
          url: `${API}/auth/login`,
          payload: { username: 'lanhdao', password },
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < 5; i++) expect((await login(`sai-${i}`, '203.0.113.20')).statusCode).toBe(401);
      expect((await login('anlac2026', '203.0.113.20')).statusCode).toBe(429);
      const other = await login('anlac2026', '203.0.113.21');
      expect(other.statusCode).toBe(200);
      expect(other.cookies.find((c) => c.name === 'qc_session')!.secure).toBe(true);
      const row = await qb(t.db)
        .selectFrom('audit_log')
        .select('after')
        .where('action', '=', 'login')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(row.after).toMatchObject({ ip: '203.0.113.21' });
    } finally {
      await proxied.close();
    }
    // Without the setting the header is not believed: the default app's cookie is not Secure either.
    const plain = await t.app.inject({
      method: 'POST',
      url: `${API}/auth/login`,
      payload: { username: 'lanhdao', password: 'anlac2026' },
      headers: { 'x-forwarded-for': '203.0.113.22' },
    });
    expect(plain.statusCode).toBe(200);
    expect(plain.cookies.find((c) => c.name === 'qc_session')!.secure).toBeFalsy();
  });
});

import type { FastifyInstance, InjectOptions } from 'fastify';
import { createTestDb } from '../../db/src/test-db.js';
import type { Driver } from '../../db/src/test-db.js';
import { type Db, qb, sql } from '@quyche/db';
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import type { AppConfig } from './config.js';
import { seedAnLac } from './seed/an-lac.seed.js';
import { DEMO_PASSWORD } from './seed/an-lac.data.js';

export { testDrivers } from '../../db/src/test-db.js';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  login(username: string, password?: string): Promise<Session>;
  /** inject() with the session's cookie and CSRF header. */
  as(s: Session | null, opts: InjectOptions): ReturnType<FastifyInstance['inject']>;
  orgId(code: string): Promise<string>;
  /** The current body of a kind (BCH, BTV…) of the organization with this code. */
  bodyId(orgCode: string, kind: string): Promise<string>;
  /** The person with this code (M01…). */
  personId(code: string): Promise<string>;
  close(): Promise<void>;
}

/** A server on a fresh database (PGlite or PostgreSQL) with the An Lạc demo loaded. */
export async function createTestApp(driver: Driver, config: Partial<AppConfig> = {}): Promise<TestApp> {
  const t = await createTestDb(driver);
  await seedAnLac(t.db);
  const app = await buildApp(t.db, configFromEnv({}, { dataDir: '/nonexistent', ...config }));
  await app.ready();
  const ta: TestApp = {
    app,
    db: t.db,
    async login(username, password = DEMO_PASSWORD) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
      const cookie = r.cookies.find((c) => c.name === 'qc_session')!;
      return { cookie: `qc_session=${cookie.value}`, csrf: r.json().csrfToken };
    },
    as(s, opts) {
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
      if (s) {
        headers['cookie'] = s.cookie;
        headers['x-csrf-token'] ??= s.csrf;
      }
      return app.inject({ ...opts, headers });
    },
    async orgId(code) {
      return (await qb(t.db).selectFrom('organization').select('id').where('code', '=', code).executeTakeFirstOrThrow())
        .id;
    },
    async bodyId(orgCode, kind) {
      const row = await qb(t.db)
        .selectFrom('body as b')
        .innerJoin('organization as o', 'o.id', 'b.org_id')
        .select('b.id')
        .where('o.code', '=', orgCode)
        .where('b.kind', '=', kind)
        .where('b.valid_until', 'is', null)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async personId(code) {
      return (await qb(t.db).selectFrom('person').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    },
    async close() {
      await app.close();
      await t.drop();
    },
  };
  return ta;
}

/** A fingerprint of the domain tables: a refused request must leave it unchanged. */
export async function fingerprint(t: TestApp): Promise<string> {
  const tables = [
    'organization',
    'organization_parent',
    'organization_succession',
    'term',
    'body',
    'person',
    'membership',
    'party_membership',
    'portfolio_assignment',
    'app_user',
    'role_grant',
    'regulation',
    'regulation_version',
    'regulation_amendment',
    'issued_document',
    'meeting',
    'meeting_attendance',
    'task',
    'task_milestone',
    'task_report',
    'task_extension',
    'audit_log',
  ];
  const out: string[] = [];
  for (const tb of tables) {
    const r = await sql<{ n: number; h: string | null }>`
      select count(*)::int as n, md5(string_agg(md5(x::text), '' order by md5(x::text))) as h from ${sql.table(tb)} x
    `.execute(qb(t.db));
    out.push(`${tb}:${r.rows[0]!.n}:${r.rows[0]!.h ?? ''}`);
  }
  return out.join('|');
}

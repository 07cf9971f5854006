#!/usr/bin/env node
// The follow-up dashboard over many tasks: (1) 1,000,000 generated tasks on PostgreSQL, the whole country in scope;
// (2) a province on PGlite, 20,000 tasks. For each: the overdue dashboard (overdue count, by unit, by supervising
// member, longest overdue) through the application's code path (`dashboardData` of packages/server, on the
// project's database layer) beside the same SQL sent raw, p50/p95 of 200 runs, and the ratio.
// Options: --tasks N (PostgreSQL, default 1000000), --province-tasks N (PGlite, default 20000), --runs N (200).
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate, openDb } from '../packages/db/dist/index.js';
import { DASHBOARD_SQL, overdueDashboardData } from '../packages/server/dist/services/task-dashboard.service.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const TODAY = '2026-12-01';

/** Organizations, people and tasks generated in the database itself (set-based SQL: a million rows in seconds). */
export async function generate(sql, { orgs, people, tasks }) {
  await sql.query(`insert into organization (id, code, name, kind, valid_from, search_text)
    select gen_random_uuid(), 'B-' || i, 'Đảng bộ ' || i, case when i = 1 then 'CENTRAL_PARTY_ORG'
      else 'COMMUNE_PARTY_ORG' end, '2025-07-01', 'dang bo ' || i from generate_series(1, ${orgs}) i`);
  await sql.query(`insert into person (id, org_id, full_name, search_text)
    select gen_random_uuid(), (select id from organization where code = 'B-1'), 'Ủy viên ' || i, 'uy vien ' || i
      from generate_series(1, ${people}) i`);
  await sql.query(`create temp table o as select id, row_number() over (order by code) as n from organization`);
  await sql.query(`create temp table p as select id, row_number() over (order by full_name) as n from person`);
  await sql.query(`insert into task (id, org_id, title, lead_kind, lead_id, lead_name, lead_org_id, due_date,
      extended_to, supervisor_person_id, deciding_body, product, source_kind, state, percent, done_on, search_text)
    select gen_random_uuid(), o.id, 'Nhiệm vụ ' || i, 'unit', lo.id, 'Đơn vị ' || (i % 997), lo.id,
           d, case when i % 10 = 0 then d + 30 end, pp.id, 'BTV', 'Báo cáo', 'conclusion_item',
           st, case when st = 'done' then 100 else (i % 90) end, case when st = 'done' then d - (i % 20) end,
           'nhiem vu ' || i
      from generate_series(1, ${tasks}) i
      -- Finished tasks were due in the past; open ones mostly ahead, about one in thirteen already late.
      cross join lateral (select (array['done','done','done','done','in_progress','in_progress','in_progress',
                                        'assigned','assigned','reported'])[1 + i % 10] as st) s
      cross join lateral (select case when st = 'done' then date '${TODAY}' - (i::bigint * 7919 % 540)::int
                                      else date '${TODAY}' - 30 + (i::bigint * 7919 % 400)::int end as d) x
      join o on o.n = 1 + (i * 31 % ${orgs})
      join o lo on lo.n = 1 + (i * 17 % ${orgs})
      join p pp on pp.n = 1 + (i * 13 % ${people})`);
  // As autovacuum leaves a table at rest: statistics and the visibility map (index-only scans read no heap).
  await sql.query('vacuum analyze task');
}

async function measure(label, runs, f) {
  for (let i = 0; i < 10; i++) await f(); // warm-up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return { label, p50: pct(ms, 50), p95: pct(ms, 95) };
}

/** The same statements, sent raw on a client of the driver (no layer of ours), in one transaction likewise. */
function rawOverdue(query, orgs, clearance, postgres) {
  return async () => {
    await query('begin');
    if (postgres) await query('set local max_parallel_workers_per_gather = 0');
    const byUnit = (await query(DASHBOARD_SQL.overdueByUnit, [orgs, TODAY, clearance])).rows;
    await query(DASHBOARD_SQL.leadNames, [byUnit.map((u) => u.lead_id)]);
    await query(DASHBOARD_SQL.overdueBySupervisor, [orgs, TODAY, clearance]);
    await query(DASHBOARD_SQL.longestOverdue, [orgs, TODAY, clearance]);
    await query('commit');
  };
}

function print(title, app, raw, target) {
  const f = (x) => `${x.toFixed(1)} ms`;
  console.log(title);
  console.log(
    `    ứng dụng (dashboardData):  p50 ${f(app.p50)}   p95 ${f(app.p95)}   (mục tiêu p95 < ${target} ` +
      `ms: ${app.p95 < target ? 'đạt' : 'KHÔNG ĐẠT'})`,
  );
  console.log(`    SQL thô cùng câu lệnh:     p50 ${f(raw.p50)}   p95 ${f(raw.p95)}`);
  console.log(
    `    tỷ lệ ứng dụng/SQL thô:    p50 ${(app.p50 / raw.p50).toFixed(2)}×   p95 ${(app.p95 / raw.p95).toFixed(2)}×`,
  );
}

export async function runDashboardBench({
  tasks = arg('tasks', 1_000_000),
  provinceTasks = arg('province-tasks', 20_000),
  runs = arg('runs', 200),
} = {}) {
  // (1) PostgreSQL, the whole country in scope.
  const adminUrl =
    process.env.QUYCHE_TEST_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `qc_bench_tasks_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const db = await openDb({ url: url.toString(), poolSize: 4 });
    await migrate(db);
    const t0 = performance.now();
    await generate(db, { orgs: 3300, people: 2000, tasks });
    const gen = ((performance.now() - t0) / 1000).toFixed(1);
    const orgs = (await db.query('select id from organization')).rows.map((r) => r.id);
    const overdue = (await db.query(DASHBOARD_SQL.overdueCount, [orgs, TODAY, 3])).rows[0].n;
    const raw = new pg.Client({ connectionString: url.toString() });
    await raw.connect();
    const app = await measure('app', runs, () => overdueDashboardData(db, orgs, TODAY, 3));
    const rawM = await measure(
      'raw',
      runs,
      rawOverdue((t, p) => raw.query(t, p), orgs, 3, true),
    );
    print(
      `(e) Bảng nhiệm vụ quá hạn trên ` +
        `PostgreSQL ${(await db.query('show server_version')).rows[0].server_version}: ` +
        `${tasks.toLocaleString('vi-VN')} nhiệm vụ (tạo trong ${gen} s), ` +
        `${orgs.length.toLocaleString('vi-VN')} tổ chức trong phạm vi, ` +
        `${Number(overdue).toLocaleString('vi-VN')} quá hạn tại ${TODAY}`,
      app,
      rawM,
      50,
    );
    await raw.end();
    await db.close();
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  // (2) PGlite, one province: the application's adapter beside PGlite's own client on the same database.
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create();
  const lite = {
    driver: 'pglite',
    query: async (t, p) => ({ rows: (await pglite.query(t, p)).rows }),
    transaction: (fn) =>
      pglite.transaction((tx) => fn({ query: async (t, p) => ({ rows: (await tx.query(t, p)).rows }) })),
    listen: async () => async () => {},
    close: () => pglite.close(),
  };
  const appDb = await openDb({ memory: true });
  await migrate(lite);
  await migrate(appDb);
  const t1 = performance.now();
  await generate(lite, { orgs: 100, people: 200, tasks: provinceTasks });
  await generate(appDb, { orgs: 100, people: 200, tasks: provinceTasks });
  const gen = ((performance.now() - t1) / 2000).toFixed(1);
  const orgsLite = (await lite.query('select id from organization')).rows.map((r) => r.id);
  const orgsApp = (await appDb.query('select id from organization')).rows.map((r) => r.id);
  const overdue = (await appDb.query(DASHBOARD_SQL.overdueCount, [orgsApp, TODAY, 3])).rows[0].n;
  const app = await measure('app', runs, () => overdueDashboardData(appDb, orgsApp, TODAY, 3));
  const rawM = await measure(
    'raw',
    runs,
    rawOverdue((t, p) => pglite.query(t, p), orgsLite, 3, false),
  );
  print(
    `(f) Bảng nhiệm vụ quá hạn trên PGlite, ` +
      `một tỉnh: ${provinceTasks.toLocaleString('vi-VN')} nhiệm vụ (tạo trong ${gen} s), ${orgsApp.length} tổ ` +
      `chức, ${Number(overdue).toLocaleString('vi-VN')} quá hạn`,
    app,
    rawM,
    30,
  );
  await appDb.close();
  await pglite.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await runDashboardBench();

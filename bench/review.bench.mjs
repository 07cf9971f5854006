#!/usr/bin/env node
// Reviews over a large record. (g) The annual review of one province on PGlite: 20,000 tasks, a year of meetings of
// its BCH, BTV and TT under its regulation (01-QC-TU), recommendations and extensions — `periodRecord` of
// packages/server, the figures of the year and of the year before, as GET /organizations/:id/review counts them.
// (h) The subordinates' table of a province over 3,300 communes and 1,000,000 tasks on PostgreSQL —
// `subordinatesTable`, the period and the one before. Each beside the same SQL statements sent raw (recorded from
// the application's own run and replayed on a plain client), p50/p95 and the ratio.
// Options: --tasks N (province, default 20000), --communes N (3300), --commune-tasks N (1000000), --runs N (30).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate, openDb } from '../packages/db/dist/index.js';
import { parseReviewPeriod, parseRegulation } from '../packages/core/dist/index.js';
import { periodRecord } from '../packages/server/dist/services/review.indicators.js';
import { subordinatesTable } from '../packages/server/dist/services/review-subordinates.service.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const TODAY = '2026-12-01';
const REG_TEXT = readFileSync(new URL('../regulations/an-lac/01-QC-TU.qc.md', import.meta.url), 'utf8');
const REG_SHA = createHash('sha256').update(REG_TEXT).digest('hex');
const REG_PARSED = JSON.stringify({ rules: parseRegulation(REG_TEXT).regulation?.rules.length ?? 0 });

/**
 * A province's record in the database itself, set-based: the organization, its term, bodies, regulation, a year and
 * a half of meetings with notices, tasks, extensions and recommendations.
 */
async function generateProvince(sql, { tasks }) {
  await sql.query(
    `insert into organization (id, code, name, kind, valid_from, search_text)
      values ('00000000-0000-7000-8000-000000000001', 'P', 'Đảng bộ tỉnh', 'PROVINCIAL_PARTY_ORG', '2025-07-01',
        'dang bo tinh')`,
  );
  const org = '00000000-0000-7000-8000-000000000001';
  await sql.query(
    `insert into term (id, org_id, name, valid_from, valid_until)
      values ('00000000-0000-7000-8000-000000000002', $1, 'XVIII', '2025-07-01', '2030-10-11')`,
    [org],
  );
  const term = '00000000-0000-7000-8000-000000000002';
  for (const [i, kind] of ['BCH', 'BTV', 'TT'].entries()) {
    await sql.query(
      `insert into body (id, org_id, term_id, kind, name, valid_from, search_text)
        values ($1, $2, $3, $4, $5, '2025-07-01', $5)`,
      [
        `00000000-0000-7000-8000-00000000001${i}`,
        org,
        term,
        kind,
        { BCH: 'Ban Chấp hành', BTV: 'Ban Thường vụ', TT: 'Thường trực' }[kind],
      ],
    );
  }
  await sql.query(
    `insert into regulation (id, org_id, work, title, search_text)
      values ('00000000-0000-7000-8000-000000000020', $1, '01-QC/TU', 'Quy chế làm việc', 'quy che')`,
    [org],
  );
  await sql.query(
    `insert into regulation_version (id, regulation_id, org_id, expression, status, source_text, sha256, parsed,
      adopted_on, in_force_from)
                   values ('00000000-0000-7000-8000-000000000021', '00000000-0000-7000-8000-000000000020', $1, 'goc',
                     'adopted', $2, $3, $4, '2025-10-20', '2025-10-20')`,
    [org, REG_TEXT, REG_SHA, REG_PARSED],
  );
  // Meetings from 01/07/2025: the BCH every quarter, the BTV twice a month, the TT every Monday; each with a notice.
  await sql.query(
    `insert into meeting (id, org_id, body_id, kind, state, title, meeting_date, documents_sent_on, search_text)
    select gen_random_uuid(), $1, b.id, 'regular', 'minutes_approved', b.name || ' ' || d::date, d::date, d::date - 7,
      'hop'
      from body b cross join lateral (
        select d from generate_series(date '2025-07-01', date '${TODAY}', case b.kind
          when 'BCH' then interval '3 months' when 'BTV' then interval '14 days' else interval '7 days' end) d) x
     where b.org_id = $1`,
    [org],
  );
  await sql.query(
    `insert into issued_document (id, org_id, term_id, doc_type, number, symbol, title, issued_on)
    select gen_random_uuid(), $1, $2, 'TB', row_number() over (order by meeting_date, id),
      (row_number() over (order by meeting_date, id)) || '-TB/TU', 'Thông báo', meeting_date + 2 from meeting
        where org_id = $1`,
    [org, term],
  );
  await sql.query(
    `insert into conclusion (id, org_id, meeting_id, issued_document_id, symbol, issued_on, summary)
    select gen_random_uuid(), $1, m.id, d.id, d.symbol, d.issued_on, 'Kết luận'
      from (select id, meeting_date, row_number() over (order by meeting_date, id) as n from meeting
        where org_id = $1) m
      join issued_document d on d.org_id = $1 and d.number = m.n`,
    [org],
  );
  await sql.query(
    `insert into person (id, org_id, full_name, search_text)
      select gen_random_uuid(), $1, 'Ủy viên ' || i, 'uy vien ' || i from generate_series(1, 17) i`,
    [org],
  );
  await sql.query(
    `insert into task (id, org_id, title, lead_kind, lead_id, lead_name, lead_org_id, due_date, supervisor_person_id,
      deciding_body, product, source_kind, state, percent, assigned_on, done_on, reported_on, search_text)
    select gen_random_uuid(), $1, 'Nhiệm vụ ' || i, 'unit', $1, 'Đơn vị ' || (i % 12), $1, due, p.id, 'BTV', 'Báo cáo',
      'conclusion_item',
           st, case when st = 'done' then 100 else 40 end, assigned, case when st = 'done' then due + (i % 9) - 6 end,
             case when st = 'done' then due + (i % 9) - 7 end, 'nhiem vu ' || i
      from generate_series(1, ${tasks}) i
      cross join lateral (select date '2025-08-01' + (i::bigint * 7919 % 480)::int as assigned) a
      cross join lateral (select assigned + 20 + (i % 90) as due) d
      cross join lateral (select case when due < date '${TODAY}' - 10 and i % 11 <> 0 then 'done'
        when i % 3 = 0 then 'assigned' else 'in_progress' end as st) s
      join (select id, row_number() over (order by full_name) as n from person) p on p.n = 1 + i % 17`,
    [org],
  );
  await sql.query(
    `insert into task_extension (id, org_id, task_id, requested_on, requested_to, reason, state, decided_on, decided_by)
    select gen_random_uuid(), org_id, id, due_date - 5, due_date + 30, 'Chờ số liệu', 'approved', due_date - 2, 'BTV'
      from task where org_id = $1 and abs(hashtext(id::text)) % 10 = 0`,
    [org],
  );
  await sql.query(`update task t set extended_to = e.requested_to from task_extension e where e.task_id = t.id`);
  await sql.query(
    `insert into recommendation (id, org_id, source, from_label, title, text, received_on, due_on, state, answered_on,
      search_text)
    select gen_random_uuid(), $1, 'lower_unit', 'Đảng ủy xã ' || i, 'Kiến nghị ' || i, 'Nội dung', r, r + 21, case
      when i % 4 = 0 then 'received' else 'answered' end, case when i % 4 <> 0 then r + (i % 30) end, 'kien nghi'
      from generate_series(1, 400) i cross join lateral (select date '2025-08-01' + (i * 37 % 480) as r) x`,
    [org],
  );
  return org;
}

/** Communes under one province, their BCH and BTV, one shared regulation text each, meetings and tasks. */
async function generateCommunes(sql, { communes, tasks }) {
  const prov = '00000000-0000-7000-8000-0000000000a1';
  await sql.query(
    `insert into organization (id, code, name, kind, valid_from, search_text)
      values ($1, 'TINH', 'Đảng bộ tỉnh', 'PROVINCIAL_PARTY_ORG', '2025-07-01', 'dang bo tinh')`,
    [prov],
  );
  await sql.query(`insert into organization (id, code, name, kind, valid_from, search_text)
    select gen_random_uuid(), 'X-' || lpad(i::text, 5, '0'), 'Đảng bộ xã ' || i, 'COMMUNE_PARTY_ORG', '2025-07-01',
      'dang bo xa ' || i from generate_series(1, ${communes}) i`);
  await sql.query(
    `insert into organization_parent (id, org_id, parent_id, valid_from) select gen_random_uuid(), id, $1, '2025-07-01'
      from organization where code like 'X-%'`,
    [prov],
  );
  await sql.query(`insert into body (id, org_id, kind, name, valid_from, search_text)
    select gen_random_uuid(), o.id, k, case k when 'BCH' then 'Ban Chấp hành'
      else 'Ban Thường vụ' end, '2025-07-01', 'bch' from organization o cross join unnest(array['BCH', 'BTV']) k
        where o.code like 'X-%'`);
  await sql.query(
    `insert into regulation (id, org_id, work, title, search_text)
      select gen_random_uuid(), id, 'QC-' || code, 'Quy chế', 'quy che' from organization where code like 'X-%'`,
  );
  await sql.query(
    `insert into regulation_version (id, regulation_id, org_id, expression, status, source_text, sha256, parsed,
      adopted_on, in_force_from)
    select gen_random_uuid(), r.id, r.org_id, 'goc', 'adopted', $1, $2, $3, '2025-10-20', '2025-10-20' from regulation r
      join organization o on o.id = r.org_id where o.code like 'X-%'`,
    [REG_TEXT, REG_SHA, REG_PARSED],
  );
  await sql.query(`insert into meeting (id, org_id, body_id, kind, state, title, meeting_date, search_text)
    select gen_random_uuid(), b.org_id, b.id, 'regular', 'minutes_approved', 'Họp', d::date, 'hop'
      from body b join organization o on o.id = b.org_id and o.code like 'X-%'
      cross join lateral (select d from generate_series(date '2025-07-01', date '${TODAY}', case b.kind
        when 'BCH' then interval '1 month' else interval '14 days' end) d) x`);
  await sql.query(
    `create temp table xo as select id, row_number() over (order by code) as n from organization where code like 'X-%'`,
  );
  await sql.query(`insert into task (id, org_id, title, lead_kind, lead_id, lead_name, lead_org_id, due_date,
    deciding_body, product, source_kind, state, percent, assigned_on, done_on, search_text)
    select gen_random_uuid(), o.id, 'Nhiệm vụ ' || i, 'unit', o.id, 'Đảng ủy', o.id, due, 'BTV', 'Báo cáo', 'directive',
           st, case when st = 'done' then 100 else 30 end, assigned, case
             when st = 'done' then due + (i % 11) - 8 end, 'nhiem vu ' || i
      from generate_series(1, ${tasks}) i
      cross join lateral (select date '2025-08-01' + (i::bigint * 7919 % 480)::int as assigned) a
      cross join lateral (select assigned + 20 + (i % 90) as due) d
      cross join lateral (select case when due < date '${TODAY}' - 10 and i % 13 <> 0 then 'done'
        when i % 3 = 0 then 'assigned' else 'in_progress' end as st) s
      join xo o on o.n = 1 + (i * 31 % ${communes})`);
  await sql.query('analyze');
  return prov;
}

/** PGlite's own client as the application's `Db` (to migrate and fill a copy whose statements are then sent raw). */
export const pgliteAsDb = (raw) => ({
  driver: 'pglite',
  query: async (t, p) => ({ rows: (await raw.query(t, p)).rows }),
  transaction: (fn) => raw.transaction((tx) => fn({ query: async (t, p) => ({ rows: (await tx.query(t, p)).rows }) })),
  listen: async () => async () => {},
  close: () => raw.close(),
});

/** A database that records every statement the application sends, to replay them raw. */
export function recording(db) {
  const log = [];
  const wrap = (q) => ({ query: (t, p) => (log.push([t, p ?? []]), q.query(t, p)) });
  return { db: { ...db, ...wrap(db), transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) }, log };
}

export async function measure(runs, f) {
  for (let i = 0; i < 3; i++) await f(); // warm-up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return { p50: pct(ms, 50), p95: pct(ms, 95) };
}

function print(title, app, raw, target, statements) {
  const f = (x) => `${x.toFixed(1)} ms`;
  console.log(title);
  console.log(
    `    ứng dụng:                  p50 ${f(app.p50)}   p95 ${f(app.p95)}   (mục tiêu p95 < ${target} ` +
      `ms: ${app.p95 < target ? 'đạt' : 'KHÔNG ĐẠT'})`,
  );
  console.log(`    SQL thô (${String(statements).padStart(3)} câu lệnh):   p50 ${f(raw.p50)}   p95 ${f(raw.p95)}`);
  console.log(
    `    tỷ lệ ứng dụng/SQL thô:    p50 ${(app.p50 / raw.p50).toFixed(2)}×   p95 ${(app.p95 / raw.p95).toFixed(2)}×`,
  );
}

export async function runReviewBench({
  tasks = arg('tasks', 20_000),
  communes = arg('communes', 3300),
  communeTasks = arg('commune-tasks', 1_000_000),
  runs = arg('runs', 30),
} = {}) {
  // (g) PGlite: the annual review of a province (the year and the year before, as the route counts them).
  {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await openDb({ memory: true });
    await migrate(db);
    const t0 = performance.now();
    const org = await generateProvince(db, { tasks });
    await db.query('analyze');
    const gen = ((performance.now() - t0) / 1000).toFixed(1);
    const year = parseReviewPeriod('2026', { today: TODAY });
    const before = parseReviewPeriod('2025', { today: TODAY });
    const review = async (sql) => {
      await periodRecord(sql, org, year, TODAY, 3);
      await periodRecord(sql, org, before, before.to, 3);
    };
    const rec = recording(db);
    await review(rec.db);
    const figures = await periodRecord(db, org, year, TODAY, 3);
    const app = await measure(runs, () => review(db));
    // The recorded statements on PGlite's own client, on a copy of the same data.
    const raw = await PGlite.create();
    await migrate(pgliteAsDb(raw));
    await generateProvince({ query: async (t, p) => ({ rows: (await raw.query(t, p)).rows }) }, { tasks });
    await raw.query('analyze');
    const rawM = await measure(runs, async () => {
      for (const [t, p] of rec.log) await raw.query(t, p);
    });
    const v = (code) => figures.indicators.filter((i) => i.code === code).reduce((n, i) => n + i.value, 0);
    print(
      `(g) Tổng kết năm 2026 của một tỉnh trên PGlite (và năm 2025 để so sánh): ${tasks.toLocaleString('vi-VN')} ` +
        `nhiệm vụ, ${v('meetings_held')} kỳ họp thường lệ trong năm (tạo trong ${gen} ` +
        `s); ${v('tasks_assigned').toLocaleString('vi-VN')} ` +
        `giao, ${v('tasks_done_on_time').toLocaleString('vi-VN')} đúng ` +
        `hạn, ${v('tasks_done_late').toLocaleString('vi-VN')} ` +
        `chậm, ${v('tasks_overdue').toLocaleString('vi-VN')} quá hạn`,
      app,
      rawM,
      1000,
      rec.log.length,
    );
    await raw.close();
    await db.close();
  }
  // (h) PostgreSQL: the subordinates' table of a province over its communes.
  {
    const adminUrl =
      process.env.QUYCHE_TEST_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `qc_bench_review_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      const db = await openDb({ url: url.toString(), poolSize: 4 });
      await migrate(db);
      const t0 = performance.now();
      const prov = await generateCommunes(db, { communes, tasks: communeTasks });
      const gen = ((performance.now() - t0) / 1000).toFixed(1);
      const half = parseReviewPeriod('2026-H1', { today: TODAY });
      const rec = recording(db);
      const table = await subordinatesTable(rec.db, prov, half, TODAY, 3);
      const app = await measure(runs, () => subordinatesTable(db, prov, half, TODAY, 3));
      const raw = new pg.Client({ connectionString: url.toString() });
      await raw.connect();
      const rawM = await measure(runs, async () => {
        for (const [t, p] of rec.log) await raw.query(t, p);
      });
      const flagged = table.rows.filter((r) => r.flag_vi).length;
      print(
        `(h) Bảng các tổ chức trực thuộc, 6 tháng đầu năm 2026, ` +
          `trên PostgreSQL ${(await db.query('show server_version')).rows[0].server_version}: ` +
          `${table.rows.length.toLocaleString('vi-VN')} xã, ${communeTasks.toLocaleString('vi-VN')} nhiệm vụ ` +
          `(tạo trong ${gen} s); ${flagged} xã được đánh dấu`,
        app,
        rawM,
        2000,
        rec.log.length,
      );
      await raw.end();
      await db.close();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runReviewBench();

#!/usr/bin/env node
// (b) A national data set on PostgreSQL — 34 provinces, ~3,300 communes, ~52,000 grassroots organizations,
// ~400,000 cells, people = 5.6 million × scale — and the subtree-as-of query at that size.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate, openDb, orgSubtree } from '../packages/db/dist/index.js';

/** A command-line option's value (`--name value`), or `dflt`. */
export const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
export const baseUrl =
  process.env.QUYCHE_TEST_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The generated data's ids: `md5(prefix || n)` as a uuid, the same in every statement that refers to them. */
export const id = (prefix, expr) => `md5('${prefix}' || ${expr})::uuid`;

/**
 * Runs `fn` on a fresh PostgreSQL database (migrated) named `prefix_…`, dropped afterwards unless `keep`; or on the
 * kept one named `reuse`, its new migrations applied, left as it is.
 */
export async function withBenchDatabase(prefix, keep, fn, reuse = null) {
  const name = reuse ?? `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  if (!reuse) await admin.query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ url: url.toString(), poolSize: 2 });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
    if (!keep && !reuse) await admin.query(`drop database if exists ${name} with (force)`);
    else console.log(`    giữ lại CSDL ${name}`);
    await admin.end();
  }
}

/** The set-based statements that generate the national data set with `people` members (each in a cell). */
export const nationalSteps = (people) => [
  // 1 centre, 34 provinces (from 1/7/2025), 63 old provinces and 700 districts that ended on 30/6/2025.
  `insert into organization (id, code, name, kind, valid_from, search_text)
    values (${id('tw', "''")}, 'TW', 'Trung ương', 'CENTRAL_PARTY_ORG', '1930-02-03', 'trung uong')`,
  `insert into organization (id, code, name, kind, valid_from, search_text)
    select ${id('p', 'i')}, 'P' || i, 'Đảng bộ tỉnh ' || i, 'PROVINCIAL_PARTY_ORG', '2025-07-01',
      'dang bo tinh ' || i from generate_series(1, 34) i`,
  `insert into organization (id, code, name, kind, valid_from, valid_until, search_text)
    select ${id('op', 'i')}, 'OP' || i, 'Đảng bộ tỉnh cũ ' || i, 'PROVINCIAL_PARTY_ORG', '2020-10-01', '2025-06-30',
      'dang bo tinh cu ' || i from generate_series(1, 63) i`,
  `insert into organization (id, code, name, kind, valid_from, valid_until, search_text)
    select ${id('d', 'i')}, 'D' || i, 'Đảng bộ huyện ' || i, 'DISTRICT_PARTY_ORG', '2020-10-01', '2025-06-30',
      'dang bo huyen ' || i from generate_series(1, 700) i`,
  `insert into organization (id, code, name, kind, valid_from, search_text)
    select ${id('x', 'i')}, 'X' || i, 'Đảng bộ xã ' || i, 'COMMUNE_PARTY_ORG', '2025-07-01', 'dang bo xa ' || i
      from generate_series(1, 3300) i`,
  `insert into organization (id, code, name, kind, valid_from, search_text)
    select ${id('g', 'i')}, 'G' || i, 'Đảng bộ cơ sở ' || i, 'GRASSROOTS_PARTY_ORG', '2020-01-01',
      'dang bo co so ' || i from generate_series(1, 52000) i`,
  `insert into organization (id, code, name, kind, valid_from, search_text)
    select ${id('c', 'i')}, 'C' || i, 'Chi bộ ' || i, 'CELL', '2020-01-01', 'chi bo ' || i
      from generate_series(1, 400000) i`,
  // Parent links, dated: the grassroots moved from districts to communes on 1/7/2025.
  `insert into organization_parent (id, org_id, parent_id, valid_from)
    select ${id('lp', 'i')}, ${id('p', 'i')}, ${id('tw', "''")}, '2025-07-01' from generate_series(1, 34) i`,
  `insert into organization_parent (id, org_id, parent_id, valid_from, valid_until)
    select ${id('lop', 'i')}, ${id('op', 'i')}, ${id('tw', "''")}, '2020-10-01', '2025-06-30'
      from generate_series(1, 63) i`,
  `insert into organization_parent (id, org_id, parent_id, valid_from, valid_until)
    select ${id('ld', 'i')}, ${id('d', 'i')}, ${id('op', '(i % 63) + 1')}, '2020-10-01', '2025-06-30'
      from generate_series(1, 700) i`,
  `insert into organization_parent (id, org_id, parent_id, valid_from)
    select ${id('lx', 'i')}, ${id('x', 'i')}, ${id('p', '(i % 34) + 1')}, '2025-07-01'
      from generate_series(1, 3300) i`,
  `insert into organization_parent (id, org_id, parent_id, valid_from, valid_until)
    select ${id('lgo', 'i')}, ${id('g', 'i')}, ${id('d', '(i % 700) + 1')}, '2020-10-01', '2025-06-30'
      from generate_series(1, 52000) i`,
  `insert into organization_parent (id, org_id, parent_id, valid_from)
    select ${id('lg', 'i')}, ${id('g', 'i')}, ${id('x', '(i % 3300) + 1')}, '2025-07-01'
      from generate_series(1, 52000) i`,
  `insert into organization_parent (id, org_id, parent_id, valid_from)
    select ${id('lc', 'i')}, ${id('c', 'i')}, ${id('g', '(i % 52000) + 1')}, '2020-01-01'
      from generate_series(1, 400000) i`,
  `insert into organization_succession (id, org_id, predecessor_id, successor_id, kind, effective_on)
    select ${id('s', 'i')}, ${id('p', '(i % 34) + 1')}, ${id('op', 'i')}, ${id('p', '(i % 34) + 1')}, 'merge',
      '2025-07-01' from generate_series(1, 63) i`,
  `insert into person (id, org_id, full_name, search_text)
    select ${id('ps', 'i')}, ${id('c', '(i % 400000) + 1')}, 'Đảng viên ' || i, 'dang vien ' || i
      from generate_series(1, ${people}) i`,
  `insert into party_membership (id, org_id, person_id, status, valid_from)
    select ${id('pm', 'i')}, ${id('c', '(i % 400000) + 1')}, ${id('ps', 'i')}, 'official', '2020-01-01'
      from generate_series(1, ${people}) i`,
  'analyze',
];

export async function runNationalBench({
  scale = Number(arg('scale', 0.02)),
  keep = process.argv.includes('--keep'),
} = {}) {
  const people = Math.round(5_600_000 * scale);
  return withBenchDatabase('quyche_bench_nat', keep, async (db) => {
    const t0 = performance.now();
    const steps = nationalSteps(people);
    for (const s of steps) await db.query(s);
    const genSecs = (performance.now() - t0) / 1000;
    const counts = (await db.query(`select kind, count(*)::int as n from organization group by kind order by n`)).rows;
    console.log(
      `(b) Dữ liệu toàn quốc trên PostgreSQL (${(await db.query('show server_version')).rows[0].server_version}), ` +
        `tạo trong ${genSecs.toFixed(1)} s: ` +
        `${counts.map((c) => `${c.kind} ${c.n.toLocaleString('vi-VN')}`).join(', ')}; ` +
        `${people.toLocaleString('vi-VN')} người (hệ số ${scale})`,
    );

    const cases = [
      ['một xã', id('x', "'17'")],
      ['một tỉnh', id('p', "'7'")],
      ['toàn quốc', id('tw', "''")],
    ];
    for (const asOf of ['2026-01-01', '2025-03-01']) {
      for (const [label, expr] of cases) {
        const root = (await db.query(`select ${expr} as id`)).rows[0].id;
        const times = [];
        let rows = 0;
        const reps = label === 'toàn quốc' ? 5 : 20;
        for (let i = 0; i < reps + 2; i++) {
          const t = performance.now();
          rows = (await orgSubtree(db, root, asOf, 3)).length;
          if (i >= 2) times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
        console.log(
          `    cây con tại ${asOf}, ${label.padEnd(9)}: ${String(rows).padStart(7)} tổ chức; min ${q(0)} ms, ` +
            `trung vị ${q(0.5)} ms, p95 ${q(0.95)} ms`,
        );
      }
    }
    return { genSecs };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await runNationalBench();

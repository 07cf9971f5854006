#!/usr/bin/env node
// Issue 16 at scale. On PostgreSQL, the national register of national.bench.mjs (5.6 million members × scale) with
// the central assessment rules (Quy định 366-QĐ/TW) and a year of sheets: (a) one province's members and
// organizations self-assessed, their tasks of the year generated, classified from the record through the year's
// list (`listAssessments`: the subtree, the sheets, the tasks each led, the rules applied to each); (b) every other
// member's sheet decided, rolled up for the centre (`assessmentRollup`: the country's subtree and the counts by
// branch). On PGlite, (c) a province's organizations (cells and grassroots organizations) classified from their tasks
// and shortcomings. Each beside the statements the application sent, recorded and replayed on a plain client.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate, openDb } from '../packages/db/dist/index.js';
import { RequestContext } from '../packages/server/dist/http/context.js';
import { assessmentRollup } from '../packages/server/dist/services/assessment-summary.service.js';
import { listAssessments } from '../packages/server/dist/services/assessment-year.service.js';
import { arg, baseUrl, id, nationalSteps, withBenchDatabase } from './national.bench.mjs';
import { measure, pgliteAsDb, recording } from './review.bench.mjs';

const RULES = readFileSync(new URL('../regulations/danh-gia/quy-dinh-366.qc.md', import.meta.url), 'utf8');
const TODAY = '2026-12-31';
const BENCH_USER = '00000000-0000-4000-8000-0000000000b1';
const POINTS = `jsonb_build_object('chinh_tri', 8 + n % 3, 'dao_duc', 8, 'phe_binh', 8, 'chuyen_mon', 30 + n % 11,
  'chi_bo', 15 + n % 6, 'cam_ket', 5 + n % 6)`;

const vi = (x) => Number(x).toLocaleString('vi-VN');

/** A request's context as the routes build it: an administrator of the root, the day kept on TODAY. */
function contextOf(db, rootId) {
  const user = {
    id: BENCH_USER,
    username: 'bench',
    displayName: 'Đo hiệu năng',
    personId: null,
    clearance: 3,
    locale: 'vi',
    grants: [{ role: 'admin', orgId: rootId, orgName: 'Trung ương' }],
    sessionId: '',
    csrfToken: '',
    mustChangePassword: false,
  };
  return new RequestContext(db, user, { server: { today: () => TODAY } }, {});
}

/** The application's figures beside the raw statements' (reads only: the audit rows written are left out). */
async function appVersusRaw(title, runs, target, db, rawQuery, call) {
  const rec = recording(db);
  await call(rec.db);
  // The reads only: the audit entry's statements (its chain's lock, head and row) are writes.
  const reads = rec.log.filter(([t]) => /^\s*(select|with)\b/i.test(t) && !/audit|pg_notify|advisory/i.test(t));
  if (process.argv.includes('--explain'))
    for (const [t, p] of reads) {
      const t0 = performance.now();
      await rawQuery(t, p);
      const ms = (performance.now() - t0).toFixed(0).padStart(6);
      console.log(`    ${ms} ms  ${t.replace(/\s+/g, ' ').slice(0, 150)}`);
    }
  const app = await measure(runs, () => call(db));
  const raw = await measure(runs, async () => {
    for (const [t, p] of reads) await rawQuery(t, p);
  });
  const f = (x) => `${x.toFixed(0).padStart(6)} ms`;
  console.log(title);
  console.log(
    `    ứng dụng:                   p50 ${f(app.p50)}   p95 ${f(app.p95)}   (mục tiêu p95 < ${vi(target)} ms: ${
      app.p95 < target ? 'đạt' : 'KHÔNG ĐẠT'
    })`,
  );
  console.log(
    `    SQL thô (${String(reads.length).padStart(2)} câu lệnh đọc):   p50 ${f(raw.p50)}   p95 ${f(raw.p95)}`,
  );
  console.log(
    `    tỷ lệ ứng dụng/SQL thô:     p50 ${(app.p50 / raw.p50).toFixed(2)}×   p95 ${(app.p95 / raw.p95).toFixed(2)}×`,
  );
  return { app, raw };
}

/** The central assessment rules issued at the centre, in force for the whole tree; the account that reads. */
const rulesSteps = (centre) => [
  [`insert into app_user (id, username, password_hash, display_name) values ('${BENCH_USER}', 'bench', '-', 'Đo')`],
  [
    `insert into regulation (id, org_id, work, title, search_text, applies_to)
     values ('00000000-0000-4000-8000-0000000000a1', ${centre}, '/vn/tw/quy-dinh/2025/366', 'Quy định 366-QĐ/TW', '',
       'assessment')`,
  ],
  [
    `insert into regulation_version (id, regulation_id, org_id, expression, status, source_text, sha256, parsed,
       adopted_on, in_force_from)
     values (gen_random_uuid(), '00000000-0000-4000-8000-0000000000a1', ${centre}, 'vie@2025-08-30', 'adopted', $1,
       $2, '{}', '2025-08-30', '2025-08-30')`,
    [RULES, createHash('sha256').update(RULES).digest('hex')],
  ],
];

/**
 * A province's year on the record, set-based: its cells (`bench_cell`, with their grassroots organization), its
 * members' sheets self-assessed, three tasks of the year led by two members in three (most done on time, some late,
 * some not done), the organizations' sheets and tasks, a shortcoming named the year before for one in five.
 */
const provinceYearSteps = (province) => [
  `create table bench_cell as
     with recursive t(id, parent, kind, depth) as (
       select ${province}, null::uuid, 'PROVINCIAL_PARTY_ORG', 0
       union all
       select p.org_id, p.parent_id, o.kind, t.depth + 1 from t
         join organization_parent p on p.parent_id = t.id and p.valid_from <= '${TODAY}'
           and (p.valid_until is null or p.valid_until >= '${TODAY}')
         join organization o on o.id = p.org_id)
     select id, parent, kind from t where kind in ('CELL', 'GRASSROOTS_PARTY_ORG')`,
  `create table bench_member as
     select pm.person_id, pm.org_id as cell, c.parent as unit, row_number() over (order by pm.person_id) as n
       from party_membership pm join bench_cell c on c.id = pm.org_id`,
  `insert into assessment (id, org_id, unit_id, year, subject, person_id, state, evidence, self_points, self_on)
     select gen_random_uuid(), cell, unit, 2026, 'member', person_id, 'self_assessed', '{}', ${POINTS}, '2026-12-10'
       from bench_member`,
  `insert into task (id, org_id, title, lead_kind, lead_id, lead_name, lead_org_id, due_date, product, source_kind,
       state, percent, assigned_on, done_on, search_text)
     select gen_random_uuid(), m.unit, 'Nhiệm vụ ' || k, 'person', m.person_id, 'Đảng viên', m.cell, due, 'Báo cáo',
       'directive', case when m.n % 29 = k then 'in_progress' else 'done' end, 100, due - 30,
       case when m.n % 29 = k then null when m.n % 7 = k then due + 3 else due - 2 end, 'nhiem vu'
       from bench_member m cross join generate_series(1, 3) k
       cross join lateral (select date '2026-02-01' + ((m.n * 37 + k * 101) % 300)::int as due) d
      where m.n % 3 <> 0`,
  `insert into assessment (id, org_id, unit_id, year, subject, subject_org_id, state, evidence, self_points, self_on)
     select gen_random_uuid(), c.id, coalesce(c.parent, ${province}), 2026, 'organization', c.id, 'self_assessed', '{}',
       jsonb_build_object('chung', 25, 'chuong_trinh', 30 + n % 8, 'sinh_hoat', 15, 'kiem_tra', 10 + n % 6),
       '2026-12-10'
       from (select *, row_number() over (order by id) n from bench_cell) c`,
  `insert into task (id, org_id, title, lead_kind, lead_id, lead_name, lead_org_id, due_date, product, source_kind,
       state, percent, assigned_on, done_on, search_text)
     select gen_random_uuid(), c.id, 'Nhiệm vụ ' || k, 'org', c.id, 'Chi bộ', c.id, due, 'Báo cáo', 'directive',
       'done', 100, due - 30, case when n % 5 = k then due + 4 else due end, 'nhiem vu'
       from (select id, row_number() over (order by id) n from bench_cell) c cross join generate_series(1, 4) k
       cross join lateral (select date '2026-03-01' + ((n * 13 + k * 61) % 270)::int as due) d`,
  `insert into shortcoming (id, org_id, lead_kind, lead_id, lead_name, text, remedy, due_date, identified_on, state,
       fixed_on)
     select gen_random_uuid(), c.id, 'org', c.id, 'Chi bộ', 'Sinh hoạt chuyên đề chưa đều', 'Sinh hoạt đủ chuyên đề',
       '2026-06-30', '2025-12-20', case when n % 2 = 0 then 'fixed' else 'open' end,
       case when n % 2 = 0 then date '2026-06-30' end
       from (select id, row_number() over (order by id) n from bench_cell) c where n % 5 = 0`,
];

/** A province's cells on TODAY: the walk down from it. */
const cellsOf = (province) => `with recursive t(id, kind) as (
    select ${province}, 'PROVINCIAL_PARTY_ORG'::text
    union all
    select p.org_id, o.kind from t
      join organization_parent p on p.parent_id = t.id and p.valid_from <= '${TODAY}'
        and (p.valid_until is null or p.valid_until >= '${TODAY}')
      join organization o on o.id = p.org_id)
  select id from t where kind = 'CELL'`;

/**
 * The province of (a) at `members` members (`--province-members`): the generator's provinces are equal shares of the
 * country, so the rest of its members move to the next province's cells (the country keeps its size).
 */
const provinceSizeSteps = (province, next, members) => [
  `create table bench_move as
     with m as (select pm.id, pm.person_id, row_number() over (order by pm.person_id) rn
                  from party_membership pm where pm.org_id in (${cellsOf(province)})),
          c as (select id, row_number() over (order by id) - 1 k from (${cellsOf(next)}) x),
          n as (select count(*) n from c)
     select m.id, m.person_id, c.id as cell from m, n, c where m.rn > ${members} and c.k = m.rn % n.n`,
  'update party_membership pm set org_id = b.cell from bench_move b where pm.id = b.id',
  'update person p set org_id = b.cell from bench_move b where p.id = b.person_id',
  'drop table bench_move',
];

/** Every member outside the province decided, the levels spread as a year's results are. */
const nationalSheetsStep = `insert into assessment (id, org_id, unit_id, year, subject, person_id, state, evidence,
    decided_level, decided_on)
  select gen_random_uuid(), pm.org_id, pm.org_id, 2026, 'member', pm.person_id, 'decided', '{}',
    case when h < 12 then 'xuat_sac' when h < 80 then 'tot' when h < 98 then 'hoan_thanh' else 'khong_hoan_thanh' end,
    '2026-12-20'
    from party_membership pm
    cross join lateral (select abs(hashtext(pm.person_id::text)) % 100 as h) x
   where not exists (select 1 from bench_member b where b.person_id = pm.person_id)`;

async function postgres({ scale, runs, keep, reuse, provinceMembers }) {
  const people = Math.round(5_600_000 * scale);
  const province = id('p', "'7'");
  const generate = async (db) => {
    for (const s of nationalSteps(people)) await db.query(s);
    for (const [s, p] of rulesSteps(id('tw', "''"))) await db.query(s, p);
    if (provinceMembers)
      for (const s of provinceSizeSteps(province, id('p', "'8'"), provinceMembers)) await db.query(s);
    for (const s of provinceYearSteps(province)) await db.query(s);
    await db.query(nationalSheetsStep);
    await db.query('vacuum analyze');
  };
  // `--reuse NAME`: a data set kept by an earlier `--keep`, measured again without generating it.
  await withBenchDatabase(
    'quyche_bench_assess',
    keep,
    async (db) => {
      const t0 = performance.now();
      if (!reuse) await generate(db);
      const genSecs = (performance.now() - t0) / 1000;
      const n = async (q) => Number((await db.query(q)).rows[0].n);
      const provinceId = (await db.query(`select ${province} as id`)).rows[0].id;
      const centreId = (await db.query(`select ${id('tw', "''")} as id`)).rows[0].id;
      const version = (await db.query('show server_version')).rows[0].server_version;
      const country = await n('select count(*) n from party_membership');
      console.log(
        `Đánh giá, xếp loại năm 2026 trên PostgreSQL (${version}), ` +
          `${reuse ? `dữ liệu đã tạo (${reuse})` : `tạo trong ${genSecs.toFixed(1)} s`}: ` +
          `${vi(country)} đảng viên (hệ số ${(country / 5_600_000).toFixed(2)}), ` +
          `${vi(await n('select count(*) n from assessment'))} phiếu, ` +
          `${vi(await n('select count(*) n from task'))} nhiệm vụ`,
      );
      const url = new URL(baseUrl);
      url.pathname = `/${(await db.query('select current_database() as d')).rows[0].d}`;
      const raw = new pg.Client({ connectionString: url.toString() });
      await raw.connect();
      try {
        const members = await n('select count(*) n from bench_member');
        let rows = [];
        const a = await appVersusRaw(
          `(a) Một tỉnh: ${vi(members)} đảng viên và ${vi(await n('select count(*) n from bench_cell'))} tổ chức tự ` +
            'đánh giá, xếp loại theo hồ sơ nhiệm vụ (danh sách của năm)',
          runs,
          10_000,
          db,
          (t, p) => raw.query(t, p),
          async (d) => {
            rows = (await listAssessments(contextOf(d, centreId), provinceId, 2026)).rows;
          },
        );
        const by = (l) => rows.filter((r) => r.subject === 'member' && r.recordLevel === l).length;
        console.log(
          `    mức theo hồ sơ (đảng viên): xuất sắc ${vi(by('xuat_sac'))}, tốt ${vi(by('tot'))}, hoàn thành ` +
            `${vi(by('hoan_thanh'))}, không hoàn thành ${vi(by('khong_hoan_thanh'))}`,
        );
        let total = null;
        const b = await appVersusRaw(
          '(b) Toàn quốc: tổng hợp kết quả xếp loại theo 34 tỉnh (cây tổ chức cả nước, đếm theo nhánh)',
          Math.max(3, Math.round(runs / 4)),
          60_000,
          db,
          (t, p) => raw.query(t, p),
          async (d) => {
            total = (await assessmentRollup(contextOf(d, centreId), centreId, 2026)).total;
          },
        );
        const sum = Object.values(total.members).reduce((s, x) => s + x, 0);
        console.log(`    ${vi(sum)} phiếu đảng viên được đếm (${vi(total.members.undecided)} chưa quyết định)`);
        return { a, b, genSecs };
      } finally {
        await raw.end();
      }
    },
    reuse,
  );
}

/** (c) On PGlite: a province's tree alone (communes, grassroots organizations, cells) and its organizations' year. */
async function pglite({ cells, runs }) {
  const { PGlite } = await import('@electric-sql/pglite');
  const grassroots = Math.round(cells / 8);
  const communes = Math.max(1, Math.round(grassroots / 15));
  const tree = [
    `insert into organization (id, code, name, kind, valid_from, search_text)
       values (${id('tw', "''")}, 'TW', 'Trung ương', 'CENTRAL_PARTY_ORG', '1930-02-03', 'trung uong'),
              (${id('p', "'7'")}, 'P7', 'Đảng bộ tỉnh 7', 'PROVINCIAL_PARTY_ORG', '2025-07-01', 'dang bo tinh 7')`,
    `insert into organization_parent (id, org_id, parent_id, valid_from)
       values (${id('lp', "'7'")}, ${id('p', "'7'")}, ${id('tw', "''")}, '2025-07-01')`,
    ...[
      ['x', 'COMMUNE_PARTY_ORG', communes, id('p', "'7'")],
      ['g', 'GRASSROOTS_PARTY_ORG', grassroots, id('x', `((i % ${communes}) + 1)`)],
      ['c', 'CELL', cells, id('g', `((i % ${grassroots}) + 1)`)],
    ].flatMap(([p, kind, count, parent]) => [
      `insert into organization (id, code, name, kind, valid_from, search_text)
         select ${id(p, 'i')}, '${p.toUpperCase()}' || i, '${p} ' || i, '${kind}', '2020-01-01', '${p} ' || i
           from generate_series(1, ${count}) i`,
      `insert into organization_parent (id, org_id, parent_id, valid_from)
         select ${id(`l${p}`, 'i')}, ${id(p, 'i')}, ${parent}, '2020-01-01' from generate_series(1, ${count}) i`,
    ]),
  ];
  const setUp = async (q) => {
    await migrate(q);
    for (const s of tree) await q.query(s);
    for (const [s, p] of rulesSteps(id('tw', "''"))) await q.query(s, p);
    // Organizations only: their sheets, tasks and shortcomings.
    for (const s of provinceYearSteps(id('p', "'7'")).filter((s) => !/bench_member|'person'/.test(s))) await q.query(s);
    await q.query('analyze');
  };
  const db = await openDb({ memory: true });
  const t0 = performance.now();
  await setUp(db);
  const genSecs = (performance.now() - t0) / 1000;
  // The same data on PGlite's own client: migrated through a Db over it, then queried raw.
  const raw = await PGlite.create();
  await setUp(pgliteAsDb(raw));
  const [provinceId, centreId] = (await db.query(`select ${id('p', "'7'")} as p, ${id('tw', "''")} as c`)).rows.map(
    (r) => [r.p, r.c],
  )[0];
  const orgs = (await db.query('select count(*)::int n from bench_cell')).rows[0].n;
  console.log(
    `(c) PGlite: các tổ chức của một tỉnh (${vi(communes)} xã, ${vi(grassroots)} tổ chức cơ sở, ${vi(cells)} chi bộ; ` +
      `tạo trong ${genSecs.toFixed(1)} s)`,
  );
  const c = await appVersusRaw(
    `    ${vi(orgs)} tổ chức tự đánh giá, xếp loại theo hồ sơ nhiệm vụ và khắc phục hạn chế (danh sách của năm)`,
    runs,
    5_000,
    db,
    (t, p) => raw.query(t, p),
    (d) => listAssessments(contextOf(d, centreId), provinceId, 2026),
  );
  await db.close();
  await raw.close();
  return { c, genSecs };
}

export async function runAssessmentBench({
  scale = Number(arg('scale', 0.02)),
  runs = Number(arg('runs', 10)),
  cells = Number(arg('cells', 11_800)),
  keep = process.argv.includes('--keep'),
  only = arg('part', 'all'),
  reuse = arg('reuse', null),
  provinceMembers = Number(arg('province-members', 0)) || null,
} = {}) {
  if (only === 'all' || only === 'pg') await postgres({ scale, runs, keep, reuse, provinceMembers });
  if (only === 'all' || only === 'pglite') await pglite({ cells, runs });
}

if (import.meta.url === `file://${process.argv[1]}`) await runAssessmentBench();

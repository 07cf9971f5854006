#!/usr/bin/env node
// Issue 15 at the country's size on PostgreSQL: the national register (400,000 cells, 5.6 million members × scale,
// national.bench.mjs) with every cell's assembly, a quarter of cell meetings (July–September 2026: one cell in twenty
// skips each month, four in five hold the quarter's thematic one) and the model cell regulation issued at the centre.
// Measured through the application's code: (a) a province's monthly compliance (`cellCompliance`), (b) a cell's page
// (its register, its meetings around the day, the roster a meeting summons).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cellMeetingsAround, cellRegisterOn, cellVoteRoster } from '../packages/db/dist/index.js';
import { cellCompliance } from '../packages/server/dist/services/cell-compliance.service.js';
import { arg, id, nationalSteps, withBenchDatabase } from './national.bench.mjs';

const MODEL = readFileSync(new URL('../regulations/mau/chi-bo-mau.qc.md', import.meta.url), 'utf8');

const quantiles = (times) => {
  const t = [...times].sort((a, b) => a - b);
  const q = (p) => t[Math.min(t.length - 1, Math.floor(p * t.length))];
  return { p50: q(0.5), p95: q(0.95) };
};

export async function runCellsBench({
  scale = Number(arg('scale', 0.02)),
  runs = Number(arg('runs', 20)),
  keep = process.argv.includes('--keep'),
} = {}) {
  const people = Math.round(5_600_000 * scale);
  return withBenchDatabase('quyche_bench_cells', keep, async (db) => {
    const t0 = performance.now();
    const cellMeeting = (kind, month, day, skip) =>
      `insert into meeting (id, org_id, body_id, kind, state, title, meeting_date, confidentiality)
        select ${id(`m${kind}${month}`, 'i')}, ${id('c', 'i')}, ${id('cb', 'i')}, '${kind}', 'minutes_approved',
          'Sinh hoạt chi bộ', '2026-${month}-${day}', 0
          from generate_series(1, 400000) i where ${skip}`;
    const steps = [
      ...nationalSteps(people),
      `insert into body (id, org_id, kind, name, valid_from, search_text)
        select ${id('cb', 'i')}, ${id('c', 'i')}, 'CHI_BO', 'Chi bộ ' || i, '2020-01-01', 'chi bo ' || i
          from generate_series(1, 400000) i`,
      cellMeeting('regular', '07', '05', 'i % 20 <> 1'),
      cellMeeting('regular', '08', '05', 'i % 20 <> 2'),
      cellMeeting('regular', '09', '05', 'i % 20 <> 3'),
      cellMeeting('thematic', '09', '19', 'i % 5 <> 0'),
      'analyze',
    ];
    for (const s of steps) await db.query(s);
    // The centre's model regulation for cells: every cell works under it.
    const regId = '00000000-0000-4000-8000-0000000000c1';
    await db.query(
      `insert into regulation (id, org_id, work, title, search_text, applies_to)
       values ($1, md5('tw')::uuid, '/vn/quy-che-mau/chi-bo/2026/qclv', $2, '', 'cells')`,
      [regId, 'Quy chế làm việc mẫu của chi bộ'],
    );
    await db.query(
      `insert into regulation_version (id, regulation_id, org_id, expression, status, source_text, sha256, parsed,
         adopted_on, in_force_from)
       values (gen_random_uuid(), $1, md5('tw')::uuid, 'vie@2026-01-01', 'adopted', $2, $3, '{}', '2026-01-01',
         '2026-01-01')`,
      [regId, MODEL, createHash('sha256').update(MODEL).digest('hex')],
    );
    const genSecs = (performance.now() - t0) / 1000;
    const n = async (sql) => Number((await db.query(sql)).rows[0].n);
    const vi = (x) => x.toLocaleString('vi-VN');
    const cells = await n("select count(*) n from organization where kind = 'CELL'");
    const version = (await db.query('show server_version')).rows[0].server_version;
    console.log(
      `Sổ đảng viên toàn quốc trên PostgreSQL (${version}), tạo trong ${genSecs.toFixed(1)} s: ${vi(cells)} chi bộ, ` +
        `${vi(await n('select count(*) n from party_membership'))} đảng viên (hệ số ${scale}), ` +
        `${vi(await n('select count(*) n from meeting'))} buổi sinh hoạt quý III/2026`,
    );

    // (a) A province's compliance for August 2026 (about 11,800 cells).
    const province = (await db.query(`select md5('p1')::uuid as id`)).rows[0].id;
    const times = [];
    let rows = [];
    for (let i = 0; i < runs + 2; i++) {
      const t = performance.now();
      rows = (await cellCompliance(db, province, 3, 2026, 8, '2026-12-07')).rows;
      if (i >= 2) times.push(performance.now() - t);
    }
    const a = quantiles(times);
    const skipped = rows.filter((r) => !r.regularHeld).length;
    const noThematic = rows.filter((r) => !r.thematicInQuarter).length;
    console.log(
      `(a) Sinh hoạt chi bộ tháng 8/2026 của một tỉnh: ${rows.length.toLocaleString('vi-VN')} chi bộ, ` +
        `${skipped} không họp thường lệ, ${noThematic} chưa sinh hoạt chuyên đề quý III; ` +
        `p50 ${a.p50.toFixed(0)} ms, p95 ${a.p95.toFixed(0)} ms ` +
        `(mục tiêu p95 < 2000 ms: ${a.p95 < 2000 ? 'đạt' : 'CHƯA ĐẠT'})`,
    );

    // (b) A cell's page: its register on the day, its meetings around it, the roster a meeting summons.
    const pageTimes = [];
    let members = 0;
    for (let i = 0; i < runs * 10 + 5; i++) {
      const cell = (await db.query(`select md5('c' || $1::text)::uuid as id`, [String(1 + ((i * 7919) % 400000))]))
        .rows[0].id;
      const t = performance.now();
      const [register] = await Promise.all([
        cellRegisterOn(db, [cell], '2026-09-30'),
        cellMeetingsAround(db, cell, '2026-09-30'),
        cellVoteRoster(db, cell, '2026-09-30'),
      ]);
      if (i >= 5) pageTimes.push(performance.now() - t);
      members = register.length;
    }
    const b = quantiles(pageTimes);
    console.log(
      `(b) Trang một chi bộ (${members} đảng viên, các buổi sinh hoạt, danh sách triệu tập): ` +
        `p50 ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms over ${pageTimes.length} chi bộ ` +
        `(mục tiêu p95 < 50 ms: ${b.p95 < 50 ? 'đạt' : 'CHƯA ĐẠT'})`,
    );
    return { genSecs, compliance: a, page: b };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await runCellsBench();

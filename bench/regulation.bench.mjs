#!/usr/bin/env node
// Regulation engine benchmarks (issue 3): lint of a 40-article regulation, quorum / vote / who-decides
// evaluations per second on one core, consistency of 3,300 commune regulations against the provincial one.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  checkConsistency,
  isQuorate,
  lint,
  parseOrThrow,
  voteOutcome,
  whoDecides,
} from '../packages/core/dist/index.js';

const root = new URL('..', import.meta.url);
const example = readFileSync(new URL('regulations/examples/tinh-a.qc.md', root), 'utf8');

/** A 40-article regulation: the example's front matter, then 40 articles of 3 clauses with rules. */
export function fortyArticles() {
  const fm = example.slice(0, example.indexOf('\n---\n', 4) + 5);
  const out = [fm];
  let art = 0;
  for (let ch = 1; ch <= 5; ch++) {
    out.push(`# Chương ${['I', 'II', 'III', 'IV', 'V'][ch - 1]}. CHƯƠNG ${ch}`, '');
    for (let k = 0; k < 8; k++) {
      art++;
      out.push(`## Điều ${art}. Điều khoản số ${art}`, '');
      out.push(`1. Tài liệu phiên họp Ban Thường vụ lần ${art} được gửi chậm nhất 03 ngày làm việc trước phiên họp.`);
      out.push(`2. Văn phòng Tỉnh ủy chủ trì theo dõi việc số ${art}; Ủy ban Kiểm tra Tỉnh ủy phối hợp.`);
      out.push(`3. Ban Thường vụ quyết định việc số ${art}.`, '');
      out.push(
        '```quy-tac',
        `- { id: r${art}, kind: notice, body: BTV, documents_before_meeting: { min: 3, unit: working_day }, valid: ` +
          `{ from: 2026-${String((art % 12) + 1).padStart(2, '0')}-01, until: ` +
          `2026-${String((art % 12) + 1).padStart(2, '0')}-28 } }`,
        '```',
        '',
      );
    }
  }
  return out.join('\n');
}

function time(fn, n) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(n / 2)], p95: samples[Math.floor(n * 0.95)] };
}

export function run() {
  const text = fortyArticles();
  const reg40 = parseOrThrow(text);
  const articles = reg40.chapters.reduce((s, c) => s + c.children.length, 0);
  for (let i = 0; i < 50; i++) lint(reg40);
  const l = time(() => lint(reg40), 300);
  const p = time(() => parseOrThrow(text), 300);
  console.log(
    `lint, quy chế ${articles} điều, ${reg40.rules.length} quy tắc: trung vị ${l.median.toFixed(2)} ms, ` +
      `p95 ${l.p95.toFixed(2)} ms (phân tích cú pháp: trung vị ${p.median.toFixed(2)} ms)`,
  );

  const reg = parseOrThrow(example);
  const N = 1_000_000;
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const k = i % 3;
    if (k === 0)
      sink += isQuorate(reg, 'BCH', { summoned: 61, present: 30 + (i % 31) }, '2026-03-10').result.valid ? 1 : 0;
    else if (k === 1)
      sink += voteOutcome(
        reg,
        'BCH',
        undefined,
        { totalMembers: 61, present: 55, yes: 20 + (i % 30), no: 5, abstain: 0, method: 'show_of_hands' },
        '2026-03-10',
      ).result.passed
        ? 1
        : 0;
    else
      sink +=
        whoDecides(reg, 'CHU_TRUONG_DU_AN', { tong_muc_dau_tu_ty_dong: i % 1000 }, '2026-05-04').result.body === 'TT'
          ? 1
          : 0;
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `đánh giá quorum/vote/who_decides: ${Math.round(N / secs).toLocaleString('vi-VN')} lần/giây trên một lõi ` +
      `(${N.toLocaleString('vi-VN')} lần trong ${secs.toFixed(2)} s; kiểm ${sink})`,
  );

  const provincial = reg;
  // 3,300 communes written from one template: each its own work id and name; 10 % with a looser quorum.
  const communeText = example
    .replace('/vn-tinh-a/quy-che/tinh-uy/2025/qclv', '/vn-tinh-a/xa/qclv')
    .replace('relation: model', 'relation: superior');
  const communes = Array.from({ length: 3300 }, (_, i) => {
    const own = communeText
      .replace('/vn-tinh-a/xa/qclv', `/vn-tinh-a/xa-${i}/qclv`)
      .replace('Đảng bộ tỉnh A', `Đảng bộ xã số ${i}`);
    return i % 10 === 0 ? own.replace('ratio: 2/3', 'ratio: 1/2') : own;
  });
  // Regulations are stored parsed; parsing is timed separately.
  const tp = performance.now();
  const parsed = communes.map((c) => parseOrThrow(c));
  const ps = (performance.now() - tp) / 1000;
  const t1 = performance.now();
  let findings = 0;
  for (const c of parsed) findings += checkConsistency(c, provincial).length;
  const cs = (performance.now() - t1) / 1000;
  console.log(
    `kiểm tra phù hợp 3.300 quy chế xã với quy chế tỉnh: ${cs.toFixed(2)} s, ${findings} phát hiện (330 quy chế có ` +
      `lỗi cài sẵn); phân tích cú pháp 3.300 tệp: ${ps.toFixed(2)} s; tổng ${(cs + ps).toFixed(2)} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) run();

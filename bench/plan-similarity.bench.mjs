#!/usr/bin/env node
// The copied-plan check (issue 15): members' personal action plans of a province, generated deterministically — each
// plan five items drawn from templates with their own figures, places and dates, a few common phrases, and planted
// groups of copies (one item changed) — then `similarPlans` of packages/core over 10,000, 30,000 and 100,000 plans, on
// one core (this process). Prints the time of each size, the time per plan, and the pairs found.
// Options: --sizes 10000,30000,100000  --runs N (default 3; the median is printed).
import { performance } from 'node:perf_hooks';
import { PLAN_SIMILARITY, similarPlans } from '../packages/core/dist/index.js';

const argOf = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};

let seed = 20261207;
const rand = () => {
  // mulberry32: exact in 32-bit integer arithmetic, so the same plans on every machine.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const VERBS = ['Hoàn thành', 'Tổ chức', 'Vận động', 'Hướng dẫn', 'Theo dõi', 'Rà soát', 'Xây dựng', 'Tham gia'];
const WHAT = [
  'hộ dân thực hiện tiêu chí nông thôn mới',
  'hồ sơ thủ tục hành chính đúng hạn',
  'buổi tuyên truyền pháp luật cho thanh niên',
  'quần chúng ưu tú học lớp nhận thức về Đảng',
  'mô hình dân vận khéo ở khu dân cư',
  'kế hoạch chuyển đổi số của cơ quan',
  'cây xanh trên tuyến đường liên thôn',
  'lớp bồi dưỡng nghiệp vụ cho cán bộ',
  'buổi sinh hoạt chuyên đề của chi bộ',
  'hộ nghèo thoát nghèo bền vững',
];
const PLACES = ['thôn Đông', 'thôn Tây', 'xóm Bãi', 'khu phố 3', 'tổ dân phố 7', 'bản Mường', 'ấp Hòa', 'khối 12'];
const COMMON = [
  'Thường xuyên học tập, quán triệt các nghị quyết của Đảng.',
  'Tham gia đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng quy định.',
  'Giữ gìn phẩm chất đạo đức, lối sống giản dị, gương mẫu.',
];
const TAILS = [
  'báo cáo chi ủy kết quả từng quý.',
  'có biên bản nghiệm thu.',
  'sản phẩm là danh sách và báo cáo.',
  'phối hợp với đoàn thể ở cơ sở.',
  '',
];
const NAMES = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Khánh',
  'Lan',
  'Minh',
  'Nga',
  'Phúc',
  'Quân',
  'Sơn',
  'Thảo',
];
const item = () =>
  rand() < 0.25
    ? pick(COMMON)
    : `${pick(VERBS)} ${1 + Math.floor(rand() * 40)} ${pick(WHAT)} tại ${pick(PLACES)} số ${Math.floor(rand() * 90)}` +
      ` cùng đồng chí ${pick(NAMES)} trước ngày ${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/2026` +
      `, ${pick(TAILS)}`;

function province(n) {
  const plans = [];
  while (plans.length < n) {
    const text = Array.from({ length: 5 }, item).join('\n');
    plans.push({ id: `p${plans.length}`, text });
    // One plan in 200 is copied by four others, one item changed in each.
    if (plans.length % 200 === 0)
      for (let c = 0; c < 4 && plans.length < n; c++) {
        const lines = text.split('\n');
        lines[Math.floor(rand() * 5)] = item();
        plans.push({ id: `p${plans.length}`, text: lines.join('\n') });
      }
  }
  return plans;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function runPlanSimilarityBench({
  sizes = String(argOf('sizes', '10000,30000,100000')).split(',').map(Number),
  runs = Number(argOf('runs', 3)),
} = {}) {
  console.log(
    `Kiểm tra kế hoạch sao chép (similarPlans): ${PLAN_SIMILARITY.shingle} từ một cụm, ` +
      `${PLAN_SIMILARITY.bands}×${PLAN_SIMILARITY.rows} MinHash, ngưỡng Jaccard ${PLAN_SIMILARITY.threshold}; ` +
      `một lõi, trung vị của ${runs} lần`,
  );
  for (const n of sizes) {
    seed = 20261207;
    const plans = province(n);
    const times = [];
    let found = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      found = similarPlans(plans).pairs.length;
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    console.log(
      `${String(n).padStart(7)} kế hoạch: ${(ms / 1000).toFixed(2).padStart(6)} s ` +
        `(${((ms * 1000) / n).toFixed(1)} µs/kế hoạch), ${found} cặp giống nhau`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) runPlanSimilarityBench();

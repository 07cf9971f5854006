import { describe, expect, it } from 'vitest';
import {
  jaccard,
  PLAN_SIMILARITY,
  planRuns,
  planTokens,
  planWords,
  sharedCount,
  sharedPassages,
  shingleSet,
  similarPlans,
} from './plan.similarity.js';

const ITEMS = [
  'Thường xuyên học tập, quán triệt các nghị quyết của Đảng, chấp hành nghiêm quy định về những điều đảng viên ' +
    'không được làm.',
  'Tham gia đầy đủ sinh hoạt chi bộ hằng tháng, đóng đảng phí đúng quy định, giữ mối liên hệ với chi ủy nơi cư trú.',
  'Hoàn thành 100% nhiệm vụ chuyên môn được giao trong năm 2026, không để hồ sơ trễ hạn.',
  'Tự học nâng cao trình độ tin học, sử dụng thành thạo phần mềm quản lý văn bản trước tháng 6/2026.',
  'Giữ gìn phẩm chất đạo đức, lối sống giản dị, gương mẫu, đấu tranh với biểu hiện suy thoái tư tưởng chính trị.',
];
const plan = (items: string[]) => items.join('\n');
const sim = (a: string, b: string) =>
  jaccard(shingleSet(planTokens(a).map((t) => t.word)), shingleSet(planTokens(b).map((t) => t.word)));

describe('copied personal action plans', () => {
  it('finds a copy whatever the name, case, punctuation, diacritics or order of its items', () => {
    const original = plan(ITEMS);
    const copies = {
      same: original,
      reordered: plan([ITEMS[3]!, ITEMS[0]!, ITEMS[4]!, ITEMS[2]!, ITEMS[1]!]),
      noDiacritics: plan(
        ITEMS.map((s) =>
          s
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/đ/g, 'd'),
        ),
      ),
      upperAndPunctuation: plan(ITEMS.map((s) => `- ${s.toUpperCase().replace(/,/g, ';')}`)),
      oneItemChanged: plan([...ITEMS.slice(0, 4), 'Vận động gia đình thực hiện tốt chủ trương của Đảng ở khu dân cư.']),
    };
    for (const [how, text] of Object.entries(copies)) expect(sim(original, text), how).toBeGreaterThanOrEqual(0.6);
    const found = similarPlans([
      { id: 'goc', text: original },
      ...Object.entries(copies).map(([id, text]) => ({ id, text })),
    ]);
    expect(found.threshold).toBe(PLAN_SIMILARITY.threshold);
    const withOriginal = found.pairs
      .filter((p) => p.a === 'goc' || p.b === 'goc')
      .map((p) => (p.a === 'goc' ? p.b : p.a));
    expect(withOriginal.sort()).toEqual(Object.keys(copies).sort());
  });

  it('does not catch a plan rewritten in other words, nor plans that only share a few phrases', () => {
    const original = plan(ITEMS);
    const paraphrased = plan([
      'Nghiên cứu, nắm vững nghị quyết mới, làm đúng những điều Điều lệ cấm đảng viên.',
      'Có mặt ở mọi buổi sinh hoạt của chi bộ, nộp đảng phí đủ và đúng hạn, liên hệ thường xuyên với nơi ở.',
      'Làm xong toàn bộ công việc chuyên môn năm 2026, hồ sơ nào cũng xử lý kịp thời.',
      'Học thêm tin học để dùng tốt phần mềm văn bản từ giữa năm.',
      'Sống giản dị, nêu gương, phê phán suy thoái về tư tưởng.',
    ]);
    const different = plan([
      'Phụ trách vận động 15 hộ dân thôn 3 hoàn thành tiêu chí nông thôn mới nâng cao trong năm 2026.',
      'Hướng dẫn 2 quần chúng ưu tú học lớp nhận thức về Đảng, giới thiệu 1 người vào Đảng.',
    ]);
    // What it does not catch: the same intentions written in other words share almost no run of three words.
    expect(sim(original, paraphrased)).toBeLessThan(0.1);
    expect(sim(original, different)).toBeLessThan(0.05);
    const found = similarPlans([
      { id: 'goc', text: original },
      { id: 'dien-dat-lai', text: paraphrased },
      { id: 'khac', text: different },
    ]);
    expect(found.pairs).toEqual([]);
  });

  it('reports no pair below the threshold and misses none above it (against comparing every pair)', () => {
    // 240 plans drawn from a pool of sentences, some of them copies with one sentence changed.
    const pool = Array.from(
      { length: 60 },
      (_, i) => `${ITEMS[i % 5]!.split(' ').slice(0, 8).join(' ')} mục ${i} việc ${i * 7}`,
    );
    let seed = 7;
    const rand = () => {
      // mulberry32: exact in 32-bit integer arithmetic.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const plans = Array.from({ length: 240 }, (_, i) => {
      const pick = Array.from({ length: 5 }, () => pool[Math.floor(rand() * pool.length)]!);
      return { id: `p${i}`, text: plan(pick) };
    });
    for (let i = 0; i < 30; i++) {
      const from = plans[Math.floor(rand() * 200)]!;
      const lines = from.text.split('\n');
      lines[Math.floor(rand() * lines.length)] = pool[Math.floor(rand() * pool.length)]!;
      plans.push({ id: `copy${i}`, text: lines.join('\n') });
    }
    // Every pair measured, on the same runs (the phrases common to the set left out, as the check does).
    const { ids, sets } = planRuns(plans);
    const expected: string[] = [];
    let near = 0;
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const s = jaccard(sets[i]!, sets[j]!);
        if (s >= PLAN_SIMILARITY.threshold && sharedCount(sets[i]!, sets[j]!) >= PLAN_SIMILARITY.minShared)
          expected.push(`${ids[i]}~${ids[j]}`);
        else if (s >= 0.3) near++;
      }
    // Both sides are tried: pairs above the threshold, and pairs near it below.
    expect(near).toBeGreaterThan(10);
    const found = similarPlans(plans);
    expect(expected.length).toBeGreaterThan(10);
    expect(found.pairs.every((p) => p.similarity >= PLAN_SIMILARITY.threshold)).toBe(true);
    expect(found.pairs.map((p) => `${p.a}~${p.b}`).sort()).toEqual(expected.sort());
  });

  it('does not count a phrase the whole set uses as copying', () => {
    // 60 plans that all open with the same two sentences, then say different things: no pair; a copy still is one.
    const opening = `${ITEMS[0]} ${ITEMS[4]}`;
    const plans = Array.from({ length: 60 }, (_, i) => ({
      id: `p${i}`,
      text:
        `${opening}\nPhụ trách ${i + 3} hộ ở tổ ${i}, vận động hoàn thành ${i * 2 + 5} tiêu chí ` +
        `khu dân cư kiểu mẫu năm ${2000 + i}.`,
    }));
    plans.push({ id: 'copy', text: plans[7]!.text });
    expect(similarPlans(plans).pairs).toEqual([{ a: 'p7', b: 'copy', similarity: 1 }]);
  });

  it('reads the same words from a whole text as from its words one by one', () => {
    const text = `${plan(ITEMS)}\nĐẢNG VIÊN Nguyễn Thị Ánh — 12/2026; “Đổi mới”…`;
    expect(planWords(text)).toEqual(planTokens(text).map((t) => t.word));
  });

  it('marks the passages two plans share, on the original text', () => {
    const a = 'Tham gia đầy đủ sinh hoạt chi bộ hằng tháng. Trồng 20 cây xanh ở thôn.';
    const b = 'Tôi cam kết: THAM GIA ĐẦY ĐỦ SINH HOẠT CHI BỘ HẰNG THÁNG; nuôi 3 con bò.';
    const s = sharedPassages(a, b);
    expect(s.a.map(([x, y]) => a.slice(x, y))).toEqual(['Tham gia đầy đủ sinh hoạt chi bộ hằng tháng']);
    expect(s.b.map(([x, y]) => b.slice(x, y))).toEqual(['THAM GIA ĐẦY ĐỦ SINH HOẠT CHI BỘ HẰNG THÁNG']);
  });

  it('leaves out a plan without words, and does not call two short plans copies for a few words in common', () => {
    const short = [
      { id: 'rong', text: ' - ; ' },
      { id: 'x', text: 'Học tập nghị quyết' },
      { id: 'y', text: 'học TẬP nghị quyết' },
    ];
    expect(shingleSet(planTokens('Học tập').map((t) => t.word)).length).toBe(1);
    expect(similarPlans(short)).toEqual({ threshold: PLAN_SIMILARITY.threshold, pairs: [] });
  });
});

import { foldVietnamese } from '../text/text.fold.js';
import { formatDateVi } from '../time/date.js';

/**
 * When an item of a personal action plan can be checked at the year's end (HD 43-HD/BTCTW: "sản phẩm cụ thể, đo
 * được"): it names a product, has a date, and says how much — a figure, or a thing that is counted or issued (a
 * report, a certificate…). General words ("thường xuyên", "tích cực", "nâng cao") measure nothing alone. The word
 * lists are data a province may extend.
 */
export const PLAN_MEASURABLE = {
  countable: [
    'bao cao',
    'van ban',
    'chung chi',
    'bang',
    'bai viet',
    'tham luan',
    'de an',
    'de tai',
    'sang kien',
    'ke hoach',
    'ho so',
    'chuyen de',
    'giay chung nhan',
    'quyet dinh',
    'bien ban',
    'phan mem',
  ],
  vague: ['thuong xuyen', 'tich cuc', 'nang cao', 'gop phan', 'chap hanh nghiem', 'guong mau', 'khong ngung'],
} as const;

export interface PlanItemCheck {
  ok: boolean;
  /** What the item lacks, in the member's words: each a short phrase. */
  missing: string[];
  reason_vi: string;
}

const has = (folded: string, phrases: readonly string[]) => phrases.filter((p) => ` ${folded} `.includes(` ${p} `));

/** Whether a plan item can be measured at the year's end, and what it lacks. */
export function checkPlanItem(item: { text: string; product: string | null; dueDate: string | null }): PlanItemCheck {
  const text = foldVietnamese(`${item.text} ${item.product ?? ''}`)
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
  const missing: string[] = [];
  if (!item.product?.trim()) missing.push('sản phẩm');
  if (!item.dueDate) missing.push('thời hạn');
  const figure = /\d/.test(text) || has(text, PLAN_MEASURABLE.countable).length > 0;
  if (!figure) missing.push('con số hoặc sản phẩm đếm được');
  if (missing.length === 0)
    return {
      ok: true,
      missing,
      reason_vi: `Đo được: sản phẩm "${item.product!.trim()}", hạn ${formatDateVi(item.dueDate!)}`,
    };
  const vague = has(text, PLAN_MEASURABLE.vague).length > 0;
  return {
    ok: false,
    missing,
    reason_vi:
      `Chưa đo được: thiếu ${missing.join(', ')}` +
      (vague ? ' (lời chung như "thường xuyên", "tích cực" không đo được)' : ''),
  };
}

export type PlanProgress = 'not_started' | 'in_progress' | 'done' | 'dropped';

export const PLAN_PROGRESS_LABELS: Record<PlanProgress, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  dropped: { vi: 'Không thực hiện', en: 'Dropped' },
};

interface Item {
  text: string;
  product: string | null;
  progress: PlanProgress;
  note: string | null;
}

/**
 * The plan carried into the member's year-end self-assessment (Quy định 366-QĐ/TW ngày 30/8/2025, Điều 6: "việc
 * thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu"): the items as the member last checked them in, counted and
 * listed, as a draft of that part of the self-assessment form (mẫu 2B, HD 43-HD/BTCTW).
 */
export function planSelfAssessment(year: number, items: readonly Item[]) {
  const count = (p: PlanProgress) => items.filter((i) => i.progress === p).length;
  const line = (i: Item) => `${i.text}${i.product ? ` (sản phẩm: ${i.product})` : ''}${i.note ? ` — ${i.note}` : ''}`;
  const groups = (['done', 'in_progress', 'not_started', 'dropped'] as const)
    .map((p) => ({ p, list: items.filter((i) => i.progress === p) }))
    .filter((g) => g.list.length > 0)
    .map((g) => `${PLAN_PROGRESS_LABELS[g.p].vi}:\n${g.list.map((i) => `- ${line(i)}`).join('\n')}`);
  const done = count('done');
  return {
    done,
    inProgress: count('in_progress'),
    notStarted: count('not_started'),
    dropped: count('dropped'),
    total: items.length,
    text_vi:
      `Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu và kế hoạch hành động năm ${year}: ` +
      `hoàn thành ${done}/${items.length} việc` +
      (items.length ? `.\n${groups.join('\n')}` : '; chưa có việc nào trong kế hoạch.'),
  };
}

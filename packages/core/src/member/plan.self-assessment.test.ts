import { describe, expect, it } from 'vitest';
import { planSelfAssessment } from './plan.self-assessment.js';

describe('the plan carried into the year-end self-assessment', () => {
  it('counts the items as last checked in and lists them by progress', () => {
    const a = planSelfAssessment(2026, [
      { text: 'Số hóa 100% hồ sơ', product: 'Kho hồ sơ số', progress: 'done', note: 'Xong 20/9' },
      { text: 'Chứng chỉ tin học', product: 'Chứng chỉ', progress: 'in_progress', note: null },
      { text: 'Viết 02 bài', product: null, progress: 'not_started', note: null },
    ]);
    expect(a).toMatchObject({ done: 1, inProgress: 1, notStarted: 1, dropped: 0, total: 3 });
    expect(a.text_vi).toBe(
      'Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu và kế hoạch hành động năm 2026: hoàn thành 1/3 việc.\n' +
        'Đã hoàn thành:\n- Số hóa 100% hồ sơ (sản phẩm: Kho hồ sơ số) — Xong 20/9\n' +
        'Đang thực hiện:\n- Chứng chỉ tin học (sản phẩm: Chứng chỉ)\n' +
        'Chưa thực hiện:\n- Viết 02 bài',
    );
  });

  it('says so when the plan is empty', () => {
    expect(planSelfAssessment(2026, []).text_vi).toContain('hoàn thành 0/0 việc; chưa có việc nào trong kế hoạch.');
  });
});

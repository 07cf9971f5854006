import { describe, expect, it } from 'vitest';
import { inspectionStepProblems } from './inspection.rules.js';
import type { InspectionFacts } from './inspection.rules.js';
import { recommendationStatus } from './recommendation.rules.js';

const planned: InspectionFacts = {
  state: 'planned',
  team: [
    { personId: 'a', role: 'leader' },
    { personId: 'b', role: 'member' },
  ],
  targets: [
    { id: 'x1', name: 'Đảng ủy xã Tân Lập' },
    { id: 'x2', name: 'Đảng ủy phường Bắc Sơn' },
  ],
  windowFrom: '2026-05-04',
  windowTo: '2026-05-29',
  decidedOn: '2026-04-24',
  findings: [],
  conclusionText: null,
  concludedOn: null,
  openRemedies: [],
};

describe('the steps of an inspection', () => {
  it('decides a team with one leader, targets and a window', () => {
    expect(inspectionStepProblems(planned, 'decided')).toEqual([]);
    const bad = inspectionStepProblems(
      { ...planned, team: [{ personId: 'a', role: 'member' }], targets: [], windowTo: '2026-05-01', decidedOn: null },
      'decided',
    );
    expect(bad).toEqual([
      'Đoàn chưa có Trưởng đoàn',
      'Đoàn cần ít nhất 2 người (Trưởng đoàn và thành viên)',
      'Chưa có đối tượng kiểm tra, giám sát',
      'Thời gian tiến hành kết thúc (01/05/2026) trước khi bắt đầu (04/05/2026)',
      'Chưa có ngày quyết định',
    ]);
    expect(inspectionStepProblems({ ...planned, decidedOn: '2026-05-10' }, 'decided')[0]).toContain('sau ngày bắt đầu');
  });

  it('concludes only with a finding for every target and the conclusion text', () => {
    const running = { ...planned, state: 'in_progress' as const };
    expect(
      inspectionStepProblems(
        {
          ...running,
          findings: [{ target: 'Đảng ủy xã Tân Lập', text: 'Chưa sinh hoạt chuyên đề' }],
          conclusionText: 'Kết luận',
          concludedOn: '2026-06-05',
        },
        'concluded',
      ),
    ).toEqual(['Chưa có kết quả đối với: Đảng ủy phường Bắc Sơn']);
    expect(inspectionStepProblems(running, 'concluded')).toContain('Chưa có nội dung kết luận');
  });

  it('verifies only when every remediation task is done, and never skips a step', () => {
    const concluded = { ...planned, state: 'concluded' as const };
    expect(inspectionStepProblems({ ...concluded, openRemedies: ['Khắc phục sổ sách đảng phí'] }, 'verified')).toEqual([
      'Còn 1 nhiệm vụ khắc phục chưa hoàn thành: Khắc phục sổ sách đảng phí',
    ]);
    expect(inspectionStepProblems(concluded, 'verified')).toEqual([]);
    expect(inspectionStepProblems(planned, 'concluded')[0]).toContain('Không chuyển được');
    expect(inspectionStepProblems(concluded, 'cancelled')[0]).toContain('Không chuyển được');
  });
});

describe('a recommendation against its deadline', () => {
  it('is overdue when open past the due date, late when answered after it', () => {
    expect(
      recommendationStatus({ state: 'received', dueOn: '2026-11-20', answeredOn: null }, '2026-12-01'),
    ).toMatchObject({ overdue: true, label_vi: 'Đã tiếp nhận, quá hạn trả lời từ 20/11/2026' });
    expect(
      recommendationStatus({ state: 'answered', dueOn: '2026-11-20', answeredOn: '2026-11-25' }, '2026-12-01'),
    ).toMatchObject({ overdue: false, late: true });
    expect(
      recommendationStatus({ state: 'assigned', dueOn: '2026-12-10', answeredOn: null }, '2026-12-01').label_vi,
    ).toBe('Đã giao tham mưu, hạn trả lời 10/12/2026');
  });
});

import { describe, expect, it } from 'vitest';
import type { ProblemError } from '../problem/problem.js';
import {
  checkReportEdit,
  draftReport,
  figureKeys,
  fromEditable,
  renderParagraph,
  toEditable,
} from './review.report.js';
import type { ReportFigure } from './review.report.js';

const figures: ReportFigure[] = [
  { code: 'meetings_held', body: 'BTV', value: 12 },
  { code: 'meetings_required', body: 'BTV', value: 12 },
  ...[
    'meetings_other',
    'conclusions_issued',
    'conclusion_actions',
    'conclusion_actions_followed',
    'tasks_assigned',
    'tasks_done_on_time',
    'tasks_done_late',
    'tasks_extended',
    'tasks_overdue',
    'program_items_done',
    'program_items_planned',
    'inspections_concluded',
    'inspections_remedies_verified',
    'recommendations_received',
    'recommendations_answered_on_time',
    'recommendations_answered_late',
    'recommendations_overdue',
    'consultation_recipients',
    'consultation_answered',
    'deviations',
  ].map((code, i) => ({ code, value: i + 1 })),
];

const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as ProblemError).problem;
  }
  throw new Error('not refused');
};

describe('review reports', () => {
  const draft = draftReport({
    orgName: 'Tỉnh ủy An Lạc',
    periodLabel: '6 tháng đầu năm 2026',
    asOf: '2026-06-30',
    figures,
    bodies: [
      { kind: 'BCH', name: 'Ban Chấp hành' },
      { kind: 'BTV', name: 'Ban Thường vụ' },
    ],
    deviations: ['Phiên họp ngày 19/05/2026: tài liệu gửi chậm (khoản 2 Điều 13)'],
  });

  it('drafts the four parts from its figures, naming only bodies with figures, each departure with its clause', () => {
    expect([...new Set(draft.map((p) => p.section))]).toEqual(['I', 'II', 'III', 'IV']);
    expect(draft[0]!.text).toContain('Ban Thường vụ họp {{meetings_held:BTV}}/{{meetings_required:BTV}} kỳ thường lệ');
    expect(draft[0]!.text).not.toContain('Ban Chấp hành họp');
    expect(draft.some((p) => p.text === '- Phiên họp ngày 19/05/2026: tài liệu gửi chậm (khoản 2 Điều 13)')).toBe(true);
    expect(draft[1]!.text).toContain('đến ngày 30/06/2026 còn {{tasks_overdue}} nhiệm vụ quá hạn');
    for (const p of draft)
      for (const k of figureKeys(p.text))
        expect(
          figures.some((f) => (f.body ? `${f.code}:${f.body}` : f.code) === k),
          k,
        ).toBe(true);
  });

  it('fills in the computed figure, or the stated one where it is explained', () => {
    expect(
      renderParagraph('Giao {{tasks_assigned}}, đúng hạn {{tasks_done_on_time}}; BTV {{meetings_held:BTV}}.', figures),
    ).toBe('Giao 5, đúng hạn 6; BTV 12.');
    expect(
      renderParagraph('Đúng hạn {{tasks_done_on_time}}.', figures, [
        {
          key: 'tasks_done_on_time',
          stated: 9,
          explanation: 'Một nhiệm vụ hoàn thành ngày 30/6 nhưng nhận kết quả ngày 1/7',
        },
      ]),
    ).toBe('Đúng hạn 9.');
    expect(renderParagraph('{{tasks_assigned}}', [{ code: 'tasks_assigned', value: 20000 }])).toBe('20.000');
  });

  it('refuses a changed figure with no explanation, naming it by its label, and a figure the review lacks', () => {
    const label = (k: string) => (k === 'tasks_done_on_time' ? 'Hoàn thành đúng hạn' : k);
    expect(
      refusal(() =>
        checkReportEdit(draft, [{ key: 'tasks_done_on_time', stated: 9, explanation: '  ' }], figures, label),
      ),
    ).toMatchObject({
      code: 'THIEU_GIAI_TRINH_SO_LIEU',
      field: 'body.overrides[0].explanation',
      detail:
        'Số liệu "Hoàn thành đúng hạn" tính từ hồ sơ là 6, báo cáo ghi 9: cần ghi rõ lý do (giải trình) ' +
        'cho số liệu đã sửa',
    });
    expect(() =>
      checkReportEdit(
        draft,
        [{ key: 'tasks_done_on_time', stated: 9, explanation: 'Nhận kết quả muộn một ngày' }],
        figures,
        label,
      ),
    ).not.toThrow();
    expect(() =>
      checkReportEdit(draft, [{ key: 'tasks_done_on_time', stated: 6, explanation: '' }], figures, label),
    ).not.toThrow();
    expect(
      refusal(() => checkReportEdit([{ section: 'I', text: 'Có {{khong_co}} việc.' }], [], figures, label)),
    ).toMatchObject({ code: 'SO_LIEU_KHONG_CO', field: 'body.paragraphs[0].text' });
  });
});

describe('editing a report by the figures’ labels', () => {
  const labels: Record<string, string> = {
    tasks_done_on_time: 'Hoàn thành đúng hạn',
    'meetings_held:BTV': 'Kỳ họp thường lệ đã họp: Ban Thường vụ',
  };
  const labelOf = (k: string) => labels[k] ?? k;
  it('shows labels instead of codes and turns them back, whatever the case', () => {
    const text = 'Ban Thường vụ họp {{meetings_held:BTV}} kỳ; đúng hạn {{tasks_done_on_time}}.';
    const editable = toEditable(text, labelOf);
    expect(editable).toBe(
      'Ban Thường vụ họp [[Kỳ họp thường lệ đã họp: Ban Thường vụ]] kỳ; đúng hạn [[Hoàn thành đúng hạn]].',
    );
    expect(
      fromEditable(
        editable.replace('[[Hoàn thành đúng hạn]]', '[[hoàn thành đúng hạn]]'),
        Object.keys(labels),
        labelOf,
      ),
    ).toBe(text);
  });
  it('refuses a label the review does not have, naming it', () => {
    expect(
      refusal(() =>
        fromEditable('Có [[Số đảng viên mới]] người.', Object.keys(labels), labelOf, 'body.paragraphs[2].text'),
      ),
    ).toMatchObject({
      field: 'body.paragraphs[2].text',
      detail: 'Không có số liệu "Số đảng viên mới" trong kỳ sơ kết: chọn số liệu trong danh sách bên cạnh',
    });
  });
});

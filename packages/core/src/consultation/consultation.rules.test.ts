import { describe, expect, it } from 'vitest';
import {
  dispositionProblem,
  pinWIds,
  recipientLine,
  recipientStatus,
  replaceElementText,
  resolveAnchor,
  submissionBlockers,
  synthesisTable,
} from './consultation.rules.js';
import type { SynthesisComment } from './consultation.rules.js';
import { parseOrThrow, printRegulation } from '../regulation/reg.parse.js';

const DRAFT = `---
work: /test/qc
expression: vie@2026-11-01
---
# Chương I. CHUNG

## Điều 1. Phạm vi

1. Quy chế này quy định chế độ làm việc.

## Điều 2. Hội nghị

1. Ban Chấp hành họp thường lệ 03 tháng một lần.
2. Tài liệu gửi trước 05 ngày làm việc.
`;

describe('consultation on a draft', () => {
  it('keeps a comment on its clause when the articles are renumbered, once the draft is pinned', () => {
    const pinned = printRegulation(pinWIds(parseOrThrow(DRAFT)));
    expect(pinned).toContain('2. Tài liệu gửi trước 05 ngày làm việc. {#art_2__para_2}');
    // The next version inserts an article before: Điều 2 becomes Điều 3.
    const next = parseOrThrow(
      pinned.replace('## Điều 2. Hội nghị', '## Điều 2. Nguyên tắc\n\n1. Tập trung dân chủ.\n\n## Điều 3. Hội nghị'),
    );
    const r = resolveAnchor(next, {
      wId: 'art_2__para_2',
      eId: 'chp_1__art_2__para_2',
      quote: 'Tài liệu gửi trước 05 ngày',
    });
    expect(r.exact).toBe(true);
    expect(r.element?.eId).toBe('chp_1__art_3__para_2');
    expect(r.cite).toBe('khoản 2 Điều 3');
    // The new, unpinned Điều 2 does not take Điều 2's old comments.
    expect(resolveAnchor(next, { wId: 'art_2', eId: null, quote: null }).element?.heading).toBe('Hội nghị');
  });

  it('falls back to the parent when the clause is gone, and to the whole draft when nothing is left', () => {
    const next = parseOrThrow(printRegulation(pinWIds(parseOrThrow(DRAFT))).replace(/\n2\. Tài liệu.*\n/, '\n'));
    expect(resolveAnchor(next, { wId: 'art_2__para_2', eId: null, quote: null })).toMatchObject({
      exact: false,
      cite: 'Điều 2',
    });
    expect(resolveAnchor(next, { wId: 'art_9__para_1', eId: null, quote: null })).toMatchObject({
      element: null,
      cite: 'Toàn văn dự thảo',
    });
  });

  it('accepts a proposed wording into the clause, keeping its number and pin', () => {
    const reg = replaceElementText(
      pinWIds(parseOrThrow(DRAFT)),
      'art_2__para_2',
      'Tài liệu gửi trước   07 ngày làm việc.',
    );
    const text = printRegulation(reg);
    expect(text).toContain('2. Tài liệu gửi trước 07 ngày làm việc. {#art_2__para_2}');
    expect(parseOrThrow(text).chapters[0]!.children[1]!.children[1]!.text).toBe('Tài liệu gửi trước 07 ngày làm việc.');
    expect(() => replaceElementText(reg, 'art_2', 'x')).toThrow('khoản, điểm');
  });

  it('requires an explanation unless fully accepted, and blocks submission until all are disposed and answered', () => {
    expect(dispositionProblem({ disposition: 'accepted' })).toBeNull();
    expect(dispositionProblem({ disposition: 'not_accepted', explanation: ' ' })).toContain('giải trình');
    const recipients = [
      { name: 'Ban Tổ chức Tỉnh ủy', answeredOn: '2026-11-10', notAnswering: false },
      { name: 'Đảng ủy xã Tân Lập', answeredOn: null, notAnswering: false },
      { name: 'Đảng ủy phường Bắc Sơn', answeredOn: null, notAnswering: true },
    ];
    const comments = [
      { kind: 'clause' as const, disposition: 'accepted' as const },
      { kind: 'proposal' as const, disposition: null },
      { kind: 'no_comment' as const, disposition: null },
    ];
    expect(submissionBlockers(recipients, comments, '2026-11-15', '2026-11-20')).toEqual([
      'Còn 1 ý kiến chưa tiếp thu, giải trình',
      'Còn 1 nơi chưa góp ý và chưa được xác định không góp ý: Đảng ủy xã Tân Lập',
    ]);
    expect(recipientStatus(recipients[1]!, '2026-11-15', '2026-11-20')).toBe('late');
    expect(recipientLine(recipients[1]!, '2026-11-15', '2026-11-14')).toBe('Hạn góp ý 15/11/2026');
    expect(submissionBlockers([recipients[0]!, recipients[2]!], [comments[0]!], '2026-11-15', '2026-11-20')).toEqual(
      [],
    );
  });

  it('builds the synthesis table by provision in document order, general comments first', () => {
    const reg = pinWIds(parseOrThrow(DRAFT));
    const c = (
      id: string,
      from: string,
      wId: string | null,
      extra: Partial<SynthesisComment> = {},
    ): SynthesisComment => ({
      id,
      recipientName: from,
      kind: wId ? 'clause' : 'general',
      anchor: { wId, eId: null, quote: null },
      text: `Ý kiến ${id}`,
      proposedText: null,
      disposition: 'accepted',
      explanation: null,
      ...extra,
    });
    const t = synthesisTable(reg, [
      c('a', 'Đảng ủy xã Tân Lập', 'art_2__para_2', { disposition: 'not_accepted', explanation: 'Giữ như dự thảo' }),
      c('b', 'Ban Tổ chức Tỉnh ủy', 'art_2__para_2'),
      c('c', 'Ban Nội chính Tỉnh ủy', null),
      c('d', 'Văn phòng Tỉnh ủy', 'art_1__para_1', { disposition: null }),
      c('e', 'Đảng ủy phường Bắc Sơn', null, { kind: 'no_comment' }),
    ]);
    expect(t.rows.map((r) => r.cite)).toEqual(['Toàn văn dự thảo', 'khoản 1 Điều 1', 'khoản 2 Điều 2']);
    expect(t.rows[2]!.comments.map((x) => x.from)).toEqual(['Ban Tổ chức Tỉnh ủy', 'Đảng ủy xã Tân Lập']);
    expect(t.rows[2]!.comments[1]).toMatchObject({
      disposition: 'Không tiếp thu, giải trình',
      explanation: 'Giữ như dự thảo',
    });
    expect(t.rows[1]!.comments[0]!.disposition).toBe('Chưa xử lý');
    expect(t.rows[2]!.draftText).toBe('Tài liệu gửi trước 05 ngày làm việc.');
    expect(t.noComment).toEqual(['Đảng ủy phường Bắc Sơn']);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveAnchor, synthesisTable } from './consultation.rules.js';
import { diffParagraphs, documentDraft, documentParagraphs } from './document.model.js';

const TEXT = `NGHỊ QUYẾT về chuyển đổi số trong các cơ quan Đảng tỉnh
I. QUAN ĐIỂM
1. Chuyển đổi số là nhiệm vụ trọng tâm.

II. MỤC TIÊU
1. Đến năm 2027, 100% văn bản của cấp ủy được ký số.`;

describe('a document under consultation', () => {
  const paras = documentParagraphs(TEXT);
  const doc = documentDraft('Dự thảo Nghị quyết chuyển đổi số', paras);
  it('makes one provision per non-empty line, cited "đoạn n", where comments are anchored and tabled', () => {
    expect(paras).toHaveLength(5);
    const a = resolveAnchor(doc, { wId: 'doan_5', eId: 'doan_5', quote: null });
    expect(a).toMatchObject({ exact: true, cite: 'đoạn 5' });
    const t = synthesisTable(doc, [
      {
        id: 'k1',
        recipientName: 'Đảng ủy xã Tân Lập',
        kind: 'proposal',
        anchor: { wId: 'doan_5', eId: 'doan_5', quote: null },
        text: 'Đề nghị lùi đến năm 2028',
        proposedText: '1. Đến năm 2028, 100% văn bản của cấp ủy được ký số.',
        disposition: null,
        explanation: null,
      },
    ]);
    expect(t.rows).toEqual([
      expect.objectContaining({ cite: 'đoạn 5', draftText: '1. Đến năm 2027, 100% văn bản của cấp ủy được ký số.' }),
    ]);
  });
  it('compares two versions paragraph by paragraph: changed, added and removed', () => {
    const next = [...paras];
    next[4] = '1. Đến năm 2028, 100% văn bản của cấp ủy được ký số.';
    next.splice(3, 0, '2. Lấy người dân làm trung tâm.');
    next.splice(1, 1);
    const rows = diffParagraphs(paras, next);
    expect(rows.map((r) => [r.change, r.cite])).toEqual([
      ['removed', 'đoạn 2 (dự thảo trước)'],
      ['added', 'đoạn 3'],
      ['changed', 'đoạn 5'],
    ]);
    expect(diffParagraphs(paras, paras)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOrThrow } from '../regulation/reg.parse.js';
import { voteOutcome } from '../regulation/engine.js';
import { cellVoteBase } from './cell.vote-base.js';
import type { CellMemberForVote } from './cell.vote-base.js';

const cellReg = parseOrThrow(
  readFileSync(new URL('../../../../regulations/mau/chi-bo-mau.qc.md', import.meta.url), 'utf8'),
);
const member = (id: string, over: Partial<CellMemberForVote> = {}): CellMemberForVote => ({
  id,
  status: 'official',
  exempted: false,
  temporaryElsewhere: false,
  ...over,
});
// Ten official members: one exempted, one on a temporary transfer; and one probationary member.
const cell = [
  ...Array.from({ length: 8 }, (_, i) => member(`m${i}`)),
  member('old', { exempted: true }),
  member('away', { temporaryElsewhere: true }),
  member('new', { status: 'probationary' }),
];

describe('the members a cell’s vote is counted over (QĐ 294-QĐ/TW điểm 9.3.2)', () => {
  it('leaves out an exempted member who is absent, a member transferred elsewhere and probationary members', () => {
    const present = new Set(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'new']);
    const base = cellVoteBase(cell, present);
    expect(base.total).toBe(8);
    expect(base.excluded.map((e) => e.why).sort()).toEqual(['exempted_absent', 'probationary', 'temporary_elsewhere']);
    expect(base.reason_vi).toBe(
      'Số đảng viên chính thức tính biểu quyết: 8 (không tính 1 đảng viên được miễn công tác và sinh hoạt đảng vắng ' +
        'mặt, 1 đảng viên sinh hoạt tạm thời ở nơi khác, 1 đảng viên dự bị) (điểm 9.3.2 Quy định 294-QĐ/TW ngày ' +
        '26/5/2025; khoản 5 Điều 9 Điều lệ Đảng)',
    );
  });

  it('counts an exempted member who attends', () => {
    expect(cellVoteBase(cell, new Set(['old'])).total).toBe(9);
  });

  it('so absent exempted and transferred members do not block a vote: 5 of 8 pass, 5 of all 10 would not', () => {
    const present = new Set(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    const base = cellVoteBase(cell, present).total;
    const vote = (totalMembers: number) =>
      voteOutcome(
        cellReg,
        'CHI_BO',
        undefined,
        { totalMembers, present: 7, yes: 5, no: 2, abstain: 0, method: 'show_of_hands' },
        '2026-09-05',
      ).result.passed;
    expect(vote(base)).toBe(true);
    expect(vote(10)).toBe(false);
  });
});

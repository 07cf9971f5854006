/**
 * The number of members a cell's vote is counted over (the denominator of "hơn một nửa số đảng viên chính thức",
 * Điều lệ khoản 5 Điều 9), as QĐ 294-QĐ/TW (26/5/2025) điểm 9.3.2 defines it for a hội nghị đảng viên: the official
 * members, less those sent to another cell on a temporary transfer and those exempted from activities who are not
 * present (an exempted member who attends and votes is counted). Probationary members have no vote (Điều 5).
 */
export interface CellMemberForVote {
  id: string;
  status: 'official' | 'probationary';
  /** Exempted from activities (miễn công tác và sinh hoạt đảng) on the meeting's date. */
  exempted: boolean;
  /** Attending another cell on a temporary transfer on the meeting's date. */
  temporaryElsewhere: boolean;
}

export type VoteBaseExclusion = 'probationary' | 'temporary_elsewhere' | 'exempted_absent';

export interface CellVoteBase {
  total: number;
  excluded: { id: string; why: VoteBaseExclusion }[];
  reason_vi: string;
}

export const VOTE_BASE_BASIS_VI = 'điểm 9.3.2 Quy định 294-QĐ/TW ngày 26/5/2025; khoản 5 Điều 9 Điều lệ Đảng';

export function cellVoteBase(members: CellMemberForVote[], present: ReadonlySet<string>): CellVoteBase {
  const excluded: CellVoteBase['excluded'] = [];
  for (const m of members) {
    if (m.status !== 'official') excluded.push({ id: m.id, why: 'probationary' });
    else if (m.temporaryElsewhere) excluded.push({ id: m.id, why: 'temporary_elsewhere' });
    else if (m.exempted && !present.has(m.id)) excluded.push({ id: m.id, why: 'exempted_absent' });
  }
  const total = members.length - excluded.length;
  const n = (why: VoteBaseExclusion) => excluded.filter((e) => e.why === why).length;
  const less = [
    n('exempted_absent') && `${n('exempted_absent')} đảng viên được miễn công tác và sinh hoạt đảng vắng mặt`,
    n('temporary_elsewhere') && `${n('temporary_elsewhere')} đảng viên sinh hoạt tạm thời ở nơi khác`,
    n('probationary') && `${n('probationary')} đảng viên dự bị`,
  ].filter(Boolean);
  return {
    total,
    excluded,
    reason_vi:
      `Số đảng viên chính thức tính biểu quyết: ${total}` +
      (less.length ? ` (không tính ${less.join(', ')})` : '') +
      ` (${VOTE_BASE_BASIS_VI})`,
  };
}

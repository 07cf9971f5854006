import { cellVoteBase } from '@quyche/core';
import { attendanceOf, bodyMembersOn, cellVoteRoster } from '@quyche/db';
import type { MeetingRow, Sql } from '@quyche/db';

/**
 * The number a meeting's vote is counted over (R1): a committee's incumbent members; for a cell's assembly, its
 * official members less those on a temporary transfer elsewhere and the exempted ones not present (QĐ 294-QĐ/TW
 * điểm 9.3.2), with the sentence saying so.
 */
export async function voteBaseOf(db: Sql, m: MeetingRow, bodyKind: string) {
  if (bodyKind !== 'CHI_BO') return { total: (await bodyMembersOn(db, m.body_id, m.meeting_date)).length };
  const roster = await cellVoteRoster(db, m.org_id, m.meeting_date);
  const present = new Set(
    (await attendanceOf(db, m.id)).filter((a) => a.status === 'present' && a.person_id).map((a) => a.person_id!),
  );
  const base = cellVoteBase(
    roster.map((r) => ({
      id: r.person_id,
      status: r.status,
      exempted: r.exempted,
      temporaryElsewhere: r.temporary_elsewhere,
    })),
    present,
  );
  return { total: base.total, reason_vi: base.reason_vi };
}

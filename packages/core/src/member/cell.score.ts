import type { MeetingScoreSheet } from '../regulation/engine.js';

export interface ScoreLine {
  criterion: string;
  points: number;
}

/** A problem with one line of a score sheet, at its position in the list sent. */
export interface ScoreProblem {
  index: number;
  message_vi: string;
}

/**
 * A meeting scored on the province's sheet: each criterion scored once, between 0 and its maximum (half points
 * allowed), the total and the grade it earns. Problems name the line and the criterion's text.
 */
export function scoreMeeting(
  sheet: MeetingScoreSheet,
  lines: readonly ScoreLine[],
): { total: number; grade: string | null; problems: ScoreProblem[] } {
  const problems: ScoreProblem[] = [];
  const seen = new Set<string>();
  lines.forEach((l, index) => {
    const c = sheet.criteria.find((x) => x.id === l.criterion);
    if (!c) problems.push({ index, message_vi: 'Tiêu chí không có trong phiếu chấm điểm' });
    else if (seen.has(c.id)) problems.push({ index, message_vi: `Tiêu chí "${c.text}" chấm hai lần` });
    else if (!(l.points >= 0 && l.points <= c.max) || Math.round(l.points * 2) !== l.points * 2)
      problems.push({ index, message_vi: `"${c.text}": điểm từ 0 đến ${c.max} (bước 0,5)` });
    if (c) seen.add(c.id);
  });
  sheet.criteria.forEach((c) => {
    if (!seen.has(c.id)) problems.push({ index: lines.length, message_vi: `Chưa chấm tiêu chí "${c.text}"` });
  });
  const total = lines.reduce((n, l) => n + (Number.isFinite(l.points) ? l.points : 0), 0);
  const grade = sheet.grades.find((g) => total >= g.min)?.label ?? null;
  return { total, grade, problems };
}

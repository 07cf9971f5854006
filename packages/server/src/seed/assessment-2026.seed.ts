import { readFileSync } from 'node:fs';
import { assessmentInput, classify, parseOrThrow } from '@quyche/core';
import { cellMembersOn, insertAssessments, qb, uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';
import { evidenceOf } from '../services/assessment-evidence.service.js';
import { auditSeeded } from './assessment.seed.js';

const RULES = parseOrThrow(
  readFileSync(new URL('../../../../regulations/danh-gia/tinh-an-lac.qc.md', import.meta.url), 'utf8'),
);
const YEAR = 2026;
/** Points by criterion group, in turn: a total of 90, 85, 78, 66. */
const PROFILES: Record<string, number>[] = [
  { chinh_tri: 9, dao_duc: 10, phe_binh: 9, chuyen_mon: 36, chi_bo: 18, cam_ket: 8 },
  { chinh_tri: 9, dao_duc: 9, phe_binh: 8, chuyen_mon: 34, chi_bo: 17, cam_ket: 8 },
  { chinh_tri: 8, dao_duc: 9, phe_binh: 8, chuyen_mon: 31, chi_bo: 15, cam_ket: 7 },
  { chinh_tri: 7, dao_duc: 8, phe_binh: 6, chuyen_mon: 26, chi_bo: 13, cam_ket: 6 },
];
const sum = (p: Record<string, number>) => Object.values(p).reduce((s, x) => s + x, 0);

/**
 * Tân Lập's 2026 assessment under way on the demo's day (issue 16): the year opened for its village cells' members
 * and the cells; two members in three have self-assessed (their level as the record gives it), the first cells'
 * secretaries have given their opinion on the first members; nothing decided yet.
 */
export async function seedAssessmentsUnderWay(tx: Sql, o: { communeId: string; cells: string[]; today: string }) {
  const members = await cellMembersOn(tx, o.cells, o.today);
  const rows = [
    ...members.map((m) => ({ subject: 'member' as const, org_id: m.org_id, person_id: m.person_id, org: null })),
    ...o.cells.map((c) => ({ subject: 'organization' as const, org_id: c, person_id: null, org: c })),
  ].map((r) => ({
    id: uuidv7(),
    org_id: r.org_id,
    unit_id: o.communeId,
    year: YEAR,
    subject: r.subject,
    person_id: r.person_id,
    subject_org_id: r.org,
    evidence: {},
  }));
  await insertAssessments(tx, rows);
  let i = 0;
  for (const r of rows.filter((x) => x.subject === 'member')) {
    i++;
    if (i % 3 === 0) continue;
    const points = PROFILES[i % PROFILES.length]!;
    const evidence = await evidenceOf(tx, r, o.today);
    const level = classify(RULES, assessmentInput('member', sum(points), evidence, []), o.today).result.level;
    const reviewed = i <= 4;
    await qb(tx)
      .updateTable('assessment')
      .set({
        state: reviewed ? 'reviewed' : 'self_assessed',
        self_points: JSON.stringify(points),
        self_text: 'Bản tự kiểm điểm năm 2026.',
        self_level: level,
        self_on: '2026-11-25',
        ...(reviewed
          ? { opinion: 'Chi bộ nhất trí với bản tự đánh giá.', opinion_level: level, opinion_on: '2026-11-30' }
          : {}),
      })
      .where('id', '=', r.id)
      .execute();
  }
  await auditSeeded(tx, o.communeId, YEAR, rows.length);
}

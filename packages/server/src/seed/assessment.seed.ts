import { readFileSync } from 'node:fs';
import { assessmentInput, classify, parseOrThrow, quotaCheck } from '@quyche/core';
import type { Adjustment, AssessmentLevel } from '@quyche/core';
import { appendAudit, cellMembersOn, insertAssessments, qb, uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';
import { evidenceOf } from '../services/assessment-evidence.service.js';

const RULES = parseOrThrow(
  readFileSync(new URL('../../../../regulations/danh-gia/tinh-an-lac.qc.md', import.meta.url), 'utf8'),
);
const YEAR = 2025;
const AS_OF = '2025-12-31';
const ON = '2025-12-20';
/** Self-assessed points by criterion group, a few profiles in turn (a total of 93, 88, 84, 79, 72). */
const PROFILES: Record<string, number>[] = [
  { chinh_tri: 10, dao_duc: 10, phe_binh: 9, chuyen_mon: 37, chi_bo: 18, cam_ket: 9 },
  { chinh_tri: 9, dao_duc: 9, phe_binh: 9, chuyen_mon: 35, chi_bo: 18, cam_ket: 8 },
  { chinh_tri: 9, dao_duc: 9, phe_binh: 8, chuyen_mon: 33, chi_bo: 17, cam_ket: 8 },
  { chinh_tri: 8, dao_duc: 9, phe_binh: 8, chuyen_mon: 31, chi_bo: 16, cam_ket: 7 },
  { chinh_tri: 8, dao_duc: 8, phe_binh: 7, chuyen_mon: 28, chi_bo: 14, cam_ket: 7 },
];
const sum = (p: Record<string, number>) => Object.values(p).reduce((s, x) => s + x, 0);

/**
 * The office cell's 2025 assessment, decided (issue 16's demo): each member's sheet with the record's figures, two
 * members whose tasks of the year the office recorded with the share exceeded (both proposed for the top level, one
 * granted — the quota of điểm 1.5 allows one), one member disciplined (khiển trách) and so "Không hoàn thành nhiệm
 * vụ", and the cell itself barred from the top level by that discipline.
 */
export async function seedAssessments(tx: Sql, o: { cellId: string; adminUser: string }) {
  const unitId = (
    await qb(tx)
      .selectFrom('organization_parent')
      .select('parent_id')
      .where('org_id', '=', o.cellId)
      .orderBy('valid_from', 'desc')
      .executeTakeFirstOrThrow()
  ).parent_id;
  const members = (await cellMembersOn(tx, [o.cellId], AS_OF)).sort((a, b) =>
    a.full_name.localeCompare(b.full_name, 'vi'),
  );
  const adjust = (field: string, from: number | boolean, to: number | boolean, reason: string): Adjustment => ({
    field,
    from,
    to,
    reason,
    by: 'Văn thư Văn phòng Tỉnh ủy',
    on: ON,
  });
  const REPORT =
    'Theo báo cáo tổng kết công tác năm 2025 của Văn phòng Tỉnh ủy (phụ lục nhiệm vụ của từng chuyên viên)';
  type Sheet = { person: string; points: Record<string, number>; adjustments: Adjustment[]; proposed: AssessmentLevel };
  const sheets: Sheet[] = members.map((m, i) => {
    const adjustments: Adjustment[] = [];
    let proposed: AssessmentLevel = i % 5 === 4 ? 'hoan_thanh' : 'tot';
    if (i < 2) {
      adjustments.push(
        adjust('tasks_total', 0, 6, REPORT),
        adjust('tasks_on_time', 0, 6, REPORT),
        adjust('tasks_exceeded', 0, 2, `${REPORT}: 2 nhiệm vụ được Thường trực biểu dương vượt yêu cầu`),
      );
      proposed = 'xuat_sac';
    }
    if (i === 2) {
      adjustments.push(
        adjust(
          'disciplined',
          false,
          true,
          'Quyết định số 12-QĐ/ĐU ngày 15/9/2025 của Đảng ủy thi hành kỷ luật khiển trách ' +
            '(vi phạm chế độ bảo mật tài liệu)',
        ),
      );
      proposed = 'khong_hoan_thanh';
    }
    return { person: m.person_id, points: PROFILES[i < 2 ? 0 : i % PROFILES.length]!, adjustments, proposed };
  });
  let xs = 0;
  const tot = sheets.filter((s) => s.proposed === 'tot').length;
  const rows = [];
  for (const s of sheets) {
    const a = { id: s.person, subject: 'member' as const, person_id: s.person, subject_org_id: null, year: YEAR };
    const evidence = await evidenceOf(tx, a, AS_OF);
    const answer = classify(RULES, assessmentInput('member', sum(s.points), evidence, s.adjustments), AS_OF);
    // The competent level decides the lower of what the record allows and what the cell proposed.
    const RANK = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'];
    let level = RANK[Math.max(RANK.indexOf(answer.result.level), RANK.indexOf(s.proposed))] as AssessmentLevel;
    // The top level within the unit's quota, counted on those rated "Hoàn thành tốt": the rest stay "tốt".
    if (level === 'xuat_sac') {
      const q = quotaCheck(RULES, { xuat_sac: xs + 1, tot }, AS_OF);
      if (q.result.ok) xs++;
      else level = 'tot';
    }
    rows.push({
      ...base(o.cellId, unitId),
      subject: 'member' as const,
      person_id: s.person,
      subject_org_id: null,
      evidence,
      decided: { level, points: sum(s.points), basis: answer, adjustments: s.adjustments, points_by: s.points },
      opinion: s.proposed,
    });
  }
  const cellEvidence = await evidenceOf(
    tx,
    { id: o.cellId, subject: 'organization', person_id: null, subject_org_id: o.cellId, year: YEAR },
    AS_OF,
  );
  const cellPoints = { chung: 28, chuong_trinh: 37, sinh_hoat: 14, kiem_tra: 13 };
  const cellAdjust = [
    adjust(
      'member_disciplined',
      false,
      true,
      'Đồng chí đảng viên của chi bộ bị khiển trách ngày 15/9/2025 (Quyết định 12-QĐ/ĐU)',
    ),
  ];
  const cellAnswer = classify(RULES, assessmentInput('organization', sum(cellPoints), cellEvidence, cellAdjust), AS_OF);
  rows.push({
    ...base(o.cellId, unitId),
    subject: 'organization' as const,
    person_id: null,
    subject_org_id: o.cellId,
    evidence: cellEvidence,
    decided: {
      level: cellAnswer.result.level,
      points: sum(cellPoints),
      basis: cellAnswer,
      adjustments: cellAdjust,
      points_by: cellPoints,
    },
    opinion: 'xuat_sac' as AssessmentLevel,
  });
  await insertAssessments(
    tx,
    rows.map((r) => ({
      id: r.id,
      org_id: r.org_id,
      unit_id: r.unit_id,
      year: YEAR,
      subject: r.subject,
      person_id: r.person_id,
      subject_org_id: r.subject_org_id,
      evidence: r.evidence,
    })),
  );
  for (const r of rows)
    await qb(tx)
      .updateTable('assessment')
      .set({
        state: 'decided',
        adjustments: JSON.stringify(r.decided.adjustments),
        self_points: JSON.stringify(r.decided.points_by),
        self_text: 'Bản tự kiểm điểm năm 2025.',
        self_level: r.decided.basis.result.level,
        self_on: '2025-12-05',
        opinion: 'Chi bộ thống nhất với bản tự đánh giá, đề xuất mức xếp loại.',
        opinion_level: r.opinion,
        opinion_on: '2025-12-12',
        decided_level: r.decided.level,
        decided_points: r.decided.points,
        decided_basis: JSON.stringify({
          ruleIds: r.decided.basis.ruleIds,
          eIds: r.decided.basis.eIds,
          reason_vi: r.decided.basis.reason_vi,
        }),
        decided_by: o.adminUser,
        decided_on: ON,
      })
      .where('id', '=', r.id)
      .execute();
  await auditSeeded(tx, unitId, YEAR, rows.length);
}

/** The audit entry of a unit's year of sheets written by the demo's seed. */
export const auditSeeded = (tx: Sql, orgId: string, year: number, sheets: number) =>
  appendAudit(tx, {
    actorUserId: null,
    actor: 'seed',
    action: 'seed_assessments',
    entity: 'assessment',
    entityId: null,
    orgId,
    before: null,
    after: { year, sheets },
  });

const base = (cellId: string, unitId: string) => ({ id: uuidv7(), org_id: cellId, unit_id: unitId, year: YEAR });

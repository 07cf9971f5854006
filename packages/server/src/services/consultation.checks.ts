import { checkConsistency, ProblemError, submissionBlockers } from '@quyche/core';
import type { Regulation } from '@quyche/core';
import { getRegulationByWork } from '@quyche/db';
import type { ConsultationCommentRow, ConsultationRecipientRow, ConsultationRow, Sql } from '@quyche/db';
import { regulationOn } from './regulation-impact.service.js';

/** The draft against the superior's regulation it is based on, as that stands on the date (checked on every draft). */
export async function consistencyWithSuperior(sql: Sql, draft: Regulation, on: string) {
  const link = draft.frontMatter.based_on?.find((b) => b.relation === 'superior');
  if (!link?.work) return [];
  const sup = await getRegulationByWork(sql, link.work);
  if (!sup) return [];
  const base = await regulationOn(sql, sup.id, on);
  return base
    ? checkConsistency(draft, base, 'superior').map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        eId: f.eId || null,
      }))
    : [];
}

export function blockersOf(
  c: ConsultationRow,
  recipients: ConsultationRecipientRow[],
  comments: ConsultationCommentRow[],
  today: string,
) {
  return submissionBlockers(
    recipients.map((r) => ({ name: r.name, answeredOn: r.answered_on, notAnswering: r.not_answering })),
    comments.map((x) => ({ kind: x.kind, disposition: x.disposition })),
    c.deadline,
    today,
  );
}

export function assertNoBlockers(blockers: string[]) {
  if (blockers.length)
    throw new ProblemError('RULE_VIOLATION', {
      code: 'CHUA_XU_LY_HET_Y_KIEN',
      title: 'Chưa trình được dự thảo',
      field: 'params.id',
      detail: blockers.join('; '),
      blockers,
    });
}

import { ASSESSMENT_FIGURE_ORDER } from '@quyche/core';
import { getOrganization } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { reportHeaderOf } from '../reports/party-document.docx.js';
import { assessmentSheetDocx } from '../reports/assessment-sheet.docx.js';
import { getAssessment } from './assessment.service.js';

/**
 * A sheet as the form of Hướng dẫn 43-HD/BTCTW (Mẫu 02B for a member, Mẫu 01 for an organization), read as the sheet
 * page reads it (same access, the reading audited), with the record's figures and every change's reason.
 */
export async function assessmentFormDocx(ctx: RequestContext, id: string) {
  const a = await getAssessment(ctx, id);
  const unit = await getOrganization(ctx.db, a.unitId);
  const header = reportHeaderOf(unit);
  const reasons = new Map(a.adjustments.map((x) => [x.field, x.reason]));
  const content = await assessmentSheetDocx({
    subject: a.subject,
    year: a.year,
    name: a.name,
    orgName: a.orgName,
    unitName: header.issuer,
    // A place is a locality; an office's committee has none in its name: left for the signer to write.
    place: /^(Đảng bộ|Đảng ủy|Chi bộ)/u.test(header.place) ? '……' : header.place,
    date: ctx.today(),
    rules: a.rules.title,
    criteria: a.criteria.map((c) => ({ text: c.text, max: c.max, points: a.self?.points[c.id] ?? null })),
    figures: [
      ...ASSESSMENT_FIGURE_ORDER.filter((k) => a.evidence[k]).map((k) => ({
        label: a.evidence[k]!.label_vi,
        value: String(a.evidence[k]!.value),
        basis: a.evidence[k]!.basis_vi,
        reason: reasons.get(k) ?? null,
      })),
      // The facts that hold (discipline, …): each with the reason it was recorded.
      ...Object.entries(a.facts)
        .filter(([, f]) => f.value)
        .map(([k, f]) => ({ label: f.label_vi, value: 'Có', basis: '', reason: reasons.get(k) ?? null })),
    ],
    ruleReason: a.classification?.reason_vi ?? null,
    selfText: a.self?.text ?? '',
    ruleLevel: a.classification?.level ?? null,
    opinion: a.opinion ? { text: a.opinion.text, level: a.opinion.level } : null,
    decision: a.decision
      ? { level: a.decision.level, on: a.decision.on, justification: a.decision.justification }
      : null,
  });
  const form = a.subject === 'member' ? 'mau-02B' : 'mau-01';
  return { fileName: `${form}-${a.year}-${a.name}.docx`, content };
}

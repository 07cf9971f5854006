import { formatDateVi } from '../time/date.js';
import type { IsoDate } from '../time/date.js';

/**
 * An inspection or supervision (cuộc kiểm tra, giám sát): decided with its team, targets and window, carried out,
 * concluded with findings, its shortcomings remedied by tasks, and the remedy verified. Each step states what it
 * needs, so that an inspection cannot be "concluded" without findings or "verified" with remedies still open.
 */
export const INSPECTION_KINDS = [
  'thematic_inspection',
  'violation_inspection',
  'finance_inspection',
  'thematic_supervision',
  'regular_supervision',
] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, { vi: string; en: string }> = {
  thematic_inspection: { vi: 'Kiểm tra chuyên đề', en: 'Thematic inspection' },
  violation_inspection: { vi: 'Kiểm tra khi có dấu hiệu vi phạm', en: 'Inspection on signs of violation' },
  finance_inspection: { vi: 'Kiểm tra tài chính đảng', en: 'Party finance inspection' },
  thematic_supervision: { vi: 'Giám sát chuyên đề', en: 'Thematic supervision' },
  regular_supervision: { vi: 'Giám sát thường xuyên', en: 'Regular supervision' },
};

export const INSPECTION_STATES = ['planned', 'decided', 'in_progress', 'concluded', 'verified', 'cancelled'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];
export const INSPECTION_STATE_LABELS: Record<InspectionState, { vi: string; en: string }> = {
  planned: { vi: 'Theo chương trình', en: 'Planned' },
  decided: { vi: 'Đã có quyết định', en: 'Decided' },
  in_progress: { vi: 'Đang tiến hành', en: 'In progress' },
  concluded: { vi: 'Đã kết luận, đang khắc phục', en: 'Concluded, remedies under way' },
  verified: { vi: 'Đã kiểm tra việc khắc phục', en: 'Remedies verified' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const TEAM_ROLES = ['leader', 'deputy', 'member', 'secretary'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  leader: 'Trưởng đoàn',
  deputy: 'Phó Trưởng đoàn',
  member: 'Thành viên',
  secretary: 'Thư ký',
};

export interface InspectionFacts {
  state: InspectionState;
  team: { personId: string; role: TeamRole }[];
  targets: { id: string | null; name: string }[];
  windowFrom: IsoDate | null;
  windowTo: IsoDate | null;
  decidedOn: IsoDate | null;
  findings: { target: string; text: string }[];
  conclusionText: string | null;
  concludedOn: IsoDate | null;
  /** Remediation tasks still open, by title. */
  openRemedies: string[];
}

/** Why the inspection cannot take this step; empty when it can. */
export function inspectionStepProblems(f: InspectionFacts, to: InspectionState): string[] {
  const next: Record<InspectionState, InspectionState[]> = {
    planned: ['decided', 'cancelled'],
    decided: ['in_progress', 'cancelled'],
    in_progress: ['concluded', 'cancelled'],
    concluded: ['verified'],
    verified: [],
    cancelled: [],
  };
  if (!next[f.state].includes(to))
    return [`Không chuyển được từ "${INSPECTION_STATE_LABELS[f.state].vi}" sang "${INSPECTION_STATE_LABELS[to].vi}"`];
  const out: string[] = [];
  if (to === 'decided') {
    const leaders = f.team.filter((m) => m.role === 'leader').length;
    if (leaders !== 1)
      out.push(leaders === 0 ? 'Đoàn chưa có Trưởng đoàn' : `Đoàn có ${leaders} Trưởng đoàn: chỉ một người`);
    if (f.team.length < 2) out.push('Đoàn cần ít nhất 2 người (Trưởng đoàn và thành viên)');
    if (new Set(f.team.map((m) => m.personId)).size !== f.team.length) out.push('Một người có tên hai lần trong đoàn');
    if (f.targets.length === 0) out.push('Chưa có đối tượng kiểm tra, giám sát');
    if (!f.windowFrom || !f.windowTo) out.push('Chưa có thời gian tiến hành (từ ngày, đến ngày)');
    else if (f.windowTo < f.windowFrom)
      out.push(
        `Thời gian tiến hành kết thúc (${formatDateVi(f.windowTo)}) trước khi bắt đầu (${formatDateVi(f.windowFrom)})`,
      );
    if (!f.decidedOn) out.push('Chưa có ngày quyết định');
    else if (f.windowFrom && f.decidedOn > f.windowFrom)
      out.push(`Quyết định (${formatDateVi(f.decidedOn)}) sau ngày bắt đầu tiến hành (${formatDateVi(f.windowFrom)})`);
  }
  if (to === 'concluded') {
    if (f.findings.length === 0) out.push('Chưa có kết quả kiểm tra, giám sát đối với đối tượng nào');
    const named = new Set(f.findings.map((x) => x.target));
    const missing = f.targets.filter((t) => !named.has(t.name)).map((t) => t.name);
    if (missing.length) out.push(`Chưa có kết quả đối với: ${missing.join(', ')}`);
    if (!f.conclusionText?.trim()) out.push('Chưa có nội dung kết luận');
    if (!f.concludedOn) out.push('Chưa có ngày kết luận');
    else if (f.windowFrom && f.concludedOn < f.windowFrom)
      out.push(`Ngày kết luận (${formatDateVi(f.concludedOn)}) trước khi tiến hành (${formatDateVi(f.windowFrom)})`);
  }
  if (to === 'verified' && f.openRemedies.length)
    out.push(`Còn ${f.openRemedies.length} nhiệm vụ khắc phục chưa hoàn thành: ${f.openRemedies.join('; ')}`);
  return out;
}

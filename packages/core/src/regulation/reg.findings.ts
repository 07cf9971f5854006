/**
 * What lint and the consistency check report: the codes and the shape of a finding (shared, so neither
 * imports the other).
 */
export const LINT_CODES = [
  'AUTHORITY_UNIQUE',
  'DUTY_SINGLE_OWNER',
  'RATIO_BASE_REQUIRED',
  'THRESHOLD_QUORUM_INTERPLAY',
  'TEXT_RULE_DRIFT',
  'DELEGATION_EXPIRY',
  'DELEGATION_LEGALITY',
  'DELEGATION_REPORT_BACK',
  'LOOSER_THAN_MODEL',
  'MODEL_COVERAGE',
  'DANGLING_REFERENCE',
  'NUMBERING_SEQUENCE',
  'TIME_UNIT_AND_ANCHOR',
  'SCHEDULE_FEASIBILITY',
  'TEMPORAL_COVERAGE',
] as const;
export type LintCode = (typeof LINT_CODES)[number];

export interface Finding {
  code: LintCode;
  severity: 'error' | 'warning' | 'info';
  eId: string;
  message: string;
  message_en: string;
  ruleIds?: string[];
}

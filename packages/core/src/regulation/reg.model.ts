/**
 * The `.qc.md` regulation model (../shared/design/REGULATION-FORMAT.md): legal text first, machine rules as
 * annotations under the clause they implement. Every node keeps its source lines so printing gives back the text.
 */
export const RULE_KINDS = [
  'meeting_regime',
  'quorum',
  'vote_threshold',
  'ballot',
  'authority',
  'delegation',
  'notice',
  'deadline',
  'duty',
  'conference_quota',
  'portfolio',
  'meeting_score',
  'assessment_criteria',
  'assessment_level',
  'assessment_quota',
  'assessment_timetable',
  'assessment_order',
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RATIO_BASES = ['summoned_members', 'total_members', 'present_members'] as const;
export type RatioBase = (typeof RATIO_BASES)[number];
export type Cmp = '>=' | '>';

export interface RatioSpec {
  ratio?: string | number;
  of?: RatioBase | string;
  cmp?: Cmp | string;
}
export interface Period {
  min?: number;
  within?: number;
  unit?: 'day' | 'working_day' | string;
  after?: string;
}
export interface Validity {
  from?: string;
  until?: string;
}
export interface ReportBack {
  to?: string;
  at?: string;
}
export type Condition = Record<string, unknown>;

interface RuleBase {
  id: string;
  kind: RuleKind;
  /** eId of the clause or article the rule implements (its legal basis). */
  basis: string;
  /** 1-based line of the rule in the file. */
  line: number;
  /** eId of the element whose text holds the rule's block (the basis may be a sibling clause). */
  block?: string;
  valid?: Validity;
  implements?: string;
  [extra: string]: unknown;
}
export interface MeetingRegimeRule extends RuleBase {
  kind: 'meeting_regime';
  body: string;
  regular_every?: { months?: number; weeks?: number; days?: number };
  per_month?: number;
  weekday?: string;
  extraordinary?: string;
  convened_by?: string;
  /**
   * The kind of meeting the regime is for; absent: the regular meeting. A cell's thematic meeting (sinh hoạt chuyên
   * đề) has a regime of its own beside the monthly one ('thematic', every 3 months at least).
   */
  meeting_kind?: string;
  /** The least length of each meeting, in minutes (a cell's meeting: 90, Hướng dẫn 42-HD/BTCTW). */
  min_minutes?: number;
}

/** The regime of a body's regular meetings (not its thematic ones), or of the meetings of `kind`. */
export const isRegimeOf = (r: MeetingRegimeRule, kind = 'regular') => (r.meeting_kind ?? 'regular') === kind;
export interface QuorumRule extends RuleBase {
  kind: 'quorum';
  bodies?: string[];
  body?: string;
  /** Meeting kinds the rule is for (e.g. written_consultation); without it, every meeting of the bodies. */
  meeting_kinds?: string[];
  min_present?: RatioSpec;
}
export interface VoteThresholdRule extends RuleBase {
  kind: 'vote_threshold';
  bodies?: string[];
  body?: string;
  topics?: string[];
  approve?: RatioSpec;
}
export interface BallotRule extends RuleBase {
  kind: 'ballot';
  bodies?: string[];
  body?: string;
  topics?: string[];
  form?: 'secret' | 'show_of_hands' | 'written' | string;
}
export interface AuthorityRule extends RuleBase {
  kind: 'authority';
  matter: string;
  decides: string;
  prepares?: string;
  when?: Condition;
  report_back?: ReportBack;
  reserved?: boolean;
  delegable?: boolean;
  overrides?: string;
}
export interface DelegationRule extends RuleBase {
  kind: 'delegation';
  from: string;
  to: string;
  matter: string;
  when?: Condition;
  overrides?: string;
  report_back?: ReportBack;
  redelegation?: 'forbidden' | 'allowed' | string;
}
export interface NoticeRule extends RuleBase {
  kind: 'notice';
  body: string;
  documents_before_meeting?: Period;
}
export interface DeadlineRule extends RuleBase {
  kind: 'deadline';
  duty: string;
  owner?: string;
  due?: Period;
  to?: string;
}
export interface DutyRule extends RuleBase {
  kind: 'duty';
  duty: string;
  owner?: string | string[];
  support?: string[];
}
/** Yearly conference quotas (R10, 226-KL/TW): share held in person, province-wide ones, reduction against last year. */
export interface ConferenceQuotaRule extends RuleBase {
  kind: 'conference_quota';
  max_in_person?: { ratio?: string | number };
  max_province_wide?: number;
  min_reduction?: { ratio?: string | number };
}
/**
 * The portfolios (lĩnh vực phụ trách) a body's members share: each listed field has exactly one member in charge,
 * and no member holds more than `max_per_member`. Field names are declared in the front matter (`fields`).
 */
export interface PortfolioRule extends RuleBase {
  kind: 'portfolio';
  body: string;
  fields?: string[];
  max_per_member?: number;
}
/**
 * The quality score sheet of a body's meetings (a cell's, HD 12-HD/BTCTW 2018 framework criteria; the points and the
 * grades are the province's): each criterion with its maximum points, the grades from the lowest total that earns
 * them.
 */
export interface MeetingScoreRule extends RuleBase {
  kind: 'meeting_score';
  body: string;
  criteria: { id: string; text: string; max: number }[];
  grades: { min: number; label: string }[];
}
/** The subjects of the annual assessment (Quy định 366-QĐ/TW): a party organization or collective, a member. */
export const ASSESSMENT_SUBJECTS = ['organization', 'member'] as const;
/** The four levels of classification, highest first (Điều 11 Quy định 366-QĐ/TW). */
export const ASSESSMENT_LEVELS = ['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'] as const;
export type AssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];
/** The criteria of a subject's assessment and their points (the frame on 100 points). */
export interface AssessmentCriteriaRule extends RuleBase {
  kind: 'assessment_criteria';
  subject: string;
  groups: { id: string; text: string; max: number }[];
}
/**
 * What a level asks of a subject (Điều 11 Quy định 366-QĐ/TW): the least total points; shares of the year's tasks done,
 * done on time and exceeded; at most a share late; a share of the shortcomings named at the last review remedied;
 * `not_if` the facts that bar it (a member of the collective disciplined). The rule of "Không hoàn thành nhiệm vụ"
 * says instead what forces it: `when_any` of the facts (disciplined, degraded), more than `tasks_failed_over` of the
 * tasks not done, unless `unless` holds (the fault owned and remedied, the competent level then judging).
 */
export interface AssessmentLevelRule extends RuleBase {
  kind: 'assessment_level';
  subject: string;
  level: string;
  min_points?: number;
  tasks_done?: { ratio?: string | number };
  tasks_on_time?: { ratio?: string | number };
  tasks_exceeded?: { ratio?: string | number };
  max_tasks_late?: { ratio?: string | number };
  shortcomings_fixed?: { ratio?: string | number };
  not_if?: string[];
  when_any?: string[];
  tasks_failed_over?: { ratio?: string | number };
  unless?: string[];
}
/** A cap on a level: at most `ratio` of the subjects rated `of` in a unit (a wider one where the unit stands out). */
export interface AssessmentQuotaRule extends RuleBase {
  kind: 'assessment_quota';
  level: string;
  max: { ratio?: string | number; of?: string | string[] };
  outstanding?: { ratio?: string | number };
}
/**
 * A deadline of the year's assessment (Hướng dẫn 43-HD/BTCTW mục 4): done `before` a day written as people write it
 * (31/12), in the year assessed or with `next_year` in the one after; `step` member, organization, report (upward),
 * or none for every assessment.
 */
export interface AssessmentTimetableRule extends RuleBase {
  kind: 'assessment_timetable';
  step?: string;
  before: string;
  next_year?: boolean;
}
/** The order of classification (Điều 12 khoản 2): what an organization's sheet waits for (members, subordinates). */
export interface AssessmentOrderRule extends RuleBase {
  kind: 'assessment_order';
  subject: string;
  after: string[];
}
export type Rule =
  | AssessmentCriteriaRule
  | AssessmentTimetableRule
  | AssessmentOrderRule
  | AssessmentLevelRule
  | AssessmentQuotaRule
  | MeetingScoreRule
  | PortfolioRule
  | ConferenceQuotaRule
  | MeetingRegimeRule
  | QuorumRule
  | VoteThresholdRule
  | BallotRule
  | AuthorityRule
  | DelegationRule
  | NoticeRule
  | DeadlineRule
  | DutyRule;

export interface ScenarioTest {
  name: string;
  at: string;
  ask: string;
  input: Record<string, unknown>;
  expect: Record<string, unknown>;
  basis: string;
  line: number;
}

export type ElementKind = 'chapter' | 'article' | 'clause' | 'point';

export interface RegElement {
  kind: ElementKind;
  /** Display id recomputed from numbering: chp_2__art_6__para_1__point_a. */
  eId: string;
  /** The same without the chapter (articles are numbered across chapters): art_6__para_1__point_a. */
  shortId: string;
  /** Permanent id: the `{#id}` suffix when given, else the short id at parse time. */
  wId: string;
  num: string;
  heading: string;
  /** The element's own text (without its children), as plain text. */
  text: string;
  line: number;
  /** Source lines of the element itself, including fenced blocks and blank lines up to the next element. */
  lines: string[];
  children: RegElement[];
}

export interface FrontMatter {
  work?: string;
  expression?: string;
  title?: string;
  issuer?: string;
  status?: string;
  adopted_on?: string;
  in_force_from?: string;
  term?: { from?: string; until?: string };
  based_on?: { work?: string; expression?: string; relation?: string; role_map?: Record<string, string> }[];
  bodies?: Record<string, { name?: string; part_of?: string; members?: string[] }>;
  roles?: Record<string, string>;
  matters?: Record<
    string,
    { name?: string; attributes?: Record<string, string>; reserved?: boolean; delegable?: boolean; topic?: string }
  >;
  duties?: Record<string, string>;
  /** Fields of portfolio (lĩnh vực) the members of a body are assigned. */
  fields?: Record<string, string>;
  topics?: Record<string, string>;
  events?: Record<string, string>;
  calendar?: string;
  [extra: string]: unknown;
}

export interface Regulation {
  frontMatter: FrontMatter;
  /** The raw front matter block including its `---` lines (empty when absent). */
  frontMatterLines: string[];
  /** Lines before the first chapter or article (title, preamble). */
  preambleLines: string[];
  chapters: RegElement[];
  rules: Rule[];
  tests: ScenarioTest[];
}

export interface ParseError {
  line: number;
  column: number;
  message: string;
}
export type ParseResult = { ok: true; regulation: Regulation } | { ok: false; error: ParseError };

// Generated from the migrations by `npm run db:types` (packages/db/src/db.schema.gen.ts); do not edit.
import type { ColumnType, GeneratedAlways } from 'kysely';

/** A column with a default: optional on insert (also for a Timestamp or Json column). */
export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;
/** A timestamptz: read as a Date, written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A jsonb value: read parsed, written as JSON text. */
export type Json = ColumnType<JsonValue, string, string>;
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AgendaItemTable {
  id: string;
  org_id: string;
  meeting_id: string;
  position: number;
  title: string;
  matter: string | null;
  attributes: Generated<Json>;
  topic: string | null;
  presenting_unit: string | null;
  confidentiality: Generated<number>;
  version: Generated<number>;
  regulation_version_id: string | null;
  reports_back: Generated<boolean>;
}

export interface AppUserTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  person_id: string | null;
  clearance: Generated<number>;
  locale: Generated<string>;
  disabled: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  ics_token: string | null;
  must_change_password: Generated<boolean>;
  last_login_at: Timestamp | null;
  password_changed_at: Timestamp | null;
}

export interface AssessmentTable {
  id: string;
  org_id: string;
  unit_id: string;
  year: number;
  subject: string;
  person_id: string | null;
  subject_org_id: string | null;
  state: Generated<string>;
  evidence: Json;
  adjustments: Generated<Json>;
  self_points: Json | null;
  self_text: string | null;
  self_level: string | null;
  self_on: string | null;
  opinion: string | null;
  opinion_level: string | null;
  opinion_by: string | null;
  opinion_on: string | null;
  decided_level: string | null;
  decided_points: number | null;
  decided_basis: Json | null;
  justification: string | null;
  decided_by: string | null;
  decided_on: string | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_user_id: string | null;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  org_id: string | null;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}

export interface BodyTable {
  id: string;
  org_id: string;
  term_id: string | null;
  kind: string;
  name: string;
  symbol: string | null;
  part_of: string | null;
  valid_from: string;
  valid_until: string | null;
  confidentiality: Generated<number>;
  search_text: string;
  version: Generated<number>;
}

export interface CacheGenerationTable {
  name: string;
  n: number;
}

export interface ConclusionTable {
  id: string;
  org_id: string;
  meeting_id: string;
  issued_document_id: string;
  symbol: string;
  issued_on: string;
  summary: string;
  signer_person_id: string | null;
  signer_for: string | null;
  signer_position: string | null;
  recipients: Generated<Json>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
}

export interface ConclusionItemTable {
  id: string;
  org_id: string;
  conclusion_id: string;
  position: number;
  kind: string;
  text: string;
  leads: Generated<Json>;
  supporting: Generated<Json>;
  due_date: string | null;
  due_meeting_id: string | null;
  due_label: string | null;
  supervisor_person_id: string | null;
  deciding_body: string | null;
  product: string | null;
  six_clear: Json | null;
}

export interface ConferenceBaselineTable {
  org_id: string;
  year: number;
  total: number;
  note: string | null;
}

export interface ConsultationTable {
  id: string;
  org_id: string;
  regulation_id: string | null;
  version_id: string | null;
  title: string;
  sent_on: string;
  deadline: string;
  state: Generated<string>;
  next_version_id: string | null;
  memo: string | null;
  meeting_id: string | null;
  agenda_item_id: string | null;
  competence: Json | null;
  adopted_on: string | null;
  confidentiality: Generated<number>;
  search_text: Generated<string>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  version: Generated<number>;
  document_title: string | null;
  document_text: string | null;
  next_document_text: string | null;
  matter: string | null;
}

export interface ConsultationCommentTable {
  id: string;
  org_id: string;
  consultation_id: string;
  recipient_id: string;
  position: number;
  kind: string;
  anchor_wid: string | null;
  anchor_eid: string | null;
  quote: string | null;
  text: string;
  proposed_text: string | null;
  site_id: string | null;
  disposition: string | null;
  explanation: string | null;
  adopted_text: string | null;
  disposed_by: string | null;
  disposed_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface ConsultationRecipientTable {
  id: string;
  org_id: string;
  consultation_id: string;
  recipient_org_id: string | null;
  recipient_body_id: string | null;
  person_id: string | null;
  name: string;
  answered_on: string | null;
  not_answering: Generated<boolean>;
  note: string | null;
  last_reminded_on: string | null;
  version: Generated<number>;
}

export interface DocumentCounterTable {
  issuer_org_id: string;
  doc_type: string;
  term_id: string;
  last_number: number;
}

export interface DuesRemittanceTable {
  id: string;
  org_id: string;
  month: string;
  collected: number;
  remitted: number;
  remitted_on: string;
  to_org_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface InspectionTable {
  id: string;
  org_id: string;
  program_item_id: string | null;
  kind: string;
  title: string;
  deciding_body: string;
  decision_symbol: string | null;
  decision_document_id: string | null;
  decided_on: string | null;
  team: Generated<Json>;
  targets: Generated<Json>;
  window_from: string | null;
  window_to: string | null;
  findings: Generated<Json>;
  conclusion_text: string | null;
  conclusion_symbol: string | null;
  conclusion_document_id: string | null;
  concluded_on: string | null;
  verified_on: string | null;
  verification_text: string | null;
  state: Generated<string>;
  competence: Json | null;
  confidentiality: Generated<number>;
  search_text: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface IssuedDocumentTable {
  id: string;
  org_id: string;
  term_id: string;
  doc_type: string;
  number: number;
  symbol: string;
  title: string;
  issued_on: string;
  confidentiality: Generated<number>;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface JobTable {
  id: string;
  kind: string;
  dedupe_key: string;
  run_at: Generated<Timestamp>;
  payload: Generated<Json>;
  state: Generated<string>;
  attempts: Generated<number>;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Generated<Timestamp>;
  done_at: Timestamp | null;
}

export interface LoginAttemptTable {
  key: string;
  failures: number;
  window_start: Timestamp;
  locked_until: Timestamp | null;
}

export interface MailSentTable {
  id: string;
  job_id: string | null;
  to_address: string;
  subject: string;
  message_id: string | null;
  sent_at: Generated<Timestamp>;
}

export interface MeetingTable {
  id: string;
  org_id: string;
  body_id: string;
  kind: string;
  state: string;
  title: string;
  meeting_date: string;
  convened_by: string | null;
  convening_ref: string | null;
  documents_sent_on: string | null;
  confidentiality: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  format: Generated<string>;
  province_wide: Generated<boolean>;
  location: string | null;
  starts_at: string | null;
  consultation_deadline: string | null;
  opened_on: string | null;
  closed_on: string | null;
  minutes_text: string | null;
  minutes_approved_on: string | null;
  cancel_reason: string | null;
  chair_person_id: string | null;
  secretary_name: string | null;
  search_text: Generated<string>;
  ends_at: string | null;
}

export interface MeetingAttendanceTable {
  id: string;
  org_id: string;
  meeting_id: string;
  person_id: string | null;
  site_id: string | null;
  role: string;
  status: string;
  reason: string | null;
  version: Generated<number>;
  guest_name: string | null;
  guest_title: string | null;
  updated_at: Generated<Timestamp>;
}

export interface MeetingDocumentTable {
  id: string;
  org_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  title: string;
  doc_type: string | null;
  confidentiality: Generated<number>;
  file_name: string | null;
  media_type: string | null;
  size: number | null;
  sha256: string | null;
  content: Buffer | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface MeetingRescheduleTable {
  id: string;
  org_id: string;
  meeting_id: string;
  state: string;
  from_date: string;
  to_date: string;
  from_starts_at: string | null;
  to_starts_at: string | null;
  from_location: string | null;
  to_location: string | null;
  reason: string | null;
  notice: Json | null;
  by_name: string | null;
  created_at: Generated<Timestamp>;
}

export interface MeetingScoreTable {
  meeting_id: string;
  org_id: string;
  rule_id: string;
  scores: Json;
  total: number;
  grade: string | null;
  scored_by: string | null;
  scored_at: Generated<Timestamp>;
  checked_scores: Json | null;
  checked_total: number | null;
  checked_grade: string | null;
  check_note: string | null;
  checked_by: string | null;
  checked_at: Timestamp | null;
  version: Generated<number>;
}

export interface MeetingSiteTable {
  id: string;
  org_id: string;
  meeting_id: string;
  name: string;
  lead_person_id: string | null;
  host_org_id: string | null;
  position: Generated<number>;
  version: Generated<number>;
}

export interface MemberDuesTable {
  id: string;
  org_id: string;
  person_id: string;
  month: string;
  status: string;
  amount: number | null;
  paid_on: string | null;
  version: Generated<number>;
  due_amount: number | null;
  recorded_by: string | null;
  updated_at: Generated<Timestamp>;
}

export interface MemberExemptionTable {
  id: string;
  org_id: string;
  person_id: string;
  valid_from: string;
  valid_until: string | null;
  reason: string;
  decided_by: string | null;
  version: Generated<number>;
}

export interface MemberIdKeyTable {
  id: number;
  key: string;
}

export interface MemberPlanTable {
  id: string;
  org_id: string;
  person_id: string;
  year: number;
  commitment: Generated<string>;
  search_text: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface MemberPlanItemTable {
  id: string;
  plan_id: string;
  position: number;
  text: string;
  product: string | null;
  due_date: string | null;
  version: Generated<number>;
  progress: Generated<string>;
  progress_note: string | null;
  checked_in_on: string | null;
}

export interface MembershipTable {
  id: string;
  org_id: string;
  body_id: string;
  person_id: string;
  role: string;
  title: string | null;
  valid_from: string;
  valid_until: string | null;
  end_reason: string | null;
  version: Generated<number>;
}

export interface NotificationTable {
  id: string;
  org_id: string;
  user_id: string;
  task_id: string | null;
  kind: string;
  title: string;
  body: string;
  created_at: Generated<Timestamp>;
  read_at: Timestamp | null;
  sender: string | null;
  link: string | null;
  job_id: string | null;
}

export interface OrganizationTable {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  symbol: string | null;
  valid_from: string;
  valid_until: string | null;
  confidentiality: Generated<number>;
  search_text: string;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface OrganizationParentTable {
  id: string;
  org_id: string;
  parent_id: string;
  valid_from: string;
  valid_until: string | null;
  version: Generated<number>;
}

export interface OrganizationSuccessionTable {
  id: string;
  org_id: string;
  predecessor_id: string;
  successor_id: string;
  kind: string;
  effective_on: string;
  decision_ref: string | null;
}

export interface PartyMemberTable {
  person_id: string;
  org_id: string;
  admitted_on: string;
  official_on: string | null;
  card_number: string | null;
  citizen_id_hash: string | null;
  citizen_id_tail: string | null;
  left_on: string | null;
  left_reason: string | null;
  version: Generated<number>;
  dues_category: string | null;
  dues_base: number | null;
  dues_region: string | null;
}

export interface PartyMembershipTable {
  id: string;
  org_id: string;
  person_id: string;
  status: string;
  valid_from: string;
  valid_until: string | null;
  version: Generated<number>;
  kind: Generated<string>;
  end_reason: string | null;
}

export interface PersonTable {
  id: string;
  org_id: string;
  code: string | null;
  full_name: string;
  gender: string | null;
  birth_year: number | null;
  confidentiality: Generated<number>;
  search_text: string;
  version: Generated<number>;
  email: string | null;
}

export interface PortfolioAssignmentTable {
  id: string;
  org_id: string;
  person_id: string;
  body_id: string | null;
  field: string;
  locality_org_id: string | null;
  valid_from: string;
  valid_until: string | null;
  version: Generated<number>;
}

export interface ProgramTable {
  id: string;
  org_id: string;
  term_id: string;
  kind: string;
  span: string;
  year: number | null;
  title: string;
  matter: string;
  owner_body_id: string | null;
  state: Generated<string>;
  adopted_on: string | null;
  adopted_meeting_id: string | null;
  adopted_agenda_item_id: string | null;
  adopting_body_id: string | null;
  issued_document_id: string | null;
  symbol: string | null;
  competence: Json | null;
  confidentiality: Generated<number>;
  search_text: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  period: string | null;
  source_report_id: string | null;
}

export interface ProgramItemTable {
  id: string;
  org_id: string;
  program_id: string;
  position: number;
  title: string;
  period_kind: string;
  period: string | null;
  due_meeting_id: string | null;
  starts_on: string;
  due_date: string;
  period_label: string;
  lead_kind: string | null;
  lead_id: string | null;
  lead_name: string | null;
  lead_org_id: string | null;
  supporting: Generated<Json>;
  supervisor_person_id: string | null;
  deciding_body: string | null;
  product: string | null;
  matter: string | null;
  inspection_kind: string | null;
  targets: Generated<Json>;
  weight: Generated<number>;
  version: Generated<number>;
  carried_from_item_id: string | null;
}

export interface RecommendationTable {
  id: string;
  org_id: string;
  to_body_id: string | null;
  source: string;
  from_org_id: string | null;
  from_label: string;
  inspection_id: string | null;
  title: string;
  text: string;
  received_on: string;
  due_on: string | null;
  due_basis: Json | null;
  state: Generated<string>;
  answer_text: string | null;
  answered_on: string | null;
  answer_symbol: string | null;
  confidentiality: Generated<number>;
  search_text: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  review_request_id: string | null;
}

export interface RegulationTable {
  id: string;
  org_id: string;
  work: string;
  title: string;
  confidentiality: Generated<number>;
  search_text: string;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  applies_to: Generated<string>;
}

export interface RegulationAmendmentTable {
  id: string;
  regulation_id: string;
  org_id: string;
  work: string;
  title: string | null;
  source_text: string;
  parsed: Json;
  adopted_on: string;
  in_force_from: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface RegulationImpactTable {
  id: string;
  org_id: string;
  regulation_id: string;
  cause: string;
  subordinate_regulation_id: string;
  findings: Json;
  task_id: string | null;
  created_at: Generated<Timestamp>;
}

export interface RegulationVersionTable {
  id: string;
  regulation_id: string;
  org_id: string;
  expression: string;
  status: string;
  source_text: string;
  sha256: string;
  parsed: Json;
  adopted_on: string | null;
  in_force_from: string | null;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface ReservedOpinionTable {
  id: string;
  org_id: string;
  meeting_id: string;
  agenda_item_id: string;
  person_id: string;
  text: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface ReviewReportTable {
  id: string;
  org_id: string;
  kind: string;
  period_code: string;
  period_from: string;
  period_to: string;
  title: string;
  state: Generated<string>;
  paragraphs: Generated<Json>;
  overrides: Generated<Json>;
  adopted_figures: Json | null;
  adopted_on: string | null;
  adopted_meeting_id: string | null;
  consultation_id: string | null;
  place: string | null;
  recipients: Generated<Json>;
  confidentiality: Generated<number>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  symbol: string | null;
  issued_document_id: string | null;
}

export interface ReviewRequestTable {
  id: string;
  org_id: string;
  target_org_id: string;
  title: string;
  topics: Generated<Json>;
  period_from: string;
  period_to: string;
  sent_on: string;
  deadline: string;
  team: Generated<Json>;
  state: Generated<string>;
  report_id: string | null;
  submitted_on: string | null;
  conclusion_text: string | null;
  concluded_on: string | null;
  confidentiality: Generated<number>;
  created_by: string | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface RoleGrantTable {
  id: string;
  user_id: string;
  role: string;
  org_id: string;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Generated<Timestamp>;
}

export interface ShortcomingTable {
  id: string;
  org_id: string;
  text: string;
  cause: string | null;
  remedy: string;
  lead_kind: string;
  lead_id: string | null;
  lead_name: string;
  due_date: string;
  identified_on: string;
  review_report_id: string | null;
  inspection_id: string | null;
  state: Generated<string>;
  fixed_on: string | null;
  evidence: string | null;
  confidentiality: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  review_request_id: string | null;
}

export interface TaskTable {
  id: string;
  org_id: string;
  title: string;
  lead_kind: string | null;
  lead_id: string | null;
  lead_name: string | null;
  lead_org_id: string | null;
  supporting: Generated<Json>;
  due_date: string | null;
  due_meeting_id: string | null;
  due_label: string | null;
  extended_to: string | null;
  due_effective: GeneratedAlways<string | null>;
  supervisor_person_id: string | null;
  deciding_body: string | null;
  matter: string | null;
  matter_attributes: Generated<Json>;
  product: string | null;
  accountability: string | null;
  source_kind: string;
  source_id: string | null;
  source_label: string | null;
  source_body_id: string | null;
  state: string;
  percent: Generated<number>;
  weight: Generated<number>;
  assigned_on: string | null;
  done_on: string | null;
  confidentiality: Generated<number>;
  search_text: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  reported_on: string | null;
  closed_on: string | null;
  exceeded_note: string | null;
}

export interface TaskExtensionTable {
  id: string;
  org_id: string;
  task_id: string;
  requested_on: string;
  requested_to: string;
  reason: string;
  state: string;
  decided_on: string | null;
  decided_by: string | null;
  decision_ref: string | null;
  note: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: Generated<Timestamp>;
}

export interface TaskFileTable {
  id: string;
  org_id: string;
  task_id: string;
  report_id: string | null;
  file_name: string;
  media_type: string | null;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: Generated<Timestamp>;
}

export interface TaskMilestoneTable {
  id: string;
  org_id: string;
  task_id: string;
  position: number;
  title: string;
  due_date: string;
  done_on: string | null;
}

export interface TaskReportTable {
  id: string;
  org_id: string;
  task_id: string;
  reported_on: string;
  percent: number;
  text: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface TermTable {
  id: string;
  org_id: string;
  name: string;
  ordinal: number | null;
  valid_from: string;
  valid_until: string | null;
  congress_closed_on: string | null;
  version: Generated<number>;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  last_seen_at: Generated<Timestamp>;
}

export interface VoteTable {
  id: string;
  org_id: string;
  agenda_item_id: string;
  method: string;
  total_members: number;
  present: number;
  yes: number;
  no: number;
  abstain: number;
  passed: boolean;
  outcome: Json;
  created_at: Generated<Timestamp>;
}

export interface WrittenResponseTable {
  id: string;
  org_id: string;
  meeting_id: string;
  agenda_item_id: string;
  person_id: string;
  choice: string;
  comment: string | null;
  received_on: string;
}

export interface Database {
  agenda_item: AgendaItemTable;
  app_user: AppUserTable;
  assessment: AssessmentTable;
  audit_head: AuditHeadTable;
  audit_log: AuditLogTable;
  body: BodyTable;
  cache_generation: CacheGenerationTable;
  conclusion: ConclusionTable;
  conclusion_item: ConclusionItemTable;
  conference_baseline: ConferenceBaselineTable;
  consultation: ConsultationTable;
  consultation_comment: ConsultationCommentTable;
  consultation_recipient: ConsultationRecipientTable;
  document_counter: DocumentCounterTable;
  dues_remittance: DuesRemittanceTable;
  inspection: InspectionTable;
  issued_document: IssuedDocumentTable;
  job: JobTable;
  login_attempt: LoginAttemptTable;
  mail_sent: MailSentTable;
  meeting: MeetingTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_document: MeetingDocumentTable;
  meeting_reschedule: MeetingRescheduleTable;
  meeting_score: MeetingScoreTable;
  meeting_site: MeetingSiteTable;
  member_dues: MemberDuesTable;
  member_exemption: MemberExemptionTable;
  member_id_key: MemberIdKeyTable;
  member_plan: MemberPlanTable;
  member_plan_item: MemberPlanItemTable;
  membership: MembershipTable;
  notification: NotificationTable;
  organization: OrganizationTable;
  organization_parent: OrganizationParentTable;
  organization_succession: OrganizationSuccessionTable;
  party_member: PartyMemberTable;
  party_membership: PartyMembershipTable;
  person: PersonTable;
  portfolio_assignment: PortfolioAssignmentTable;
  program: ProgramTable;
  program_item: ProgramItemTable;
  recommendation: RecommendationTable;
  regulation: RegulationTable;
  regulation_amendment: RegulationAmendmentTable;
  regulation_impact: RegulationImpactTable;
  regulation_version: RegulationVersionTable;
  reserved_opinion: ReservedOpinionTable;
  review_report: ReviewReportTable;
  review_request: ReviewRequestTable;
  role_grant: RoleGrantTable;
  schema_migration: SchemaMigrationTable;
  shortcoming: ShortcomingTable;
  task: TaskTable;
  task_extension: TaskExtensionTable;
  task_file: TaskFileTable;
  task_milestone: TaskMilestoneTable;
  task_report: TaskReportTable;
  term: TermTable;
  user_session: UserSessionTable;
  vote: VoteTable;
  written_response: WrittenResponseTable;
}

-- Issue 16: the annual assessment and classification (Quy định 366-QĐ/TW). A province's or organization's assessment
-- rules are a regulation that applies to its subtree ('assessment'); each subject's year is one row: the record's
-- figures prefilled with their evidence, the assessor's changes each with its reason, the self-assessment, the
-- opinion, and the competent level's decision with the rule and the quota it was checked against.
alter table regulation drop constraint if exists regulation_applies_to_check;
alter table regulation add constraint regulation_applies_to_check
  check (applies_to in ('own', 'cells', 'assessment'));

create table assessment (
  id uuid primary key,
  -- Where the subject is assessed: the member's cell, or the organization itself.
  org_id uuid not null references organization (id),
  -- The unit whose quota counts the subject (the grassroots organization of a cell).
  unit_id uuid not null references organization (id),
  year integer not null check (year between 2000 and 2100),
  subject text not null check (subject in ('member', 'organization')),
  person_id uuid references person (id),
  subject_org_id uuid references organization (id),
  state text not null default 'open' check (state in ('open', 'self_assessed', 'reviewed', 'decided')),
  evidence jsonb not null,
  adjustments jsonb not null default '[]',
  self_points jsonb,
  self_text text,
  self_level text,
  self_on date,
  opinion text,
  opinion_level text,
  opinion_by uuid references app_user (id),
  opinion_on date,
  decided_level text,
  decided_points numeric(5, 2),
  decided_basis jsonb,
  justification text,
  decided_by uuid references app_user (id),
  decided_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((subject = 'member') = (person_id is not null)),
  check ((subject = 'organization') = (subject_org_id is not null))
);
create unique index assessment_member_idx on assessment (year, person_id, org_id) where subject = 'member';
create unique index assessment_org_idx on assessment (year, subject_org_id) where subject = 'organization';
create index assessment_unit_idx on assessment (unit_id, year);
create index assessment_org_year_idx on assessment (org_id, year);

-- Issue 15: the party member's own record beside the memberships (party_membership keeps which cell, when, with
-- what status): admission and the date of becoming an official member, leaving, the citizen ID kept as a keyed hash
-- (to match an import) and its last three digits (to show masked), exemptions from activities, dues by month and
-- the yearly commitment and personal action plan.
create table party_member (
  person_id uuid primary key references person (id),
  org_id uuid not null references organization (id),
  admitted_on date not null,
  official_on date,
  card_number text,
  citizen_id_hash text unique,
  citizen_id_tail text check (citizen_id_tail is null or citizen_id_tail ~ '^[0-9]{3}$'),
  left_on date,
  left_reason text check (left_reason is null or left_reason in ('removed', 'expelled', 'died', 'resigned')),
  version integer not null default 1,
  check (official_on is null or official_on >= admitted_on)
);
create index party_member_org_idx on party_member (org_id);

-- A membership row is the member's home cell unless 'temporary' (sinh hoạt tạm thời at another cell).
alter table party_membership add column kind text not null default 'home' check (kind in ('home', 'temporary'));
alter table party_membership add column end_reason text;
create index party_membership_org_valid_idx on party_membership (org_id, valid_from);

create table member_exemption (
  id uuid primary key,
  org_id uuid not null references organization (id),
  person_id uuid not null references person (id),
  valid_from date not null,
  valid_until date,
  reason text not null,
  decided_by text,
  version integer not null default 1,
  check (valid_until is null or valid_until >= valid_from)
);
create index member_exemption_person_idx on member_exemption (person_id);

create table member_dues (
  id uuid primary key,
  org_id uuid not null references organization (id),
  person_id uuid not null references person (id),
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text not null check (status in ('paid', 'unpaid', 'exempt', 'deferred')),
  amount bigint check (amount is null or amount >= 0),
  paid_on date,
  version integer not null default 1,
  unique (person_id, month)
);
create index member_dues_org_month_idx on member_dues (org_id, month);

create table member_plan (
  id uuid primary key,
  org_id uuid not null references organization (id),
  person_id uuid not null references person (id),
  year integer not null check (year between 2000 and 2100),
  commitment text not null default '',
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (person_id, year)
);
create index member_plan_org_year_idx on member_plan (org_id, year);

create table member_plan_item (
  id uuid primary key,
  plan_id uuid not null references member_plan (id) on delete cascade,
  position integer not null,
  text text not null,
  product text,
  due_date date,
  version integer not null default 1,
  unique (plan_id, position)
);

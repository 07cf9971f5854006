-- Issue 15: party dues as the cell collects them (Quy định 01-QĐ/TW ngày 03/02/2026, Điều 3): each member's category
-- and declared base (salary on which social insurance is paid, benefit, pension) or the region of the minimum wage
-- where they attend; the month's dues recorded by whom and when; the cell's remittance upward each month.
alter table party_member add column dues_category text
  check (dues_category is null or dues_category in ('salary', 'sick_leave', 'pension', 'student', 'other', 'other_senior'));
alter table party_member add column dues_base bigint check (dues_base is null or dues_base >= 0);
alter table party_member add column dues_region text check (dues_region is null or dues_region in ('I', 'II', 'III', 'IV'));

alter table member_dues add column due_amount bigint check (due_amount is null or due_amount >= 0);
alter table member_dues add column recorded_by uuid references app_user (id);
alter table member_dues add column updated_at timestamptz not null default now();

create table dues_remittance (
  id uuid primary key,
  org_id uuid not null references organization (id),
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  collected bigint not null check (collected >= 0),
  remitted bigint not null check (remitted >= 0 and remitted <= collected),
  remitted_on date not null,
  to_org_id uuid references organization (id),
  note text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, month)
);

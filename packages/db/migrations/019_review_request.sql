-- A working-group review (đoàn công tác): the superior asks a subordinate organization to report on topics by a
-- deadline, the subordinate submits its report in the system, the group records its conclusions; the shortcomings
-- it names enter the subordinate's register and its recommendations are followed to an answer.
create table review_request (
  id uuid primary key,
  -- The superior that sends the group, and the organization reviewed.
  org_id uuid not null references organization (id),
  target_org_id uuid not null references organization (id),
  title text not null,
  topics jsonb not null default '[]',
  period_from date not null,
  period_to date not null,
  sent_on date not null,
  deadline date not null,
  team jsonb not null default '[]',
  state text not null default 'sent' check (state in ('sent', 'submitted', 'concluded', 'cancelled')),
  report_id uuid references review_report (id),
  submitted_on date,
  conclusion_text text,
  concluded_on date,
  confidentiality smallint not null default 0,
  created_by uuid references app_user (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_to >= period_from),
  check (deadline >= sent_on),
  check (org_id <> target_org_id)
);
create index review_request_org_idx on review_request (org_id, sent_on);
create index review_request_target_idx on review_request (target_org_id, sent_on);
alter table shortcoming add column review_request_id uuid references review_request (id);
alter table recommendation add column review_request_id uuid references review_request (id);

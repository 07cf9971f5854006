-- Follow-up: tasks with the 6 rõ (exactly one lead), their milestones, progress reports with evidence,
-- and extension requests decided by the competent level.
create table task (
  id uuid primary key,
  -- The organization whose record the task is (the issuer of its source): scope, numbering, dashboards.
  org_id uuid not null references organization (id),
  title text not null,
  -- The one lead (rõ người): a unit (a body, or an organization such as a party committee) or a person.
  lead_kind text,
  lead_id uuid,
  lead_name text,
  -- The organization the lead belongs to: "overdue by unit", and where open tasks go when it is dissolved.
  lead_org_id uuid references organization (id),
  supporting jsonb not null default '[]',
  due_date date,
  due_meeting_id uuid references meeting (id),
  due_label text,
  extended_to date,
  due_effective date generated always as (coalesce(extended_to, due_date)) stored,
  supervisor_person_id uuid references person (id),
  deciding_body text,
  -- The kind of matter in the regulation, when known: the competence check (R9) compares it with deciding_body.
  matter text,
  matter_attributes jsonb not null default '{}',
  product text,
  accountability text,
  source_kind text not null,
  source_id uuid,
  source_label text,
  -- The body whose decision assigned it (its next regular meeting hears it when overdue).
  source_body_id uuid references body (id),
  state text not null,
  percent numeric(5, 1) not null default 0,
  weight integer not null default 1,
  assigned_on date,
  done_on date,
  confidentiality smallint not null default 0,
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index task_org_state_due_idx on task (org_id, state, due_effective);
create index task_lead_org_idx on task (lead_org_id, state, due_effective);
create index task_source_body_idx on task (source_body_id, state, due_effective);
create index task_supervisor_idx on task (supervisor_person_id, state, due_effective);
create unique index task_one_per_conclusion_item on task (source_id) where source_kind = 'conclusion_item';

create table task_milestone (
  id uuid primary key,
  org_id uuid not null references organization (id),
  task_id uuid not null references task (id),
  position integer not null,
  title text not null,
  due_date date not null,
  done_on date
);
create index task_milestone_task_idx on task_milestone (task_id, position);

create table task_report (
  id uuid primary key,
  org_id uuid not null references organization (id),
  task_id uuid not null references task (id),
  reported_on date not null,
  percent numeric(5, 1) not null,
  text text not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index task_report_task_idx on task_report (task_id, reported_on);

create table task_file (
  id uuid primary key,
  org_id uuid not null references organization (id),
  task_id uuid not null references task (id),
  report_id uuid references task_report (id),
  file_name text not null,
  media_type text,
  size integer not null,
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index task_file_task_idx on task_file (task_id);

create table task_extension (
  id uuid primary key,
  org_id uuid not null references organization (id),
  task_id uuid not null references task (id),
  requested_on date not null,
  requested_to date not null,
  reason text not null,
  state text not null,
  decided_on date,
  decided_by text,
  decision_ref text,
  note text,
  created_by uuid references app_user (id),
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index task_extension_task_idx on task_extension (task_id, created_at);

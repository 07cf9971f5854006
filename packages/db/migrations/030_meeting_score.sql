-- Issue 15: the quality score of a cell meeting on the province's sheet (a meeting_score rule of the regulation):
-- scored by the cell, then checked by the grassroots committee, whose points are the meeting's official score.
create table meeting_score (
  meeting_id uuid primary key references meeting (id),
  org_id uuid not null references organization (id),
  rule_id text not null,
  scores jsonb not null,
  total numeric(6, 1) not null,
  grade text,
  scored_by uuid references app_user (id),
  scored_at timestamptz not null default now(),
  checked_scores jsonb,
  checked_total numeric(6, 1),
  checked_grade text,
  check_note text,
  checked_by uuid references app_user (id),
  checked_at timestamptz,
  version integer not null default 1
);
create index meeting_score_org_idx on meeting_score (org_id);

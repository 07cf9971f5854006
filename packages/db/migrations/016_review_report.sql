-- Review reports (báo cáo sơ kết, tổng kết; báo cáo kết quả xây dựng và thực hiện Quy chế làm việc): the office's
-- paragraphs around the computed figures, the figures stated otherwise with their explanations, and, once adopted,
-- the figures as they stood (a later change to the record does not change an adopted report).
create table review_report (
  id uuid primary key,
  org_id uuid not null references organization (id),
  kind text not null check (kind in ('period', 'regulation')),
  period_code text not null,
  period_from date not null,
  period_to date not null,
  title text not null,
  state text not null default 'draft' check (state in ('draft', 'circulated', 'adopted', 'cancelled')),
  paragraphs jsonb not null default '[]',
  overrides jsonb not null default '[]',
  adopted_figures jsonb,
  adopted_on date,
  adopted_meeting_id uuid references meeting (id),
  -- The consultation the draft was circulated in (comments by paragraph, the existing machinery).
  consultation_id uuid references consultation (id),
  place text,
  recipients jsonb not null default '[]',
  confidentiality smallint not null default 0,
  created_by uuid references app_user (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_to >= period_from)
);
create index review_report_org_idx on review_report (org_id, period_from);

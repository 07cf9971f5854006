-- The register of shortcomings (hạn chế, khuyết điểm): each one named in a review or an inspection's conclusion,
-- with one lead, a remedy and a deadline; it stays open, and is carried into each next review, until it is closed
-- with evidence of the remedy.
create table shortcoming (
  id uuid primary key,
  org_id uuid not null references organization (id),
  text text not null,
  cause text,
  remedy text not null,
  lead_kind text not null,
  lead_id uuid,
  lead_name text not null,
  due_date date not null,
  identified_on date not null,
  review_report_id uuid references review_report (id),
  inspection_id uuid references inspection (id),
  state text not null default 'open' check (state in ('open', 'fixed')),
  fixed_on date,
  evidence text,
  confidentiality smallint not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((state = 'fixed') = (fixed_on is not null)),
  check (fixed_on is null or fixed_on >= identified_on)
);
create index shortcoming_org_idx on shortcoming (org_id, identified_on);

-- A meeting moved to another date (dời ngày họp): its page shows every change with its reason and, for a meeting
-- already convened, the notice check run again against the new date (kept as it was found then).
create table meeting_reschedule (
  id uuid primary key,
  org_id uuid not null references organization (id),
  meeting_id uuid not null references meeting (id),
  state text not null,
  from_date date not null,
  to_date date not null,
  from_starts_at text,
  to_starts_at text,
  from_location text,
  to_location text,
  reason text,
  notice jsonb,
  by_name text,
  created_at timestamptz not null default now()
);
create index meeting_reschedule_meeting_idx on meeting_reschedule (meeting_id, created_at);

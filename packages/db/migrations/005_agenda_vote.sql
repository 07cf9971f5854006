-- Agenda items with the matter they ask a body to decide, and the votes taken on them.
create table agenda_item (
  id uuid primary key,
  org_id uuid not null references organization (id),
  meeting_id uuid not null references meeting (id),
  position integer not null,
  title text not null,
  matter text,
  attributes jsonb not null default '{}',
  topic text,
  presenting_unit text,
  confidentiality smallint not null default 0,
  version integer not null default 1
);
create index agenda_item_meeting_idx on agenda_item (meeting_id, position);

create table vote (
  id uuid primary key,
  org_id uuid not null references organization (id),
  agenda_item_id uuid not null references agenda_item (id),
  method text not null,
  total_members integer not null,
  present integer not null,
  yes integer not null,
  no integer not null,
  abstain integer not null,
  passed boolean not null,
  outcome jsonb not null,
  created_at timestamptz not null default now()
);
create index vote_item_idx on vote (agenda_item_id);

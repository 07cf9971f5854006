-- Meetings of a body under its regulation: life cycle, convening, documents, attendance (with connection points).
create table meeting (
  id uuid primary key,
  org_id uuid not null references organization (id),
  body_id uuid not null references body (id),
  kind text not null,
  state text not null,
  title text not null,
  meeting_date date not null,
  convened_by text,
  convening_ref text,
  documents_sent_on date,
  confidentiality smallint not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index meeting_body_idx on meeting (body_id, meeting_date);

create table meeting_site (
  id uuid primary key,
  org_id uuid not null references organization (id),
  meeting_id uuid not null references meeting (id),
  name text not null,
  lead_person_id uuid references person (id)
);

create table meeting_attendance (
  id uuid primary key,
  org_id uuid not null references organization (id),
  meeting_id uuid not null references meeting (id),
  person_id uuid not null references person (id),
  site_id uuid references meeting_site (id),
  role text not null,
  status text not null,
  reason text,
  version integer not null default 1,
  unique (meeting_id, person_id)
);

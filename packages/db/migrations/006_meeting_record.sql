-- The whole record of a meeting: form (in person, online, connection points), guests, documents with their
-- confidentiality, reserved opinions, written consultation replies, minutes, the conclusion notice and its items.
alter table meeting add column format text not null default 'in_person';
alter table meeting add column province_wide boolean not null default false;
alter table meeting add column location text;
alter table meeting add column starts_at text;
alter table meeting add column consultation_deadline date;
alter table meeting add column opened_on date;
alter table meeting add column closed_on date;
alter table meeting add column minutes_text text;
alter table meeting add column minutes_approved_on date;
alter table meeting add column cancel_reason text;
alter table meeting add column chair_person_id uuid references person (id);
alter table meeting add column secretary_name text;
alter table meeting add column search_text text not null default '';
create index meeting_org_date_idx on meeting (org_id, meeting_date);

alter table meeting_site add column host_org_id uuid references organization (id);
alter table meeting_site add column position integer not null default 0;
alter table meeting_site add column version integer not null default 1;
create index meeting_site_meeting_idx on meeting_site (meeting_id, position);

-- Guests (invited non-members) have a name and no membership; members are people of the body.
alter table meeting_attendance alter column person_id drop not null;
alter table meeting_attendance add column guest_name text;
alter table meeting_attendance add column guest_title text;
alter table meeting_attendance add column updated_at timestamptz not null default now();
create index meeting_attendance_meeting_idx on meeting_attendance (meeting_id, role, status);

create table meeting_document (
  id uuid primary key,
  org_id uuid not null references organization (id),
  meeting_id uuid not null references meeting (id),
  agenda_item_id uuid references agenda_item (id),
  title text not null,
  doc_type text,
  confidentiality smallint not null default 0,
  file_name text,
  media_type text,
  size integer,
  sha256 text,
  content bytea,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index meeting_document_meeting_idx on meeting_document (meeting_id);

-- A dissenting member's reserved opinion (R12): kept and reported upward, shown only to those entitled.
create table reserved_opinion (
  id uuid primary key,
  org_id uuid not null references organization (id),
  meeting_id uuid not null references meeting (id),
  agenda_item_id uuid not null references agenda_item (id),
  person_id uuid not null references person (id),
  text text not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index reserved_opinion_item_idx on reserved_opinion (agenda_item_id);

-- Written consultation between meetings: one reply per member and item.
create table written_response (
  id uuid primary key,
  org_id uuid not null references organization (id),
  meeting_id uuid not null references meeting (id),
  agenda_item_id uuid not null references agenda_item (id),
  person_id uuid not null references person (id),
  choice text not null,
  comment text,
  received_on date not null,
  unique (agenda_item_id, person_id)
);

create table conclusion (
  id uuid primary key,
  org_id uuid not null references organization (id),
  meeting_id uuid not null unique references meeting (id),
  issued_document_id uuid not null references issued_document (id),
  symbol text not null,
  issued_on date not null,
  summary text not null,
  signer_person_id uuid references person (id),
  signer_for text,
  signer_position text,
  recipients jsonb not null default '[]',
  version integer not null default 1,
  created_at timestamptz not null default now()
);

-- Items of a conclusion; an action item carries the 6 rõ so that follow-up can turn it into a task.
create table conclusion_item (
  id uuid primary key,
  org_id uuid not null references organization (id),
  conclusion_id uuid not null references conclusion (id),
  position integer not null,
  kind text not null,
  text text not null,
  leads jsonb not null default '[]',
  supporting jsonb not null default '[]',
  due_date date,
  due_meeting_id uuid references meeting (id),
  due_label text,
  supervisor_person_id uuid references person (id),
  deciding_body text,
  product text,
  six_clear jsonb
);
create index conclusion_item_conclusion_idx on conclusion_item (conclusion_id, position);

-- Conferences of years before the records start (R10 compares a year with the one before).
create table conference_baseline (
  org_id uuid not null references organization (id),
  year integer not null,
  total integer not null,
  note text,
  primary key (org_id, year)
);

-- A private token per account for calendar feeds (ICS) that calendar programs fetch without a session.
alter table app_user add column ics_token text unique;

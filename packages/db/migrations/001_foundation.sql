-- Organizations, bodies, people and their changes over time; accounts, sessions, audit.
-- Every validity interval is inclusive at both ends; valid_until null = open-ended.
-- Kept PostgreSQL 15 compatible (PGlite is newer).

create table organization (
  id uuid primary key,
  code text not null unique,
  name text not null,
  short_name text,
  kind text not null,
  symbol text,
  valid_from date not null,
  valid_until date,
  confidentiality smallint not null default 0,
  search_text text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_until is null or valid_until >= valid_from)
);
create index organization_search_idx on organization (search_text);

create table organization_parent (
  id uuid primary key,
  org_id uuid not null references organization (id),
  parent_id uuid not null references organization (id),
  valid_from date not null,
  valid_until date,
  version integer not null default 1,
  check (org_id <> parent_id),
  check (valid_until is null or valid_until >= valid_from)
);
create index organization_parent_parent_idx on organization_parent (parent_id, valid_from);
create index organization_parent_org_idx on organization_parent (org_id);

create table organization_succession (
  id uuid primary key,
  org_id uuid not null references organization (id),
  predecessor_id uuid not null references organization (id),
  successor_id uuid not null references organization (id),
  kind text not null,
  effective_on date not null,
  decision_ref text,
  unique (predecessor_id, successor_id)
);
create index organization_succession_successor_idx on organization_succession (successor_id);

create table term (
  id uuid primary key,
  org_id uuid not null references organization (id),
  name text not null,
  ordinal integer,
  valid_from date not null,
  valid_until date,
  congress_closed_on date,
  version integer not null default 1,
  check (valid_until is null or valid_until >= valid_from)
);
create index term_org_idx on term (org_id);

create table body (
  id uuid primary key,
  org_id uuid not null references organization (id),
  term_id uuid references term (id),
  kind text not null,
  name text not null,
  symbol text,
  part_of uuid references body (id),
  valid_from date not null,
  valid_until date,
  confidentiality smallint not null default 0,
  search_text text not null,
  version integer not null default 1,
  check (valid_until is null or valid_until >= valid_from)
);
create index body_org_idx on body (org_id);

create table person (
  id uuid primary key,
  org_id uuid not null references organization (id),
  code text unique,
  full_name text not null,
  gender text,
  birth_year integer,
  confidentiality smallint not null default 0,
  search_text text not null,
  version integer not null default 1
);
create index person_org_idx on person (org_id);
create index person_search_idx on person (search_text);

create table membership (
  id uuid primary key,
  org_id uuid not null references organization (id),
  body_id uuid not null references body (id),
  person_id uuid not null references person (id),
  role text not null,
  title text,
  valid_from date not null,
  valid_until date,
  end_reason text,
  version integer not null default 1,
  check (valid_until is null or valid_until >= valid_from)
);
create index membership_body_idx on membership (body_id);
create index membership_person_idx on membership (person_id);

create table party_membership (
  id uuid primary key,
  org_id uuid not null references organization (id),
  person_id uuid not null references person (id),
  status text not null,
  valid_from date not null,
  valid_until date,
  version integer not null default 1,
  check (valid_until is null or valid_until >= valid_from)
);
create index party_membership_org_idx on party_membership (org_id);
create index party_membership_person_idx on party_membership (person_id);

create table portfolio_assignment (
  id uuid primary key,
  org_id uuid not null references organization (id),
  person_id uuid not null references person (id),
  body_id uuid references body (id),
  field text not null,
  locality_org_id uuid references organization (id),
  valid_from date not null,
  valid_until date,
  version integer not null default 1,
  check (valid_until is null or valid_until >= valid_from)
);
create index portfolio_person_idx on portfolio_assignment (person_id);

create table app_user (
  id uuid primary key,
  username text not null unique,
  password_hash text not null,
  display_name text not null,
  person_id uuid references person (id),
  clearance smallint not null default 0,
  locale text not null default 'vi',
  disabled boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now()
);

create table role_grant (
  id uuid primary key,
  user_id uuid not null references app_user (id),
  role text not null,
  org_id uuid not null references organization (id),
  unique (user_id, role, org_id)
);

create table user_session (
  id text primary key,
  user_id uuid not null references app_user (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index user_session_user_idx on user_session (user_id);

create table login_attempt (
  key text primary key,
  failures integer not null,
  window_start timestamptz not null,
  locked_until timestamptz
);

create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_user_id uuid,
  actor text,
  action text not null,
  entity text not null,
  entity_id text,
  org_id uuid,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_entity_idx on audit_log (entity, entity_id);

-- The chain's head, updated in the same transaction as every append: serializes appends and lets
-- `audit verify` notice rows deleted from the end.
create table audit_head (
  id integer primary key check (id = 1),
  seq bigint not null,
  hash text not null
);
insert into audit_head (id, seq, hash) values (1, 0, 'GENESIS');

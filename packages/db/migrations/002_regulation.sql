-- Regulations as code: a work per regulation, its expressions (versions) verbatim with their parsed form,
-- and amendment documents kept as separate works of effects.

create table regulation (
  id uuid primary key,
  org_id uuid not null references organization (id),
  work text not null unique,
  title text not null,
  confidentiality smallint not null default 0,
  search_text text not null,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index regulation_org_idx on regulation (org_id);

create table regulation_version (
  id uuid primary key,
  regulation_id uuid not null references regulation (id),
  org_id uuid not null references organization (id),
  expression text not null,
  status text not null,
  source_text text not null,
  sha256 text not null,
  parsed jsonb not null,
  adopted_on date,
  in_force_from date,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  unique (regulation_id, expression)
);
create index regulation_version_reg_idx on regulation_version (regulation_id, in_force_from);

create table regulation_amendment (
  id uuid primary key,
  regulation_id uuid not null references regulation (id),
  org_id uuid not null references organization (id),
  work text not null unique,
  title text,
  source_text text not null,
  parsed jsonb not null,
  adopted_on date not null,
  in_force_from date not null,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now()
);
create index regulation_amendment_reg_idx on regulation_amendment (regulation_id);

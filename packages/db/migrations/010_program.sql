-- Work programs and inspection–supervision programs (full-term or annual), adopted at a meeting by the body the
-- regulation names (R11); their items, placed in a month, quarter, half-year, at a meeting or on a date, generate
-- tasks (task.source_kind = 'program_item', task.source_id = the item).
create table program (
  id uuid primary key,
  org_id uuid not null references organization (id),
  term_id uuid not null references term (id),
  kind text not null check (kind in ('work', 'inspection')),
  span text not null check (span in ('term', 'year')),
  year integer check (year between 1930 and 2200),
  title text not null,
  -- The regulation's matter for adopting it (CTR_TOAN_KHOA, CTR_NAM): the competence check reads it.
  matter text not null,
  -- The body that carries it out and whose program it is (the BTV's inspection program, the UBKT's).
  owner_body_id uuid references body (id),
  state text not null default 'draft' check (state in ('draft', 'adopted', 'cancelled')),
  adopted_on date,
  adopted_meeting_id uuid references meeting (id),
  adopted_agenda_item_id uuid references agenda_item (id),
  adopting_body_id uuid references body (id),
  issued_document_id uuid references issued_document (id),
  symbol text,
  competence jsonb,
  confidentiality smallint not null default 0,
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((span = 'year') = (year is not null))
);
create index program_org_idx on program (org_id, year, kind);
-- One live program of a kind per owner and period.
create unique index program_one_per_period on program (org_id, kind, span, coalesce(year, 0), term_id, coalesce(owner_body_id, org_id)) where state <> 'cancelled';

create table program_item (
  id uuid primary key,
  org_id uuid not null references organization (id),
  program_id uuid not null references program (id),
  position integer not null,
  title text not null,
  period_kind text not null check (period_kind in ('month', 'quarter', 'half', 'meeting', 'date')),
  period text,
  due_meeting_id uuid references meeting (id),
  starts_on date not null,
  due_date date not null,
  period_label text not null,
  lead_kind text,
  lead_id uuid,
  lead_name text,
  lead_org_id uuid references organization (id),
  supporting jsonb not null default '[]',
  supervisor_person_id uuid references person (id),
  deciding_body text,
  product text,
  matter text,
  -- For an inspection program: the kind of inspection and its targets.
  inspection_kind text,
  targets jsonb not null default '[]',
  weight integer not null default 1 check (weight between 1 and 100),
  version integer not null default 1,
  check (due_date >= starts_on)
);
create index program_item_program_idx on program_item (program_id, position);

-- An inspection or supervision: team decision, targets, window, findings, conclusion, remedies (tasks with
-- source_kind = 'inspection'), verification.
create table inspection (
  id uuid primary key,
  org_id uuid not null references organization (id),
  program_item_id uuid references program_item (id),
  kind text not null,
  title text not null,
  -- The body deciding the team (BTV under its program, or the UBKT on its own).
  deciding_body text not null,
  decision_symbol text,
  decision_document_id uuid references issued_document (id),
  decided_on date,
  team jsonb not null default '[]',
  targets jsonb not null default '[]',
  window_from date,
  window_to date,
  findings jsonb not null default '[]',
  conclusion_text text,
  conclusion_symbol text,
  conclusion_document_id uuid references issued_document (id),
  concluded_on date,
  verified_on date,
  verification_text text,
  state text not null default 'planned' check (state in ('planned', 'decided', 'in_progress', 'concluded', 'verified', 'cancelled')),
  competence jsonb,
  confidentiality smallint not null default 0,
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (window_to is null or window_from is null or window_to >= window_from)
);
create index inspection_org_idx on inspection (org_id, state);
create index inspection_item_idx on inspection (program_item_id);

-- A recommendation or proposal from a lower unit or a delegation to a higher body, followed to an answer.
create table recommendation (
  id uuid primary key,
  -- The receiving organization (its record, its numbering, its dashboards).
  org_id uuid not null references organization (id),
  to_body_id uuid references body (id),
  source text not null check (source in ('lower_unit', 'delegation', 'member')),
  -- The sending organization, when it is one: it follows its recommendation too.
  from_org_id uuid references organization (id),
  from_label text not null,
  inspection_id uuid references inspection (id),
  title text not null,
  text text not null,
  received_on date not null,
  due_on date,
  due_basis jsonb,
  state text not null default 'received' check (state in ('received', 'assigned', 'answered', 'withdrawn')),
  answer_text text,
  answered_on date,
  answer_symbol text,
  confidentiality smallint not null default 0,
  search_text text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index recommendation_org_idx on recommendation (org_id, state, due_on);
create index recommendation_from_idx on recommendation (from_org_id, state);

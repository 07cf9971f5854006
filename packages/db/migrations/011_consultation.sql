-- Consultation on a draft regulation (lấy ý kiến góp ý dự thảo): the version circulated, its recipients (units or
-- people) with a deadline, their comments anchored to a provision by its permanent id (wId) with the quoted text,
-- each comment disposed of (tiếp thu, giải trình); then the next version, its submission to the competent body at a
-- meeting, and its adoption by that meeting's vote.
create table consultation (
  id uuid primary key,
  org_id uuid not null references organization (id),
  regulation_id uuid not null references regulation (id),
  -- The draft circulated; comments are anchored in it.
  version_id uuid not null references regulation_version (id),
  title text not null,
  sent_on date not null,
  deadline date not null,
  state text not null default 'open' check (state in ('open', 'revised', 'submitted', 'adopted', 'rejected', 'cancelled')),
  next_version_id uuid references regulation_version (id),
  memo text,
  -- Submission: the meeting of the competent body, its agenda item, the engine's answer on competence.
  meeting_id uuid references meeting (id),
  agenda_item_id uuid references agenda_item (id),
  competence jsonb,
  adopted_on date,
  confidentiality smallint not null default 0,
  search_text text not null default '',
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (deadline >= sent_on)
);
create index consultation_org_idx on consultation (org_id, sent_on desc);
create index consultation_regulation_idx on consultation (regulation_id);

create table consultation_recipient (
  id uuid primary key,
  org_id uuid not null references organization (id),
  consultation_id uuid not null references consultation (id),
  -- A unit (an organization below, or a body such as a Ban of the committee) or a person.
  recipient_org_id uuid references organization (id),
  recipient_body_id uuid references body (id),
  person_id uuid references person (id),
  name text not null,
  answered_on date,
  not_answering boolean not null default false,
  note text,
  last_reminded_on date,
  version integer not null default 1,
  check (num_nonnulls(recipient_org_id, recipient_body_id, person_id) = 1)
);
create unique index consultation_recipient_one on consultation_recipient (consultation_id, coalesce(recipient_org_id, recipient_body_id, person_id));
create index consultation_recipient_org_idx on consultation_recipient (recipient_org_id);

create table consultation_comment (
  id uuid primary key,
  org_id uuid not null references organization (id),
  consultation_id uuid not null references consultation (id),
  recipient_id uuid not null references consultation_recipient (id),
  position integer not null,
  kind text not null check (kind in ('general', 'clause', 'proposal', 'no_comment')),
  anchor_wid text,
  anchor_eid text,
  quote text,
  text text not null,
  proposed_text text,
  -- Given at an online consultation conference: the connection point it came from.
  site_id uuid references meeting_site (id),
  disposition text check (disposition in ('accepted', 'partly_accepted', 'not_accepted')),
  explanation text,
  -- The wording taken into the next version (the proposal, or the part of it accepted).
  adopted_text text,
  disposed_by uuid references app_user (id),
  disposed_at timestamptz,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (kind <> 'no_comment' or disposition is null),
  check (disposition is null or disposition = 'accepted' or explanation is not null)
);
create index consultation_comment_idx on consultation_comment (consultation_id, position);

-- An agenda item that decides on a regulation version (its adoption).
alter table agenda_item add column regulation_version_id uuid references regulation_version (id);

-- The tasks an amendment of a superior regulation creates for its subordinates, once per pair.
create table regulation_impact (
  id uuid primary key,
  org_id uuid not null references organization (id),
  regulation_id uuid not null references regulation (id),
  -- The amendment or the version whose coming into force makes the subordinate inconsistent.
  cause text not null,
  subordinate_regulation_id uuid not null references regulation (id),
  findings jsonb not null,
  task_id uuid references task (id),
  created_at timestamptz not null default now(),
  unique (cause, subordinate_regulation_id)
);

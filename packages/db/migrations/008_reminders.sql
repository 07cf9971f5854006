-- Reminders: a job table polled with FOR UPDATE SKIP LOCKED (several servers share the work), in-app
-- notifications, and the e-mails sent, kept for the record.
alter table person add column email text;

create table job (
  id uuid primary key,
  kind text not null,
  -- The same reminder is queued once (task, kind, due date …): a scan run twice sends nothing twice.
  dedupe_key text not null unique,
  run_at timestamptz not null default now(),
  payload jsonb not null default '{}',
  state text not null default 'queued',
  attempts integer not null default 0,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  done_at timestamptz
);
create index job_ready_idx on job (state, run_at);

create table notification (
  id uuid primary key,
  org_id uuid not null references organization (id),
  user_id uuid not null references app_user (id),
  task_id uuid references task (id),
  kind text not null,
  title text not null,
  body text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notification_user_idx on notification (user_id, created_at desc);

create table mail_sent (
  id uuid primary key,
  job_id uuid references job (id),
  to_address text not null,
  subject text not null,
  message_id text,
  sent_at timestamptz not null default now()
);

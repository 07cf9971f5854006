-- A job taken again after its worker died mid-way notifies each account once: the notification names its job.
alter table notification add column job_id uuid;
create unique index notification_job_user_idx on notification (job_id, user_id, title) where job_id is not null;

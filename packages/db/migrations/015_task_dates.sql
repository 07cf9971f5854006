-- When a task's lead reported it finished, and when it was cancelled or transferred: with done_on and the dates
-- extensions were decided, they tell what was open and overdue on any past date (a review as of 30/06 counts the
-- tasks overdue then, though some were done in July).
alter table task add column reported_on date;
alter table task add column closed_on date;
update task set closed_on = updated_at::date where state in ('cancelled', 'transferred');
update task t set reported_on = (select max(r.reported_on) from task_report r where r.task_id = t.id and r.percent >= 100)
 where t.state in ('reported', 'done');
create index task_org_assigned_idx on task (org_id, assigned_on);
create index task_org_done_idx on task (org_id, done_on) where done_on is not null;

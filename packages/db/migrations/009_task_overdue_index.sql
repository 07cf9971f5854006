-- The overdue panels read open tasks by due date: a partial index covering what they group by, so that the
-- dashboard is an index-only scan of the overdue rows (1 million tasks: about 40,000 open and late).
create index task_open_due_idx on task (due_effective) include (org_id, lead_id, supervisor_person_id, confidentiality) where state in ('assigned', 'in_progress');

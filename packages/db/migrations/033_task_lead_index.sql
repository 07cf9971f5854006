-- Issue 16: an assessment reads the tasks each member or organization led in a year (a province: about 100,000
-- members at once, a sheet: one); without this index each read scans every task.
create index task_lead_due_idx on task (lead_id, due_effective) where lead_kind in ('person', 'org');

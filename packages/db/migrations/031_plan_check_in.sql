-- Issue 15: the mid-year check-in of a personal action plan, item by item (how far it got, a note, when), carried
-- into the year-end self-assessment.
alter table member_plan_item add column progress text not null default 'not_started'
  check (progress in ('not_started', 'in_progress', 'done', 'dropped'));
alter table member_plan_item add column progress_note text;
alter table member_plan_item add column checked_in_on date;

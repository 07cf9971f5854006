-- A review sets the next period's key tasks (nhiệm vụ trọng tâm kỳ tới) as a program of that quarter, half-year or
-- year; its unfinished items are carried over, each new item pointing to the one it continues.
alter table program drop constraint program_span_check;
alter table program add constraint program_span_check check (span in ('term', 'year', 'half', 'quarter'));
alter table program add column period text;
alter table program drop constraint program_check;
alter table program add constraint program_period_check check ((span = 'term') = (year is null) and (span in ('half', 'quarter')) = (period is not null));
alter table program add column source_report_id uuid references review_report (id);
drop index program_one_per_period;
create unique index program_one_per_period on program (org_id, kind, span, coalesce(year, 0), coalesce(period, ''), term_id, coalesce(owner_body_id, org_id)) where state <> 'cancelled';
alter table program_item add column carried_from_item_id uuid references program_item (id);
create index program_item_carried_idx on program_item (carried_from_item_id) where carried_from_item_id is not null;

-- An agenda item by which a body reports back on what it decided in the meantime under the regulation (the TT to the
-- BTV at its next session: khoản 2 Điều 3 of 01-QC/TU); the reviews count the decisions reported back and those not.
alter table agenda_item add column reports_back boolean not null default false;

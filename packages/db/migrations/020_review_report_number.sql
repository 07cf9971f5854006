-- An adopted report is issued with its number (12-BC/TU), consecutive per issuer, type and term like every document.
alter table review_report add column symbol text;
alter table review_report add column issued_document_id uuid references issued_document (id);

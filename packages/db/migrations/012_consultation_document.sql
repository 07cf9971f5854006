-- A consultation on a document that is not a regulation (a draft resolution, a report): its text is kept on the
-- consultation, paragraph by paragraph; the matter it decides says which body adopts it.
alter table consultation alter column regulation_id drop not null;
alter table consultation alter column version_id drop not null;
alter table consultation add column document_title text;
alter table consultation add column document_text text;
alter table consultation add column next_document_text text;
alter table consultation add column matter text;
alter table consultation add constraint consultation_regulation_or_document check ((version_id is null) = (document_text is not null));

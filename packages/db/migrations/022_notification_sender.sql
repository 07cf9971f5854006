-- A notification says who sends it (the office or body, e.g. "Văn phòng Tỉnh ủy") and the record it is about (the
-- application's own address of the record, e.g. /consultations/…; mails carry the configured public address).
alter table notification add column sender text;
alter table notification add column link text;

-- Issue 15: the key citizen IDs are hashed with (HMAC-SHA256) to match an import against the register: made once per
-- installation and kept with the data, so that a restored backup still matches; the IDs themselves are never kept.
create table member_id_key (
  id smallint primary key check (id = 1),
  key text not null
);

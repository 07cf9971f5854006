-- Issue 15: the time a meeting ended, so that a cell meeting's length can be checked against the minimum its
-- regulation sets (Hướng dẫn 42-HD/BTCTW: 90 minutes, 120 with a thematic part).
alter table meeting add column ends_at text check (ends_at is null or ends_at ~ '^[0-2][0-9]:[0-5][0-9]$');

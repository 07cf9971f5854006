-- Issue 16: a task accepted as done beyond what was asked says so when its result is accepted (what exceeded, in a
-- sentence); the year's assessment counts it among the tasks "hoàn thành vượt mức" (Quy định 366-QĐ/TW Điều 11).
alter table task add column exceeded_note text;

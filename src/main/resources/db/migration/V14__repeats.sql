-- Repeats (重复件): an intake that repeats an open case joins it instead of making a new case.
-- A repeat intake keeps its own text (null: the intake that made the case, whose text is the case's); the place
-- key is its location normalised (org.lianxin.cases.PlaceKeys), so that the same place is found by an index.
alter table case_intake add column title varchar(200);
alter table case_intake add column content varchar(100000);
alter table case_intake add column location varchar(500);
alter table case_intake add column place_key varchar(500);
-- Candidates for a repeat: the same caller within a window, the same place within a window (both bounded).
create index case_intake_phone_idx on case_intake (citizen_phone, received_at);
create index case_intake_place_idx on case_intake (place_key, received_at);

-- How many intakes joined the case as repeats (statistics: the repeat rate), and, for a case merged by staff,
-- the case it was merged into.
alter table citizen_case add column repeat_count integer not null default 0;
alter table citizen_case add column merged_into varchar(20);

-- Open cases whose text is alike a new case's but not enough to join it (org.lianxin.repeats.RepeatCheck):
-- offered to staff on the new case's page, to merge by hand.
create table possible_repeat (
    case_no        varchar(20)     not null references citizen_case (case_no),
    repeat_of      varchar(20)     not null references citizen_case (case_no),
    score          numeric(3, 2)   not null,
    found_at       timestamp with time zone not null,
    primary key (case_no, repeat_of)
);

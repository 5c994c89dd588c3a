-- Leaders' instructions (批示) on a case or on a hot-issue cluster (routes/supervision/instructions.yaml). Each is also an
-- 'instruction' event on every case it concerns; the lead departments of those cases hear of it by their slips'
-- channels, through the outbox.
create sequence instruction_seq start with 1 increment by 1;

create table instruction (
    id             bigint          not null primary key,
    -- the hot cluster it was written on (the case number of the cluster's earliest case), null for one case
    cluster_id     varchar(20),
    cluster_label  varchar(200),
    author         varchar(100)    not null,
    text           varchar(2000)   not null,
    created_at     timestamp with time zone not null
);

-- The cases an instruction concerns, as the leader saw them.
create table instruction_case (
    instruction_id bigint          not null references instruction (id),
    case_no        varchar(20)     not null references citizen_case (case_no),
    primary key (instruction_id, case_no)
);
create index instruction_case_case_idx on instruction_case (case_no);

-- The hot-issue window reads intakes by when they were received: case_intake_received_idx (V16).

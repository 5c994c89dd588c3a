-- The department directory: who handles cases, and where their assignment slips (交办单) go.
create table department (
    id              varchar(40)  not null primary key,
    name            varchar(100) not null,
    kind            varchar(20)  not null,            -- department | township
    contact_person  varchar(50),
    prefers_email   boolean      not null,
    prefers_sms     boolean      not null,
    may_see_phone   boolean      not null,            -- whether its slips show the citizen's phone unmasked
    active          boolean      not null,
    updated_at      timestamp with time zone not null
);

-- One or more email addresses and mobile numbers per department, for slips and to recognise its answers.
create table department_address (
    department_id   varchar(40)  not null references department (id),
    kind            varchar(10)  not null,            -- email | mobile
    address         varchar(200) not null,
    primary key (department_id, kind, address)
);
create index department_address_lookup_idx on department_address (kind, address);

-- What classification decided about a case, and the rule that decided it.
alter table citizen_case add column request_type varchar(20);
alter table citizen_case add column hot boolean not null default false;

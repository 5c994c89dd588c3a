create table staff_user (
    username       varchar(50)  not null primary key,
    password_hash  varchar(100) not null,
    display_name   varchar(100),
    roles          varchar(200) not null,
    enabled        boolean      not null,
    created_at     timestamp with time zone not null
);

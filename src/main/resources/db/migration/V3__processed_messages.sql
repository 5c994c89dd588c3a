-- The store of camel-sql's JdbcMessageIdRepository (its default table and columns), shared by every node: which
-- files or messages a consumer has already taken (processorName says which consumer), and the read locks of
-- clustered file pollers. createdAt lets the orphan-aware lock repository expire the locks of a node that died.
create table camel_messageprocessed (
    processorName  varchar(255)  not null,
    messageId      varchar(1000) not null,
    createdAt      timestamp     not null,
    constraint camel_messageprocessed_pk primary key (processorName, messageId)
);

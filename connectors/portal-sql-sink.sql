-- Run on the county PORTAL's database (not the hub's) before setting lianxin.sync.portal.connector=portal-sql-sink:
-- the table the Lianxin hub writes each public answer into, one row per answer and message, for the portal to show
-- under the citizen's message. Written for PostgreSQL; MySQL 8 and Oracle notes at the end. Name it as you like and
-- set lianxin.sync.portal.sql.table.
--
--   lianxin_ref   the reply's id, made by the hub; a reply written again (after a crash) is not inserted twice
--   message_id    the portal's own id of the message: portal_message.id for rows read by portal-sql-source, the
--                 external_id given on Open311 posts (null when the post had none: then match on case_no)
--   channel       portal (read from the portal's table) or open311 (posted through Open311)
--   case_no       the hub's case number
--   kind          progress (阶段性答复: the case stays open), final (办结), explanation (说明: 不予受理 / 情况不实)
--   status        open after progress, closed after a final answer or an explanation (as on Open311)
--   department    the lead department that answered
--   answer        the answer's text, long numbers (phones, ID numbers) masked as on every public page
--   published_at  when the answer was published
--   created_at    when the row was written
-- Several answers to one message (progress, then the final answer) are several rows: show them by published_at.

create table if not exists portal_reply (
    lianxin_ref   varchar(120) primary key,
    message_id    varchar(100),
    channel       varchar(20)  not null,
    case_no       varchar(20)  not null,
    kind          varchar(20)  not null,
    status        varchar(10)  not null,
    department    varchar(200),
    answer        text         not null,
    published_at  timestamp with time zone not null,
    created_at    timestamp with time zone not null default current_timestamp
);
create index if not exists portal_reply_message_idx on portal_reply (message_id, published_at);
create index if not exists portal_reply_case_idx on portal_reply (case_no, published_at);

-- MySQL 8: published_at and created_at as datetime (the hub writes county time with its offset: keep the server in
--   Asia/Shanghai), answer as text, and in connectors/portal-sql-sink.kamelet.yaml write "insert ignore into ..."
--   without the "on conflict" clause. Oracle: varchar2 / clob columns and a merge statement in the Kamelet.

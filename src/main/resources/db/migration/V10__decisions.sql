-- What supervisors decide about departments' answers: an extension request (延期) approved or refused, and, with
-- review (审核, lianxin.review.enabled), a final answer or explanation approved for publication or sent back.
-- decision: null when there is nothing to decide; PENDING until a supervisor decides, then APPROVED, REFUSED (an
-- extension request) or SENT_BACK (an answer under review). Each answer is decided once: the update that decides
-- it is guarded by decision = 'PENDING'.
alter table case_answer add column decision varchar(20);
alter table case_answer add column decided_at timestamp with time zone;
alter table case_answer add column decided_by varchar(100);
alter table case_answer add column decision_note varchar(1000);
update case_answer set decision = 'PENDING' where kind = 'EXTENSION';
create index case_answer_decision_idx on case_answer (decision);

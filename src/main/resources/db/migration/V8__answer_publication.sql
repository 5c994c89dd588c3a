-- An answer's own reference (made by the hub when it is applied), and when it was published: a public answer is
-- published when applied, or (with review, 审核) when a supervisor approves it. Only published answers reach
-- citizens (/query, Open311, the channels of every intake).
alter table case_answer add column ref varchar(40);
alter table case_answer add column published_at timestamp with time zone;
update case_answer set ref = 'answer-' || id;
update case_answer set published_at = created_at where public_answer = true;
alter table case_answer alter column ref set not null;
create unique index case_answer_ref_uk on case_answer (ref);

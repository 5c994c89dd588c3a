-- By when a slip must be signed for (签收): lianxin.deadlines.sign-for-working-days on the working-day calendar
-- from its issue, never after its deadline. Slips issued before this column get a day, as before.
alter table slip add column sign_by timestamp with time zone;
update slip set sign_by = case when issued_at + interval '1' day < deadline then issued_at + interval '1' day
                               else deadline end;
create index slip_sign_by_idx on slip (status, sign_by);

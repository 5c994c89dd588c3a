-- What the deadline watch (routes/supervision/deadline-watch.yaml) has done about each slip, so that each step happens once
-- whichever node runs it: the reminder before the deadline (催办), the overdue notice (超期), and the supervision
-- slip to the responsible leader (督办单). An approved extension clears them for the new deadline.
alter table slip add column due_reminded_at timestamp with time zone;
alter table slip add column overdue_at timestamp with time zone;
alter table slip add column escalated_at timestamp with time zone;
create index slip_open_deadline_idx on slip (status, deadline);

-- Placement, slice 4 (issue 7, PLC-5..PLC-7): the offer, its one-day answer deadline with the rule
-- it comes from, and the answer: accepted with move-in date and rent start, or declined (the
-- person goes back to the queue and the allocation lets go of the apartment and the decision).
alter table allocation add column offered_on date;
alter table allocation add column answer_due_on date;
alter table allocation add column answer_due_rule varchar(80);
alter table allocation add column answered_on date;
alter table allocation add column move_in_on date;
alter table allocation add column move_in_reason varchar(500);
alter table allocation add column rent_from date;
alter table allocation add column version integer default 0 not null;
-- The overdue offers: offered, not answered, by deadline.
create index allocation_open_offers on allocation (status, answer_due_on);

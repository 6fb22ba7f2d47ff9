-- Placement, slice 5 (issue 7, PLC-8, PLC-12): the decision is executed when the person moves in,
-- at the latest the next working day (the deadline stored with its rule, a later execution marked
-- late), and the property owner told who moves in and from when; the IVO list reads decisions not
-- executed three months after the decision date.
alter table placement_decision add column executed_on date;
alter table placement_decision add column execution_due_on date;
alter table placement_decision add column execution_due_rule varchar(80);
alter table placement_decision add column execution_late boolean default false not null;
alter table placement_decision add column landlord_notified_on date;
create index placement_decision_unexecuted on placement_decision (decided_on, status);

-- Placement (issue 7, PLC-9, UX-2): the day the case officer closes the person's other services by,
-- stored with its rule when the offer is accepted, like the other deadlines of the routine.
alter table allocation add column close_services_by date;
alter table allocation add column close_services_rule varchar(100);

-- Placement (issue 7, PLC-10): after move-in, the placement assistant records a wish to move to
-- another home or apartment ("önskemål om omplacering", seed 003 "Boendesamordning assistent" 6).
alter table placement_decision add column relocation_wish varchar(500);
alter table placement_decision add column relocation_wish_on date;
create index placement_decision_relocation on placement_decision (relocation_wish_on);

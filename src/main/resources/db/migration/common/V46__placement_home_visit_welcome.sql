-- Placement (issue 7, seed 003 "Enhetschef" 10-11): the home visit offered before the move-in, and
-- the welcome conversation held after it, with whom (relatives, contact person, nurse).
alter table allocation add column home_visit_offered_on date;
alter table tenancy add column welcome_talk_on date;
alter table tenancy add column welcome_talk_with varchar(200);

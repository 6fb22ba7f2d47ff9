-- The personal PIN for step-up before a protected case opens (PROT-10), stored hashed.
alter table app_user add column pin_hash varchar(200);

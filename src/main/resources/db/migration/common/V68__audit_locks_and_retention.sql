-- The locks of the audit log's background work (AUD-2, AUD-6): one row per job, taken with
-- SELECT ... FOR UPDATE inside the job's own transaction. A row lock belongs to the transaction,
-- so it ends with it: committed, rolled back, or the connection gone (the process killed, the
-- node lost). ShedLock's lock row outlived a killed sealer for its whole lockAtMostFor (five
-- minutes of no sealing on any node, issue 15).
create table audit_lock (
    name varchar(40) primary key
);
insert into audit_lock (name) values ('audit-sealer');
insert into audit_lock (name) values ('audit-retention');

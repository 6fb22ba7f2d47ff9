-- The sealer takes pending events in the order they were queued, through an index on the queue
-- itself. Ordering by the event's time walked the event index from the oldest event on every
-- batch, past every event already sealed, so a backlog of millions (after an outage, or the
-- benchmark's generated history) took hours instead of minutes (bench/README.md).
create sequence audit_pending_seq;
alter table audit_pending add column queued bigint default nextval('audit_pending_seq') not null;
create index audit_pending_queued on audit_pending (queued);

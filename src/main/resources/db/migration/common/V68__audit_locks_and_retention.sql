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

-- Retention (AUD-6): events past the retention period are removed with their links, and the
-- chain is verified from then on from a signed anchor, one row per retention run: "the links up
-- to anchor_seq are gone; the chain's hash there was anchor_hash; kept_links of them remain".
-- The signature (HMAC, the checkpoints' key, which the database does not hold) covers all of it.
create table audit_retention_anchor (
    run         bigint primary key,
    anchor_seq  bigint       not null,
    anchor_hash varchar(64)  not null,
    kept_links  bigint       not null,
    cutoff      timestamp with time zone not null,
    removed     bigint       not null,
    signature   varchar(64)  not null,
    created_at  timestamp with time zone not null
);

-- A link at or below the anchor that stays because an open review holds its event: the hash
-- before it (its neighbours are gone), signed, so the kept event is still verified. Removed
-- with the event once the review is concluded and the next run comes.
create table audit_kept_link (
    seq       bigint      primary key references audit_seal (seq),
    prev_hash varchar(64) not null,
    signature varchar(64) not null
);

-- The chain's identity, written with the first checkpoint: the copy of the checkpoints outside
-- the database names it, so one directory can hold the copies of several databases (tests, a
-- recreated demo) without mistaking one chain's checkpoints for another's. copy_from: the first
-- checkpoint the copy holds; from there on every checkpoint must be in it.
create table audit_chain_identity (
    id        uuid   primary key,
    copy_from bigint not null
);

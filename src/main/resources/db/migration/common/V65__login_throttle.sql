-- Fault 10: failed passwords and PIN attempts are counted in the database, so that every node
-- sees the same count (a per-node memory gave an attacker as many tries per node) and parallel
-- PIN attempts cannot pass the limit together. One row per user name and per client address.
create table login_throttle (
    throttle_key    varchar(300) primary key,
    failures        integer not null,
    last_failure_at timestamp with time zone not null
);

create index login_throttle_last_failure on login_throttle (last_failure_at);

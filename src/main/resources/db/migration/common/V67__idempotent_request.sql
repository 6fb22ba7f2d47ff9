-- Issue 15 (crashes): every creating API call takes an idempotency key. One table for all of them
-- rather than a key column on each business table: the claim is the same for a case, a grant or a
-- vacancy, and a table per kind of row would repeat it a dozen times. The row is written in the
-- same transaction as the business change (IdempotentRequests in the shared module), so after a
-- crash either both are there or neither is. The primary key decides between two requests racing
-- with the same key: the second waits for the first and then reads its result.
-- request_hash is SHA-256 over the request as the service saw it, so that the same key with a
-- different request is refused instead of answered with the first result. result is the created
-- row's id (or case number) as text; what is answered again is read from the row itself.
-- No foreign key to app_user: the shared module knows no users, and a key outlives nothing.
create table idempotent_request (
    user_id          uuid                     not null,
    idempotency_key  varchar(100)             not null,
    operation        varchar(60)              not null,
    request_hash     varchar(64)              not null,
    result           varchar(200),
    created_at       timestamp with time zone not null,
    constraint idempotent_request_pk primary key (user_id, idempotency_key)
);

-- For removing old keys by age, once a retention is decided (a client retries within minutes).
create index idempotent_request_created on idempotent_request (created_at);

-- The access workflow (PROT-6, PROT-8, PROT-15): a unit manager's structured order to LVS, and
-- its outcome. The request names the case by number and the colleague by user; it has no
-- column that could hold a personnummer (PROT-8).
create table authorization_request (
    id              uuid primary key,
    kind            varchar(20)  not null,          -- ADD or REMOVE
    case_id         uuid         not null references care_case (id),
    case_number     varchar(20)  not null,
    target_user_id  uuid         not null references app_user (id),
    valid_from      date,
    valid_to        date,
    reason          varchar(500),
    requested_by    uuid         not null references app_user (id),
    requested_at    timestamp with time zone not null,
    status          varchar(20)  not null,          -- REQUESTED, GRANTED, REFUSED
    decided_by      uuid references app_user (id),
    decided_at      timestamp with time zone,
    decision_note   varchar(500),
    version         integer      not null default 0
);
create index authorization_request_status on authorization_request (status, requested_at);
create index authorization_request_requester on authorization_request (requested_by, requested_at);

alter table case_authorization add column request_id uuid references authorization_request (id);
-- Set by the cleaning job once valid_to has passed; the decision never depends on it.
alter table case_authorization add column expired_at timestamp with time zone;

-- Placement, slice 2 (issue 7): the signed decision for a nursing-home place and the housing queue
-- (PLC-1, PLC-2, seed 003 "Ansvarig biståndshandläggare" 1-2, "Boendesamordning assistent" 2).
create table placement_decision (
    id                uuid primary key,
    case_id           uuid         not null references care_case (id),
    person_id         uuid         not null references person (id),
    care_profile      varchar(20)  not null,
    wishes            varchar(500),
    special_reasons   varchar(500),
    co_resident       boolean      not null,
    current_residence varchar(20)  not null,
    relative_contact  varchar(200),
    decided_on        date         not null,
    signed_by         uuid         not null references app_user (id),
    signed_at         timestamp with time zone not null,
    status            varchar(20)  not null,
    message_id        uuid references message (id),
    version           integer      not null,
    constraint placement_decision_profile check (care_profile in ('SOMATIC', 'DEMENTIA')),
    constraint placement_decision_residence check (current_residence in ('OWN_HOME', 'SHORT_STAY', 'HOSPITAL')),
    constraint placement_decision_status check (status in ('QUEUED', 'ALLOCATED', 'OFFERED', 'ACCEPTED', 'EXECUTED', 'WITHDRAWN'))
);
-- The queue: open decisions by decision date.
create index placement_decision_queue on placement_decision (status, decided_on, id);
create index placement_decision_case on placement_decision (case_id, status);

-- PLC-1: a new decision goes to BOSAM.
insert into message_routing_rule (message_type, group_id) values ('PLACEMENT_DECISION', '6d5a0000-0000-4000-8000-000000000001');

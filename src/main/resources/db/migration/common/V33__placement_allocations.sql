-- Placement, slice 3 (issue 7, PLC-4): the placement manager allocates an apartment to a decision.
-- Two coordinators can never allocate the same apartment or the same person twice, even at the
-- same moment: while an allocation is active it holds its apartment and its decision in columns
-- with unique constraints (NULL when it has ended, and NULLs do not collide on either database).
create table allocation (
    id                 uuid primary key,
    decision_id        uuid        not null references placement_decision (id),
    apartment_id       uuid        not null references apartment (id),
    active_decision_id uuid references placement_decision (id),
    active_apartment_id uuid references apartment (id),
    allocated_by       uuid        not null references app_user (id),
    allocated_at       timestamp with time zone not null,
    offer_maker        varchar(20) not null,
    message_id         uuid references message (id),
    status             varchar(20) not null,
    constraint allocation_status check (status in ('ALLOCATED', 'OFFERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    constraint allocation_offer_maker check (offer_maker in ('UNIT_MANAGER', 'COORDINATOR', 'CASE_OFFICER')),
    constraint allocation_one_per_apartment unique (active_apartment_id),
    constraint allocation_one_per_decision unique (active_decision_id)
);
create index allocation_decision on allocation (decision_id);
create index allocation_apartment on allocation (apartment_id);

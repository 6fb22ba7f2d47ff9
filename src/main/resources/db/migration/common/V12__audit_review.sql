-- A manager's log review (AUD-3): its scope, its random sample and rule flags, and its
-- conclusion. The events a review holds are kept while it is open (AUD-6).
create table audit_review (
    id                 uuid primary key,
    reviewer_user_id   uuid,
    reviewer_username  varchar(100) not null,
    scope_person_id    uuid,
    scope_username     varchar(100),
    scope_unit_id      uuid,
    period_from        date         not null,
    period_to          date         not null,
    events_in_scope    integer      not null,
    sample_size        integer      not null,
    status             varchar(10)  not null,
    outcome            varchar(30),
    conclusion         varchar(4000),
    created_at         timestamp with time zone not null,
    concluded_at       timestamp with time zone,
    constraint audit_review_period check (period_from <= period_to),
    constraint audit_review_status check (status in ('OPEN', 'CONCLUDED')),
    constraint audit_review_concluded check ((status = 'OPEN' and conclusion is null and concluded_at is null)
                                             or (status = 'CONCLUDED' and conclusion is not null and concluded_at is not null))
);
create index audit_review_status on audit_review (status, created_at);

-- The events a review picked, and why: SAMPLE and/or the flags of AUD-4, comma-separated.
create table audit_review_item (
    review_id uuid        not null references audit_review (id),
    event_id  uuid        not null references audit_event (id),
    reasons   varchar(200) not null,
    primary key (review_id, event_id)
);
create index audit_review_item_event on audit_review_item (event_id);

-- The review's case-relation rule asks who has held an authorisation on a person's cases.
create index case_authorization_person on case_authorization (person_id, user_id);

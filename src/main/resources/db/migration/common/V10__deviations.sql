-- Deviations (avvikelser, PROT-16): on a person's case by an authorised user, or "ej person" by
-- anyone, attached to the person later by an authorised user (002 §4.2).
create table deviation (
    id               uuid primary key,
    reported_by      uuid          not null references app_user (id),
    reported_at      timestamp with time zone not null,
    reporter_unit_id uuid          not null references unit (id),
    case_id          uuid references care_case (id),
    person_id        uuid references person (id),
    description      varchar(4000) not null,
    attached_by      uuid references app_user (id),
    attached_at      timestamp with time zone
);
create index deviation_unattached on deviation (reporter_unit_id, reported_at);
create index deviation_case on deviation (case_id);

-- Placement (issue 7, seed 003 "Boendesamordning assistent" 8, PLC-3): when the decision is
-- executed the person is placed at the home as the apartment's tenant; the tenancy ends with the
-- vacancy report for that apartment. When the register records the tenant's death (PersonDied),
-- the home is asked to report the apartment by the next working day, the deadline stored with its rule.
create table tenancy (
    id             uuid primary key,
    apartment_id   uuid        not null references apartment (id),
    decision_id    uuid        not null references placement_decision (id),
    case_id        uuid        not null references care_case (id),
    person_id      uuid        not null references person (id),
    moved_in_on    date        not null,
    rent_from      date,
    ended_on       date,
    vacancy_id     uuid references vacancy (id),
    died_on        date,
    report_due_on  date,
    report_due_rule varchar(80),
    constraint tenancy_one_per_decision unique (decision_id)
);
-- The home page lists the current tenants by apartment; the death reaction finds a person's tenancy.
create index tenancy_apartment on tenancy (apartment_id, ended_on);
create index tenancy_person on tenancy (person_id, ended_on);

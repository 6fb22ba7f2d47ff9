-- Nursing-home placement, slice 1 (issue 7): the homes' apartments and the vacancies their unit
-- managers report (PLC-3, seed 003 "Enhetschef" 2-3).

-- An apartment of a nursing home (a unit of kind NURSING_HOME), kept by the home's unit manager.
create table apartment (
    id           uuid primary key,
    unit_id      uuid         not null references unit (id),
    number       varchar(20)  not null,
    care_profile varchar(20)  not null,
    remarks      varchar(500),
    monthly_rent numeric(10, 2),
    version      integer      not null,
    constraint apartment_profile check (care_profile in ('SOMATIC', 'DEMENTIA')),
    constraint apartment_number_per_home unique (unit_id, number)
);

-- A vacancy: the apartment is or will be free (death, move-out) or is out for renovation, and the
-- date it can be offered. The report's deadline is stored with its rule: a death is reported at the
-- latest the next working day (PLC-3), so a report after due_on is late.
create table vacancy (
    id          uuid primary key,
    apartment_id uuid        not null references apartment (id),
    reason      varchar(20)  not null,
    event_date  date         not null,
    ready_on    date         not null,
    due_on      date,
    due_rule    varchar(60),
    case_id     uuid references care_case (id),
    message_id  uuid references message (id),
    reported_by uuid         not null references app_user (id),
    reported_at timestamp with time zone not null,
    late        boolean      not null,
    constraint vacancy_reason check (reason in ('DEATH', 'MOVE_OUT', 'RENOVATION'))
);
create index vacancy_apartment on vacancy (apartment_id, event_date desc);
create index vacancy_ready on vacancy (ready_on);

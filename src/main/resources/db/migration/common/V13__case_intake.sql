-- LVS's intake for a protected person who had no case before (002 §2.4): the eleven facts the
-- case officer would otherwise send in a message, stored with the case they opened.
create table case_intake (
    case_id               uuid primary key references care_case (id),
    receiving_unit_id     uuid         not null references unit (id),
    receiver_user_id      uuid         not null references app_user (id),
    receiver_title        varchar(100) not null,
    operation             varchar(100) not null,
    concerns              varchar(500) not null,
    preliminary_case_type varchar(100) not null,
    intake_kind           varchar(20)  not null,
    received_on           date         not null,
    arrival_method        varchar(20)  not null,
    arrived_from          varchar(20)  not null,
    arrived_from_name     varchar(200),
    arrived_from_contact  varchar(200),
    registered_by         uuid         not null references app_user (id),
    registered_at         timestamp with time zone not null,
    constraint case_intake_kind check (intake_kind in ('APPLICATION', 'REPORT')),
    constraint case_intake_from check (arrived_from in ('PERSON', 'OTHER')),
    constraint case_intake_other_named check (arrived_from = 'PERSON' or arrived_from_name is not null)
);

-- The spine: units, users, persons, relations, cases, case authorisations, audit.
-- Plain SQL that runs on both PostgreSQL and H2 (PostgreSQL mode); vendor-specific parts live in
-- db/migration/{vendor}.

create table unit (
    id             uuid primary key,
    name           varchar(200) not null,
    administration varchar(200) not null,
    kind           varchar(40)  not null
);

create table app_user (
    id            uuid primary key,
    username      varchar(100) not null unique,
    full_name     varchar(200) not null,
    email         varchar(200) not null,
    password_hash varchar(200) not null,
    role          varchar(40)  not null,
    unit_id       uuid         not null references unit (id),
    grant_right   boolean      not null default false,
    enabled       boolean      not null default true
);
create index app_user_unit on app_user (unit_id);

-- Never holds anything about fingerade personuppgifter (PROT-1): there is no column for it.
create table person (
    id                       uuid primary key,
    personal_identity_number varchar(12)  not null unique,
    first_name               varchar(100) not null,
    last_name                varchar(100) not null,
    street_address           varchar(200),
    postal_code              varchar(10),
    city                     varchar(100),
    phone                    varchar(40),
    protection_level         varchar(40)  not null,
    fictitious_name          varchar(200),
    date_of_death            date,
    registered_at            timestamp with time zone not null,
    -- lower-cased copies for case-insensitive name search with plain b-tree indexes
    last_name_search         varchar(100) not null,
    first_name_search        varchar(100) not null
);
create index person_name_search on person (last_name_search, first_name_search);

-- One row per link; both directions lock a person linked to a protected one (PROT-5).
create table person_relation (
    id                uuid primary key,
    person_id         uuid        not null references person (id),
    related_person_id uuid        not null references person (id),
    kind              varchar(40) not null,
    constraint person_relation_distinct unique (person_id, related_person_id, kind),
    constraint person_relation_not_self check (person_id <> related_person_id)
);
create index person_relation_related on person_relation (related_person_id);

create sequence case_number_seq start with 1001;

create table care_case (
    id              uuid primary key,
    case_number     varchar(20)  not null unique,
    person_id       uuid         not null references person (id),
    unit_id         uuid         not null references unit (id),
    case_officer_id uuid         not null references app_user (id),
    subject         varchar(200) not null,
    status          varchar(20)  not null,
    opened_on       date         not null,
    closed_on       date
);
create index care_case_person on care_case (person_id);
create index care_case_officer on care_case (case_officer_id, status);
create index care_case_unit on care_case (unit_id, status);

-- A personal, time-limited right of one user to one protected case (PROT-6). person_id is the
-- case's person, copied at grant time (a case never changes person) so that the access decision
-- needs no knowledge of casework.
create table case_authorization (
    id          uuid primary key,
    user_id     uuid not null references app_user (id),
    case_id     uuid not null references care_case (id),
    person_id   uuid not null references person (id),
    valid_from  date not null,
    valid_to    date not null,
    granted_by  uuid not null references app_user (id),
    granted_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone,
    revoked_by  uuid references app_user (id),
    constraint case_authorization_period check (valid_from <= valid_to)
);
create index case_authorization_user_person on case_authorization (user_id, person_id);
create index case_authorization_case on case_authorization (case_id);

-- Audit: business transactions only INSERT here (AUD-1). The sealer chains them afterwards.
create table audit_event (
    id             uuid primary key,
    occurred_at    timestamp with time zone not null,
    actor_user_id  uuid,
    actor_username varchar(100) not null,
    actor_role     varchar(40)  not null,
    actor_unit_id  uuid,
    person_id      uuid,
    case_id        uuid,
    action         varchar(40)  not null,
    purpose        varchar(60)  not null,
    outcome        varchar(20)  not null,
    client_address varchar(64)
);
create index audit_event_person on audit_event (person_id, occurred_at);
create index audit_event_actor on audit_event (actor_user_id, occurred_at);
create index audit_event_occurred on audit_event (occurred_at);

-- Events not yet sealed. The sealer removes a row when it seals its event; an event that is
-- neither here nor sealed has been tampered with, and verification reports it.
create table audit_pending (
    event_id uuid primary key references audit_event (id)
);

-- The hash chain: one row per sealed event, in sealing order.
create table audit_seal (
    seq       bigint primary key,
    event_id  uuid        not null unique references audit_event (id),
    hash      varchar(64) not null,
    sealed_at timestamp with time zone not null
);

-- After every sealing batch: the last sequence and hash, signed with a key the database does
-- not hold, so that truncating the chain or rewriting it wholesale is detectable.
create table audit_checkpoint (
    last_seq   bigint primary key,
    last_hash  varchar(64)  not null,
    signature  varchar(64)  not null,
    created_at timestamp with time zone not null
);

create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

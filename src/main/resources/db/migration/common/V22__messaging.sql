-- Internal secure messages (MSG-1..MSG-8): groups (send lists), routing rules per structured
-- message type, messages with their structured fields, and one delivery row per recipient user,
-- which is the inbox, the read state and the archive. Plain SQL for both H2 and PostgreSQL.

-- A send list: a system group ("BOSAM", "LVS admin sekretessbehörighet" …) or the group of one
-- unit, which the unit's manager keeps current (MSG-2). A unit's group has the unit's id as its
-- own id, so that it can be created for a new unit without a generated key on either database.
create table message_group (
    id      uuid primary key,
    name    varchar(200) not null,
    kind    varchar(20)  not null,
    unit_id uuid references unit (id),
    constraint message_group_kind check (kind in ('SYSTEM', 'UNIT')),
    constraint message_group_unit_kind check ((kind = 'UNIT' and unit_id is not null) or (kind = 'SYSTEM' and unit_id is null)),
    constraint message_group_one_per_unit unique (unit_id)
);

create table message_group_member (
    group_id uuid not null references message_group (id),
    user_id  uuid not null references app_user (id),
    added_by uuid references app_user (id),
    added_at timestamp with time zone not null,
    primary key (group_id, user_id)
);
create index message_group_member_user on message_group_member (user_id);

insert into message_group (id, name, kind) values
    ('6d5a0000-0000-4000-8000-000000000001', 'BOSAM', 'SYSTEM'),
    ('6d5a0000-0000-4000-8000-000000000002', 'LVS admin sekretessbehörighet', 'SYSTEM'),
    ('6d5a0000-0000-4000-8000-000000000003', 'Trygghetsjouren uppdragsmottagare', 'SYSTEM'),
    ('6d5a0000-0000-4000-8000-000000000004', 'Avgiftshandläggare', 'SYSTEM'),
    ('6d5a0000-0000-4000-8000-000000000005', 'Boendesamordnare', 'SYSTEM');

-- Units that exist now; later ones get their group when the application starts (UnitGroups).
insert into message_group (id, name, kind, unit_id) select u.id, u.name, 'UNIT', u.id from unit u;

-- Where each structured type goes, besides the recipients the sender adds (MSG-4, seed 000).
create table message_routing_rule (
    message_type varchar(40) not null,
    group_id     uuid        not null references message_group (id),
    primary key (message_type, group_id)
);
insert into message_routing_rule (message_type, group_id) values
    ('DEATH_OR_MOVE_OUT', '6d5a0000-0000-4000-8000-000000000005'),
    ('DEATH_OR_MOVE_OUT', '6d5a0000-0000-4000-8000-000000000004'),
    ('MOVE_IN', '6d5a0000-0000-4000-8000-000000000005'),
    ('MOVE_IN', '6d5a0000-0000-4000-8000-000000000004'),
    ('LEVEL_MEASUREMENT', '6d5a0000-0000-4000-8000-000000000005'),
    ('ACCESS_ORDER', '6d5a0000-0000-4000-8000-000000000002'),
    ('INTAKE_REQUEST', '6d5a0000-0000-4000-8000-000000000002');

-- A message. The person is never typed in: the message links to a case and the person is shown
-- through the disclosure gate. The idempotency key makes a retried send return the first message.
-- body_withheld_when_masked: the sender confirmed a warning that the text names the protected
-- person (MSG-8), so the text is shown only to readers who may see that person.
create table message (
    id                        uuid primary key,
    thread_id                 uuid          not null,
    reply_to                  uuid references message (id),
    sender_id                 uuid          not null references app_user (id),
    idempotency_key           varchar(100)  not null,
    type                      varchar(40)   not null,
    subject                   varchar(200)  not null,
    body                      varchar(8000) not null,
    case_id                   uuid references care_case (id),
    case_number               varchar(20),
    person_id                 uuid references person (id),
    body_withheld_when_masked boolean       not null default false,
    sent_at                   timestamp with time zone not null,
    constraint message_idempotency unique (sender_id, idempotency_key)
);
create index message_thread on message (thread_id, sent_at);

-- The structured fields of a message (MSG-3), one row per field.
create table message_field (
    message_id uuid          not null references message (id),
    name       varchar(60)   not null,
    field_value varchar(2000) not null,
    primary key (message_id, name)
);

-- Who the sender addressed, as written: users and groups (for the message view).
create table message_addressee (
    message_id uuid not null references message (id),
    user_id    uuid references app_user (id),
    group_id   uuid references message_group (id),
    constraint message_addressee_one check ((user_id is null and group_id is not null) or (user_id is not null and group_id is null))
);
create index message_addressee_message on message_addressee (message_id);

-- One row per user the message reached: users addressed directly and the members of the
-- addressed groups when it was sent. The inbox reads it newest first, by keyset.
create table message_delivery (
    message_id   uuid    not null references message (id),
    user_id      uuid    not null references app_user (id),
    via_group_id uuid references message_group (id),
    sent_at      timestamp with time zone not null,
    read_at      timestamp with time zone,
    archived     boolean not null default false,
    primary key (message_id, user_id)
);
create index message_delivery_inbox on message_delivery (user_id, archived, sent_at desc, message_id desc);
create index message_delivery_unread on message_delivery (user_id, archived, read_at);
create index message_delivery_group on message_delivery (message_id, via_group_id);

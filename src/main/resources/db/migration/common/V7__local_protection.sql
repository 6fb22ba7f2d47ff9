-- Lokalt skydd (PROT-2): decided by a unit manager for at most three months; it ends by itself
-- on this day unless decided again.
alter table person add column local_protection_until date;

-- The case journal ("journal / social dokumentation"): what was decided and why.
create table case_journal_entry (
    id         uuid primary key,
    case_id    uuid          not null references care_case (id),
    written_by uuid          not null references app_user (id),
    written_at timestamp with time zone not null,
    text       varchar(4000) not null
);
create index case_journal_entry_case on case_journal_entry (case_id, written_at);

-- Follow-ups a unit must make by a date, e.g. before lokalt skydd ends.
create table follow_up (
    id       uuid primary key,
    case_id  uuid         not null references care_case (id),
    unit_id  uuid         not null references unit (id),
    due_on   date         not null,
    kind     varchar(40)  not null,
    done_at  timestamp with time zone
);
create index follow_up_unit_due on follow_up (unit_id, due_on);

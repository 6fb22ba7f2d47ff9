-- Messaging data for the inbox benchmark (issue 6), generated inside PostgreSQL on top of
-- generate.sql's data: no row crosses the network. Repeatable: every choice is a hash of the
-- message number (hashint8), every id an md5 of a row number, like generate.sql.
--
-- psql -v messages=10000000 -f bench/generate-messages.sql     (the smoke run uses 10000)
-- Runs as the database owner after generate.sql (for the full size: 20,000 users in 295 units,
-- BENCH_USERS=20000 BENCH_UNITS=295, see bench/README.md). At 10 million messages it makes:
--   - 300 message groups: the 295 units' groups and the 5 system groups of the migration, every
--     user a member of the unit's group, a few hundred in the system groups;
--   - user bench-inbox (case officer in unit 10, member of its unit's group, BOSAM and
--     Boendesamordnare), authorised for half of the protected persons' cases it gets mail about;
--   - 10 million messages over two years from random senders: 0.9 % to bench-inbox directly,
--     0.5 % to a group (a fifth of those to bench-inbox's groups), the rest to one random user;
--     70 % free text, 30 % structured types with their fields; the types that need a case and a
--     tenth of the free texts link to a case and its person (about a third of all messages; 5 % of
--     the cases are protected persons', a sixth of bench-inbox's case mail is about them);
--   - one addressee row per message, one delivery per recipient (about 13.6 million): about 2 %
--     unread (two thirds of the newest 0.2 %), a quarter of the older ones archived;
--   - bench-inbox gets exactly 1 % of the messages directly or through its groups: 100,000.
-- Constraints and indexes of the four big tables are dropped for the load and rebuilt as the
-- migration defined them (read back from the catalogue), then the tables are vacuumed and analysed.
\set ON_ERROR_STOP on
\timing on
\if :{?messages} \else \set messages 10000000 \endif
select setseed(0.42);
set maintenance_work_mem = '1GB';
set synchronous_commit = off;

select count(*) as users from app_user where username ~ '^bench[0-9]+$' \gset
select count(*) as cases from care_case where case_number like 'AO-2025-%' \gset
select count(*) as persons from person \gset
select now() as t0 \gset

-- A number's pseudo-random draw for a purpose (salt): stable across statements, unlike random().
create or replace function pg_temp.h(m bigint, salt int) returns bigint language sql immutable as $$
    select abs(hashint8(m * 7919 + salt * 1000000007::bigint)::bigint)
$$;

-- The reader of the benchmark: a case officer in authority unit 10.
insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
values (md5('user-inbox')::uuid, 'bench-inbox', 'Bänk Inkorg', 'bench-inbox@bench.invalid',
        '{bcrypt}$2a$04$0jpUM41FOz9oxXJz8bV8OuN/mkG/H.cJqbq1XzBl1ofdlsMJ.Ak0W', null, 'CASE_OFFICER', md5('unit10')::uuid, false, true);

-- Groups: every unit's (as UnitGroups makes them at start), members by unit, and the system groups.
insert into message_group (id, name, kind, unit_id)
select u.id, u.name, 'UNIT', u.id from unit u where not exists (select 1 from message_group g where g.unit_id = u.id);
insert into message_group_member (group_id, user_id, added_by, added_at)
select u.unit_id, u.id, null, :'t0' from app_user u;
insert into message_group_member (group_id, user_id, added_by, added_at)
select ('6d5a0000-0000-4000-8000-00000000000' || g)::uuid, md5('user' || n)::uuid, null, :'t0'
from generate_series(1, :users) n,
     lateral (values (1, 300), (2, 1000), (3, 250), (4, 400), (5, 400)) s(g, every)
where n % every = g;
insert into message_group_member (group_id, user_id, added_by, added_at)
values ('6d5a0000-0000-4000-8000-000000000001', md5('user-inbox')::uuid, null, :'t0'),
       ('6d5a0000-0000-4000-8000-000000000005', md5('user-inbox')::uuid, null, :'t0');
create temporary table grp as select row_number() over (order by kind, id) as g, id from message_group;
select count(*) as groups from grp \gset
-- bench-inbox's three groups, for a fifth of the group messages.
create temporary table inbox_grp (g int primary key, id uuid);
insert into inbox_grp values (0, md5('unit10')::uuid), (1, '6d5a0000-0000-4000-8000-000000000001'), (2, '6d5a0000-0000-4000-8000-000000000005');

-- bench-inbox is authorised for the protected persons' cases with a number divisible by 40 (half of them).
insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at)
select md5('inbox-authz' || c)::uuid, md5('user-inbox')::uuid, md5('case' || c)::uuid, md5('person' || ((c * 5) % :persons + 1))::uuid,
       current_date - 30, current_date + 300, md5('user10')::uuid, now()
from generate_series(40, :cases, 40) c;

-- The plan of every message, computed from its number alone, so that each table's insert agrees.
create temporary view plan as
select m, kind, sender, type,
       case when kind = 'group' and pg_temp.h(m, 3) % 5 = 0 then null else 1 + pg_temp.h(m, 4) % :groups end as g,
       case when kind = 'group' and pg_temp.h(m, 3) % 5 = 0 then (pg_temp.h(m, 4) % 3)::int end as inbox_g,
       case when kind = 'inbox' then 0
            when kind = 'direct' then case when r = sender then r % :users + 1 else r end end as recipient,
       case when type not in ('FREE_TEXT', 'INTAKE_REQUEST') or (type = 'FREE_TEXT' and pg_temp.h(m, 6) % 10 = 0)
            then case when kind = 'inbox' and pg_temp.h(m, 8) % 6 = 0 then 20 * (1 + pg_temp.h(m, 7) % (:cases / 20))
                      else 1 + pg_temp.h(m, 7) % :cases end end as c,
       :'t0'::timestamptz - interval '730 days' + (m::double precision / :messages) * interval '730 days' as sent_at
from (
    select m,
           case when m % 1000 < 9 then 'inbox' when m % 1000 < 14 then 'group' else 'direct' end as kind,
           1 + pg_temp.h(m, 2) % :users as sender,
           1 + pg_temp.h(m, 1) % :users as r,
           case when t < 70 then 'FREE_TEXT' when t < 75 then 'DEATH_OR_MOVE_OUT' when t < 80 then 'MOVE_IN' when t < 85 then 'PLACE_OFFER'
                when t < 90 then 'LEVEL_MEASUREMENT' when t < 95 then 'FEE_INFORMATION' when t < 98 then 'ACCESS_ORDER'
                else 'INTAKE_REQUEST' end as type
    from (select m, pg_temp.h(m, 5) % 100 as t from generate_series(1, :messages) m) x
) y;
create temporary view plan_group as
select p.m, p.sender, p.sent_at, coalesce(i.id, gr.id) as group_id
from plan p left join inbox_grp i on i.g = p.inbox_g left join grp gr on gr.g = p.g
where p.kind = 'group';

-- Drop the big tables' constraints (not the checks) and indexes for the load; rebuilt below.
create temporary table saved_ddl as
select 1 as phase, c.conrelid::regclass::text as tab, 'alter table ' || c.conrelid::regclass || ' add constraint ' || quote_ident(c.conname) || ' '
       || pg_get_constraintdef(c.oid) as ddl,
       'alter table ' || c.conrelid::regclass || ' drop constraint ' || quote_ident(c.conname) as drop_ddl,
       case c.contype when 'p' then 1 when 'u' then 2 else 3 end as ord
from pg_constraint c
where (c.conrelid in ('message'::regclass, 'message_field'::regclass, 'message_addressee'::regclass, 'message_delivery'::regclass)
       and c.contype in ('p', 'u', 'f'))
   -- and foreign keys of other tables into them (later migrations add such tables, e.g. attachments)
   or (c.contype = 'f' and c.confrelid in ('message'::regclass, 'message_field'::regclass, 'message_addressee'::regclass, 'message_delivery'::regclass))
union all
select 2, i.tablename, i.indexdef, 'drop index ' || quote_ident(i.indexname), 4
from pg_indexes i
where i.tablename in ('message', 'message_field', 'message_addressee', 'message_delivery') and i.schemaname = 'public'
  and not exists (select 1 from pg_constraint c where c.conname = i.indexname);
do $$ declare d record; begin
  for d in select drop_ddl from saved_ddl order by ord desc loop execute d.drop_ddl; end loop;
end $$;
select count(*) as dropped from saved_ddl;

insert into message (id, thread_id, reply_to, sender_id, idempotency_key, type, subject, body, case_id, case_number, person_id,
                     sent_at)
select md5('message' || m)::uuid,
       -- every tenth thread gets two replies
       case when m % 10 in (2, 3) then md5('message' || (m - m % 10 + 1))::uuid else md5('message' || m)::uuid end,
       case when m % 10 in (2, 3) then md5('message' || (m - 1))::uuid end,
       md5('user' || sender)::uuid, 'bench-' || m, type,
       case when c is not null then 'AO-2025-' || lpad(c::text, 6, '0') || ' ' || initcap(replace(type, '_', ' '))
            else 'Meddelande ' || m || ' om planeringen' end,
       'Hej! Detta är meddelande ' || m || ' i bänkdatan, med lite text så att raden får en realistisk längd för en kort intern kommunikation.',
       case when c is not null then md5('case' || c)::uuid end,
       case when c is not null then 'AO-2025-' || lpad(c::text, 6, '0') end,
       case when c is not null then md5('person' || ((c * 5) % :persons + 1))::uuid end,
       sent_at
from plan;

insert into message_addressee (message_id, user_id, group_id)
select md5('message' || m)::uuid,
       case when kind = 'inbox' then md5('user-inbox')::uuid when kind = 'direct' then md5('user' || recipient)::uuid end,
       case when kind = 'group' then coalesce((select id from inbox_grp where g = inbox_g), (select id from grp where grp.g = plan.g)) end
from plan;

insert into message_field (message_id, name, field_value)
select md5('message' || p.m)::uuid, f.name, f.value || case when f.numbered then ' ' || (p.m % 97 + 1) else '' end
from plan p
join (values ('DEATH_OR_MOVE_OUT', 'facility', 'Solgården', false), ('DEATH_OR_MOVE_OUT', 'apartment', 'Lgh', true),
             ('DEATH_OR_MOVE_OUT', 'reason', 'MOVE_OUT', false), ('DEATH_OR_MOVE_OUT', 'date', '2026-05-01', false),
             ('MOVE_IN', 'facility', 'Solgården', false), ('MOVE_IN', 'apartment', 'Lgh', true), ('MOVE_IN', 'moveInDate', '2026-06-01', false),
             ('PLACE_OFFER', 'facility', 'Ekbacken', false), ('PLACE_OFFER', 'apartment', 'Lgh', true), ('PLACE_OFFER', 'currentResidence', 'OWN_HOME', false),
             ('LEVEL_MEASUREMENT', 'bookedFor', '2026-04-15', false),
             ('FEE_INFORMATION', 'feeMatter', 'Ändrad avgift', false), ('FEE_INFORMATION', 'effectiveFrom', '2026-07-01', false),
             ('ACCESS_ORDER', 'orderKind', 'ADD', false), ('ACCESS_ORDER', 'staffFullName', 'Bänk Användare', true),
             ('ACCESS_ORDER', 'staffUsername', 'bench', true), ('ACCESS_ORDER', 'staffEmail', 'bench@bench.invalid', false),
             ('INTAKE_REQUEST', 'receivingUnit', 'Myndighet 10', false), ('INTAKE_REQUEST', 'recipient', 'LVS', false),
             ('INTAKE_REQUEST', 'concerns', 'Ansökan om särskilt boende', false)) f(type, name, value, numbered)
  on f.type = p.type;

-- Deliveries: read two hours on average after sending; about 1.5 % never read, and two thirds of
-- the newest 0.2 %; a quarter of the read ones older than the newest tenth archived.
insert into message_delivery (message_id, user_id, via_group_id, sent_at, read_at, archived)
select md5('message' || m)::uuid, case when kind = 'inbox' then md5('user-inbox')::uuid else md5('user' || recipient)::uuid end, null, sent_at,
       case when not unread then sent_at + (x % 240) * interval '1 minute' end,
       not unread and m < :messages * 0.9 and (x / 1000) % 100 < 27
from (select m, kind, recipient, sent_at, pg_temp.h(m, 9) as x,
             pg_temp.h(m, 9) % 1000 < 15 or (m > :messages - :messages / 500 and pg_temp.h(m, 10) % 3 > 0) as unread
      from plan where kind <> 'group') d;
insert into message_delivery (message_id, user_id, via_group_id, sent_at, read_at, archived)
select md5('message' || m)::uuid, user_id, group_id, sent_at,
       case when not unread then sent_at + (x % 240) * interval '1 minute' end,
       not unread and m < :messages * 0.9 and (x / 1000) % 100 < 27
from (select p.m, mm.user_id, p.group_id, p.sent_at, abs(hashint8(p.m) # hashtext(mm.user_id::text))::bigint as x,
             abs(hashint8(p.m) # hashtext(mm.user_id::text))::bigint % 1000 < 15
               or (p.m > :messages - :messages / 500 and abs(hashint8(p.m) # hashtext(mm.user_id::text) # 7)::bigint % 3 > 0) as unread
      from plan_group p join message_group_member mm on mm.group_id = p.group_id
      where mm.user_id <> md5('user' || p.sender)::uuid) d;

-- Rebuild what the migration defined: keys first, then foreign keys, then the other indexes.
do $$ declare d record; begin
  for d in select ddl from saved_ddl order by ord loop execute d.ddl; end loop;
end $$;

-- The designated reader and its first page, for bench.sh.
create schema if not exists bench;
drop table if exists bench.inbox;
create table bench.inbox as
select u.id as user_id, u.username, (select count(*) from message_delivery d where d.user_id = u.id) as deliveries,
       (select count(*) from message_delivery d where d.user_id = u.id and not d.archived) as in_inbox,
       (select count(*) from message_delivery d where d.user_id = u.id and not d.archived and d.read_at is null) as unread
from app_user u where u.username = 'bench-inbox';
grant select on bench.inbox to omsorgsnav_app;

vacuum analyze message;
vacuum analyze message_field;
vacuum analyze message_addressee;
vacuum analyze message_delivery;
analyze message_group; analyze message_group_member; analyze app_user; analyze case_authorization;
select * from bench.inbox;
select (select count(*) from message_group) as groups, (select count(*) from message_group_member) as memberships,
       (select count(*) from message) as messages, (select count(*) from message where person_id is not null) as with_person,
       (select count(*) from message_delivery) as deliveries, (select count(*) from message_delivery where via_group_id is not null) as via_groups,
       (select count(*) from message_field) as fields, (select count(*) from message_addressee) as addressees;

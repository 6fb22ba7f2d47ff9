-- What the fault campaign's writers need before they can write (issue 15), on a freshly migrated
-- database, as the owner: the same kind of rows bench/generate.sql makes, but few and named for
-- the harness, so that every business row the checker counts afterwards was made by the campaign.
-- Repeatable: ids are md5s of a key. The writers read the ids they need from faults/fixtures.sql.
--
-- psql -v writers=8 -v apartments=400 -v pins=src/test/resources/skatteverket-testpersonnummer.csv -f faults/seed.sql
\set ON_ERROR_STOP on
\if :{?writers} \else \set writers 8 \endif
\if :{?apartments} \else \set apartments 400 \endif
\if :{?pins} \else \set pins src/test/resources/skatteverket-testpersonnummer.csv \endif
\set homes 4

-- The persons' personnummer come from Skatteverket's list of test personnummer (issue 15): a made-up
-- number with a correct check digit may be a real person's. \copy takes no variables, hence the detour.
create temp table listed_pin (pin text not null);
\set copy_pins '\\copy listed_pin from ' :'pins' ' with (format csv, header true)'
:copy_pins

-- One authority unit (the cases), the coordinators' unit, four nursing homes.
insert into unit (id, name, administration, kind) values
    (md5('faults-authority')::uuid, 'Myndighet Felprov', 'Äldreförvaltningen 1', 'AUTHORITY'),
    (md5('faults-bosam')::uuid, 'Boendesamordningen Felprov', 'Äldreförvaltningen 1', 'AUTHORITY');
insert into unit (id, name, administration, kind)
select md5('faults-home' || h)::uuid, 'Felprovets boende ' || h, 'Äldreförvaltningen 1', 'NURSING_HOME' from generate_series(1, :homes) h;
insert into message_group (id, name, kind, unit_id)
select u.id, u.name, 'UNIT', u.id from unit u
where u.id in (select md5('faults-authority')::uuid union all select md5('faults-bosam')::uuid
               union all select md5('faults-home' || h)::uuid from generate_series(1, :homes) h)
on conflict do nothing;

-- Users, all with "Bench2026!" at bcrypt cost 4 like the benchmark's (HTTP Basic checks it on every call):
-- per writer a case officer (faults-bh<w>), a placement coordinator (faults-bosam<w>) and an LVS with the
-- grant right (faults-lvs<w>); a unit manager per home (faults-ec<h>, faults-ec1 also verifies the chain);
-- 20 home-care planners who receive the grants (faults-hp<n>).
insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
select md5('faults-' || r || w)::uuid, 'faults-' || r || w, 'Felprov ' || r || ' ' || w, 'faults-' || r || w || '@faults.invalid',
       '{bcrypt}$2a$04$0jpUM41FOz9oxXJz8bV8OuN/mkG/H.cJqbq1XzBl1ofdlsMJ.Ak0W', null,
       case r when 'bh' then 'CASE_OFFICER' when 'bosam' then 'PLACEMENT_COORDINATOR' else 'SYSTEM_SUPPORT' end,
       case r when 'bh' then md5('faults-authority')::uuid else md5('faults-bosam')::uuid end,
       r = 'lvs', true
from generate_series(1, :writers) w, unnest(array['bh', 'bosam', 'lvs']) r;
insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
select md5('faults-ec' || h)::uuid, 'faults-ec' || h, 'Felprov enhetschef ' || h, 'faults-ec' || h || '@faults.invalid',
       '{bcrypt}$2a$04$0jpUM41FOz9oxXJz8bV8OuN/mkG/H.cJqbq1XzBl1ofdlsMJ.Ak0W', null, 'UNIT_MANAGER', md5('faults-home' || h)::uuid, false, true
from generate_series(1, :homes) h;
insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
select md5('faults-hp' || n)::uuid, 'faults-hp' || n, 'Felprov planerare ' || n, 'faults-hp' || n || '@faults.invalid',
       '{bcrypt}$2a$04$0jpUM41FOz9oxXJz8bV8OuN/mkG/H.cJqbq1XzBl1ofdlsMJ.Ak0W', null, 'HOME_CARE_PLANNER', md5('faults-home' || (n % :homes + 1))::uuid,
       false, true
from generate_series(1, 20) n;
insert into message_group_member (group_id, user_id, added_by, added_at)
select u.unit_id, u.id, null, now() from app_user u where u.username like 'faults-%' on conflict do nothing;
-- The coordinators are BOSAM and "Boendesamordnare": the system groups a decision and a move-in are routed to.
insert into message_group_member (group_id, user_id, added_by, added_at)
select g::uuid, u.id, null, now() from app_user u, unnest(array['6d5a0000-0000-4000-8000-000000000001', '6d5a0000-0000-4000-8000-000000000005']) g
where u.username like 'faults-bosam%' on conflict do nothing;

-- Persons, none protected (a protected person needs an authorisation and the PIN: another harness).
insert into person (id, personal_identity_number, first_name, last_name, street_address, postal_code, city, phone,
                    protection_level, fictitious_name, date_of_death, registered_at, last_name_search, first_name_search,
                    local_protection_until)
select md5('faults-person' || i)::uuid, pin,
       'Felprov', 'Person ' || i, 'Gatan ' || i, '12345', 'Storstad', null, 'NONE', null, null, now(), 'person ' || i, 'felprov', null
from (select row_number() over (order by pin) as i, pin from listed_pin l
      where not exists (select 1 from person p where p.personal_identity_number = l.pin)) p -- whatever else the database holds (demo data)
where i <= 2000;
do $$ begin
    if (select count(*) from person where first_name = 'Felprov') < 2000 then
        raise exception 'faults/seed.sql: the list of test personnummer has fewer than 2,000 unused numbers';
    end if;
end $$;

-- Apartments, each reported vacant (renovation done yesterday) in the homes, half of each profile;
-- every accepted offer uses one up.
insert into apartment (id, unit_id, number, care_profile, remarks, monthly_rent, version)
select md5('faults-apartment' || a)::uuid, md5('faults-home' || (a % :homes + 1))::uuid, lpad(a::text, 4, '0'),
       case when a % 2 = 0 then 'SOMATIC' else 'DEMENTIA' end, null, 7000, 0
from generate_series(1, :apartments) a;
insert into vacancy (id, apartment_id, reason, event_date, ready_on, due_on, due_rule, case_id, message_id, reported_by, reported_at, late)
select md5('faults-vacancy' || a)::uuid, md5('faults-apartment' || a)::uuid, 'RENOVATION', current_date - 10, current_date - 1, null, null,
       null, null, md5('faults-ec' || (a % :homes + 1))::uuid, current_date - 10 + time '10:00', false
from generate_series(1, :apartments) a;

analyze unit; analyze app_user; analyze person; analyze apartment; analyze vacancy;

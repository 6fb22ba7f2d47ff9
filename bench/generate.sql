-- Municipality-scale data for the benchmark (issue 5), generated inside PostgreSQL so that it
-- loads in minutes: no rows cross the network. Repeatable: every id is derived from its row
-- number (md5), and every random choice comes from setseed() below.
--
-- psql -v scale=1.0 -f bench/generate.sql     (scale 1.0 = 1 million persons; the smoke run uses 0.001)
-- Runs as the database owner after the application's migrations, on an empty database.
\set ON_ERROR_STOP on
\timing on
select setseed(0.42);

-- Optional: -v users_min=20000 -v units_min=295 keep the staff side at full size when the persons
-- are scaled down (the messaging benchmark: 20,000 users and 300 message groups over 100,000 persons).
\if :{?users_min} \else \set users_min 200 \endif
\if :{?units_min} \else \set units_min 20 \endif
select (1000000 * :scale)::int as persons, greatest(:units_min, (800 * :scale)::int) as units, greatest(:users_min, (20000 * :scale)::int) as users,
       (200000 * :scale)::int as cases, (50000 * :scale)::int as authorisations, (5000000 * :scale)::int as events
\gset

-- Luhn check digit of the 9 digits YYMMDDNNN: what makes a personnummer valid.
create or replace function pg_temp.luhn(digits text) returns int language sql immutable as $$
    select (10 - sum(case when pos % 2 = 1 then ((d * 2) / 10 + (d * 2) % 10) else d end) % 10) % 10
    from (select substr(digits, pos, 1)::int as d, pos from generate_series(1, length(digits)) pos) x
$$;

-- Units: 800, of which a tenth are authority units (myndighet) that hold cases.
insert into unit (id, name, administration, kind)
select md5('unit' || u)::uuid,
       case when u % 10 = 0 then 'Myndighet ' || u else 'Hemtjänst ' || u end,
       'Äldreförvaltningen ' || (u % 4 + 1),
       case when u % 10 = 0 then 'AUTHORITY' else 'PROVIDER' end
from generate_series(1, :units) u;

-- Users: 20,000, spread over the units; case officers in the authority units. One password hash
-- for all (bcrypt cost 4, "Bench2026!"): HTTP Basic verifies it on every API call, and at the
-- production cost of 10 bcrypt alone would be the benchmark (see bench/README.md).
insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
select md5('user' || n)::uuid, 'bench' || n, 'Bänk Användare ' || n, 'bench' || n || '@bench.invalid',
       '{bcrypt}$2a$04$0jpUM41FOz9oxXJz8bV8OuN/mkG/H.cJqbq1XzBl1ofdlsMJ.Ak0W', null,
       case when n % 10 = 0 then 'CASE_OFFICER' when n % 97 = 0 then 'UNIT_MANAGER' else 'HOME_CARE_PLANNER' end,
       md5('unit' || (case when n % 10 = 0 then ((n / 10) % (:units / 10) + 1) * 10 else n % :units + 1 end))::uuid,
       false, true
from generate_series(1, :users) n;

-- Persons: born 1926–1959 (a day per row number, then a birth number), common Swedish names so
-- that a surname search has many hits. About 1 % protected across the three levels.
insert into person (id, personal_identity_number, first_name, last_name, street_address, postal_code, city, phone,
                    protection_level, fictitious_name, date_of_death, registered_at, last_name_search, first_name_search,
                    local_protection_until)
select md5('person' || i)::uuid,
       to_char(d, 'YYYYMMDD') || lpad(serial::text, 3, '0') || pg_temp.luhn(to_char(d, 'YYMMDD') || lpad(serial::text, 3, '0')),
       first, last, 'Gatan ' || (i % 200 + 1), lpad((10000 + i % 89999)::text, 5, '0'), 'Storstad', null,
       level, case when level = 'PROTECTED_REGISTRATION' then 'Alias ' || i end, null, now(), lower(last), lower(first),
       case when level = 'LOCAL_PROTECTION' then current_date + 60 end
from (
    select i, date '1926-01-01' + (i % 12400) as d, i / 12400 + 1 as serial,
           (array['Anna','Maria','Margareta','Elisabeth','Eva','Birgitta','Kristina','Karin','Lars','Karl','Erik','Per','Nils','Jan',
                  'Hans','Bengt','Sven','Gunnar','Ingrid','Astrid'])[1 + floor(random() * 20)::int] as first,
           (array['Andersson','Johansson','Karlsson','Nilsson','Eriksson','Larsson','Olsson','Persson','Svensson','Gustafsson',
                  'Pettersson','Jonsson','Jansson','Hansson','Bengtsson','Jönsson','Lindberg','Jakobsson','Magnusson','Lindström',
                  'Berg','Lund','Ek','Holm','Sjöberg'])[1 + floor(random() * 25)::int] as last,
           case when i % 100 = 1 then 'PROTECTED_REGISTRATION' when i % 100 = 2 then 'CONFIDENTIALITY_MARKING'
                when i % 300 = 3 then 'LOCAL_PROTECTION' else 'NONE' end as level
    from generate_series(1, :persons) i
) p;

-- Relatives for a third of the persons: each links to the next person.
insert into person_relation (id, person_id, related_person_id, kind)
select md5('relation' || i)::uuid, md5('person' || i)::uuid, md5('person' || (i % :persons + 1))::uuid,
       case when i % 2 = 0 then 'RELATIVE' else 'CO_RESIDENT' end
from generate_series(3, :persons, 3) i;

-- Cases: one for each of the first persons by a stride, in authority units, with case officers.
insert into care_case (id, case_number, person_id, unit_id, case_officer_id, subject, status, opened_on, closed_on)
select md5('case' || c)::uuid, 'AO-2025-' || lpad(c::text, 6, '0'), md5('person' || ((c * 5) % :persons + 1))::uuid,
       md5('unit' || ((c % (:units / 10)) + 1) * 10)::uuid, md5('user' || ((c % (:users / 10)) + 1) * 10)::uuid,
       'Ansökan om hemtjänst', case when c % 7 = 0 then 'CLOSED' else 'OPEN' end, date '2025-01-01' + (c % 600),
       case when c % 7 = 0 then date '2025-01-01' + (c % 600) + 30 end
from generate_series(1, :cases) c;
select setval('case_number_seq', :cases + 1001);

-- Authorisations: on cases of protected persons first (what they exist for), to case officers.
insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at)
select md5('authz' || row_number() over ())::uuid, c.case_officer_id, c.id, c.person_id, current_date - 30, current_date + 300,
       c.case_officer_id, now()
from (select c.* from care_case c join person p on p.id = c.person_id
      order by (p.protection_level = 'NONE'), c.case_number limit :authorisations) c;

-- Audit events: two years of accesses by case officers, pending for the application's sealer
-- (which chains them at start; the run waits for it and reports how fast it went).
insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id, person_id, case_id,
                         action, purpose, outcome, client_address)
select md5('event' || e)::uuid, now() - interval '730 days' + (e::double precision / :events) * interval '730 days',
       md5('user' || ((e % (:users / 10)) + 1) * 10)::uuid, 'bench' || ((e % (:users / 10)) + 1) * 10, 'CASE_OFFICER',
       md5('unit' || (((e % (:users / 10)) + 1) % (:units / 10) + 1) * 10)::uuid,
       md5('person' || (floor(random() * :persons)::int + 1))::uuid, null,
       (array['VIEW','LIST','LIST','LIST'])[1 + e % 4], 'PERSON_PAGE', 'ALLOWED', '10.0.0.1'
from generate_series(1, :events) e;
insert into audit_pending (event_id) select e.id from audit_event e where not exists (select 1 from audit_seal s where s.event_id = e.id) order by e.occurred_at, e.id;

-- What the load run looks up: persons by category, and one officer authorised for protected ones.
create schema if not exists bench;
drop table if exists bench.lookup;
create table bench.lookup (n serial primary key, category text not null, personal_identity_number varchar(12) not null, person_id uuid not null);
insert into bench.lookup (category, personal_identity_number, person_id)
select 'unprotected', personal_identity_number, id from person where protection_level = 'NONE' order by id limit 9000;
insert into bench.lookup (category, personal_identity_number, person_id)
select 'protected-unauthorised', p.personal_identity_number, p.id from person p
where p.protection_level <> 'NONE' and not exists (select 1 from case_authorization a where a.person_id = p.id and a.user_id = md5('user10')::uuid)
order by p.id limit 500;
-- bench10 gets its own authorisations on 500 protected persons' cases, so the authorised path is exercised.
insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at)
select md5('bench-authz' || c.id)::uuid, md5('user10')::uuid, c.id, c.person_id, current_date - 1, current_date + 300, md5('user10')::uuid, now()
from care_case c join person p on p.id = c.person_id
where p.protection_level <> 'NONE' and c.case_officer_id <> md5('user10')::uuid
order by c.id limit 500;
insert into bench.lookup (category, personal_identity_number, person_id)
select 'protected-authorised', p.personal_identity_number, p.id from person p
where exists (select 1 from case_authorization a where a.person_id = p.id and a.user_id = md5('user10')::uuid)
order by p.id limit 500;

grant usage on schema bench to omsorgsnav_app;
grant select on bench.lookup to omsorgsnav_app;
analyze unit; analyze app_user; analyze person; analyze person_relation; analyze care_case; analyze case_authorization; analyze audit_event; analyze audit_pending; analyze bench.lookup;
select category, count(*) from bench.lookup group by category order by 1;
select (select count(*) from person) as persons, (select count(*) from care_case) as cases, (select count(*) from app_user) as users,
       (select count(*) from case_authorization) as authorisations, (select count(*) from audit_event) as events;

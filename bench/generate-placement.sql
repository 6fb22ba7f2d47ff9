-- Nursing-home placement at the size of Stockholm (issue 7), on top of bench/generate.sql's
-- persons, cases and users, generated inside PostgreSQL (no row crosses the network).
-- Repeatable: every id is an md5 of its row's key and every random choice a hash of its key (u()).
--
-- psql -v scale=1.0 -f bench/generate-placement.sql   (1.0: 120 homes, 6,000 apartments, 3,000 queued; the smoke run uses 0.01)
-- Runs as the database owner after generate.sql. Deletes the placement tables' rows first, so it can be re-run.
--
-- The model, per apartment, going back from today: either a resident lives there now (moved in
-- 1-2,000 days ago), or the last resident left 2-60 days ago and the apartment is vacant, allocated,
-- offered or accepted now. Before that, tenancies (stays of 30-2,430 days, skewed short, as in
-- nursing homes) separated by 12-41 days from move-out to the next move-in, back ten years. Each
-- tenancy is a decision (EXECUTED) with its care case, an ACCEPTED allocation and its execution;
-- each move-out a vacancy (death 70 %, move-out 30 %) reported by the home's manager. A fifth of
-- the vacancies were first offered to someone who declined: that decision went back to the queue
-- (still QUEUED if the decline was in the last 240 days, otherwise WITHDRAWN). The queue is topped
-- up to 3,000 with decisions of the last 400 days.
\set ON_ERROR_STOP on
\timing on

select greatest(2, round(120 * :scale))::int as homes, greatest(20, round(6000 * :scale))::int as apartments,
       greatest(10, round(3000 * :scale))::int as queued, (select count(*) from person) as persons
\gset

-- Uniform [0, 1) from a key: repeatable, independent of row order and of parallel plans.
create or replace function pg_temp.u(k text) returns float8 language sql immutable as $$
    select ('x' || substr(md5(k), 1, 12))::bit(48)::int8 / 281474976710656.0
$$;

-- Start from nothing (the generator's own rows only: placement tables and the cases it made).
delete from allocation;
delete from vacancy;
delete from placement_decision;
delete from apartment;
delete from care_case where case_number ~ '^AO-[0-9]{4}-8[0-9]{5}$';

-- The homes: 120 nursing homes with Stockholm-like names ("Ekbackens vård- och omsorgsboende"),
-- each with its unit manager and its message group.
create temp table home as
select h, md5('plc-home' || h)::uuid as id,
       initcap((array['ek','björk','lind','sol','sjö','rönn','al','asp','gran','tall','hassel','lönn','hägg','syren','ros','lilje','vide',
                      'strand','äng','berg'])[1 + (h - 1) % 20]
               || (array['gården','backen','hemmet','lunden','höjden','udden'])[1 + ((h - 1) / 20) % 6]) as short_name
from generate_series(1, :homes) h;
update home set short_name = short_name || ' ' || (1 + (h - 1) / 120) where h > 120;
insert into unit (id, name, administration, kind)
select id, short_name || 's vård- och omsorgsboende', 'Äldreförvaltningen ' || (h % 4 + 1), 'NURSING_HOME' from home
on conflict (id) do nothing;
insert into unit (id, name, administration, kind) values (md5('plc-bosam')::uuid, 'Boendesamordningen', 'Äldreförvaltningen 1', 'AUTHORITY')
on conflict (id) do nothing;
insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
select md5('plc-manager' || h)::uuid, 'bench-ec' || h, 'Enhetschef ' || short_name, 'bench-ec' || h || '@bench.invalid',
       '{bcrypt}$2a$04$0jpUM41FOz9oxXJz8bV8OuN/mkG/H.cJqbq1XzBl1ofdlsMJ.Ak0W', null, 'UNIT_MANAGER', id, false, true
from home on conflict (id) do nothing;
-- The benchmark's users: 16 placement coordinators (the matching page and the queue) and 16
-- operations leads (the statistics page, if it wants that role), "Bench2026!" like generate's.
insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
select md5('plc-user' || r || n)::uuid, 'bench-' || r || n, 'Bänk ' || r || ' ' || n, 'bench-' || r || n || '@bench.invalid',
       '{bcrypt}$2a$04$0jpUM41FOz9oxXJz8bV8OuN/mkG/H.cJqbq1XzBl1ofdlsMJ.Ak0W', null,
       case r when 'plc' then 'PLACEMENT_COORDINATOR' else 'OPERATIONS_LEAD' end, md5('plc-bosam')::uuid, false, true
from generate_series(1, 16) n, unnest(array['plc', 'vl']) r on conflict (id) do nothing;
insert into message_group (id, name, kind, unit_id) select id, short_name || 's vård- och omsorgsboende', 'UNIT', id from home
on conflict do nothing;
insert into message_group (id, name, kind, unit_id) values (md5('plc-bosam')::uuid, 'Boendesamordningen', 'UNIT', md5('plc-bosam')::uuid)
on conflict do nothing;
insert into message_group_member (group_id, user_id, added_at) select id, md5('plc-manager' || h)::uuid, now() from home on conflict do nothing;
insert into message_group_member (group_id, user_id, added_at)
select g, md5('plc-userplc' || n)::uuid, now() from generate_series(1, 16) n,
       unnest(array['6d5a0000-0000-4000-8000-000000000001'::uuid, '6d5a0000-0000-4000-8000-000000000005'::uuid]) g
on conflict do nothing;

-- The apartments: spread evenly over the homes, half dementia, numbered per home, with remarks
-- for a fifth and a rent. Each gets its state today.
create temp table apt as
select a, md5('plc-apartment' || a)::uuid as id, 1 + (a - 1) % :homes as h,
       case when pg_temp.u('profile' || a) < 0.5 then 'DEMENTIA' else 'SOMATIC' end as profile,
       case when a <= 3 then 'VACANT' -- so that the smoke run's 60 apartments have some too
            when pg_temp.u('state' || a) < 0.030 then 'VACANT'
            when pg_temp.u('state' || a) < 0.040 then 'ALLOCATED'
            when pg_temp.u('state' || a) < 0.047 then 'OFFERED'
            when pg_temp.u('state' || a) < 0.057 then 'ACCEPTED'
            else 'OCCUPIED' end as state
from generate_series(1, :apartments) a;
insert into apartment (id, unit_id, number, care_profile, remarks, monthly_rent, version)
select a.id, home.id, lpad(((a.a - 1) / :homes + 1)::text, 3, '0') || case when a.a % 7 = 0 then 'B' else '' end, a.profile,
       case when pg_temp.u('remarks' || a.a) < 0.20
            then (array['Litet badrum', 'Balkong mot innergården', 'Nära personalrummet', 'Takbelysning saknas i sovrummet',
                        'Dubbelrum, för sammanboende', 'Bottenvåning, egen uteplats', 'Hiss i närheten'])[1 + floor(pg_temp.u('remark' || a.a) * 7)::int] end,
       round((6200 + 2600 * pg_temp.u('rent' || a.a))::numeric, 0), 0
from apt a join home on home.h = a.h;

-- Tenancies, going back from today (see the header): j = 1 is the latest.
create temp table tenancy as
with params as (
    select a.*, case when state = 'OCCUPIED' then current_date else current_date - (case when state = 'ACCEPTED' then 5 + floor(35 * pg_temp.u('y' || a))
                                                                                           else 2 + floor(58 * pg_temp.u('y' || a)) end)::int end as anchor
    from apt a),
steps as (
    select p.a, p.id as apartment_id, p.h, p.profile, p.state, p.anchor, j,
           case when j = 1 and p.state = 'OCCUPIED' then 1 + floor(2000 * pg_temp.u('x' || p.a))::int
                else 30 + floor(2400 * pg_temp.u('stay' || p.a || '-' || j) ^ 2)::int end as stay,
           case when j = 1 then 0 else 12 + floor(30 * pg_temp.u('gap' || p.a || '-' || j))::int end as gap
    from params p, generate_series(1, 24) j),
dated as (
    select s.*, anchor - (sum(stay + gap) over (partition by a order by j))::int as move_in from steps s)
select a, apartment_id, h, profile, state, j, move_in,
       case when j = 1 and state = 'OCCUPIED' then null else move_in + stay end as move_out
from dated where move_in >= current_date - 3650;
create index on tenancy (a, j);

-- Every decision, numbered, so that each gets its own person (a stride through the register).
create temp table dec (
    n serial, id uuid, kind text, a int, j int, status text, profile text, decided_on date, apartment_id uuid, h int,
    move_in date, vacancy_event date, state text);
-- The residents' decisions (history and today's residents).
insert into dec (id, kind, a, j, status, profile, decided_on, apartment_id, h, move_in, vacancy_event, state)
select md5('plc-decision-t' || t.a || '-' || t.j)::uuid, 'resident', t.a, t.j, 'EXECUTED', t.profile,
       coalesce(prev.move_out + 4, t.move_in - 8) - (14 + floor(300 * pg_temp.u('wait' || t.a || '-' || t.j) ^ 2))::int,
       t.apartment_id, t.h, t.move_in, prev.move_out, t.state
from tenancy t left join tenancy prev on prev.a = t.a and prev.j = t.j + 1
order by t.a, t.j;
-- Declined offers: a fifth of the vacancies that were filled; the decision went back to the queue.
insert into dec (id, kind, a, j, status, profile, decided_on, apartment_id, h, vacancy_event, state)
select md5('plc-decision-d' || t.a || '-' || t.j)::uuid, 'declined', t.a, t.j,
       case when prev.move_out >= current_date - 240 and pg_temp.u('requeue' || t.a || '-' || t.j) < 0.6 then 'QUEUED' else 'WITHDRAWN' end,
       t.profile, prev.move_out - (5 + floor(200 * pg_temp.u('dwait' || t.a || '-' || t.j) ^ 2))::int, t.apartment_id, t.h, prev.move_out, t.state
from tenancy t join tenancy prev on prev.a = t.a and prev.j = t.j + 1
where pg_temp.u('declined' || t.a || '-' || t.j) < 0.2
order by t.a, t.j;
-- Today's incoming residents of the allocated, offered and accepted apartments.
insert into dec (id, kind, a, j, status, profile, decided_on, apartment_id, h, vacancy_event, state)
select md5('plc-decision-i' || t.a)::uuid, 'incoming', t.a, 0, t.state, t.profile,
       t.move_out - (10 + floor(250 * pg_temp.u('iwait' || t.a) ^ 2))::int, t.apartment_id, t.h, t.move_out, t.state
from tenancy t where t.j = 1 and t.state in ('ALLOCATED', 'OFFERED', 'ACCEPTED')
order by t.a;
-- The queue, topped up to 3,000 with decisions of the last 400 days (most recent).
insert into dec (id, kind, a, j, status, profile, decided_on)
select md5('plc-decision-q' || q)::uuid, 'queued', q, 0, 'QUEUED',
       case when pg_temp.u('qprofile' || q) < 0.55 then 'DEMENTIA' else 'SOMATIC' end,
       current_date - floor(400 * pg_temp.u('qwait' || q) ^ 1.7)::int
from generate_series(1, greatest(0, :queued - (select count(*) from dec where status = 'QUEUED'))) q;
create unique index on dec (n);
alter table dec add column person_id uuid, add column case_id uuid, add column officer_id uuid, add column officer_unit uuid,
                add column protected boolean, add column wished_home int;
create temp table officer as select row_number() over (order by username) - 1 as k, id, unit_id from app_user where role = 'CASE_OFFICER';
update dec set person_id = md5('person' || (((n - 1)::int8 * 7919) % :persons + 1))::uuid,
               case_id = md5('plc-case' || n)::uuid,
               wished_home = case when pg_temp.u('wish' || n) < 0.4 then 1 + floor(:homes * pg_temp.u('wished' || n))::int end;
update dec set officer_id = o.id, officer_unit = o.unit_id from officer o where o.k = dec.n % (select count(*) from officer);
update dec set protected = p.protection_level <> 'NONE' from person p where p.id = dec.person_id;
-- Protected persons wait longer (an offer needs the coordinator or the case officer, and fewer homes suit): 300-400 days,
-- and one of each profile longest of all, so that the matching page's candidates include a masked row.
update dec set decided_on = current_date - (300 + floor(100 * pg_temp.u('pwait' || n)))::int where kind = 'queued' and protected;
update dec set decided_on = current_date - 410
 where n in (select min(n) from dec where kind = 'queued' and protected group by profile);

insert into care_case (id, case_number, person_id, unit_id, case_officer_id, subject, status, opened_on, closed_on)
select d.case_id, 'AO-' || extract(year from d.decided_on) || '-' || (800000 + d.n), d.person_id, d.officer_unit, d.officer_id,
       'Ansökan om vård- och omsorgsboende',
       case when d.status = 'WITHDRAWN' or (d.kind = 'resident' and t.move_out is not null) then 'CLOSED' else 'OPEN' end,
       d.decided_on - 30,
       case when d.status = 'WITHDRAWN' then d.vacancy_event + 5 when d.kind = 'resident' then t.move_out end
from dec d left join tenancy t on d.kind = 'resident' and t.a = d.a and t.j = d.j;

insert into placement_decision (id, case_id, person_id, care_profile, wishes, special_reasons, co_resident, current_residence, relative_contact,
                                decided_on, signed_by, signed_at, status, message_id, version, executed_on, execution_due_on, execution_due_rule,
                                execution_late, landlord_notified_on)
select d.id, d.case_id, d.person_id, d.profile,
       case when d.wished_home is not null then 'Önskar ' || wh.short_name || (case when d.n % 3 = 0 then ', nära dottern' else '' end)
            when pg_temp.u('wish' || d.n) < 0.5 then 'Nära familjen i ' || (array['Farsta','Skärholmen','Vällingby','Bromma','Södermalm'])[1 + d.n % 5] end,
       case when pg_temp.u('reasons' || d.n) < 0.2 then (array['Hög vårdtyngd nattetid', 'Fallrisk, bor ensam', 'Make bor redan på boendet'])[1 + d.n % 3] end,
       pg_temp.u('cores' || d.n) < 0.03,
       (array['OWN_HOME', 'OWN_HOME', 'SHORT_STAY', 'HOSPITAL'])[1 + floor(4 * pg_temp.u('residence' || d.n))::int],
       case when pg_temp.u('relative' || d.n) < 0.6 then (array['Dotter', 'Son', 'Make', 'Maka', 'Syster'])[1 + d.n % 5] || ', 070-' || (1000000 + d.n) end,
       d.decided_on, d.officer_id, d.decided_on + time '14:00', d.status, null, 0,
       case when d.kind = 'resident' then least(current_date, d.move_in + (case when pg_temp.u('late' || d.n) < 0.04 then 3 else 0 end)) end,
       case when d.kind = 'resident' then d.move_in + 1 end,
       case when d.kind = 'resident' then 'Verkställs senast nästkommande arbetsdag efter inflyttningen (rutin 003)' end,
       d.kind = 'resident' and pg_temp.u('late' || d.n) < 0.04 and d.move_in + 3 <= current_date,
       case when d.kind = 'resident' then d.move_in end
from dec d left join home wh on wh.h = d.wished_home;

-- Allocations: accepted for the residents, declined for the declined, the current state for the incoming.
insert into allocation (id, decision_id, apartment_id, active_decision_id, active_apartment_id, allocated_by, allocated_at, offer_maker, message_id,
                        status, offered_on, answer_due_on, answer_due_rule, answered_on, move_in_on, move_in_reason, rent_from, version)
select md5('plc-allocation' || d.n)::uuid, d.id, d.apartment_id,
       case when d.kind = 'incoming' then d.id end, case when d.kind = 'incoming' then d.apartment_id end,
       md5('plc-userplc' || (1 + d.n % 16))::uuid,
       (case d.kind when 'resident' then coalesce(d.vacancy_event + 4, d.move_in - 8) when 'declined' then d.vacancy_event + 1
                    else least(current_date - 1, d.vacancy_event + 1 + (case when pg_temp.u('rep' || d.a) < 0.5 then 1 else 0 end)) end) + time '15:00',
       case when d.protected then 'COORDINATOR' else 'UNIT_MANAGER' end, null,
       case d.kind when 'resident' then 'ACCEPTED' when 'declined' then 'DECLINED' else d.status end,
       o.offered_on, case when o.offered_on is not null then o.offered_on + 1 end,
       case when o.offered_on is not null then 'Svar inom en arbetsdag efter erbjudandet (rutin 003)' end,
       case when d.kind = 'resident' or d.kind = 'declined' or d.status = 'ACCEPTED' then o.offered_on + 1 end,
       case when d.kind = 'resident' then d.move_in when d.status = 'ACCEPTED' then o.offered_on + 2 + floor(10 * pg_temp.u('movein' || d.n))::int end,
       null,
       case when d.kind = 'resident' then d.move_in when d.status = 'ACCEPTED' then o.offered_on + 1 end, 0
from dec d
cross join lateral (select case when d.kind = 'resident' then coalesce(d.vacancy_event + 5, d.move_in - 7)
                                when d.kind = 'declined' then d.vacancy_event + 2
                                when d.status in ('OFFERED', 'ACCEPTED') then least(current_date - 1, d.vacancy_event + 3) end as offered_on) o
where d.kind <> 'queued';

-- Vacancies: every move-out, reported by the home's manager within the day (5 % late), ready in 3-10 days.
insert into vacancy (id, apartment_id, reason, event_date, ready_on, due_on, due_rule, case_id, message_id, reported_by, reported_at, late)
select md5('plc-vacancy' || t.a || '-' || t.j)::uuid, t.apartment_id, v.reason, t.move_out,
       t.move_out + 3 + floor(8 * pg_temp.u('ready' || t.a || '-' || t.j))::int,
       case when v.reason = 'DEATH' then t.move_out + 1 end,
       case when v.reason = 'DEATH' then 'Dödsfall meddelas senast nästkommande arbetsdag (rutin 003)' end,
       case when v.reason <> 'RENOVATION' then md5('plc-case' || d.n)::uuid end, null, md5('plc-manager' || t.h)::uuid,
       least(current_date - 1, t.move_out + (case when v.late then 3 when pg_temp.u('rep' || t.a) < 0.5 then 1 else 0 end)) + time '10:00',
       v.late
from tenancy t
join dec d on d.kind = 'resident' and d.a = t.a and d.j = t.j
cross join lateral (select case when t.j = 1 and t.state = 'VACANT' and pg_temp.u('renovation' || t.a) < 0.1 then 'RENOVATION'
                                when pg_temp.u('reason' || t.a || '-' || t.j) < 0.7 then 'DEATH' else 'MOVE_OUT' end as reason,
                           pg_temp.u('vlate' || t.a || '-' || t.j) < 0.05 and pg_temp.u('reason' || t.a || '-' || t.j) < 0.7 as late) v
where t.move_out is not null;

-- vacuum, not only analyze: autovacuum is off on these machines, and the matching page reads the indexes only (visibility map).
vacuum analyze unit; vacuum analyze app_user; vacuum analyze care_case; vacuum analyze apartment; vacuum analyze vacancy;
vacuum analyze placement_decision; vacuum analyze allocation;

select (select count(*) from unit where kind = 'NURSING_HOME') as homes, (select count(*) from apartment) as apartments,
       (select count(*) from placement_decision) as decisions, (select count(*) from placement_decision where status = 'QUEUED') as queued,
       (select count(*) from placement_decision d join person p on p.id = d.person_id where d.status = 'QUEUED' and p.protection_level <> 'NONE') as queued_protected,
       (select count(*) from allocation) as allocations, (select count(*) from vacancy) as vacancies,
       (select min(event_date) from vacancy) as first_vacancy;
select status, count(*) from placement_decision group by status order by status;
select status, count(*) from allocation group by status order by status;
select reason, count(*) from vacancy group by reason order by reason;
select state, count(*) from apt group by state order by state;

-- The database ceiling for one matching page (issue 7): the statements GET /placement/matching
-- runs (read from PostgreSQL's log_statement=all for one request), for pgbench -M prepared at the
-- application's concurrency, on the same data. bench.sh reads the first page the application
-- served and sets with -D:
--   :me, :unit            the coordinator's id and unit (the audit actor)
--   :nconsidered, :considered  the persons the gate's lock check gets: the oldest of each profile and the wishers picked, as '{…}'
--   :shown                the decisions shown as candidates, as '{…}'
--   :npids, :pids         their persons, which the gate lists, as '{…}'
--   :nlocked, :locked     the gate's candidates (locked persons and their protected links), as '{…}'
--   :cases                the shown decisions' cases, whose numbers the case directory gives (issue 14: placement reads no case table), as '{…}'
-- The session holds the user (form login), so no staff row is read. IN lists are one array parameter; the two JDBC batches of audit rows are one statement (same rows, one
-- round trip).

-- Allocations.vacant(): the first page of vacant apartments and how many there are.
BEGIN READ ONLY;
with vacant as (
  select a.id, u.name, a.number, a.care_profile, a.remarks, o.ready_on, count(*) over () as total
  from (select v.apartment_id, max(v.ready_on) as ready_on
        from vacancy v
          left join (select apartment_id, max(allocated_at) as allocated_at from allocation where status = 'ACCEPTED'
                     group by apartment_id) m on m.apartment_id = v.apartment_id
        where m.allocated_at is null or v.reported_at >= m.allocated_at
        group by v.apartment_id) o
    join apartment a on a.id = o.apartment_id
    join unit u on u.id = a.unit_id
  where not exists (select 1 from allocation l where l.active_apartment_id = a.id))
select id, name, number, care_profile, remarks, ready_on, total from vacant
order by ready_on, name, number, id
fetch first 21 rows only;
END;
-- Decisions.candidates(): the oldest of each profile, the queued decisions with a wish (which home
-- a wish names is decided in Java), the gate's lock check, the shown rows, and the gate for their
-- persons with its audit events.
BEGIN;
select d.id, d.person_id, d.care_profile, d.wishes from placement_decision d
 where d.status = 'QUEUED' and d.care_profile = 'SOMATIC' order by d.decided_on, d.id fetch first 6 rows only;
select d.id, d.person_id, d.care_profile, d.wishes from placement_decision d
 where d.status = 'QUEUED' and d.care_profile = 'DEMENTIA' order by d.decided_on, d.id fetch first 6 rows only;
select d.id, d.person_id, d.care_profile, d.wishes from placement_decision d
 where d.status = 'QUEUED' and d.wishes is not null
 order by d.decided_on, d.id;
\if :nconsidered > 0
select p.id, p.personal_identity_number, p.first_name, p.last_name, p.street_address, p.postal_code, p.city, p.phone,
       case when p.protection_level = 'LOCAL_PROTECTION' and p.local_protection_until < current_date then 'NONE'
            else p.protection_level end as protection_level, p.fictitious_name, p.date_of_death, p.local_protection_until
  from person p where p.id = any(:considered::uuid[]);
select r.person_id, r.related_person_id from person_relation r join person q on q.id = r.related_person_id
 where r.person_id = any(:considered::uuid[])
   and case when q.protection_level = 'LOCAL_PROTECTION' and q.local_protection_until < current_date then 'NONE' else q.protection_level end <> 'NONE'
union all
select r.related_person_id, r.person_id from person_relation r join person q on q.id = r.person_id
 where r.related_person_id = any(:considered::uuid[])
   and case when q.protection_level = 'LOCAL_PROTECTION' and q.local_protection_until < current_date then 'NONE' else q.protection_level end <> 'NONE';
\endif
\if :npids > 0
select d.id, d.case_id, d.person_id, d.care_profile, d.decided_on, d.current_residence, d.co_resident, d.wishes,
       d.special_reasons, d.relative_contact
  from placement_decision d
 where d.id = any(:shown::uuid[])
 order by d.decided_on, d.id;
select p.id, p.personal_identity_number, p.first_name, p.last_name, p.street_address, p.postal_code, p.city, p.phone,
       case when p.protection_level = 'LOCAL_PROTECTION' and p.local_protection_until < current_date then 'NONE'
            else p.protection_level end as protection_level, p.fictitious_name, p.date_of_death, p.local_protection_until
  from person p where p.id = any(:pids::uuid[]);
select r.person_id, r.related_person_id from person_relation r join person q on q.id = r.related_person_id
 where r.person_id = any(:pids::uuid[])
   and case when q.protection_level = 'LOCAL_PROTECTION' and q.local_protection_until < current_date then 'NONE' else q.protection_level end <> 'NONE'
union all
select r.related_person_id, r.person_id from person_relation r join person q on q.id = r.person_id
 where r.related_person_id = any(:pids::uuid[])
   and case when q.protection_level = 'LOCAL_PROTECTION' and q.local_protection_until < current_date then 'NONE' else q.protection_level end <> 'NONE';
\if :nlocked > 0
select distinct person_id from case_authorization
 where user_id = :me and person_id = any(:locked::uuid[]) and revoked_at is null and valid_from <= current_date and valid_to >= current_date;
\endif
-- One audit event per listed person (LIST, PLACEMENT_QUEUE) and its place in the sealer's queue; time-ordered ids like the application's.
with e as (
  insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id, person_id, case_id, action, purpose,
                           outcome, client_address)
  select (lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || substr(md5(random()::text || p::text), 1, 20))::uuid,
         now(), :me::uuid, 'bench-plc1', 'PLACEMENT_COORDINATOR', :unit::uuid, p, null, 'LIST', 'PLACEMENT_QUEUE', 'ALLOWED', '127.0.0.1'
    from unnest(:pids::uuid[]) p
  returning id)
insert into audit_pending (event_id) select id from e;
-- CaseDirectory.findAll(): the shown rows' case numbers, and today's protection of their persons (the gate's two reads).
select c.id, c.case_number, c.person_id, c.unit_id, un.name as unit_name, c.status, c.case_officer_id
  from care_case c join unit un on un.id = c.unit_id
 where c.id = any(:cases::uuid[]);
select p.id, p.personal_identity_number, p.first_name, p.last_name, p.street_address, p.postal_code, p.city, p.phone,
       case when p.protection_level = 'LOCAL_PROTECTION' and p.local_protection_until < current_date then 'NONE'
            else p.protection_level end as protection_level, p.fictitious_name, p.date_of_death, p.local_protection_until
  from person p where p.id = any(:pids::uuid[]);
select r.person_id, r.related_person_id from person_relation r join person q on q.id = r.related_person_id
 where r.person_id = any(:pids::uuid[])
   and case when q.protection_level = 'LOCAL_PROTECTION' and q.local_protection_until < current_date then 'NONE' else q.protection_level end <> 'NONE'
union all
select r.related_person_id, r.person_id from person_relation r join person q on q.id = r.person_id
 where r.related_person_id = any(:pids::uuid[])
   and case when q.protection_level = 'LOCAL_PROTECTION' and q.local_protection_until < current_date then 'NONE' else q.protection_level end <> 'NONE';
\endif
END;
-- Decisions.queued(): how many wait.
BEGIN READ ONLY;
select count(*) from placement_decision where status = 'QUEUED';
END;

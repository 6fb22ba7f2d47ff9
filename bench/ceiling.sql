-- The database ceiling for one lookup (issue 5): the statements POST /api/v1/persons/lookup runs,
-- in one transaction, as the benchmark user, for pgbench -M prepared. Same data, same clients.
-- :lookups (rows in bench.lookup) and :officer (bench10's id) are set with -D by bench.sh.
\set n random(1, :lookups)
BEGIN;
-- HTTP Basic: the staff member, on every call.
select u.id, u.username, u.full_name, u.role, u.unit_id, u.grant_right, u.password_hash, u.enabled, un.name, un.administration
  from app_user u join unit un on un.id = u.unit_id where u.username = 'bench10';
-- The personnummer to an id (the pick from bench.lookup is the only statement the app does not run).
select p.id as pid from person p where p.personal_identity_number = (select personal_identity_number from bench.lookup where n = :n) \gset
-- Relatives, the rows, who locks them, the authorisation.
select person_id, related_person_id, kind from person_relation where person_id in (:pid)
union all select related_person_id, person_id, kind from person_relation where related_person_id in (:pid);
select p.id, p.personal_identity_number, p.first_name, p.last_name, p.street_address, p.postal_code, p.city, p.phone,
       case when p.protection_level = 'LOCAL_PROTECTION' and p.local_protection_until < current_date then 'NONE' else p.protection_level end,
       p.fictitious_name, p.date_of_death, p.local_protection_until
  from person p where p.id in (:pid);
select r.person_id, r.related_person_id from person_relation r join person q on q.id = r.related_person_id
 where r.person_id in (:pid) and q.protection_level <> 'NONE'
union all select r.related_person_id, r.person_id from person_relation r join person q on q.id = r.person_id
 where r.related_person_id in (:pid) and q.protection_level <> 'NONE';
select distinct person_id from case_authorization where user_id = :officer and person_id in (:pid)
   and revoked_at is null and valid_from <= current_date and valid_to >= current_date;
-- The audit event and its place in the sealer's queue, in the same transaction.
-- Time-ordered like the application's (UUIDv7: milliseconds first), so the key index grows at its end.
select (lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || substr(md5(random()::text), 1, 20))::uuid as eid \gset
insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id, person_id, case_id, action, purpose,
                         outcome, client_address)
values (:eid, now(), :officer, 'bench10', 'CASE_OFFICER', null, :pid, null, 'VIEW', 'API_LOOKUP', 'ALLOWED', '127.0.0.1');
insert into audit_pending (event_id) values (:eid);
END;

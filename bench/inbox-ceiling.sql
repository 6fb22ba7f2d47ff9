-- The database ceiling for one inbox page (issue 6): the statements GET /api/v1/messages/inbox
-- runs (read from PostgreSQL's log_statement=all for one request), for pgbench -M prepared at
-- the application's concurrency, on the same data. bench.sh sets with -D:
--   :me, :unit         bench-inbox's id and unit (the audit actor)
--   :next, :at, :after  0 for the first page; 1 and the cursor (time, id) for the next page
--   :npids, :pids       how many distinct persons the page links to, and their ids as '{…}'
--   :nlocked, :locked   the gate's candidates (locked persons and their protected links), as '{…}'
-- The application sends each IN list as "in ($2, $3, …)", which PostgreSQL plans as
-- "= any(array[…])": here it is one array parameter. It writes the page's audit events as two
-- JDBC batches (one round trip each, one row per person); here both are one statement, which
-- costs the database the same rows and index entries in one round trip (slightly generous).

-- HTTP Basic: the staff member, on every call, before the transaction (autocommit).
select u.id, u.username, u.full_name, u.role, u.unit_id, u.grant_right, u.password_hash, u.enabled,
       un.name as unit_name, un.administration
  from app_user u join unit un on un.id = u.unit_id where u.username = 'bench-inbox';
BEGIN;
-- The page (limit + 1, to know whether there is a next one), newest first by keyset.
\if :next
select d.message_id, m.thread_id, m.type, m.subject, m.case_number, m.person_id, d.sent_at, d.read_at, s.full_name
  from message_delivery d join message m on m.id = d.message_id join app_user s on s.id = m.sender_id
 where d.user_id = :me and d.archived = false and (d.sent_at, d.message_id) < (:at, :after)
 order by d.sent_at desc, d.message_id desc limit 21;
\else
select d.message_id, m.thread_id, m.type, m.subject, m.case_number, m.person_id, d.sent_at, d.read_at, s.full_name
  from message_delivery d join message m on m.id = d.message_id join app_user s on s.id = m.sender_id
 where d.user_id = :me and d.archived = false
 order by d.sent_at desc, d.message_id desc limit 21;
\endif
-- The unread count.
select count(*) from message_delivery where user_id = :me and archived = false and read_at is null;
\if :npids > 0
-- The disclosure gate (PersonDisclosure.list): the persons, their protected links, the authorisation.
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
-- One audit event per listed person (LIST, MESSAGE_INBOX) and its place in the sealer's queue.
-- Time-ordered ids like the application's (UUIDv7: milliseconds first).
with e as (
  insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id, person_id, case_id, action, purpose,
                           outcome, client_address)
  select (lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || substr(md5(random()::text || p::text), 1, 20))::uuid,
         now(), :me::uuid, 'bench-inbox', 'CASE_OFFICER', :unit::uuid, p, null, 'LIST', 'MESSAGE_INBOX', 'ALLOWED', '127.0.0.1'
    from unnest(:pids::uuid[]) p
  returning id)
insert into audit_pending (event_id) select id from e;
\endif
END;

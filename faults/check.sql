-- The fault campaign's checker (issue 15), as the owner, after the crashes and a clean restart:
--   psql -At -F ' ' -f faults/check.sql < target/faults/ledger.tsv
-- One line per figure; faults/faults.sh sums them and decides:
--   missing KIND N ACKNOWLEDGED         acknowledged writes (the client's ledger) not in the database
--   duplicates KIND N                   effects beyond the first for one idempotency key
--   audit PURPOSE NO_EVENT NO_ROW ROWS  business changes without their audit event, and the other way round
--   stored-unacknowledged KIND N        written but never acknowledged (the answer was lost in a crash): allowed
-- The writers put "Felprov <key>" in a text field of every case, message, decision and deviation, so
-- a duplicate is found by its key whatever the application stores the key in.
\set ON_ERROR_STOP on
create temp table ledger (writer int, kind text, key text, id text, status int, attempts int, retried boolean);
\copy ledger from pstdin

-- 1. Every acknowledged write is there.
select 'missing', k.kind, count(*) filter (where not found), count(*)
from (select l.kind,
             case l.kind
                 when 'message' then exists (select 1 from message m where m.id = l.id::uuid and m.subject = 'Felprov ' || l.key)
                 when 'case' then exists (select 1 from care_case c where c.case_number = l.id and c.subject = 'Felprov ' || l.key)
                 when 'decision' then exists (select 1 from placement_decision d where d.id = l.id::uuid and d.wishes = 'Felprov ' || l.key)
                 when 'allocation' then exists (select 1 from allocation a where a.id = l.id::uuid)
                 when 'offer' then exists (select 1 from allocation a where a.id = l.id::uuid and a.offered_on is not null)
                 when 'answer' then exists (select 1 from allocation a where a.id = l.id::uuid and a.status = 'ACCEPTED')
                 when 'grant' then exists (select 1 from case_authorization g where g.id = l.id::uuid)
                 when 'deviation' then exists (select 1 from deviation v where v.id = l.id::uuid and v.description = 'Felprov ' || l.key)
             end as found
      from ledger l) k
group by k.kind order by k.kind;

-- 2. One effect per key.
select 'duplicates', 'message', coalesce(sum(n - 1), 0) from (select count(*) n from message where subject like 'Felprov %' group by subject) x;
select 'duplicates', 'case', coalesce(sum(n - 1), 0) from (select count(*) n from care_case where subject like 'Felprov %' group by subject) x;
select 'duplicates', 'decision', coalesce(sum(n - 1), 0) from (select count(*) n from placement_decision where wishes like 'Felprov %' group by wishes) x;
select 'duplicates', 'deviation', coalesce(sum(n - 1), 0) from (select count(*) n from deviation where description like 'Felprov %' group by description) x;
-- A writer allocates a decision once and grants a planner a case once.
select 'duplicates', 'allocation', coalesce(sum(n - 1), 0) from (select count(*) n from allocation group by decision_id) x;
select 'duplicates', 'grant', coalesce(sum(n - 1), 0)
from (select count(*) n from case_authorization g join app_user u on u.id = g.granted_by where u.username like 'faults-lvs%'
      group by g.case_id, g.user_id) x;
-- An offer or an answer recorded twice documents itself twice in the case's journal.
select 'duplicates', 'journal', coalesce(sum(n - 1), 0) from (select count(*) n from case_journal_entry group by case_id, text) x;

-- 3. Each business change and its audit event (AUD-1), in both directions. audit_event carries the
-- person, the case and the actor, not the row: per purpose the rows and the allowed events are
-- counted per case (per person where there is no case, per actor where there is neither) and compared.
with expected (purpose, case_id, person_id, actor) as (
    select 'SEND', case_id, null::uuid, case when case_id is null then sender_id end from message
    -- Opening a case is audited twice: on the case (the rule) and on the person (the gate, before the case exists).
    union all select 'NEW_CASE', id, null, null from care_case where subject like 'Felprov %'
    union all select 'NEW_CASE', null, person_id, null from care_case where subject like 'Felprov %'
    union all select 'SIGN_DECISION', case_id, null, null from placement_decision
    union all select 'ALLOCATE', d.case_id, null, null from allocation a join placement_decision d on d.id = a.decision_id
    union all select 'RECORD_OFFER', d.case_id, null, null from allocation a join placement_decision d on d.id = a.decision_id where a.offered_on is not null
    union all select 'RECORD_ANSWER', d.case_id, null, null from allocation a join placement_decision d on d.id = a.decision_id where a.answered_on is not null
    union all select 'AUTHORIZATION_GRANTED', case_id, null, null from case_authorization
    union all select 'DEVIATION', case_id, null, case when case_id is null then reported_by end from deviation
    union all select 'JOURNAL', case_id, null, null from case_journal_entry
), recorded as (
    select purpose, case_id, case when case_id is null then person_id end as person_id,
           case when case_id is null and person_id is null then actor_user_id end as actor
    from audit_event
    where outcome = 'ALLOWED' and purpose in (select distinct purpose from expected)
), rows_per as (select purpose, case_id, person_id, actor, count(*) n from expected group by 1, 2, 3, 4),
   events_per as (select purpose, case_id, person_id, actor, count(*) n from recorded group by 1, 2, 3, 4)
select 'audit', p.purpose,
       coalesce(sum(greatest(coalesce(r.n, 0) - coalesce(e.n, 0), 0)), 0),
       coalesce(sum(greatest(coalesce(e.n, 0) - coalesce(r.n, 0), 0)), 0),
       coalesce(sum(r.n), 0)
from (values ('SEND'), ('NEW_CASE'), ('SIGN_DECISION'), ('ALLOCATE'), ('RECORD_OFFER'), ('RECORD_ANSWER'), ('AUTHORIZATION_GRANTED'),
             ('DEVIATION'), ('JOURNAL')) p(purpose)
left join (rows_per r full join events_per e on e.purpose = r.purpose and e.case_id is not distinct from r.case_id
                                              and e.person_id is not distinct from r.person_id and e.actor is not distinct from r.actor)
       on p.purpose = coalesce(r.purpose, e.purpose)
group by p.purpose order by p.purpose;

-- 4. Written, never acknowledged: a crash took the answer. Allowed; shown so the figures add up.
select 'stored-unacknowledged', 'message', count(*) from message m
where m.subject like 'Felprov %' and not exists (select 1 from ledger l where l.kind = 'message' and 'Felprov ' || l.key = m.subject);
select 'stored-unacknowledged', 'case', count(*) from care_case c
where c.subject like 'Felprov %' and not exists (select 1 from ledger l where l.kind = 'case' and 'Felprov ' || l.key = c.subject);
select 'stored-unacknowledged', 'decision', count(*) from placement_decision d
where d.wishes like 'Felprov %' and not exists (select 1 from ledger l where l.kind = 'decision' and 'Felprov ' || l.key = d.wishes);
select 'stored-unacknowledged', 'deviation', count(*) from deviation d
where d.description like 'Felprov %' and not exists (select 1 from ledger l where l.kind = 'deviation' and 'Felprov ' || l.key = d.description);

-- The audit search filters by user name and by unit (AUD-3); each needs its own index.
create index audit_event_actor_username on audit_event (actor_username, occurred_at);
create index audit_event_actor_unit on audit_event (actor_unit_id, occurred_at);

-- The application connects as ${app_role}; Flyway migrates as the owner. The application role
-- may only INSERT and SELECT audit data: it can never change or delete an audit event, a seal
-- or a checkpoint (AUD-2). The sealer needs to remove rows from the pending queue only.
-- The role itself is created by docs/postgresql-setup.sql (or .ci/run); where it does not
-- exist (a single-role installation) these grants are skipped and the production start-up
-- check refuses to run.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant usage on schema public to ${app_role}';
        execute 'grant select, insert, update, delete on unit, app_user, person, person_relation, care_case, case_authorization, event_publication, shedlock to ${app_role}';
        execute 'grant select, insert on audit_event, audit_seal, audit_checkpoint to ${app_role}';
        execute 'grant select, insert, delete on audit_pending to ${app_role}';
        execute 'grant usage, select on all sequences in schema public to ${app_role}';
    end if;
end
$$;

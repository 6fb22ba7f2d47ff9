-- Issue 15: keys older than omsorgsnav.idempotency.keep are forgotten by the application
-- (IdempotentRequests.forgetOld): its role may delete them, nothing else of the table changes.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant delete on idempotent_request to ${app_role}';
    end if;
end
$$;

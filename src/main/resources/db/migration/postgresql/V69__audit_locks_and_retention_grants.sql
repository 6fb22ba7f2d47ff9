-- SELECT ... FOR UPDATE needs the UPDATE privilege on the locked table; the lock table holds
-- nothing but the jobs' names.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, update on audit_lock to ${app_role}';
    end if;
end
$$;

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, insert, update on idempotent_request to ${app_role}';
    end if;
end
$$;

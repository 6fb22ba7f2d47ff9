-- 67.1: Flyway allows one migration per version across the common and postgresql locations; the table is V67 (common).
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, insert, update on idempotent_request to ${app_role}';
    end if;
end
$$;

-- Apartments are kept (updated) by unit managers; vacancy reports are records and never change.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, insert, update on apartment to ${app_role}';
        execute 'grant select, insert on vacancy to ${app_role}';
    end if;
end
$$;

-- An intake is recorded once, with its case, and never changed.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, insert on case_intake to ${app_role}';
    end if;
end
$$;

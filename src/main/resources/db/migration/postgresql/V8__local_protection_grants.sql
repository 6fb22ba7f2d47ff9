do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, insert on case_journal_entry to ${app_role}';
        execute 'grant select, insert, update on follow_up to ${app_role}';
    end if;
end
$$;

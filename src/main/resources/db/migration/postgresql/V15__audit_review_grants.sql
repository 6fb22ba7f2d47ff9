-- A review is opened and later concluded (UPDATE of its own row); its items are insert-only.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, insert, update on audit_review to ${app_role}';
        execute 'grant select, insert on audit_review_item to ${app_role}';
    end if;
end
$$;

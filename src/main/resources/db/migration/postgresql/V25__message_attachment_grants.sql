-- Attachments are written once with their message and never changed or deleted (MSG-7).
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, insert on message_attachment to ${app_role}';
    end if;
end
$$;

-- LVS changes where structured message types go (MSG-4: rules are data an administrator changes).
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant delete on message_routing_rule to ${app_role}';
    end if;
end
$$;

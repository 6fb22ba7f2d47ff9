-- Messages are never deleted by the application (MSG, DESIGN "never lost"): no DELETE on them.
-- Group members are added and removed by unit managers; deliveries change read and archive state.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, insert on message_group, message_routing_rule to ${app_role}';
        execute 'grant select, insert, delete on message_group_member to ${app_role}';
        execute 'grant select, insert on message, message_field, message_addressee to ${app_role}';
        execute 'grant select, insert, update on message_delivery to ${app_role}';
    end if;
end
$$;

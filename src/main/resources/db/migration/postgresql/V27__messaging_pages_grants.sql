-- LVS names a system group's responsible user (MSG-6); users change their own notification setting.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant update (responsible_user_id) on message_group to ${app_role}';
        execute 'grant select, insert, update on message_notification_setting to ${app_role}';
    end if;
end
$$;

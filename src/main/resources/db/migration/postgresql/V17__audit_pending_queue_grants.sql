-- Queuing an audit event draws its place from the queue's sequence.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant usage, select on sequence audit_pending_seq to ${app_role}';
    end if;
end
$$;

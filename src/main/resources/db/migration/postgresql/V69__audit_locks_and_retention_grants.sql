-- SELECT ... FOR UPDATE needs the UPDATE privilege on the locked table; the lock table holds
-- nothing but the jobs' names. The retention anchors, kept links and the chain's identity are
-- insert-only for the application, like the rest of the audit data (AUD-2).
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant select, update on audit_lock to ${app_role}';
        execute 'grant select, insert on audit_retention_anchor, audit_kept_link, audit_chain_identity to ${app_role}';
    end if;
end
$$;

-- Retention (AUD-6) removes audit rows, which the application role may not. It calls this
-- function instead, which runs with its owner's (the migration role's) rights and removes only
-- what the rule allows, whatever it is asked: links whose events are older than five years by
-- the database's clock and held by no open review. Asked for anything else, it removes nothing
-- and fails, and the run rolls back whole. A review opened meanwhile keeps its events: its items
-- are not deleted (only those of concluded reviews are) and their foreign key stops the delete.
create function audit_remove_expired(p_seqs bigint[]) returns bigint
    language plpgsql
    security definer
    set search_path = public, pg_temp
as $$
declare
    wanted  bigint := coalesce(cardinality(p_seqs), 0);
    allowed bigint;
    removed bigint;
begin
    create temporary table audit_expired on commit drop as
        select s.seq, s.event_id
        from audit_seal s join audit_event e on e.id = s.event_id
        where s.seq = any (p_seqs)
          and e.occurred_at < now() - interval '5 years'
          and not exists (select 1 from audit_review_item i join audit_review r on r.id = i.review_id
                          where i.event_id = s.event_id and r.status = 'OPEN');
    select count(*) into allowed from audit_expired;
    if allowed <> wanted then
        raise exception 'AUD-6: % of the % audit links asked for are younger than five years, held by an open review or do not exist',
            wanted - allowed, wanted;
    end if;
    delete from audit_review_item i using audit_review r
        where r.id = i.review_id and r.status = 'CONCLUDED' and i.event_id in (select event_id from audit_expired);
    delete from audit_kept_link where seq in (select seq from audit_expired);
    delete from audit_seal where seq in (select seq from audit_expired);
    delete from audit_event where id in (select event_id from audit_expired);
    get diagnostics removed = row_count;
    drop table audit_expired;
    return removed;
end
$$;
revoke all on function audit_remove_expired(bigint[]) from public;

do $$
begin
    if exists (select 1 from pg_roles where rolname = '${app_role}') then
        execute 'grant execute on function audit_remove_expired(bigint[]) to ${app_role}';
    end if;
end
$$;

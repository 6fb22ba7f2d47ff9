-- Roles for a PostgreSQL installation of Omsorgsnav. Run once as a superuser, then create the
-- database owned by omsorgsnav_owner:
--   psql -U postgres -f docs/postgresql-setup.sql
--   psql -U postgres -c "create database omsorgsnav owner omsorgsnav_owner"
--   psql -U postgres -d omsorgsnav -c "alter schema public owner to omsorgsnav_owner"
-- and set passwords (alter role ... password '...').
--
-- omsorgsnav_owner owns the schema and runs the Flyway migrations (spring.flyway.user).
-- omsorgsnav_app is what the application connects as (spring.datasource.username): the
-- migrations grant it SELECT and INSERT on the audit tables and never UPDATE or DELETE, so the
-- application cannot change or remove an audit event (AUD-2).
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'omsorgsnav_owner') then
        create role omsorgsnav_owner login;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'omsorgsnav_app') then
        create role omsorgsnav_app login;
    end if;
end
$$;

-- Messaging, slice 2: the sent view, the unread-reminder (MSG-6), the fee officers' routing rule
-- and the e-mail notification setting (MSG-1).

-- The sent view reads a sender's messages newest first, by keyset.
create index message_sender on message (sender_id, sent_at desc, id desc);

-- MSG-6: who answers for a group's unread messages. A unit's group answers to the unit's managers
-- (from the unit, not stored); a system group names its responsible user here, kept by LVS.
alter table message_group add column responsible_user_id uuid references app_user (id);

-- The reminder reads a group's deliveries by time, for the groups one manager answers for.
create index message_delivery_via_group on message_delivery (via_group_id, sent_at);

-- 002 §5.9: information to the fee officer goes to all fee officers.
insert into message_routing_rule (message_type, group_id) values ('FEE_INFORMATION', '6d5a0000-0000-4000-8000-000000000004');

-- MSG-1: a user may ask to be told by e-mail that a message waits; the e-mail never says more.
create table message_notification_setting (
    user_id    uuid primary key references app_user (id),
    by_email   boolean not null,
    changed_at timestamp with time zone not null
);

-- Attachments of messages (MSG-7), stored in the database with their message: sent in the same
-- transaction, never changed, never deleted by the application. content_type is the type sniffed
-- from the bytes when the message was sent (never the client's), sha256 the hex digest of content.
-- bytea is PostgreSQL's binary column, kept out of line (TOAST), so that listing a message's
-- attachments does not read their bytes; H2 takes it as BINARY VARYING (up to 1,000,000,000 bytes).
create table message_attachment (
    id           uuid primary key,
    message_id   uuid         not null references message (id),
    ordinal      int          not null,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    constraint message_attachment_order unique (message_id, ordinal),
    constraint message_attachment_size check (size_bytes > 0)
);

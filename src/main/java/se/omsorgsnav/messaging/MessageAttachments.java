package se.omsorgsnav.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import se.omsorgsnav.access.AccessControl;

/**
 * The files that travel with a message (MSG-7): checked and stored with it, listed with it, and
 * downloaded by its sender and recipients only, every download audited. An attachment may name
 * the person (a level measurement does), so for a reader to whom the message's person is masked
 * (PROT-3) it is withheld: listed as "Bilaga n" with type and size only, and not downloadable.
 */
@Component
public class MessageAttachments {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final MessageAccess access;
    private final AccessControl control;
    private final int maxCount;
    private final DataSize maxSize;

    MessageAttachments(JdbcClient jdbc, JdbcTemplate batch, MessageAccess access, AccessControl control,
                       @Value("${omsorgsnav.messaging.attachments.max-count:5}") int maxCount,
                       @Value("${omsorgsnav.messaging.attachments.max-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.access = access;
        this.control = control;
        this.maxCount = maxCount;
        this.maxSize = maxSize;
    }

    /** The files as they will be stored, or a Swedish 400 (field {@code attachments}) before anything is. */
    List<AttachmentGuard.Checked> check(List<NewAttachment> files) {
        return AttachmentGuard.check(files, maxCount, maxSize);
    }

    /** In the sender's transaction, after the message row: one batch, whatever the number of files. */
    void store(UUID messageId, List<AttachmentGuard.Checked> files) {
        if (files.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            AttachmentGuard.Checked f = files.get(i);
            rows.add(new Object[] {UUID.randomUUID(), messageId, i + 1, f.filename(), f.contentType(), (long) f.content().length, f.sha256(),
                    f.content()});
        }
        batch.batchUpdate("""
                insert into message_attachment (id, message_id, ordinal, filename, content_type, size_bytes, sha256, content)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, rows, rows.size(), (ps, row) -> {
            for (int i = 0; i < 7; i++) {
                ps.setObject(i + 1, row[i]);
            }
            ps.setBytes(8, (byte[]) row[7]);
        });
    }

    /** A message's attachments in one statement, without their bytes; withheld ones without their names. */
    List<MessageView.Attachment> list(UUID messageId, boolean withheld) {
        return jdbc.sql("select id, ordinal, filename, content_type, size_bytes from message_attachment where message_id = ? order by ordinal")
                .param(messageId)
                .query((rs, n) -> new MessageView.Attachment(rs.getObject(1, UUID.class),
                        withheld ? "Bilaga " + rs.getInt(2) : rs.getString(3), rs.getString(4), rs.getLong(5), withheld))
                .list();
    }

    /**
     * One attachment for download: "Behörighet saknas" alike for a stranger, a message or
     * attachment that does not exist, and a reader — the sender too — to whom the message's person
     * is masked today; each download and each refusal recorded with the message's person and case.
     */
    @Transactional
    public AttachmentFile download(UUID messageId, UUID attachmentId) {
        Optional<MessageAccess.Readable> message = access.find(messageId);
        Optional<AttachmentFile> file = message.isEmpty() ? Optional.empty()
                : jdbc.sql("select filename, content_type, content from message_attachment where id = ? and message_id = ?")
                        .params(attachmentId, messageId)
                        .query((rs, n) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                        .optional();
        // One decision for all: not named, no such message or file, and the person masked today answer alike. A file
        // that is not there names no user, so asking for it is denied like a stranger's request, with the message's person.
        control.require(MessageAction.DOWNLOAD_ATTACHMENT,
                message.map(m -> file.isPresent() ? m.target() : m.target().withUsers(java.util.Set.of())));
        return file.orElseThrow();
    }
}

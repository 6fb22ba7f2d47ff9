package se.omsorgsnav.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A message as one reader may see it, decided when it is read (PROT-25). For a reader to whom the
 * case's person is masked — the sender too — the subject is the case number, every field but the
 * neutral ones is left out (named in {@code withheldFields}), and so are the text
 * ({@code bodyWithheld}) and the names of the attachments, which may name the person too: they are
 * listed as withheld (MSG-7). {@code unread}: it reached this reader, who has not yet marked it read.
 */
public record MessageView(UUID id, UUID threadId, UUID replyTo, MessageType type, String typeTitle, String subject, String body,
                          boolean bodyWithheld, Map<String, String> fields, List<String> withheldFields, String caseNumber,
                          MessagePerson person, String sender, OffsetDateTime sentAt, List<String> recipientUsers,
                          List<String> recipientGroups, List<ReadReceipt> readReceipts, List<Attachment> attachments, boolean unread) {

    /** A member of an addressed group and whether (when) they have read it. */
    public record ReadReceipt(String group, String user, OffsetDateTime readAt) {}

    /**
     * A file that travels with the message: its type as sniffed when it was sent. Withheld from a
     * reader to whom the person is masked: named "Bilaga n" only, and not downloadable.
     */
    public record Attachment(UUID id, String filename, String contentType, long sizeBytes, boolean withheld) {}
}

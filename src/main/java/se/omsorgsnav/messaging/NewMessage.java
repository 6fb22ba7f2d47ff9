package se.omsorgsnav.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A message as the sender asks for it. The person is never in it: {@code caseNumber} links the
 * case, and the gate shows the person. {@code replyTo} puts it in the thread of an earlier message
 * and, without recipients, sends it back to that message's sender. {@code confirmBodyWarning}: the
 * sender has read the warning that the text names the protected person and sends it anyway (MSG-8).
 * {@code attachments}: the files that travel with the message, stored with it or not at all (MSG-7).
 */
public record NewMessage(String idempotencyKey, String type, String subject, String body, String caseNumber,
                         List<String> recipientUsers, List<UUID> recipientGroups, Map<String, String> fields, UUID replyTo,
                         boolean confirmBodyWarning, List<NewAttachment> attachments) {

    /** A message without attachments. */
    public NewMessage(String idempotencyKey, String type, String subject, String body, String caseNumber, List<String> recipientUsers,
                      List<UUID> recipientGroups, Map<String, String> fields, UUID replyTo, boolean confirmBodyWarning) {
        this(idempotencyKey, type, subject, body, caseNumber, recipientUsers, recipientGroups, fields, replyTo, confirmBodyWarning, List.of());
    }

    public NewMessage {
        recipientUsers = recipientUsers == null ? List.of() : recipientUsers.stream().filter(java.util.Objects::nonNull).toList();
        recipientGroups = recipientGroups == null ? List.of() : recipientGroups.stream().filter(java.util.Objects::nonNull).toList();
        fields = fields == null ? Map.of() : fields;
        attachments = attachments == null ? List.of() : attachments.stream().filter(java.util.Objects::nonNull).toList();
    }
}

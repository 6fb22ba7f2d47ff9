package se.omsorgsnav.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the inbox: no text, only what tells the reader whether to open it. */
public record InboxItem(UUID id, UUID threadId, MessageType type, String typeTitle, String subject, String sender, OffsetDateTime sentAt,
                        boolean read, String caseNumber, MessagePerson person) {}

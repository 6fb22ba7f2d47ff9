package se.omsorgsnav.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the sent view: what was sent, to how many, and how many have read it. */
public record SentItem(UUID id, UUID threadId, MessageType type, String typeTitle, String subject, OffsetDateTime sentAt, String caseNumber,
                       MessagePerson person, long recipients, long read) {}

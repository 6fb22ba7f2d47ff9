package se.omsorgsnav.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A message of a thread that this reader may open; {@code current} marks the one on screen. */
public record ThreadItem(UUID id, String subject, String sender, OffsetDateTime sentAt, boolean current) {}

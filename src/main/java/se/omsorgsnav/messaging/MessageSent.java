package se.omsorgsnav.messaging;

import java.util.List;
import java.util.UUID;

/**
 * A message was delivered to these users. Published inside the sending transaction; whoever
 * listens hears it only after it committed. It carries ids only, never a subject or a text.
 */
public record MessageSent(UUID messageId, List<UUID> recipients) {}

package se.omsorgsnav.messaging;

import java.util.List;

/** A page of the sent view, newest first; {@code nextCursor} fetches the next page, null on the last. */
public record SentPage(List<SentItem> items, String nextCursor) {}

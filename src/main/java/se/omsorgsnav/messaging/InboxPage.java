package se.omsorgsnav.messaging;

import java.util.List;

/** A page of the inbox, newest first; {@code nextCursor} fetches the next page, null on the last. */
public record InboxPage(List<InboxItem> items, long unread, String nextCursor) {}

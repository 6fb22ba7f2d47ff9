package se.omsorgsnav.messaging;

/** An attachment as it is downloaded: its name, the type sniffed when it was sent, and its bytes. */
public record AttachmentFile(String filename, String contentType, byte[] content) {}

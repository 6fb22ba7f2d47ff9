package se.omsorgsnav.messaging;

/**
 * A file the sender attaches to a message (MSG-7): the name as the client gave it (any path is
 * stripped) and the bytes. Its type is never taken from the client: it is sniffed from the bytes.
 */
public record NewAttachment(String filename, byte[] content) {

    public NewAttachment {
        content = content == null ? new byte[0] : content;
    }
}

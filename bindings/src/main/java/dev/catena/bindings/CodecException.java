package dev.catena.bindings;

/**
 * Input that a codec cannot turn into a {@link Message} (or a message that cannot be encoded).
 * The message names what was found and where ("line 7, column 12: ...").
 */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }

    public CodecException(String message) {
        super(message);
    }
}

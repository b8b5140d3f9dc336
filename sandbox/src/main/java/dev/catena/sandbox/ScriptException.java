package dev.catena.sandbox;

/**
 * Every failure of a guest script, mapped once at the sandbox boundary. The message starts with
 * the script location ({@code steps/total.js:3:17}) and says what happened.
 */
public final class ScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as a step's error policy sees it. */
    public enum Kind {
        /** The script does not parse or does not export {@code transform}. */
        SYNTAX(false),
        /** The script threw (or a value it returned could not be used). */
        GUEST_ERROR(false),
        /** The wall-time limit stopped the call. */
        TIMEOUT(true),
        /** The statement limit stopped the call. */
        STATEMENT_LIMIT(false),
        /** The script tried something the sandbox forbids (IO, host classes, threads, processes). */
        SANDBOX_VIOLATION(false),
        /** The record or the script's output exceeded the size bound. */
        TOO_LARGE(false),
        /** The script returned something that is not a message, null or a list of messages. */
        BAD_RESULT(false),
        /** GraalVM itself failed; the context was discarded. */
        INTERNAL(true);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether a retry of the same input could succeed. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    private final Kind kind;
    private final transient SourceLocation location;
    private final String guestMessage;

    public ScriptException(Kind kind, SourceLocation location, String guestMessage, Throwable cause) {
        super((location == null ? "" : location + ": ") + guestMessage, cause);
        this.kind = kind;
        this.location = location;
        this.guestMessage = guestMessage;
    }

    public Kind kind() {
        return kind;
    }

    /** Where in the script, or null if no guest frame was found. */
    public SourceLocation location() {
        return location;
    }

    /** The message without the location prefix. */
    public String guestMessage() {
        return guestMessage;
    }
}

package dev.catena.host;

import dev.catena.sandbox.ScriptException;

/** Classes of step failure, as error policies, dead-letter headers and Connect see them. */
public enum ErrorClass {
    /** The script threw, or returned something unusable. */
    SCRIPT_ERROR(false),
    /** A time limit stopped the step. */
    TIMEOUT(true),
    /** The script tried something the sandbox forbids, or hit its statement limit. */
    SANDBOX_VIOLATION(false),
    /** The record itself is unusable (malformed input, too large, wrong type). */
    BAD_DATA(false),
    /** Something outside the record failed (a lookup, a service); a retry may help. */
    DEPENDENCY_FAILURE(true),
    /** Catena or GraalVM failed. */
    INTERNAL(true);

    private final boolean transientFailure;

    ErrorClass(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /** Whether retrying the same record could succeed. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The class of a sandbox failure. */
    public static ErrorClass of(ScriptException.Kind kind) {
        return switch (kind) {
            case SYNTAX, GUEST_ERROR, BAD_RESULT -> SCRIPT_ERROR;
            case TIMEOUT -> TIMEOUT;
            case STATEMENT_LIMIT, SANDBOX_VIOLATION -> SANDBOX_VIOLATION;
            case TOO_LARGE -> BAD_DATA;
            case INTERNAL -> INTERNAL;
        };
    }

    /** Kebab-case name used in headers and chain files: {@code script-error}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}

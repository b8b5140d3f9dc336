package dev.catena.host;

import dev.catena.sandbox.SourceLocation;

/**
 * A step failed on a record. The message names chain, step, script location and record:
 * {@code chain orders, step total (steps/total.js:3:17), input line 4: TypeError: ...}.
 */
public final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String chain;
    private final String stepId;
    private final ErrorClass errorClass;
    private final transient SourceLocation location;
    private final String record;
    private final String reason;
    private final int attempts;

    public StepFailure(String chain, String stepId, ErrorClass errorClass, SourceLocation location, String record,
            String reason, Throwable cause) {
        this(chain, stepId, errorClass, location, record, reason, cause, 1);
    }

    private StepFailure(String chain, String stepId, ErrorClass errorClass, SourceLocation location, String record,
            String reason, Throwable cause, int attempts) {
        super("chain " + chain + ", step " + stepId + (location == null ? "" : " (" + location + ")")
                + ", " + record + ": " + reason + (attempts > 1 ? " (after " + attempts + " attempts)" : ""), cause);
        this.chain = chain;
        this.stepId = stepId;
        this.errorClass = errorClass;
        this.location = location;
        this.record = record;
        this.reason = reason;
        this.attempts = attempts;
    }

    /** The same failure, counted as the last of {@code n} attempts. */
    public StepFailure withAttempts(int n) {
        StepFailure f = new StepFailure(chain, stepId, errorClass, location, record, reason, getCause(), n);
        f.setStackTrace(getStackTrace());
        return f;
    }

    /** How many attempts were made (1 without retries). */
    public int attempts() {
        return attempts;
    }

    public String chain() {
        return chain;
    }

    public String stepId() {
        return stepId;
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    /** Script location, or null for a built-in step or when no guest frame was found. */
    public SourceLocation location() {
        return location;
    }

    /** The record's description: "input line 4" or "topic t partition 0 offset 7". */
    public String record() {
        return record;
    }

    /** What went wrong, without the chain/step/record prefix. */
    public String reason() {
        return reason;
    }
}

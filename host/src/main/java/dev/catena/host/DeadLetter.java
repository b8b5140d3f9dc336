package dev.catena.host;

import dev.catena.bindings.Headers;
import dev.catena.bindings.Message;

/**
 * A failed record as it goes to a dead-letter destination: the record as it entered the
 * chain, plus headers saying what failed where.
 *
 * <table>
 * <caption>Dead-letter headers</caption>
 * <tr><td>{@code catena.error.chain}</td><td>chain name</td></tr>
 * <tr><td>{@code catena.error.step}</td><td>step id</td></tr>
 * <tr><td>{@code catena.error.class}</td><td>{@link ErrorClass#id()}: script-error, timeout, ...</td></tr>
 * <tr><td>{@code catena.error.message}</td><td>what went wrong</td></tr>
 * <tr><td>{@code catena.error.location}</td><td>script file:line:column, when known</td></tr>
 * <tr><td>{@code catena.error.attempts}</td><td>attempts made (1 without retries)</td></tr>
 * <tr><td>{@code catena.error.record}</td><td>where the record came from: input line or topic/partition/offset</td></tr>
 * <tr><td>{@code catena.error.time}</td><td>epoch millis of the failure</td></tr>
 * </table>
 */
public final class DeadLetter {
    public static final String PREFIX = "catena.error.";

    private DeadLetter() {
    }

    /** The dead letter for a failed record. */
    public static Message of(Message input, StepFailure f, long nowMillis) {
        Headers h = input.headers()
                .with(PREFIX + "chain", f.chain())
                .with(PREFIX + "step", f.stepId())
                .with(PREFIX + "class", f.errorClass().id())
                .with(PREFIX + "message", f.reason());
        if (f.location() != null) {
            h = h.with(PREFIX + "location", f.location().toString());
        }
        h = h.with(PREFIX + "attempts", Integer.toString(f.attempts()))
                .with(PREFIX + "record", f.record()).with(PREFIX + "time", Long.toString(nowMillis));
        return input.withHeaders(h);
    }

    /** The dead letter for input that could not even be decoded: the raw text as the value. */
    public static Message undecodable(String chain, String raw, String origin, String reason, long nowMillis) {
        Headers h = Headers.EMPTY
                .with(PREFIX + "chain", chain)
                .with(PREFIX + "step", "(input)")
                .with(PREFIX + "class", ErrorClass.BAD_DATA.id())
                .with(PREFIX + "message", reason)
                .with(PREFIX + "record", origin)
                .with(PREFIX + "time", Long.toString(nowMillis));
        return Message.builder().value(raw).headers(h).origin(origin).build();
    }
}

package dev.catena.host.spec;

import java.util.Locale;

/** What happens to a record when a step fails on it. */
public enum OnError {
    /** The record fails the chain; the host routes it to its dead-letter destination if it has one, else stops. */
    FAIL,
    /** Same as FAIL, said explicitly: the record goes to the dead-letter destination. */
    DLQ,
    /** The step is skipped: the record continues as it entered the step. */
    SKIP,
    /** The record is dropped (counted as dropped, not lost). */
    DROP;

    public static OnError parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown on-error '" + s + "': expected fail, dlq, skip or drop");
        }
    }
}

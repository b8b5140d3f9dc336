package dev.catena.host;

import dev.catena.bindings.Message;
import java.util.List;

/**
 * What a chain made of one record. Accounting, over a whole run:
 * {@code in + released = emitted + dropped + failed + absorbed} (see {@link ChainStats}).
 */
public sealed interface Outcome {

    /** The record passed; {@code messages} has one entry, or several if a step split it. */
    record Emitted(List<Message> messages) implements Outcome {
        public Emitted {
            messages = List.copyOf(messages);
        }
    }

    /** A step dropped the record on purpose (returned null/None, a filter, {@code drop:}). */
    record Dropped(String stepId) implements Outcome {
    }

    /** A step failed and its policy did not recover; {@code input} is the record as it entered the chain. */
    record Failed(Message input, StepFailure failure) implements Outcome {
    }

    /**
     * A stateful step ({@code aggregate}, {@code correlate}) took the record in; what it releases
     * later comes out of {@link Chain#drain()} and {@link Chain#flush()}.
     */
    record Absorbed(String stepId) implements Outcome {
    }
}

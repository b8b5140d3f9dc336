package dev.catena.host;

import dev.catena.bindings.Message;
import java.util.List;

/** What a chain made of one input record. Accounting: in = emitted records + dropped + failed. */
public sealed interface Outcome {

    /** The record passed; {@code messages} has one entry, or several if a step split it. */
    record Emitted(List<Message> messages) implements Outcome {
        public Emitted {
            messages = List.copyOf(messages);
        }
    }

    /** A step dropped the record on purpose (returned null/None, or a filter). */
    record Dropped(String stepId) implements Outcome {
    }

    /** A step failed and its policy did not recover; {@code input} is the record as it entered the chain. */
    record Failed(Message input, StepFailure failure) implements Outcome {
    }
}

package dev.catena.host.step;

import dev.catena.bindings.Message;
import java.util.List;

/** One transform in a chain. Implementations are thread-safe. */
public interface Step {
    /** The step's id in its chain. */
    String id();

    /**
     * Transforms one record.
     *
     * @return the records to pass on: one, none (dropped), or several (split)
     * @throws dev.catena.host.StepFailure when the step fails on this record
     */
    List<Message> apply(Message input);
}

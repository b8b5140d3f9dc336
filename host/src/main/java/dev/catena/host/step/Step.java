package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;
import java.util.List;

/**
 * One node of a chain's step graph: a script, a built-in, or a combinator of other steps.
 * Implementations are immutable and thread-safe.
 */
public interface Step {
    /** The step's id in its chain. */
    String id();

    /**
     * Transforms one record.
     *
     * @return the records to pass on: one, none (dropped; the step records who dropped it in
     *         {@code x}), or several (split)
     * @throws dev.catena.host.StepFailure when the step fails on this record
     */
    List<Message> apply(Message input, Exec x);

    /** Steps nested in this one (for validation and introspection). */
    default List<Step> children() {
        return List.of();
    }

    /** Whether this step (or one nested in it) may turn one record into several. */
    default boolean canSplit() {
        return children().stream().anyMatch(Step::canSplit);
    }
}

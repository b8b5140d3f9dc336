package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;
import java.util.List;

/**
 * A step that holds records and releases others later (aggregate, correlate). Runs only at the
 * top level of a chain in the standalone host; Kafka Connect refuses chains that have one.
 */
public interface StatefulStep extends Step {
    /**
     * Takes a record in. The record itself is absorbed; the result is what this step releases now
     * (windows this record closed, a completed correlation), to continue after the step.
     */
    List<Message> accept(Message input, Exec x);

    /** Releases everything still held (end of input). */
    List<Message> flush(Exec x);

    @Override
    default List<Message> apply(Message input, Exec x) {
        throw new UnsupportedOperationException(id() + " holds records: it runs only at the top level of a chain");
    }
}

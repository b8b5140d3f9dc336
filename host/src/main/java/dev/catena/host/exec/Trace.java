package dev.catena.host.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one record, step by step: the step id, the decision taken (ran, skipped,
 * branch, case, retry attempt, cache hit) and the record after it, for {@code catena run --trace}.
 */
public final class Trace {
    /** One event; {@code record} is the record after the step as JSON, or null. */
    public record Event(int depth, String stepId, String decision, String record) {
        @Override
        public String toString() {
            return "  ".repeat(depth + 1) + stepId + ": " + decision + (record == null ? "" : " -> " + record);
        }
    }

    private final List<Event> events = new ArrayList<>();

    void add(Event e) {
        events.add(e);
    }

    public List<Event> events() {
        return events;
    }
}

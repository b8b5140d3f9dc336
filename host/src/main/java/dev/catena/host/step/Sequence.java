package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;
import java.util.ArrayList;
import java.util.List;

/** Steps run one after another; every record a step emits goes through the rest. */
public final class Sequence implements Step {
    private final String id;
    private final List<Step> steps;

    public Sequence(String id, List<Step> steps) {
        this.id = id;
        this.steps = List.copyOf(steps);
    }

    @Override
    public String id() {
        return id;
    }

    public List<Step> steps() {
        return steps;
    }

    @Override
    public List<Step> children() {
        return steps;
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        return run(steps, input, x);
    }

    /** Runs {@code steps} in order on one record. */
    public static List<Message> run(List<Step> steps, Message input, Exec x) {
        return run(steps, input, List.of(input), x);
    }

    /** Runs {@code steps} in order on the records {@code current} ({@code single} when there is one). */
    public static List<Message> run(List<Step> steps, Message single, List<Message> current, Exec x) {
        for (Step step : steps) {
            List<Message> next = current.size() == 1 ? null : new ArrayList<>(current.size());
            for (Message m : current) {
                List<Message> out = step.apply(m, x);
                if (out.isEmpty() && x.droppedBy() == null) {
                    x.droppedBy(step.id());
                }
                if (next == null) {
                    next = out;
                } else {
                    next.addAll(out);
                }
            }
            if (next.isEmpty()) {
                return List.of();
            }
            current = next;
        }
        return current;
    }
}

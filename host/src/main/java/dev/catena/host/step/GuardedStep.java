package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.condition.Condition;
import dev.catena.host.exec.Exec;
import java.util.List;

/** A step with a {@code when:}: records the condition rejects pass through unchanged. */
public final class GuardedStep implements Step {
    private final Step step;
    private final Condition when;

    public GuardedStep(Step step, Condition when) {
        this.step = step;
        this.when = when;
    }

    @Override
    public String id() {
        return step.id();
    }

    @Override
    public List<Step> children() {
        return List.of(step);
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        if (!when.test(input, x)) {
            x.trace(step.id(), "skipped (when " + when.describe() + " is false)");
            return List.of(input);
        }
        return step.apply(input, x);
    }
}

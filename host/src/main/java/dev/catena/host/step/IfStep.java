package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.condition.Condition;
import dev.catena.host.exec.Exec;
import java.util.List;

/** {@code if: <condition>, then: [steps], else: [steps]}; a missing {@code else} passes the record on. */
public final class IfStep implements Step {
    private final String id;
    private final Condition condition;
    private final Step then;
    private final Step otherwise;

    public IfStep(String id, Condition condition, Step then, Step otherwise) {
        this.id = id;
        this.condition = condition;
        this.then = then;
        this.otherwise = otherwise;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Step> children() {
        return otherwise == null ? List.of(then) : List.of(then, otherwise);
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        if (condition.test(input, x)) {
            x.trace(id, "then (" + condition.describe() + ")");
            return then.apply(input, x);
        }
        x.trace(id, otherwise == null ? "no else (" + condition.describe() + " is false)" : "else");
        return otherwise == null ? List.of(input) : otherwise.apply(input, x);
    }
}

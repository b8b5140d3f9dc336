package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.bindings.Values;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.exec.Exec;
import dev.catena.host.exec.MessagePath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code foreach: value.lines, steps: [...]}: runs the steps once per element of an array field
 * (the element is the value of the record the steps see) and writes the results back in order:
 * an element the steps drop is removed, one they split becomes several. A missing field passes
 * the record on; a field that is not a list fails it.
 */
public final class ForeachStep implements Step {
    private final String chain;
    private final String id;
    private final String path;
    private final Step body;

    public ForeachStep(String chain, String id, String path, Step body) {
        this.chain = chain;
        this.id = id;
        this.path = path;
        this.body = body;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Step> children() {
        return List.of(body);
    }

    @Override
    public boolean canSplit() {
        return false;
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        Object field = MessagePath.get(input, path);
        if (field == null) {
            x.trace(id, path + " is missing, passed on");
            return List.of(input);
        }
        if (!(field instanceof List<?> items)) {
            throw new StepFailure(chain, id, ErrorClass.BAD_DATA, null, input.describe(),
                    "foreach needs a list at " + path + ", found " + Values.typeName(field), null);
        }
        String dropped = x.droppedBy();
        List<Object> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            x.trace(id, "element " + i);
            for (Message m : body.apply(input.withValue(items.get(i)), x)) {
                results.add(m.value());
            }
        }
        x.droppedBy(dropped);
        Message out = MessagePath.set(input, path, results);
        x.trace(id, items.size() + " elements in, " + results.size() + " out", out);
        return List.of(out);
    }
}

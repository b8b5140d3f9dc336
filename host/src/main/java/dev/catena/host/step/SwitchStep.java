package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.condition.Expression;
import dev.catena.host.exec.Exec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code switch: value.type} (a record path) or {@code switch: {js: "..."}}, with
 * {@code cases: {refund: [steps], order: [steps]}} and {@code default: [steps]}. The value is
 * compared as text (so {@code 1} matches case {@code "1"}); without a matching case or a default
 * the record passes on unchanged.
 */
public final class SwitchStep implements Step {
    private final String id;
    private final Expression on;
    private final Map<String, Step> cases;
    private final Step otherwise;

    public SwitchStep(String id, Expression on, Map<String, Step> cases, Step otherwise) {
        this.id = id;
        this.on = on;
        this.cases = new LinkedHashMap<>(cases);
        this.otherwise = otherwise;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Step> children() {
        List<Step> all = new ArrayList<>(cases.values());
        if (otherwise != null) {
            all.add(otherwise);
        }
        return all;
    }

    /** Case text of a value: strings as they are, integral numbers without ".0", others as JSON-ish text. */
    static String caseKey(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        String key = caseKey(on.eval(input, x));
        Step c = cases.get(key);
        if (c != null) {
            x.trace(id, "case " + key);
            return c.apply(input, x);
        }
        if (otherwise != null) {
            x.trace(id, "default (" + on.describe() + " = " + key + ")");
            return otherwise.apply(input, x);
        }
        x.trace(id, "no case for " + key + ", passed on");
        return List.of(input);
    }
}

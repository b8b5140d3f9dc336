package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.condition.Expression;
import dev.catena.host.exec.Exec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dispatch: {js: "msg.value.kind"}, chains: {refund: refund.yaml, order: order.yaml},
 * default: other.yaml}: an expression names, per record, the chain to run. Every candidate is
 * loaded (and checked for cycles) with the dispatching chain; a name with no chain and no default
 * fails the record.
 */
public final class DispatchStep implements Step {
    private final String chain;
    private final String id;
    private final Expression selector;
    private final Map<String, Step> targets;
    private final Step otherwise;

    public DispatchStep(String chain, String id, Expression selector, Map<String, Step> targets, Step otherwise) {
        this.chain = chain;
        this.id = id;
        this.selector = selector;
        this.targets = new LinkedHashMap<>(targets);
        this.otherwise = otherwise;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Step> children() {
        List<Step> all = new ArrayList<>(targets.values());
        if (otherwise != null) {
            all.add(otherwise);
        }
        return all;
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        String name = SwitchStep.caseKey(selector.eval(input, x));
        Step target = targets.getOrDefault(name, otherwise);
        if (target == null) {
            throw new StepFailure(chain, id, ErrorClass.BAD_DATA, null, input.describe(),
                    "dispatch selected '" + name + "', which names no chain (known: " + targets.keySet() + ") and there is no default", null);
        }
        x.trace(id, "dispatch to " + (targets.containsKey(name) ? name : "default (" + name + ")"));
        x.enter(id, input);
        try {
            return target.apply(input, x);
        } finally {
            x.leave();
        }
    }
}

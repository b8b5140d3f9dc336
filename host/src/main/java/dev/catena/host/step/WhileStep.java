package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.condition.Condition;
import dev.catena.host.exec.Exec;
import java.util.List;

/**
 * {@code while: <condition>, steps: [...], max-iterations: 100}: runs the steps on the record as
 * long as the condition holds. Passing max-iterations fails the record (a loop that does not end
 * is a bug, not a result). The body must not split the record.
 */
public final class WhileStep implements Step {
    private final String chain;
    private final String id;
    private final Condition condition;
    private final Step body;
    private final int maxIterations;

    public WhileStep(String chain, String id, Condition condition, Step body, int maxIterations) {
        this.chain = chain;
        this.id = id;
        this.condition = condition;
        this.body = body;
        this.maxIterations = maxIterations;
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
        Message m = input;
        int i = 0;
        while (condition.test(m, x)) {
            if (i == maxIterations) {
                throw new StepFailure(chain, id, ErrorClass.SCRIPT_ERROR, null, input.describe(),
                        "while loop did not end within max-iterations " + maxIterations, null);
            }
            i++;
            x.trace(id, "iteration " + i);
            List<Message> out = body.apply(m, x);
            if (out.isEmpty()) {
                return out;
            }
            if (out.size() > 1) {
                throw new StepFailure(chain, id, ErrorClass.SCRIPT_ERROR, null, input.describe(),
                        "a while body must return one record, it returned " + out.size(), null);
            }
            m = out.get(0);
        }
        x.trace(id, "done after " + i + " iterations");
        return List.of(m);
    }
}

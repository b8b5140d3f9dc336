package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.ErrorClass;
import dev.catena.host.StepFailure;
import dev.catena.host.condition.Expression;
import dev.catena.host.exec.Exec;
import dev.catena.host.exec.MessagePath;
import java.util.List;

/**
 * {@code branch: [steps], request: value.customer, result: value.customer_score}: maps a request
 * out of the record (a path or an expression; default the whole value), runs the steps on a
 * record whose value is that request, and writes the result's value back at the {@code result}
 * path (default: the whole value). If the steps drop the request, the record passes on unchanged.
 */
public final class BranchStep implements Step {
    private final String chain;
    private final String id;
    private final Expression request;
    private final String resultPath;
    private final Step body;

    public BranchStep(String chain, String id, Expression request, String resultPath, Step body) {
        this.chain = chain;
        this.id = id;
        this.request = request;
        this.resultPath = resultPath;
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
        Object req = request == null ? input.value() : request.eval(input, x);
        x.trace(id, "request " + (request == null ? "value" : request.describe()));
        String dropped = x.droppedBy();
        List<Message> out = body.apply(input.withValue(req), x);
        if (out.isEmpty()) {
            x.droppedBy(dropped);
            x.trace(id, "request dropped, record unchanged");
            return List.of(input);
        }
        if (out.size() > 1) {
            throw new StepFailure(chain, id, ErrorClass.SCRIPT_ERROR, null, input.describe(),
                    "a branch must return one result, it returned " + out.size(), null);
        }
        Message result = MessagePath.set(input, resultPath, out.get(0).value());
        x.trace(id, "result into " + resultPath, result);
        return List.of(result);
    }
}

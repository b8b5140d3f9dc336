package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;
import dev.catena.sandbox.Script;
import java.util.List;

/**
 * Adjacent script steps of one language run as one guest call (one context borrow, one message
 * view passed along, no conversion between them). The compiler fuses only steps whose outcome
 * cannot differ: no {@code when}, retry, memoize, split or recovering {@code on-error}.
 */
public final class FusedStep implements Step {
    private final List<ScriptStep> steps;
    private final List<Script> scripts;

    public FusedStep(List<ScriptStep> steps) {
        this.steps = List.copyOf(steps);
        this.scripts = ScriptStep.scriptsOf(this.steps);
    }

    @Override
    public String id() {
        return steps.get(0).id();
    }

    public List<ScriptStep> steps() {
        return steps;
    }

    @Override
    public List<Step> children() {
        return List.copyOf(steps);
    }

    @Override
    public boolean canSplit() {
        return false;
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        return ScriptStep.applyFused(steps, scripts, input, x);
    }
}

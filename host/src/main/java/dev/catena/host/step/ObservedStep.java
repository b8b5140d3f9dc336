package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.StepFailure;
import dev.catena.host.exec.Exec;
import dev.catena.host.spi.StepListener;
import java.util.List;

/** A top-level step that tells a {@link StepListener} how each record went, and how long it took. */
public final class ObservedStep implements Step {
    private final String chain;
    private final Step step;
    private final StepListener listener;

    public ObservedStep(String chain, Step step, StepListener listener) {
        this.chain = chain;
        this.step = step;
        this.listener = listener;
    }

    /** The step observed. */
    public Step step() {
        return step;
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
    public boolean canSplit() {
        return step.canSplit();
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        long start = System.nanoTime();
        try {
            List<Message> out = step.apply(input, x);
            listener.onStep(chain, step.id(), out.isEmpty() ? StepListener.Result.DROPPED
                    : out.size() > 1 ? StepListener.Result.SPLIT : StepListener.Result.PASSED, null, System.nanoTime() - start);
            return out;
        } catch (StepFailure f) {
            listener.onStep(chain, step.id(), StepListener.Result.FAILED, f.errorClass(), System.nanoTime() - start);
            throw f;
        }
    }
}

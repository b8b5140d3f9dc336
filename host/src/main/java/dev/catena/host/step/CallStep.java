package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code call: other.yaml}: runs another chain's steps on the record, as if inlined. Chains are
 * resolved when the calling chain loads (cycles are refused then); the supplier gives the loaded
 * body, so a chain can be called from several places and loaded once.
 */
public final class CallStep implements Step {
    private final String id;
    private final String target;
    private final Supplier<Step> body;

    public CallStep(String id, String target, Supplier<Step> body) {
        this.id = id;
        this.target = target;
        this.body = body;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Step> children() {
        Step b = body.get();
        return b == null ? List.of() : List.of(b);
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        x.trace(id, "call " + target);
        Step b = body.get();
        if (b == null) {
            throw new IllegalStateException("chain " + target + " called by step " + id + " was not loaded");
        }
        x.enter(id, input);
        try {
            return b.apply(input, x);
        } finally {
            x.leave();
        }
    }
}

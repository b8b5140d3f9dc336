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
        return List.of(body.get());
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        x.trace(id, "call " + target);
        x.enter(id, input);
        try {
            return body.get().apply(input, x);
        } finally {
            x.leave();
        }
    }
}

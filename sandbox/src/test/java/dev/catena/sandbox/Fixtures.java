package dev.catena.sandbox;

import dev.catena.bindings.Message;
import dev.catena.bindings.guest.MessageView;
import dev.catena.bindings.guest.StepContextView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records, contexts and the call shape the host uses: {@code transform(msg, ctx)} read back as messages. */
final class Fixtures {
    private Fixtures() {
    }

    static Message order(long qty, long price) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("qty", qty);
        value.put("price", price);
        return Message.builder().topic("orders").key("k" + qty).value(value).build();
    }

    static StepContextView ctx(Map<String, Object> params) {
        return new StepContextView(params, "test-chain", "step", () -> 0L, (level, text) -> { });
    }

    /** Runs the script's transform on {@code input} the way the host does. */
    static List<Message> transform(Sandbox sandbox, Script script, Message input) {
        return sandbox.call(script, fn -> {
            MessageView view = new MessageView(input);
            return view.results(fn.execute(view, ctx(Map.of())));
        });
    }
}

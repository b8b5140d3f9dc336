package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;
import dev.catena.host.exec.MessagePath;
import java.util.List;
import java.util.Map;

/** Built-in steps that never enter a guest: {@code drop: true}, {@code noop: true}, {@code set: {path: value}}. */
public final class Builtins {
    private Builtins() {
    }

    /** Drops every record it sees (give it a {@code when:}). */
    public static Step drop(String id) {
        return new Step() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Message> apply(Message input, Exec x) {
                x.trace(id, "dropped");
                x.droppedBy(id);
                return List.of();
            }
        };
    }

    /** Passes records through unchanged (placeholders, benchmarks of orchestration overhead). */
    public static Step noop(String id) {
        return new Step() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Message> apply(Message input, Exec x) {
                if (x.tracing()) {
                    x.trace(id, "ran", input);
                }
                return List.of(input);
            }
        };
    }

    /** Sets record paths ({@code value.a.b}, {@code key}, {@code topic}, {@code headers.h}) to constants. */
    public static Step set(String id, Map<String, Object> assignments) {
        Map<String, Object> copy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(assignments));
        return new Step() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Message> apply(Message input, Exec x) {
                Message m = input;
                for (Map.Entry<String, Object> e : copy.entrySet()) {
                    m = MessagePath.set(m, e.getKey(), dev.catena.bindings.Values.deepCopy(e.getValue()));
                }
                if (x.tracing()) {
                    x.trace(id, "set " + copy.keySet(), m);
                }
                return List.of(m);
            }
        };
    }
}

package dev.catena.host.condition;

import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;
import dev.catena.host.exec.MessagePath;

/**
 * A value computed from a record: a record path evaluated in Java ({@code value.type}) or a
 * JS/Python expression ({@code {js: "msg.value.type + '-' + msg.topic"}}). Used by switch,
 * dispatch, branch, memoize and aggregate.
 */
public interface Expression {
    Object eval(Message m, Exec x);

    String describe();

    /** A record path, evaluated without entering a guest. */
    static Expression path(String path) {
        return new Expression() {
            @Override
            public Object eval(Message m, Exec x) {
                return MessagePath.get(m, path);
            }

            @Override
            public String describe() {
                return path;
            }
        };
    }
}

package dev.catena.host.condition;

import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;

/**
 * A test on a record, written as {@code when:}, {@code if:} or {@code while:}. Built-in
 * conditions are evaluated in Java without entering a guest; {@link ScriptCondition} runs a JS
 * or Python expression.
 */
public interface Condition {
    boolean test(Message m, Exec x);

    /** The value when it does not depend on the record (folded at load), else null. */
    default Boolean constant() {
        return null;
    }

    /** A short description for traces: "value.amount > 100". */
    String describe();
}

package dev.catena.host.condition;

import dev.catena.bindings.Message;
import dev.catena.host.ErrorClass;
import dev.catena.host.exec.Exec;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Built-in tests of the record as a whole: topic name, tombstone, and the error being handled. */
public final class RecordCondition {
    private RecordCondition() {
    }

    /** {@code {topic: "orders-.*"}}: the topic matches the regex (full match). */
    public static Condition topicMatches(String regex) {
        Pattern p = Pattern.compile(regex);
        return new Condition() {
            @Override
            public boolean test(Message m, Exec x) {
                return m.topic() != null && p.matcher(m.topic()).matches();
            }

            @Override
            public String describe() {
                return "topic matches " + regex;
            }
        };
    }

    /** {@code {tombstone: true}}: the value is null. */
    public static Condition tombstone(boolean expected) {
        return new Condition() {
            @Override
            public boolean test(Message m, Exec x) {
                return m.isTombstone() == expected;
            }

            @Override
            public String describe() {
                return expected ? "tombstone" : "not tombstone";
            }
        };
    }

    /**
     * {@code {error: [timeout, script-error]}}: inside a fallback, the failure being handled is
     * of one of these classes; false outside error handling.
     */
    public static Condition errorIn(Set<ErrorClass> classes) {
        return new Condition() {
            @Override
            public boolean test(Message m, Exec x) {
                return x.errorClass() != null && classes.contains(x.errorClass());
            }

            @Override
            public String describe() {
                return "error in " + classes.stream().map(ErrorClass::id).collect(Collectors.joining(", ", "[", "]"));
            }
        };
    }
}

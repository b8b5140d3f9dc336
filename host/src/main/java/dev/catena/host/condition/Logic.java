package dev.catena.host.condition;

import dev.catena.bindings.Message;
import dev.catena.host.exec.Exec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code not}, {@code all}, {@code any} and constants, with constant folding. */
public final class Logic {
    private Logic() {
    }

    public static final Condition TRUE = constant(true);
    public static final Condition FALSE = constant(false);

    public static Condition constant(boolean value) {
        return new Condition() {
            @Override
            public boolean test(Message m, Exec x) {
                return value;
            }

            @Override
            public Boolean constant() {
                return value;
            }

            @Override
            public String describe() {
                return Boolean.toString(value);
            }
        };
    }

    public static Condition not(Condition c) {
        if (c.constant() != null) {
            return constant(!c.constant());
        }
        return new Condition() {
            @Override
            public boolean test(Message m, Exec x) {
                return !c.test(m, x);
            }

            @Override
            public String describe() {
                return "not (" + c.describe() + ")";
            }
        };
    }

    /** All must hold; constant-true parts are dropped, a constant-false part makes it false. */
    public static Condition all(List<Condition> parts) {
        List<Condition> live = new ArrayList<>();
        for (Condition c : parts) {
            if (Boolean.FALSE.equals(c.constant())) {
                return FALSE;
            }
            if (c.constant() == null) {
                live.add(c);
            }
        }
        if (live.isEmpty()) {
            return TRUE;
        }
        if (live.size() == 1) {
            return live.get(0);
        }
        return new Condition() {
            @Override
            public boolean test(Message m, Exec x) {
                for (Condition c : live) {
                    if (!c.test(m, x)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public String describe() {
                return live.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
            }
        };
    }

    /** One must hold; constant-false parts are dropped, a constant-true part makes it true. */
    public static Condition any(List<Condition> parts) {
        List<Condition> live = new ArrayList<>();
        for (Condition c : parts) {
            if (Boolean.TRUE.equals(c.constant())) {
                return TRUE;
            }
            if (c.constant() == null) {
                live.add(c);
            }
        }
        if (live.isEmpty()) {
            return FALSE;
        }
        if (live.size() == 1) {
            return live.get(0);
        }
        return new Condition() {
            @Override
            public boolean test(Message m, Exec x) {
                for (Condition c : live) {
                    if (c.test(m, x)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String describe() {
                return live.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
            }
        };
    }
}

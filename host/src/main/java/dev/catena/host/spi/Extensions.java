package dev.catena.host.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The step and condition kinds found on the class path, by key. */
public final class Extensions {
    private final Map<String, StepKind> steps = new HashMap<>();
    private final Map<String, ConditionKind> conditions = new HashMap<>();

    private Extensions() {
    }

    /** Kinds registered with {@link ServiceLoader} in {@code loader}. */
    public static Extensions load(ClassLoader loader) {
        Extensions e = new Extensions();
        for (StepKind k : ServiceLoader.load(StepKind.class, loader)) {
            e.steps.put(k.key(), k);
        }
        for (ConditionKind k : ServiceLoader.load(ConditionKind.class, loader)) {
            e.conditions.put(k.key(), k);
        }
        return e;
    }

    public StepKind step(String key) {
        return steps.get(key);
    }

    public ConditionKind condition(String key) {
        return conditions.get(key);
    }

    public java.util.Set<String> stepKeys() {
        return steps.keySet();
    }
}

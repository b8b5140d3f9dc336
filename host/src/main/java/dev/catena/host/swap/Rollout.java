package dev.catena.host.swap;

import dev.catena.host.spec.Problem;
import dev.catena.host.spec.YamlNode;
import java.util.List;

/**
 * How a new version of a chain goes live, from the chain file's {@code rollout:}:
 * <pre>
 * rollout:
 *   canary: {percent: 10}        # a deterministic share of records (by key hash) to the new version
 *   shadow: true                 # or: run it beside the old one, emit the old output, report differences
 *   promote-after: 1000          # records on the new version before it becomes the only one
 *   rollback: {error-rate: 0.05, min-records: 50}   # automatic rollback of a bad new version
 * </pre>
 * Without {@code rollout:} a valid new version replaces the old one at once.
 *
 * @param canaryPercent  0..100, 0 for no canary
 * @param shadow         run beside, emit only the old output
 * @param promoteAfter   records handled by the new version before promotion (0: never automatically)
 * @param maxErrorRate   failed / handled on the new version above which it is rolled back
 * @param minRecords     records before the error rate is judged
 */
public record Rollout(int canaryPercent, boolean shadow, long promoteAfter, double maxErrorRate, long minRecords) {
    public static final Rollout IMMEDIATE = new Rollout(0, false, 0, 1.0, 0);

    public boolean staged() {
        return canaryPercent > 0 || shadow;
    }

    /** Reads {@code rollout:} of a chain document; problems (naming key, value and what was expected) go to {@code problems}. */
    public static Rollout parse(YamlNode root, List<Problem> problems) {
        YamlNode r = root.get("rollout");
        if (r == null) {
            return IMMEDIATE;
        }
        if (!r.isMap()) {
            problems.add(r.problem("'rollout' takes {canary: {percent}, shadow, promote-after, rollback: {error-rate, min-records}}"));
            return IMMEDIATE;
        }
        known(r, java.util.Set.of("canary", "shadow", "promote-after", "rollback"), problems);
        int percent = 0;
        YamlNode c = r.get("canary");
        if (c != null) {
            known(c, java.util.Set.of("percent"), problems);
            percent = (int) number(c, "percent", 0, 100, 0, problems);
            if (c.get("percent") == null) {
                problems.add(c.problem("'canary' takes {percent: 0..100}"));
            }
        }
        boolean shadow = false;
        if (r.get("shadow") != null) {
            if (r.get("shadow").scalar() instanceof Boolean b) {
                shadow = b;
            } else {
                problems.add(r.get("shadow").problem("'shadow' must be true or false, found " + r.get("shadow").kindName()));
            }
        }
        if (shadow && percent > 0) {
            problems.add(r.problem("a rollout is a canary or a shadow, not both"));
        }
        long promote = number(r, "promote-after", 0, Long.MAX_VALUE, 0, problems);
        double rate = 1.0;
        long min = 20;
        YamlNode rb = r.get("rollback");
        if (rb != null) {
            known(rb, java.util.Set.of("error-rate", "min-records"), problems);
            YamlNode e = rb.get("error-rate");
            if (e != null) {
                if (e.scalar() instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
                    rate = n.doubleValue();
                } else {
                    problems.add(e.problem("'error-rate' is a fraction from 0 to 1, found " + e.scalar()));
                }
            }
            min = number(rb, "min-records", 1, Long.MAX_VALUE, 20, problems);
        }
        return new Rollout(percent, shadow, promote, rate, min);
    }

    private static void known(YamlNode map, java.util.Set<String> keys, List<Problem> problems) {
        if (!map.isMap()) {
            problems.add(map.problem("expected a map with " + keys));
            return;
        }
        for (String k : map.entries().keySet()) {
            if (!keys.contains(k)) {
                problems.add(map.keyNode(k).problem("unknown rollout key '" + k + "'; expected one of " + keys.stream().sorted().toList()));
            }
        }
    }

    private static long number(YamlNode map, String key, long min, long max, long dflt, List<Problem> problems) {
        YamlNode v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (v.scalar() instanceof Long l && l >= min && l <= max) {
            return l;
        }
        problems.add(v.problem("'" + key + "' must be an integer from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max)
                + ", found " + v.kindName() + (v.scalar() == null ? "" : " " + v.scalar())));
        return dflt;
    }
}

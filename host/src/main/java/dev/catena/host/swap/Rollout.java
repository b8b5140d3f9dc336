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

    /** Reads {@code rollout:} of a chain document; problems go to {@code problems}. */
    public static Rollout parse(YamlNode root, List<Problem> problems) {
        YamlNode r = root.get("rollout");
        if (r == null) {
            return IMMEDIATE;
        }
        if (!r.isMap()) {
            problems.add(r.problem("'rollout' takes {canary: {percent}, shadow, promote-after, rollback: {error-rate, min-records}}"));
            return IMMEDIATE;
        }
        int percent = 0;
        YamlNode c = r.get("canary");
        if (c != null) {
            if (c.isMap() && c.get("percent") != null && c.get("percent").scalar() instanceof Long p && p >= 0 && p <= 100) {
                percent = p.intValue();
            } else {
                problems.add(c.problem("'canary' takes {percent: 0..100}"));
            }
        }
        boolean shadow = r.get("shadow") != null && Boolean.TRUE.equals(r.get("shadow").scalar());
        if (shadow && percent > 0) {
            problems.add(r.problem("a rollout is a canary or a shadow, not both"));
        }
        long promote = r.get("promote-after") != null && r.get("promote-after").scalar() instanceof Long l ? l : 0;
        double rate = 1.0;
        long min = 20;
        YamlNode rb = r.get("rollback");
        if (rb != null) {
            if (rb.get("error-rate") != null && rb.get("error-rate").scalar() instanceof Number n) {
                rate = n.doubleValue();
            }
            if (rb.get("min-records") != null && rb.get("min-records").scalar() instanceof Long m) {
                min = m;
            }
        }
        return new Rollout(percent, shadow, promote, rate, min);
    }
}

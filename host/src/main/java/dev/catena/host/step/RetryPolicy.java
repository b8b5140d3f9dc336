package dev.catena.host.step;

import dev.catena.host.ErrorClass;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code retry: {attempts: 3, backoff: 100ms, max-backoff: 2s, jitter: 0.2, max-elapsed: 10s,
 * on: [timeout, dependency-failure]}}. Delays grow exponentially from {@code backoff}, capped at
 * {@code max-backoff}, spread by ± {@code jitter} (a fraction); no attempt starts after
 * {@code max-elapsed}. Only failures of the listed classes are retried (default: the transient
 * ones — timeout, dependency-failure, internal).
 *
 * @param attempts   total attempts including the first (1 = no retry)
 * @param backoff    delay before the second attempt
 * @param maxBackoff cap on any delay
 * @param jitter     0..1, fraction of the delay added or removed at random
 * @param maxElapsed no new attempt once this much time has passed since the first (null: no cap)
 * @param on         error classes worth retrying
 */
public record RetryPolicy(int attempts, Duration backoff, Duration maxBackoff, double jitter, Duration maxElapsed,
        Set<ErrorClass> on) {

    public static final Set<ErrorClass> TRANSIENT = Set.of(ErrorClass.TIMEOUT, ErrorClass.DEPENDENCY_FAILURE, ErrorClass.INTERNAL);
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, null, Set.of());

    public RetryPolicy {
        on = Set.copyOf(on);
    }

    public boolean retries(ErrorClass c) {
        return on.contains(c);
    }

    /** The delay before attempt {@code next} (2 for the first retry). */
    public Duration delayBefore(int next, RandomGenerator random) {
        double base = backoff.toNanos() * Math.pow(2, next - 2);
        double capped = Math.min(base, maxBackoff.isZero() ? base : maxBackoff.toNanos());
        double spread = jitter <= 0 ? 0 : capped * jitter * (2 * random.nextDouble() - 1);
        double delay = capped + spread;
        if (!maxBackoff.isZero()) {
            delay = Math.min(delay, maxBackoff.toNanos());
        }
        return Duration.ofNanos(Math.max(0, Math.round(delay)));
    }
}

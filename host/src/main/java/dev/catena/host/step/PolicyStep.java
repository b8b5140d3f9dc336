package dev.catena.host.step;

import dev.catena.bindings.Message;
import dev.catena.host.StepFailure;
import dev.catena.host.exec.Exec;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A step's failure handling: retries (each attempt starts from the record as it entered the
 * step — steps never mutate their input), then the {@code on-error} policy: fail (the record
 * fails the chain), skip (continue with the step's input), drop, or a fallback (other steps,
 * run on the step's input with the failure visible to their conditions as {@code error:}).
 */
public final class PolicyStep implements Step {
    /** What to do once retries are spent. */
    public enum Action { FAIL, SKIP, DROP, FALLBACK }

    private final Step step;
    private final RetryPolicy retry;
    private final Action action;
    private final Step fallback;
    private final RandomGenerator random;

    public PolicyStep(Step step, RetryPolicy retry, Action action, Step fallback, long seed) {
        this.step = step;
        this.retry = retry;
        this.action = action;
        this.fallback = fallback;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String id() {
        return step.id();
    }

    @Override
    public List<Step> children() {
        return fallback == null ? List.of(step) : List.of(step, fallback);
    }

    @Override
    public List<Message> apply(Message input, Exec x) {
        StepFailure outer = x.error();
        try {
            return attempt(input, x);
        } finally {
            // the failure this step handled is not visible after it; one being handled around it is again
            x.error(outer);
        }
    }

    private List<Message> attempt(Message input, Exec x) {
        long start = x.now();
        StepFailure last = null;
        int attempt = 1;
        while (true) {
            try {
                if (attempt > 1) {
                    x.trace(step.id(), "retry attempt " + attempt + " (" + last.errorClass().id() + ")");
                }
                return step.apply(input, x);
            } catch (StepFailure f) {
                last = f.attempts() >= attempt ? f : f.withAttempts(attempt);
                if (attempt >= retry.attempts() || !retry.retries(f.errorClass())) {
                    break;
                }
                Duration delay;
                synchronized (random) {
                    delay = retry.delayBefore(attempt + 1, random);
                }
                if (retry.maxElapsed() != null
                        && x.now() - start + delay.toMillis() > retry.maxElapsed().toMillis()) {
                    x.trace(step.id(), "retries stop: max-elapsed " + retry.maxElapsed().toMillis() + " ms");
                    break;
                }
                x.sleeper().sleep(delay);
                attempt++;
            }
        }
        return recover(input, x, last);
    }

    private List<Message> recover(Message input, Exec x, StepFailure f) {
        switch (action) {
            case SKIP -> {
                x.trace(step.id(), "failed (" + f.errorClass().id() + "), skipped: " + f.reason(), input);
                return List.of(input);
            }
            case DROP -> {
                x.trace(step.id(), "failed (" + f.errorClass().id() + "), dropped: " + f.reason());
                x.droppedBy(step.id());
                return List.of();
            }
            case FALLBACK -> {
                x.trace(step.id(), "failed (" + f.errorClass().id() + "), fallback: " + f.reason());
                x.error(f);
                return fallback.apply(input, x);
            }
            default -> throw f;
        }
    }
}

package dev.catena.host.orchestration;

import static dev.catena.host.orchestration.Fixtures.BASE;
import static dev.catena.host.orchestration.Fixtures.OPTIONS;
import static dev.catena.host.orchestration.Fixtures.assertBalanced;
import static dev.catena.host.orchestration.Fixtures.assertValue;
import static dev.catena.host.orchestration.Fixtures.failure;
import static dev.catena.host.orchestration.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.catena.bindings.Message;
import dev.catena.host.Chain;
import dev.catena.host.ChainLoader;
import dev.catena.host.DeadLetter;
import dev.catena.host.ErrorClass;
import dev.catena.host.HostOptions;
import dev.catena.host.Outcome;
import dev.catena.host.StepFailure;
import dev.catena.sandbox.Sandbox;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInfo;

/**
 * Retries with an injected clock: the sleeper records each wait and advances the clock, so
 * nothing sleeps. {@code steps/flaky.js} fails until its per-run counter reaches
 * {@code succeed_at}; each test uses its own run id, so the shared context's module state does
 * not leak between tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryTest {
    private static final long START = 1_700_000_000_000L;
    private final Sandbox sandbox = new Sandbox(OPTIONS.sandbox());

    @AfterAll
    void closeSandbox() {
        sandbox.close();
    }

    private static Chain chain(String yaml, FakeClock clock, Sandbox sandbox) {
        HostOptions options = OPTIONS.withClock(clock, clock);
        return ChainLoader.fromText(yaml, "retry.yaml", BASE, options, sandbox);
    }

    private static String flaky(int succeedAt, String retry) {
        return """
                chain: retry
                steps:
                  - id: flaky
                    js: steps/flaky.js
                    params: {succeed_at: SUCCEED}
                    retry: RETRY
                """.replace("SUCCEED", Integer.toString(succeedAt)).replace("RETRY", retry);
    }

    private static Message run(TestInfo info, int n) {
        return record(1, "{\"run\": \"" + info.getDisplayName() + "\", \"n\": " + n + "}");
    }

    @Test
    void retry_waitsExponentialBackoffCappedAtMax_andEachAttemptStartsFromOriginalInput(TestInfo info) {
        FakeClock clock = new FakeClock(START);
        try (Chain c = chain(flaky(4, "{on: [script-error], attempts: 4, backoff: 100ms, max-backoff: 250ms}"), clock, sandbox)) {
            Outcome o = c.apply(run(info, 5));
            assertEquals(List.of(100L, 200L, 250L), clock.sleptMillis());
            assertEquals(START + 550, clock.getAsLong());
            assertValue("{\"run\": \"" + info.getDisplayName() + "\", \"n\": 6, \"seen_n\": 5, \"attempt\": 4}", o);
            assertBalanced(c);
        }
    }

    @Test
    void retry_failsRecord_afterLastAttempt_countingAttempts(TestInfo info) {
        FakeClock clock = new FakeClock(START);
        try (Chain c = chain(flaky(100, "{on: [script-error], attempts: 4, backoff: 100ms, max-backoff: 250ms}"), clock, sandbox)) {
            Outcome o = c.apply(run(info, 5));
            StepFailure f = failure(o);
            assertEquals(4, f.attempts());
            assertEquals(ErrorClass.SCRIPT_ERROR, f.errorClass());
            assertTrue(f.getMessage().endsWith("(after 4 attempts)"), f.getMessage());
            assertTrue(f.reason().contains("attempt 4 failed"), f.reason());
            assertEquals(List.of(100L, 200L, 250L), clock.sleptMillis());
            assertEquals(5L, ((java.util.Map<?, ?>) ((Outcome.Failed) o).input().value()).get("n"), "input untouched");
            assertEquals("4", DeadLetter.of(((Outcome.Failed) o).input(), f, clock.getAsLong()).headers().get("catena.error.attempts"));
            assertBalanced(c);
        }
    }

    @Test
    void retry_stopsEarly_whenNextAttemptWouldStartPastMaxElapsed(TestInfo info) {
        FakeClock clock = new FakeClock(START);
        String retry = "{on: [script-error], attempts: 4, backoff: 100ms, max-backoff: 250ms, max-elapsed: 250ms}";
        try (Chain c = chain(flaky(100, retry), clock, sandbox)) {
            StepFailure f = failure(c.apply(run(info, 5)));
            assertEquals(List.of(100L), clock.sleptMillis(), "a third attempt would start at 300 ms");
            assertEquals(2, f.attempts());
            assertTrue(f.getMessage().endsWith("(after 2 attempts)"), f.getMessage());
            assertBalanced(c);
        }
    }

    @Test
    void retry_spreadsDelaysWithinJitter(TestInfo info) {
        FakeClock clock = new FakeClock(START);
        String retry = "{on: [script-error], attempts: 6, backoff: 100ms, max-backoff: 10s, jitter: 0.5}";
        try (Chain c = chain(flaky(100, retry), clock, sandbox)) {
            failure(c.apply(run(info, 5)));
            List<Long> slept = clock.sleptMillis();
            List<Long> nominal = List.of(100L, 200L, 400L, 800L, 1600L);
            assertEquals(nominal.size(), slept.size());
            for (int i = 0; i < slept.size(); i++) {
                long d = slept.get(i);
                long base = nominal.get(i);
                assertTrue(d >= base / 2 && d <= base * 3 / 2, "delay " + i + " = " + d + " ms, outside " + base + " ± 50%");
            }
            assertNotEquals(nominal, slept, "jitter moved the delays");
            assertBalanced(c);
        }
    }

    /** max-backoff is documented as "cap on any delay" (RetryPolicy): jitter must not push a delay past it. */
    @Test
    void retry_neverWaitsLongerThanMaxBackoff_evenWithJitter(TestInfo info) {
        FakeClock clock = new FakeClock(START);
        String retry = "{on: [script-error], attempts: 10, backoff: 100ms, max-backoff: 100ms, jitter: 0.5}";
        try (Chain c = chain(flaky(100, retry), clock, sandbox)) {
            failure(c.apply(run(info, 5)));
            assertEquals(9, clock.sleptMillis().size());
            for (long d : clock.sleptMillis()) {
                assertTrue(d >= 50 && d <= 100, "delays " + clock.sleptMillis() + " must stay within [50, 100] ms");
            }
            assertBalanced(c);
        }
    }

    @Test
    void retry_doesNotRetry_classesNotListed(TestInfo info) {
        FakeClock clock = new FakeClock(START);
        try (Chain c = chain(flaky(2, "{on: [timeout, dependency-failure], attempts: 4, backoff: 100ms}"), clock, sandbox)) {
            StepFailure f = failure(c.apply(run(info, 5)));
            assertEquals(1, f.attempts());
            assertEquals(List.of(), clock.sleptMillis());
            assertTrue(f.getMessage().endsWith("attempt 1 failed"), f.getMessage());
            assertBalanced(c);
        }
    }

    @Test
    void retry_byDefault_retriesOnlyTransientClasses(TestInfo info) {
        FakeClock clock = new FakeClock(START);
        try (Chain c = chain(flaky(2, "{attempts: 4, backoff: 100ms}"), clock, sandbox)) {
            StepFailure f = failure(c.apply(run(info, 5)));
            assertEquals(1, f.attempts(), "a script error is not transient");
            assertEquals(List.of(), clock.sleptMillis());
            assertBalanced(c);
        }
    }

    /**
     * Once a retry succeeds, the failures before it are over: a later {@code when: {error: ...}}
     * ("false outside error handling") must not see them.
     */
    @Test
    void retry_leavesNoErrorBehind_whenAnAttemptSucceeds(TestInfo info) {
        FakeClock clock = new FakeClock(START);
        String yaml = flaky(2, "{on: [script-error], attempts: 3, backoff: 10ms}")
                + "  - {id: after, set: {value.saw_error: true}, when: {error: [script-error]}}\n";
        try (Chain c = chain(yaml, clock, sandbox)) {
            assertValue("{\"run\": \"" + info.getDisplayName() + "\", \"n\": 6, \"seen_n\": 5, \"attempt\": 2}", c.apply(run(info, 5)));
            assertBalanced(c);
        }
    }

    @Test
    void retry_thenFallback_runsFallbackOnOriginalInput(TestInfo info) {
        FakeClock clock = new FakeClock(START);
        String yaml = flaky(100, "{on: [script-error], attempts: 2, backoff: 10ms}")
                + "    on-error: {fallback: [{id: fb, set: {value.fallback: true}}]}\n";
        try (Chain c = chain(yaml, clock, sandbox)) {
            assertValue("{\"run\": \"" + info.getDisplayName() + "\", \"n\": 5, \"fallback\": true}", c.apply(run(info, 5)));
            assertEquals(List.of(10L), clock.sleptMillis());
            assertBalanced(c);
        }
    }
}

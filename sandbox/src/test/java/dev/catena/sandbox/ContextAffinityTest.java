package dev.catena.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A thread gets back the context it used last when that one is idle: a script's module state
 * (a call counter here) counts up without gaps for each thread, though the pool has more contexts.
 */
class ContextAffinityTest {
    private static final Script COUNTER = Script.of(Language.JS, "steps/count.js", """
            let calls = 0;
            export function transform() { calls += 1; return calls; }
            """);

    @Test
    void call_fromOneThread_reusesOneContextOfAPrewarmedPool() {
        try (Sandbox sandbox = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(4))) {
            sandbox.prewarm(EnumSet.of(Language.JS));
            List<Long> seen = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                seen.add(sandbox.call(COUNTER, fn -> fn.execute().asLong()));
            }

            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), seen);
        }
    }

    @Test
    void call_fromTwoThreadsInLockstep_eachKeepsItsOwnContext() throws Exception {
        int calls = 50;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Sandbox sandbox = new Sandbox(SandboxOptions.DEFAULT.withPoolSize(2).withTimeLimit(Duration.ofSeconds(20)))) {
            sandbox.prewarm(EnumSet.of(Language.JS));
            CyclicBarrier step = new CyclicBarrier(2);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                futures.add(threads.submit(() -> {
                    List<Long> seen = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        step.await(30, TimeUnit.SECONDS);
                        seen.add(sandbox.call(COUNTER, fn -> fn.execute().asLong()));
                    }
                    return seen;
                }));
            }

            for (Future<List<Long>> f : futures) {
                List<Long> seen = f.get(60, TimeUnit.SECONDS);
                // the first two rounds may hand a context from one thread to the other (both start
                // with no context of their own); from then on each thread keeps its own
                long third = seen.get(2);
                for (int i = 3; i < calls; i++) {
                    assertEquals(third + i - 2, seen.get(i), "call " + i + " of " + seen);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
